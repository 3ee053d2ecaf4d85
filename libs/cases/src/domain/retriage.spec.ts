import { tracksCoveredByConsultation } from './consultation';
import { NO_ANSWERS, trackAt } from './domain-fixtures';
import { planRetriage, proposalReasons, triageContradictions } from './retriage';
import type { KnownTriageFacts } from './retriage';
import { activeTracks, triage } from './triage';
import type { TriageAnswers } from './triage';

/** HR monitoring: advice (k), consent (k, l), AI Act high-risk, DPIA, skills. */
const MONITORING: TriageAnswers = {
  ...NO_ANSWERS,
  introducesOrChangesTechnology: true,
  processesStaffPersonalData: true,
  canMonitorStaff: true,
  annexIIIPoint4: 'monitoring_evaluation',
  profilesNaturalPersons: true,
  largeScaleMonitoring: true,
  jobContentChanges: true,
};
const KNOWN: KnownTriageFacts = {
  councilKind: 'or',
  organisationHeadcount: 250,
  monitoringCapability: true,
  dataCategories: ['pick rates'],
};
const current = triage(MONITORING);
const open = activeTracks(current);

function plan(
  answers: Partial<TriageAnswers>,
  { sent = true, known = KNOWN, openTracks = open } = {},
) {
  const all = { ...MONITORING, ...answers };
  return planRetriage({ current, next: triage(all), answers: all, sent, openTracks, known });
}

describe('re-triage of a sent case (issue #14, house style B.19)', () => {
  it.each<[string, Partial<TriageAnswers>, string[]]>([
    [
      '"no works council" on a case of an OR',
      { councilType: 'none' },
      ['withdraws_track:advice', 'withdraws_track:consent', 'contradicts:councilType'],
    ],
    [
      'a PVT instead of the OR',
      { councilType: 'pvt' },
      ['withdraws_track:advice', 'withdraws_track:consent', 'contradicts:councilType'],
    ],
    [
      '"cannot monitor" a system the register lists as capable',
      { canMonitorStaff: false },
      ['contradicts:canMonitorStaff'],
    ],
    [
      '"no staff data" for a system with data categories',
      { processesStaffPersonalData: false, canMonitorStaff: false },
      [
        'withdraws_track:consent',
        'contradicts:canMonitorStaff',
        'contradicts:processesStaffPersonalData',
      ],
    ],
    ['fewer staff than the organisation has', { headcount: 40 }, ['contradicts:headcount']],
    ['no longer high-risk', { annexIIIPoint4: 'none' }, ['withdraws_track:ai_act']],
    [
      'no DPIA trigger and no staff data (EDPB criteria then unmet)',
      { largeScaleMonitoring: false, processesStaffPersonalData: false, canMonitorStaff: false },
      [
        'withdraws_track:consent',
        'withdraws_track:dpia',
        'contradicts:canMonitorStaff',
        'contradicts:processesStaffPersonalData',
      ],
    ],
  ])('%s is a proposal: %j', (_name, answers, reasons) => {
    const result = plan(answers);
    expect(result.kind).toBe('propose');
    expect(result.kind === 'propose' ? proposalReasons(result) : []).toEqual(reasons);
  });

  it.each<[string, Partial<TriageAnswers>]>([
    ['the same answers', {}],
    ['a new purpose adds 27(1)(g)', { usedForAppraisal: true }],
    ['an investment adds 25(1)(h)', { majorInvestment: true }],
    ['more staff than registered', { headcount: 400 }],
  ])('%s applies at once', (_name, answers) => {
    expect(plan(answers).kind).toBe('apply');
  });

  it('a withdrawn track is not withdrawn again: answers that drop it only add nothing', () => {
    expect(
      plan({ annexIIIPoint4: 'none' }, { openTracks: open.filter((k) => k !== 'ai_act') }).kind,
    ).toBe('apply');
  });

  it('a prohibition applies at once, though it closes every track', () => {
    expect(plan({ infersEmotions: true, canMonitorStaff: false })).toMatchObject({
      kind: 'apply',
      change: { becameBlocked: true },
    });
  });

  it('a draft is the employer’s own: any triage applies', () => {
    expect(plan({ councilType: 'none' }, { sent: false }).kind).toBe('apply');
  });

  it('lifting an art. 5 block is the council’s to accept', () => {
    const blocked = triage({ ...MONITORING, infersEmotions: true });
    const result = planRetriage({
      current: blocked,
      next: current,
      answers: MONITORING,
      sent: true,
      openTracks: [],
      known: KNOWN,
    });
    expect(result).toMatchObject({ kind: 'propose', unblocks: true });
  });
});

