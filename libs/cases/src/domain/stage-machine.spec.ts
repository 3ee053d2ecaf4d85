import {
  FULL_TRIAGE,
  NOW,
  PRIVATE_TRIAGE,
  TODAY,
  facts,
  readyTracks,
  trackAt,
} from './domain-fixtures';
import { planTrackTransition } from './stage-machine';
import type { ActorSide, TrackAction } from './track-actions';
import type { CaseFacts } from './transition-effect';
import { TransitionRefused } from './transition-refused';
import { TRANSITIONS } from './transition-table';
import type { TransitionRow } from './transition-table';
import type { TrackKind, TrackSnapshot, TrackStage } from './tracks';

interface Scenario {
  track: TrackSnapshot;
  action: TrackAction;
  caseFacts: CaseFacts;
}

/** Builds the track, payload and facts that should take `row` for a track of `kind`. */
function scenarioFor(kind: TrackKind, row: TransitionRow): Scenario {
  const held = { consultationsHeld: 1 };
  let extra: Partial<TrackSnapshot> = {};
  let caseFacts = facts();
  const base = (action: TrackAction): Scenario => ({
    track: trackAt(kind, row.from, extra),
    action,
    caseFacts,
  });
  switch (row.action) {
    case 'request_consultation':
      return base({ type: 'request_consultation', reasons: 'Discuss the vendor choice.' });
    case 'record_consultation_held':
      return base({ type: 'record_consultation_held', heldOn: TODAY });
    case 'record_council_position':
      extra = held;
      return base(
        kind === 'advice'
          ? { type: 'record_council_position', position: 'positive' }
          : { type: 'record_council_position', position: 'granted', reasons: 'Safeguards agreed.' },
      );
    case 'record_employer_decision':
      return employerDecisionScenario(kind, row);
    case 'waive_suspension':
      return base(
        row.to === 'go_live_gate'
          ? { type: 'waive_suspension', whole: true }
          : { type: 'waive_suspension', whole: false, waivedUntil: '2026-02-20' },
      );
    case 'record_appeal_ruling':
      extra = { returnStage: row.to === 'withdrawn' ? 'suspension' : row.to };
      return base({ type: 'record_appeal_ruling', upheld: row.to === 'withdrawn' });
    case 'record_substitute_permission':
      return base({ type: 'record_substitute_permission', granted: row.to === 'go_live_gate' });
    case 'send_notice':
      return base({
        type: 'send_notice',
        recipients: ['workers_representatives', 'affected_workers'],
      });
    case 'mark_ready':
      caseFacts = row.from === 'notice_sent' ? facts({ triage: PRIVATE_TRIAGE }) : caseFacts;
      return base({ type: 'mark_ready' });
    case 'complete_dpia':
      return base({ type: 'complete_dpia', residualHighRisk: row.to === 'prior_consultation' });
    case 'resume':
      extra = { returnStage: row.to };
      return base({ type: 'resume' });
    case 'record_decision_without_consent':
      return base({ type: 'record_decision_without_consent', learnedOn: TODAY });
    default:
      return base({ type: row.action });
  }
}

function employerDecisionScenario(kind: TrackKind, row: TransitionRow): Scenario {
  const receivedOn = '2026-03-01';
  if (row.from !== 'council_position') {
    // The agreed term lapsed without a position [W5, W14].
    return {
      track: trackAt(kind, row.from, { consultationsHeld: 1 }),
      action: { type: 'record_employer_decision', follows: false, receivedOn },
      caseFacts: facts({ responseTermLapsed: true }),
    };
  }
  const position = {
    advice: { go_live_gate: 'positive', suspension: 'negative', withdrawn: 'negative' },
    consent: {
      go_live_gate: 'granted',
      substitute_permission_pending: 'refused',
      withdrawn: 'refused',
    },
  }[kind as 'advice' | 'consent'] as Record<string, string>;
  const follows = row.to !== 'suspension' && row.to !== 'substitute_permission_pending';
  return {
    track: trackAt(kind, 'council_position', {
      consultationsHeld: 1,
      councilPosition: {
        position: position[row.to] as never,
        conditions: [],
        reasons: 'Because.',
        waivesSuspension: false,
        receivedOn: '2026-02-20',
      },
    }),
    action: {
      type: 'record_employer_decision',
      follows,
      reasons: 'Business needs.',
      implementationDate: '2026-06-01',
      receivedOn,
    },
    caseFacts: facts(),
  };
}

const everyRow = TRANSITIONS.flatMap((row) =>
  row.tracks.map((kind) => [kind, row.from, row.action, row.to, row] as const),
);