describe('answers against what the platform knows', () => {
  it.each<[string, Partial<TriageAnswers>, KnownTriageFacts, string[]]>([
    ['a COR holds the OR rights', { councilType: 'pvt' }, { councilKind: 'cor' }, ['councilType']],
    [
      'an OR where the case has a PVT adds rights',
      { councilType: 'or' },
      { councilKind: 'pvt' },
      [],
    ],
    ['no council kind known', { councilType: 'none' }, {}, []],
    ['a headcount not registered', { headcount: 5 }, { organisationHeadcount: null }, []],
    ['the same headcount', { headcount: 250 }, { organisationHeadcount: 250 }, []],
    [
      'no data categories in the register',
      { processesStaffPersonalData: false },
      { dataCategories: [] },
      [],
    ],
    ['monitoring not registered', { canMonitorStaff: false }, { monitoringCapability: false }, []],
  ])('%s', (_name, answers, known, contradicted) => {
    expect(triageContradictions({ ...MONITORING, ...answers }, known).map((c) => c.answer)).toEqual(
      contradicted,
    );
  });
});

describe('one consultation meeting, every track it covers (issue #14)', () => {
  const submitted = (receivedOn: string) => ({
    consultationsHeld: 0,
    requestReceivedOn: receivedOn,
  });
  it.each<[string, ReturnType<typeof trackAt>[], string[]]>([
    [
      'both requests on the table before the meeting',
      [
        trackAt('advice', 'request_submitted', submitted('2026-02-20')),
        trackAt('consent', 'council_deliberation', submitted('2026-02-24')),
      ],
      ['advice', 'consent'],
    ],
    [
      'the consent request came after the meeting',
      [
        trackAt('advice', 'request_submitted', submitted('2026-02-20')),
        trackAt('consent', 'request_submitted', submitted('2026-02-27')),
      ],
      ['advice'],
    ],
    [
      'before any request, both in consultation',
      [trackAt('advice', 'consultation_requested'), trackAt('consent', 'information')],
      ['advice', 'consent'],
    ],
    [
      'consent still in screening, past its position, or not WOR',
      [
        trackAt('advice', 'request_submitted', submitted('2026-02-20')),
        trackAt('consent', 'screening'),
        trackAt('ai_act', 'classification'),
      ],
      ['advice'],
    ],
    [
      'advice already decided',
      [
        trackAt('advice', 'council_position'),
        trackAt('consent', 'request_submitted', submitted('2026-02-20')),
      ],
      ['consent'],
    ],
  ])('%s', (_name, tracks, covered) => {
    expect(tracksCoveredByConsultation(tracks, '2026-02-26')).toEqual(covered);
  });

  it('a meeting a track already counts is not counted twice', () => {
    const counted = trackAt('advice', 'request_submitted', {
      consultationsHeld: 1,
      history: [
        {
          at: '2026-02-26T10:00:00.000Z',
          from: 'request_submitted',
          to: 'request_submitted',
          action: { type: 'record_consultation_held', heldOn: '2026-02-26', meetingId: 'm1' },
          actorSide: 'employer',
        },
      ],
    });
    const consent = trackAt('consent', 'request_submitted', submitted('2026-02-20'));
    expect(tracksCoveredByConsultation([counted, consent], '2026-02-26', 'm1')).toEqual([
      'consent',
    ]);
    expect(tracksCoveredByConsultation([counted, consent], '2026-02-26', 'm2')).toEqual([
      'advice',
      'consent',
    ]);
  });
});