describe('planTrackTransition: every row of the table is reachable', () => {
  it.each(everyRow)('%s: %s --%s--> %s', (kind, _from, _action, to, row) => {
    const { track, action, caseFacts } = scenarioFor(kind, row);
    for (const actorSide of row.who) {
      const plan = planTrackTransition({ caseFacts, track, action, actorSide, now: NOW });
      expect(plan.next.stage).toBe(to);
      expect(plan.next.history.at(-1)).toMatchObject({ from: row.from, to, actorSide, action });
    }
  });

  it.each(everyRow)(
    '%s: %s --%s--> %s is refused to an expert and a union officer',
    (kind, _f, _a, _t, row) => {
      const { track, action, caseFacts } = scenarioFor(kind, row);
      for (const actorSide of ['expert', 'union'] as const) {
        expect(() =>
          planTrackTransition({ caseFacts, track, action, actorSide, now: NOW }),
        ).toThrow(TransitionRefused);
      }
    },
  );
});

function refusal(
  track: TrackSnapshot,
  action: TrackAction,
  actorSide: ActorSide,
  caseFacts: CaseFacts = facts(),
  receivedOn?: string,
): TransitionRefused {
  try {
    planTrackTransition({ caseFacts, track, action, actorSide, now: NOW, receivedOn });
  } catch (error) {
    if (error instanceof TransitionRefused) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the transition to be refused');
}

const position = (p: string, extra: object = {}) =>
  ({
    position: p,
    conditions: [],
    waivesSuspension: false,
    receivedOn: '2026-02-20',
    ...extra,
  }) as never;

describe('planTrackTransition: refusals list what is missing', () => {
  it.each<[string, TrackSnapshot, TrackAction, ActorSide, CaseFacts | undefined, string[]]>([
    [
      'advice without an overlegvergadering [W4]',
      trackAt('advice', 'council_deliberation'),
      { type: 'record_council_position', position: 'positive' },
      'council_board',
      undefined,
      ['consultation_meeting_held'],
    ],
    [
      'consent without an overlegvergadering [W13]',
      trackAt('consent', 'request_submitted'),
      { type: 'record_council_position', position: 'granted', reasons: 'ok' },
      'council_board',
      undefined,
      ['consultation_meeting_held'],
    ],
    [
      'an incomplete advice request [W3]',
      trackAt('advice', 'consultation_held'),
      { type: 'submit_request' },
      'employer',
      facts({ missingRequestContents: ['reasons', 'measures'] }),
      ['request_contents:reasons', 'request_contents:measures'],
    ],
    [
      'a request by the council, incomplete too',
      trackAt('consent', 'information'),
      { type: 'submit_request' },
      'council_board',
      facts({ missingRequestContents: ['regeling_text'] }),
      ['actor_side:employer', 'request_contents:regeling_text'],
    ],
    [
      'a request after the employer is committed [W1, S22]',
      trackAt('advice', 'information'),
      { type: 'submit_request' },
      'employer',
      facts({ employerCommitted: true }),
      ['timing:before_commitment'],
    ],
    [
      'an unreasoned consultation request [W22]',
      trackAt('advice', 'information'),
      { type: 'request_consultation', reasons: ' ' },
      'council_board',
      undefined,
      ['reasons'],
    ],
    [
      'a meeting held in the future',
      trackAt('advice', 'consultation_requested'),
      { type: 'record_consultation_held', heldOn: '2026-03-09' },
      'employer',
      undefined,
      ['held_on'],
    ],
    [
      'a council position recorded by the employer',
      trackAt('advice', 'council_deliberation', { consultationsHeld: 1 }),
      { type: 'record_council_position', position: 'positive' },
      'employer',
      undefined,
      ['actor_side:council_board'],
    ],
    [
      'a council position by an ordinary member',
      trackAt('advice', 'council_deliberation', { consultationsHeld: 1 }),
      { type: 'record_council_position', position: 'positive' },
      'council_member',
      undefined,
      ['actor_side:council_board'],
    ],
    [
      'an advice position on a consent track',
      trackAt('consent', 'council_deliberation', { consultationsHeld: 1 }),
      { type: 'record_council_position', position: 'positive', reasons: 'fine' },
      'council_board',
      undefined,
      ['position:granted|refused|conditional'],
    ],
    [
      'conditional advice without conditions',
      trackAt('advice', 'council_deliberation', { consultationsHeld: 1 }),
      {
        type: 'record_council_position',
        position: 'conditional',
        conditions: [''],
        reasons: 'see',
      },
      'council_board',
      undefined,
      ['conditions'],
    ],
    [
      'negative advice without reasons (b)3',
      trackAt('advice', 'council_deliberation', { consultationsHeld: 1 }),
      { type: 'record_council_position', position: 'negative' },
      'council_board',
      undefined,
      ['reasons'],
    ],
    [
      'an unreasoned consent decision [W13]',
      trackAt('consent', 'council_deliberation', { consultationsHeld: 1 }),
      { type: 'record_council_position', position: 'refused' },
      'council_board',
      undefined,
      ['reasons'],
    ],
    [
      'a suspension waiver on consent',
      trackAt('consent', 'council_deliberation', { consultationsHeld: 1 }),
      {
        type: 'record_council_position',
        position: 'granted',
        reasons: 'ok',
        waivesSuspension: true,
      },
      'council_board',
      undefined,
      ['suspension_waiver:advice_only'],
    ],
    [
      'a deviating decision without reasons [W6, W8]',
      trackAt('advice', 'council_position', { councilPosition: position('negative') }),
      { type: 'record_employer_decision', follows: false, receivedOn: '2026-03-01' },
      'employer',
      undefined,
      ['reasons'],
    ],
    [
      'a consent decision without implementation date [W13]',
      trackAt('consent', 'council_position', { councilPosition: position('granted') }),
      { type: 'record_employer_decision', follows: true, receivedOn: '2026-03-01' },
      'employer',
      undefined,
      ['implementation_date'],
    ],
    [
      'a decision other than the one consented to [W10]',
      trackAt('consent', 'council_position', { councilPosition: position('granted') }),
      {
        type: 'record_employer_decision',
        follows: false,
        implementationDate: '2026-06-01',
        receivedOn: '2026-03-01',
      },
      'employer',
      undefined,
      ['consent_for_decision'],
    ],
    [
      'a decision on a position that was never recorded',
      trackAt('advice', 'council_position'),
      { type: 'record_employer_decision', follows: true, receivedOn: '2026-03-01' },
      'employer',
      undefined,
      ['council_position'],
    ],
    [
      'following a position that does not exist [W5]',
      trackAt('consent', 'council_deliberation'),
      { type: 'record_employer_decision', follows: true, receivedOn: '2026-03-01' },
      'employer',
      facts({ responseTermLapsed: true }),
      ['council_position'],
    ],
    [
      'a decision before the agreed term lapsed [W5]',
      trackAt('advice', 'council_deliberation'),
      { type: 'record_employer_decision', follows: false, receivedOn: '2026-03-01' },
      'employer',
      undefined,
      ['response_term_lapsed'],
    ],
    [
      'a decision received tomorrow [S6]',
      trackAt('advice', 'council_position', { councilPosition: position('positive') }),
      { type: 'record_employer_decision', follows: true, receivedOn: '2026-03-03' },
      'employer',
      undefined,
      ['received_on'],
    ],
    [
      'ending the suspension on its last day [W7]',
      trackAt('advice', 'suspension'),
      { type: 'end_suspension' },
      'employer',
      facts({ suspensionLastDay: TODAY }),
      ['suspension_ended'],
    ],
    [
      'ending the suspension without a computed last day',
      trackAt('advice', 'suspension'),
      { type: 'end_suspension' },
      'employer',
      facts({ suspensionLastDay: undefined }),
      ['suspension_last_day'],
    ],
    [
      'a partial waiver without a day',
      trackAt('advice', 'suspension'),
      { type: 'waive_suspension', whole: false },
      'council_board',
      undefined,
      ['waived_until'],
    ],
    [
      'a partial waiver that does not shorten the month',
      trackAt('advice', 'suspension'),
      { type: 'waive_suspension', whole: false, waivedUntil: '2026-04-01' },
      'council_board',
      facts({ suspensionLastDay: '2026-03-31' }),
      ['waived_until:before_suspension_end'],
    ],
    [
      'the employer waiving the suspension',
      trackAt('advice', 'suspension'),
      { type: 'waive_suspension', whole: true },
      'employer',
      undefined,
      ['actor_side:council_board'],
    ],
    [
      'going live with the gate closed',
      trackAt('advice', 'go_live_gate'),
      { type: 'mark_implemented' },
      'employer',
      facts({
        tracks: [
          trackAt('advice', 'go_live_gate'),
          trackAt('consent', 'council_position'),
          trackAt('ai_act', 'notice_prepared'),
        ],
        oversight: undefined,
      }),
      [
        'gate:ai_act_notice_sent',
        'gate:dpia_done',
        'gate:fria_done',
        'gate:oversight_trained',
        'gate:consent_present',
      ],
    ],
    [
      'going live during deliberation',
      trackAt('advice', 'council_deliberation'),
      { type: 'mark_implemented' },
      'employer',
      undefined,
      ['stage:go_live_gate'],
    ],
    [
      'an appeal on a consent track',
      trackAt('consent', 'go_live_gate'),
      { type: 'file_appeal' },
      'council_board',
      undefined,
      ['track_kind:advice'],
    ],
    [
      'nullity on an advice track',
      trackAt('advice', 'go_live_gate'),
      { type: 'invoke_nullity' },
      'council_board',
      undefined,
      ['track_kind:consent'],
    ],
    [
      'a union officer asking questions',
      trackAt('advice', 'information'),
      { type: 'request_information' },
      'union',
      undefined,
      ['actor_side:council_board|council_member'],
    ],
    [
      'a 26(7) notice that skips the affected workers [E4]',
      trackAt('ai_act', 'notice_prepared'),
      { type: 'send_notice', recipients: ['workers_representatives'] },
      'employer',
      undefined,
      ['notice_recipient:affected_workers'],
    ],
    [
      'a FRIA at a private employer [E12]',
      trackAt('ai_act', 'notice_sent'),
      { type: 'start_fria' },
      'employer',
      facts({ triage: PRIVATE_TRIAGE }),
      ['triage:fria_required'],
    ],
    [
      'ready without the FRIA a public body owes [E12]',
      trackAt('ai_act', 'notice_sent'),
      { type: 'mark_ready' },
      'employer',
      undefined,
      ['fria_done'],
    ],
    [
      'resume without a stage to return to',
      trackAt('dpia', 'on_hold'),
      { type: 'resume' },
      'employer',
      undefined,
      ['return_stage'],
    ],
    [
      'putting a suspension on hold',
      trackAt('advice', 'suspension'),
      { type: 'put_on_hold' },
      'employer',
      undefined,
      [
        'stage:screening|information|consultation_requested|consultation_held|request_submitted|council_deliberation|council_position|go_live_gate',
      ],
    ],
  ])('refuses %s', (_name, track, action, side, caseFacts, missing) => {
    const error = refusal(track, action, side, caseFacts);
    expect(error.missing).toEqual(missing);
    expect(error).toMatchObject({
      code: 'case.transition_not_allowed',
      status: 409,
      track: track.kind,
      from: track.stage,
      action: action.type,
    });
    expect(error).toBeInstanceOf(Error);
  });

  it('refuses a receipt day in the future for any action', () => {
    const error = refusal(
      trackAt('advice', 'information'),
      { type: 'request_consultation', reasons: 'r' },
      'employer',
      facts(),
      '2026-03-05',
    );
    expect(error.missing).toEqual(['received_on']);
  });

  it('refuses withdrawing an implemented decision: a change goes through screening instead', () => {
    const error = refusal(trackAt('advice', 'implemented'), { type: 'withdraw' }, 'employer');
    expect(error.missing).toHaveLength(1);
    expect(error.missing[0]).toMatch(/^stage:/);
    expect(error.missing[0]).not.toContain('implemented');
  });
});

function plan(
  track: TrackSnapshot,
  action: TrackAction,
  side: ActorSide,
  f = facts(),
  receivedOn?: string,
) {
  return planTrackTransition({
    caseFacts: f,
    track,
    action,
    actorSide: side,
    now: NOW,
    receivedOn,
  });
}

describe('planTrackTransition: deadlines it asks for', () => {
  it('a consultation request starts the 2-week statutory term from receipt [W22]', () => {
    const result = plan(
      trackAt('advice', 'information'),
      { type: 'request_consultation', reasons: 'Vendor choice' },
      'council_board',
      facts(),
      '2026-02-27',
    );
    expect(result.deadlines).toEqual([
      expect.objectContaining({
        ruleId: 'consultation_meeting_term',
        track: 'advice',
        triggerDate: '2026-02-27',
        length: { weeks: 2 },
        statutory: true,
      }),
    ]);
    expect(result.next.consultationRequestedOn).toBe('2026-02-27');
  });

  it('holding the meeting closes the term and counts the meeting', () => {
    const result = plan(
      trackAt('advice', 'consultation_requested', { consultationRequestedOn: '2026-02-27' }),
      { type: 'record_consultation_held', heldOn: TODAY },
      'employer',
    );
    expect(result.cancelDeadlines).toEqual(['consultation_meeting_term']);
    expect(result.next.consultationsHeld).toBe(1);
    expect(result.next).not.toHaveProperty('consultationRequestedOn');
  });

  it.each([
    ['advice', 'advice_response_term'],
    ['consent', 'consent_response_term'],
  ] as const)('submitting the %s request starts the agreed %s [W5, W13]', (kind, ruleId) => {
    const result = plan(trackAt(kind, 'consultation_held'), { type: 'submit_request' }, 'employer');
    expect(result.deadlines).toEqual([
      expect.objectContaining({
        ruleId,
        triggerDate: TODAY,
        length: 'council_setting',
        statutory: false,
      }),
    ]);
  });

  it('a deviating advice decision starts suspension and the fatal appeal term from receipt [W7, W8]', () => {
    const result = plan(
      trackAt('advice', 'council_position', {
        councilPosition: position('negative', { reasons: 'no' }),
      }),
      {
        type: 'record_employer_decision',
        follows: false,
        reasons: 'Costs',
        receivedOn: '2026-02-28',
      },
      'employer',
    );
    expect(result.next.stage).toBe('suspension');
    expect(result.deadlines).toEqual([
      expect.objectContaining({
        ruleId: 'suspension_term',
        triggerDate: '2026-02-28',
        length: { months: 1 },
        fatal: false,
      }),
      expect.objectContaining({
        ruleId: 'appeal_term',
        triggerDate: '2026-02-28',
        length: { months: 1 },
        fatal: true,
      }),
    ]);
    expect(result.cancelDeadlines).toEqual(['employer_decision_sla']);
  });

  it('a deviation the council waived in advance goes to the gate with only the appeal term', () => {
    const result = plan(
      trackAt('advice', 'council_position', {
        councilPosition: position('conditional', {
          conditions: ['log access'],
          waivesSuspension: true,
        }),
      }),
      {
        type: 'record_employer_decision',
        follows: false,
        reasons: 'Not feasible',
        receivedOn: TODAY,
      },
      'employer',
    );
    expect(result.next.stage).toBe('go_live_gate');
    expect(result.deadlines.map((d) => d.ruleId)).toEqual(['appeal_term']);
  });

  it('a decision without advice after the agreed term lapsed can still be appealed [W9]', () => {
    const result = plan(
      trackAt('advice', 'council_deliberation'),
      { type: 'record_employer_decision', follows: false, receivedOn: TODAY },
      'employer',
      facts({ responseTermLapsed: true }),
    );
    expect(result.next.stage).toBe('go_live_gate');
    expect(result.next.employerDecision?.withoutCouncilPosition).toBe(true);
    expect(result.deadlines).toEqual([
      expect.objectContaining({
        ruleId: 'appeal_term',
        sources: expect.arrayContaining(['W8', 'W9']),
      }),
    ]);
    expect(result.cancelDeadlines).toEqual(['advice_response_term']);
  });

  it('a consented decision opens no nullity term [W15, legal-rules (e)3]', () => {
    const result = plan(
      trackAt('consent', 'council_position', { councilPosition: position('granted') }),
      {
        type: 'record_employer_decision',
        follows: true,
        implementationDate: '2026-05-01',
        receivedOn: TODAY,
      },
      'employer',
    );
    expect(result.next.stage).toBe('go_live_gate');
    expect(result.deadlines).toEqual([]);
  });

  it('a decision after a refusal starts the nullity term from its written notice [W15, S10]', () => {
    const result = plan(
      trackAt('consent', 'substitute_permission_pending', {
        councilPosition: position('refused', { reasons: 'Too intrusive.' }),
      }),
      { type: 'record_decision_without_consent', receivedOn: '2026-03-02' },
      'employer',
    );
    expect(result.next.stage).toBe('substitute_permission_pending');
    expect(result.deadlines).toEqual([
      expect.objectContaining({
        ruleId: 'nullity_term',
        triggerDate: '2026-03-02',
        fatal: true,
        statutory: true,
      }),
    ]);
    expect(result.events.map((e) => e.type)).toContain('case.decision_without_consent_recorded');
  });

  it('an implementation without asking starts the term when the council learned of it [W15]', () => {
    const result = plan(
      trackAt('consent', 'screening'),
      { type: 'record_decision_without_consent', learnedOn: '2026-02-25' },
      'council_board',
    );
    expect(result.deadlines).toEqual([
      expect.objectContaining({ ruleId: 'nullity_term', triggerDate: '2026-02-25' }),
    ]);
    expect(result.events).toContainEqual(
      expect.objectContaining({
        type: 'case.decision_without_consent_recorded',
        payload: expect.objectContaining({
          basis: 'consent_not_asked',
          from: 'implementation_learned',
          startsOn: '2026-02-25',
        }),
      }),
    );
  });

  it('refuses a "decision without consent" on a decision that has consent', () => {
    expect(() =>
      plan(
        trackAt('consent', 'go_live_gate', {
          councilPosition: position('granted'),
          employerDecision: {
            follows: true,
            receivedOn: '2026-03-01',
            withoutCouncilPosition: false,
          },
        }),
        { type: 'record_decision_without_consent', receivedOn: '2026-03-02' },
        'employer',
      ),
    ).toThrow(TransitionRefused);
  });

  it('filing the appeal closes the appeal term and remembers where to return', () => {
    const result = plan(trackAt('advice', 'suspension'), { type: 'file_appeal' }, 'council_board');
    expect(result.cancelDeadlines).toEqual(['appeal_term']);
    expect(result.next.returnStage).toBe('suspension');
  });

  it('withdrawing closes every deadline of the track', () => {
    const result = plan(trackAt('consent', 'go_live_gate'), { type: 'withdraw' }, 'employer');
    expect(result.cancelDeadlines).toEqual(
      expect.arrayContaining([
        'consent_response_term',
        'nullity_term',
        'consultation_meeting_term',
      ]),
    );
  });
});

describe('planTrackTransition: snapshots and events', () => {
  it('never mutates its input and appends history', () => {
    const track = trackAt('advice', 'screening');
    const frozen = JSON.stringify(track);
    const result = plan(
      track,
      { type: 'request_information', subject: 'model card' },
      'council_member',
    );
    expect(JSON.stringify(track)).toBe(frozen);
    expect(result.next.history).toEqual([
      {
        at: NOW.toISOString(),
        from: 'screening',
        to: 'information',
        action: { type: 'request_information', subject: 'model card' },
        actorSide: 'council_member',
      },
    ]);
  });

  it('emits the generic transition event and the specific one', () => {
    const result = plan(
      trackAt('consent', 'council_deliberation', { consultationsHeld: 1 }),
      {
        type: 'record_council_position',
        position: 'conditional',
        conditions: ['no appraisal use'],
        reasons: 'r',
      },
      'council_board',
    );
    expect(result.events).toEqual([
      {
        type: 'case.track_transitioned',
        payload: {
          track: 'consent',
          from: 'council_deliberation',
          to: 'council_position',
          action: 'record_council_position',
          actorSide: 'council_board',
        },
      },
      {
        type: 'case.council_position_recorded',
        payload: {
          track: 'consent',
          position: 'conditional',
          conditions: ['no appraisal use'],
          waivesSuspension: false,
        },
      },
    ]);
    expect(result.next.councilPosition).toEqual({
      position: 'conditional',
      conditions: ['no appraisal use'],
      reasons: 'r',
      waivesSuspension: false,
      receivedOn: TODAY,
    });
  });

  it('propose_change restarts the procedure but keeps the history', () => {
    const track = trackAt('advice', 'evaluation', {
      consultationsHeld: 2,
      councilPosition: position('positive'),
      history: [
        {
          at: 'earlier',
          from: 'implemented',
          to: 'evaluation',
          action: { type: 'start_evaluation' },
          actorSide: 'employer',
        },
      ],
    });
    const result = plan(track, { type: 'propose_change' }, 'council_board');
    expect(result.next).toMatchObject({ stage: 'screening', consultationsHeld: 0 });
    expect(result.next).not.toHaveProperty('councilPosition');
    expect(result.next.history).toHaveLength(2);
  });
});

/** A tiny in-memory case to walk whole procedures the way the service will. */
class CaseRun {
  tracks: TrackSnapshot[];
  suspensionLastDay?: string;
  oversight?: CaseFacts['oversight'];

  constructor(
    kinds: TrackKind[],
    readonly triageOutcome = FULL_TRIAGE,
  ) {
    this.tracks = kinds.map((kind) =>
      trackAt(
        kind,
        {
          advice: 'screening',
          consent: 'screening',
          ai_act: 'classification',
          dpia: 'required',
          skills: 'planned',
        }[kind] as TrackStage,
      ),
    );
  }

  stage(kind: TrackKind): TrackStage {
    return this.tracks.find((t) => t.kind === kind)!.stage;
  }

  act(kind: TrackKind, action: TrackAction, side: ActorSide, now = NOW) {
    const track = this.tracks.find((t) => t.kind === kind)!;
    const result = planTrackTransition({
      caseFacts: {
        triage: this.triageOutcome,
        tracks: this.tracks,
        oversight: this.oversight,
        missingRequestContents: [],
        suspensionLastDay: this.suspensionLastDay,
      },
      track,
      action,
      actorSide: side,
      now,
    });
    this.tracks = this.tracks.map((t) => (t.kind === kind ? result.next : t));
    return result;
  }
}

describe('full procedures', () => {
  it('advice and consent from screening to implemented and evaluation', () => {
    const run = new CaseRun(['advice', 'consent', 'ai_act', 'dpia', 'skills']);
    for (const kind of ['advice', 'consent'] as const) {
      run.act(
        kind,
        { type: 'request_information', subject: 'DPIA and model card' },
        'council_member',
      );
      run.act(kind, { type: 'provide_information' }, 'employer');
      run.act(kind, { type: 'request_consultation', reasons: 'Discuss the plan' }, 'council_board');
      run.act(kind, { type: 'record_consultation_held', heldOn: TODAY }, 'employer');
      run.act(kind, { type: 'submit_request' }, 'employer');
      run.act(kind, { type: 'start_deliberation' }, 'council_board');
      run.act(kind, { type: 'record_consultation_held', heldOn: TODAY }, 'council_board');
    }
    expect(run.tracks.find((t) => t.kind === 'advice')!.consultationsHeld).toBe(2);
    run.act('advice', { type: 'record_council_position', position: 'positive' }, 'council_board');
    run.act(
      'consent',
      {
        type: 'record_council_position',
        position: 'granted',
        reasons: 'Safeguards in the regeling',
      },
      'council_board',
    );
    run.act(
      'advice',
      { type: 'record_employer_decision', follows: true, receivedOn: TODAY },
      'employer',
    );
    run.act(
      'consent',
      {
        type: 'record_employer_decision',
        follows: true,
        implementationDate: '2026-05-01',
        receivedOn: TODAY,
      },
      'employer',
    );
    expect([run.stage('advice'), run.stage('consent')]).toEqual(['go_live_gate', 'go_live_gate']);

    // The gate stays shut until the AI Act, DPIA and oversight conditions are met.
    expect(() => run.act('advice', { type: 'mark_implemented' }, 'employer')).toThrow(
      TransitionRefused,
    );
    run.act('ai_act', { type: 'prepare_notice' }, 'employer');
    run.act(
      'ai_act',
      { type: 'send_notice', recipients: ['workers_representatives', 'affected_workers'] },
      'employer',
    );
    run.act('ai_act', { type: 'start_fria' }, 'employer');
    run.act('ai_act', { type: 'complete_fria' }, 'employer');
    run.act('ai_act', { type: 'mark_ready' }, 'employer');
    run.act('dpia', { type: 'start_dpia' }, 'employer');
    run.act('dpia', { type: 'complete_dpia', residualHighRisk: true }, 'employer');
    run.act('dpia', { type: 'record_prior_consultation' }, 'employer');
    run.act('skills', { type: 'start_training' }, 'employer');
    run.act('skills', { type: 'complete_training' }, 'employer');
    expect(() => run.act('advice', { type: 'mark_implemented' }, 'employer')).toThrow(
      expect.objectContaining({ missing: ['gate:oversight_trained'] }),
    );
    run.oversight = { staffNamed: true, trained: true, source: 'manual_confirmation' };

    const implemented = run.act('advice', { type: 'mark_implemented' }, 'employer');
    expect(implemented.deadlines).toEqual([
      expect.objectContaining({
        ruleId: 'evaluation_date',
        triggerDate: TODAY,
        length: 'council_setting',
      }),
    ]);
    run.act('consent', { type: 'mark_implemented' }, 'employer');
    run.act('ai_act', { type: 'mark_implemented' }, 'employer');
    run.act('advice', { type: 'start_evaluation' }, 'employer');
    run.act('consent', { type: 'start_evaluation' }, 'council_board');
    expect(run.tracks.map((t) => t.stage)).toEqual([
      'evaluation',
      'evaluation',
      'in_use',
      'done',
      'done',
    ]);

    run.act('advice', { type: 'propose_change' }, 'employer');
    expect(run.stage('advice')).toBe('screening');
  });

  it('a deviating decision suspends, the council waives part, and the suspension ends', () => {
    const run = new CaseRun(['advice'], triageWithAdviceOnly());
    run.tracks = [trackAt('advice', 'council_deliberation', { consultationsHeld: 1 })];
    run.act(
      'advice',
      { type: 'record_council_position', position: 'negative', reasons: 'Too intrusive' },
      'council_board',
    );
    run.act(
      'advice',
      {
        type: 'record_employer_decision',
        follows: false,
        reasons: 'Needed for safety',
        receivedOn: TODAY,
      },
      'employer',
    );
    expect(run.stage('advice')).toBe('suspension');
    run.suspensionLastDay = '2026-04-01';
    run.act(
      'advice',
      { type: 'waive_suspension', whole: false, waivedUntil: '2026-03-15' },
      'council_board',
    );
    expect(() =>
      run.act('advice', { type: 'end_suspension' }, 'employer', new Date('2026-03-15T12:00:00Z')),
    ).toThrow(expect.objectContaining({ missing: ['suspension_ended'] }));
    run.act('advice', { type: 'end_suspension' }, 'employer', new Date('2026-03-16T08:00:00Z'));
    expect(run.stage('advice')).toBe('go_live_gate');
    run.act('advice', { type: 'mark_implemented' }, 'employer', new Date('2026-03-16T08:00:00Z'));
    expect(run.stage('advice')).toBe('implemented');
  });

  it('a whole waiver ends the suspension at once', () => {
    const run = new CaseRun(['advice'], triageWithAdviceOnly());
    run.tracks = [trackAt('advice', 'suspension')];
    const result = run.act('advice', { type: 'waive_suspension', whole: true }, 'council_board');
    expect(result.next.stage).toBe('go_live_gate');
    expect(result.cancelDeadlines).toEqual(['suspension_term']);
  });

  it('an appeal during suspension returns there when dismissed, and withdraws when upheld', () => {
    const run = new CaseRun(['advice'], triageWithAdviceOnly());
    run.tracks = [trackAt('advice', 'suspension')];
    run.act('advice', { type: 'file_appeal' }, 'council_board');
    expect(run.stage('advice')).toBe('appeal_pending');
    run.act('advice', { type: 'record_appeal_ruling', upheld: false }, 'employer');
    expect(run.stage('advice')).toBe('suspension');
    run.act('advice', { type: 'file_appeal' }, 'council_board');
    run.act('advice', { type: 'record_appeal_ruling', upheld: true }, 'council_board');
    expect(run.stage('advice')).toBe('withdrawn');
  });

  it('refused consent goes to the kantonrechter and on to the gate with substitute permission', () => {
    const run = new CaseRun(['consent'], triageWithConsentOnly());
    run.tracks = [trackAt('consent', 'council_deliberation', { consultationsHeld: 1 })];
    run.act(
      'consent',
      { type: 'record_council_position', position: 'refused', reasons: 'No purpose limit' },
      'council_board',
    );
    run.act(
      'consent',
      {
        type: 'record_employer_decision',
        follows: false,
        reasons: 'Business need',
        receivedOn: TODAY,
      },
      'employer',
    );
    expect(run.stage('consent')).toBe('substitute_permission_pending');
    expect(() => run.act('consent', { type: 'mark_implemented' }, 'employer')).toThrow(
      TransitionRefused,
    );
    const granted = run.act(
      'consent',
      { type: 'record_substitute_permission', granted: true },
      'employer',
    );
    expect(granted.next.substitutePermission).toBe('granted');
    run.act('consent', { type: 'mark_implemented' }, 'employer');
    expect(run.stage('consent')).toBe('implemented');
  });

  it('refused consent the employer accepts withdraws the track', () => {
    const run = new CaseRun(['consent'], triageWithConsentOnly());
    run.tracks = [
      trackAt('consent', 'council_position', {
        councilPosition: position('refused', { reasons: 'no' }),
      }),
    ];
    run.act(
      'consent',
      { type: 'record_employer_decision', follows: true, receivedOn: TODAY },
      'employer',
    );
    expect(run.stage('consent')).toBe('withdrawn');
  });

  it('nullity after implementing without consent, then a fresh request', () => {
    const run = new CaseRun(['consent'], triageWithConsentOnly());
    run.tracks = [trackAt('consent', 'implemented')];
    const nullity = run.act('consent', { type: 'invoke_nullity' }, 'council_board');
    expect(nullity.cancelDeadlines).toEqual(['nullity_term']);
    // The day the invocation reached the employer, which a receipt correction may move.
    expect(nullity.next.nullityInvokedOn).toBe(TODAY);
    run.act('consent', { type: 'submit_request' }, 'employer');
    expect(run.stage('consent')).toBe('request_submitted');
  });

  it('on hold and back', () => {
    const run = new CaseRun(['advice'], triageWithAdviceOnly());
    run.act('advice', { type: 'request_information' }, 'council_board');
    run.act('advice', { type: 'put_on_hold', reason: 'waiting for the vendor' }, 'council_board');
    expect(run.stage('advice')).toBe('on_hold');
    run.act('advice', { type: 'resume' }, 'employer');
    expect(run.stage('advice')).toBe('information');
    expect(run.tracks[0]).not.toHaveProperty('returnStage');
  });
});

function triageWithAdviceOnly() {
  return {
    ...FULL_TRIAGE,
    consent: { ...FULL_TRIAGE.consent, applies: false },
    aiAct: {
      ...PRIVATE_TRIAGE.aiAct,
      highRisk: false,
      noticeToWorkersRequired: false,
      fria: false,
    },
    dpia: { required: false, triggers: [] },
  };
}

function triageWithConsentOnly() {
  return {
    ...triageWithAdviceOnly(),
    advice: { applies: false, letters: [] },
    consent: FULL_TRIAGE.consent,
  };
}

it('readyTracks open the gate for the full fixture', () => {
  const result = plan(
    trackAt('advice', 'go_live_gate'),
    { type: 'mark_implemented' },
    'employer',
    facts({ tracks: readyTracks() }),
  );
  expect(result.next.stage).toBe('implemented');
});
