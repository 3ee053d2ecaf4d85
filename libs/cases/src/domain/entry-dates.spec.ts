import { DateBeforeEvent } from './date-before-event';
import { NOW, TODAY, facts, trackAt } from './domain-fixtures';
import { planTrackTransition } from './stage-machine';
import type { ActorSide, TrackAction } from './track-actions';
import type { TrackKind, TrackSnapshot, TrackStage } from './tracks';

/**
 * Issue #14, house style B.19: a date entered on a track is checked against the case's own events.
 * Today is Monday 2026-03-02 (NOW); the case was sent on 2026-02-16; requests, positions and
 * decisions below carry the dates named in each row.
 */
const SENT = '2026-02-16';
const POSITION = {
  position: 'negative' as const,
  conditions: [],
  reasons: 'Te ingrijpend',
  waivesSuspension: false,
  receivedOn: '2026-02-25',
};
const DECISION = {
  follows: false,
  reasons: 'Bedrijfsbelang',
  receivedOn: '2026-02-26',
  withoutCouncilPosition: false,
};

interface Row {
  readonly name: string;
  readonly kind: TrackKind;
  readonly stage: TrackStage;
  readonly extra?: Partial<TrackSnapshot>;
  readonly action: TrackAction;
  readonly side: ActorSide;
  readonly receivedOn?: string;
  /** The event the date contradicts, or null when the date is accepted. */
  readonly refusedFor: { event: string; eventDate: string } | null;
}

const ROWS: readonly Row[] = [
  // The written request cannot reach the council before the case was sent [S6].
  {
    name: 'request received before sending',
    kind: 'advice',
    stage: 'consultation_held',
    action: { type: 'submit_request' },
    side: 'employer',
    receivedOn: '2026-02-13',
    refusedFor: { event: 'case_sent', eventDate: SENT },
  },
  {
    name: 'request received on the day of sending',
    kind: 'advice',
    stage: 'consultation_held',
    action: { type: 'submit_request' },
    side: 'employer',
    receivedOn: SENT,
    refusedFor: null,
  },
  {
    name: 'consultation asked before sending',
    kind: 'consent',
    stage: 'information',
    action: { type: 'request_consultation', reasons: 'Bespreken' },
    side: 'employer',
    receivedOn: '2026-02-01',
    refusedFor: { event: 'case_sent', eventDate: SENT },
  },
  // A meeting is not held before it was asked for, nor before the council had the case.
  {
    name: 'meeting held before it was requested',
    kind: 'advice',
    stage: 'consultation_requested',
    extra: { consultationRequestedOn: '2026-02-20' },
    action: { type: 'record_consultation_held', heldOn: '2026-02-19' },
    side: 'council_board',
    refusedFor: { event: 'consultation_requested', eventDate: '2026-02-20' },
  },
  {
    name: 'meeting held in 2020',
    kind: 'advice',
    stage: 'information',
    action: { type: 'record_consultation_held', heldOn: '2020-06-01' },
    side: 'employer',
    refusedFor: { event: 'case_sent', eventDate: SENT },
  },
  {
    name: 'meeting held on the day it was requested',
    kind: 'advice',
    stage: 'consultation_requested',
    extra: { consultationRequestedOn: '2026-02-20' },
    action: { type: 'record_consultation_held', heldOn: '2026-02-20' },
    side: 'council_board',
    refusedFor: null,
  },
  // WOR 25(4) / 27(2): the council's position answers the request [W4, W13].
  {
    name: 'advice dated before the request',
    kind: 'advice',
    stage: 'council_deliberation',
    extra: { consultationsHeld: 1, requestReceivedOn: '2026-02-20' },
    action: { type: 'record_council_position', position: 'positive' },
    side: 'council_board',
    receivedOn: '2026-02-19',
    refusedFor: { event: 'request_received', eventDate: '2026-02-20' },
  },
  {
    name: 'consent position on the request day',
    kind: 'consent',
    stage: 'request_submitted',
    extra: { consultationsHeld: 1, requestReceivedOn: '2026-02-20' },
    action: { type: 'record_council_position', position: 'granted', reasons: 'Met waarborgen' },
    side: 'council_board',
    receivedOn: '2026-02-20',
    refusedFor: null,
  },
  // A track submitted before the date was stored: the request day comes from its history.
  {
    name: 'advice before a request known from history',
    kind: 'advice',
    stage: 'request_submitted',
    extra: {
      consultationsHeld: 1,
      history: [
        {
          at: '2026-02-21T10:00:00.000Z',
          from: 'consultation_held',
          to: 'request_submitted',
          action: { type: 'submit_request' },
          actorSide: 'employer',
        },
      ],
    },
    action: { type: 'record_council_position', position: 'positive' },
    side: 'council_board',
    receivedOn: '2026-02-20',
    refusedFor: { event: 'request_received', eventDate: '2026-02-21' },
  },
  // The employer's decision follows the request and the council's position [W6, W7, W8].
  {
    name: 'decision before the council position',
    kind: 'advice',
    stage: 'council_position',
    extra: { requestReceivedOn: '2026-02-20', councilPosition: POSITION },
    action: {
      type: 'record_employer_decision',
      follows: false,
      reasons: 'Bedrijfsbelang',
      receivedOn: '2026-02-24',
    },
    side: 'employer',
    receivedOn: '2026-02-24',
    refusedFor: { event: 'council_position_received', eventDate: '2026-02-25' },
  },
  {
    name: 'decision before the request',
    kind: 'advice',
    stage: 'council_position',
    extra: {
      requestReceivedOn: '2026-02-20',
      councilPosition: { ...POSITION, receivedOn: '2026-02-18' },
    },
    action: {
      type: 'record_employer_decision',
      follows: false,
      reasons: 'Bedrijfsbelang',
      receivedOn: '2026-02-19',
    },
    side: 'employer',
    receivedOn: '2026-02-19',
    refusedFor: { event: 'request_received', eventDate: '2026-02-20' },
  },
  {
    name: 'decision two months back',
    kind: 'consent',
    stage: 'council_position',
    extra: {
      requestReceivedOn: '2026-02-20',
      councilPosition: { ...POSITION, position: 'refused' },
    },
    action: { type: 'record_employer_decision', follows: false, receivedOn: '2026-01-02' },
    side: 'employer',
    receivedOn: '2026-01-02',
    refusedFor: { event: 'request_received', eventDate: '2026-02-20' },
  },
  {
    name: 'decision after the position',
    kind: 'advice',
    stage: 'council_position',
    extra: { requestReceivedOn: '2026-02-20', councilPosition: POSITION },
    action: {
      type: 'record_employer_decision',
      follows: false,
      reasons: 'Bedrijfsbelang',
      receivedOn: '2026-02-26',
    },
    side: 'employer',
    receivedOn: '2026-02-26',
    refusedFor: null,
  },
  // The appeal and the nullity answer the decision [W8, W15].
  {
    name: 'appeal before the decision',
    kind: 'advice',
    stage: 'suspension',
    extra: { employerDecision: DECISION },
    action: { type: 'file_appeal' },
    side: 'council_board',
    receivedOn: '2026-02-25',
    refusedFor: { event: 'employer_decision_received', eventDate: '2026-02-26' },
  },
];

describe('dates checked against the case events (issue #14)', () => {
  const plan = (row: Row) => () =>
    planTrackTransition({
      caseFacts: facts({ caseSentOn: SENT }),
      track: trackAt(row.kind, row.stage, row.extra),
      action: row.action,
      actorSide: row.side,
      now: NOW,
      receivedOn: row.receivedOn,
    });

  it.each(ROWS.filter((r) => r.refusedFor !== null))('refuses $name', (row) => {
    expect(plan(row)).toThrow(DateBeforeEvent);
    expect(plan(row)).toThrow(
      expect.objectContaining({
        status: 422,
        code: 'case.date_before_event',
        meta: expect.objectContaining(row.refusedFor),
      }) as Error,
    );
  });

  it.each(ROWS.filter((r) => r.refusedFor === null))('accepts $name', (row) => {
    expect(plan(row)().ok).toBe(true);
  });

  it('asks who may act before it looks at dates', () => {
    expect(() =>
      planTrackTransition({
        caseFacts: facts({ caseSentOn: SENT }),
        track: trackAt('advice', 'consultation_held'),
        action: { type: 'submit_request' },
        actorSide: 'council_board',
        now: NOW,
        receivedOn: '2026-02-01',
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'case.transition_not_allowed',
        missing: expect.arrayContaining(['actor_side:employer']),
      }) as Error,
    );
  });
});

/**
 * More than two Dutch working days between the claimed date and the day recorded: accepted,
 * flagged with both dates. The caller passes `lateBefore` = today minus two working days, from
 * the deadlines lib's calendar (computed by hand here; Monday 2 March minus two = Thursday 26 Feb).
 */
describe('recorded late (issue #14)', () => {
  const LATE_BEFORE = '2026-02-26';
  it.each([
    ['2026-02-25', true],
    ['2026-02-26', false],
    [TODAY, false],
  ])('a meeting held on %s, recorded on Monday 2 March: late %s', (heldOn, late) => {
    const plan = planTrackTransition({
      caseFacts: facts({ caseSentOn: '2026-02-16' }),
      track: trackAt('advice', 'consultation_requested', { consultationRequestedOn: '2026-02-20' }),
      action: { type: 'record_consultation_held', heldOn },
      actorSide: 'council_board',
      now: NOW,
      lateBefore: LATE_BEFORE,
    });
    const expected = late ? { claimedOn: heldOn, recordedOn: TODAY } : undefined;
    expect(plan.recordedLate).toEqual(expected);
    expect(plan.next.history.at(-1)?.recordedLate).toEqual(expected);
    expect(plan.events.some((e) => e.type === 'case.entry_recorded_late')).toBe(late);
  });

  it('flags a decision received a week ago, and the request it answers is on record', () => {
    const plan = planTrackTransition({
      caseFacts: facts({ caseSentOn: '2026-02-16' }),
      track: trackAt('advice', 'council_position', {
        requestReceivedOn: '2026-02-17',
        councilPosition: { ...POSITION, receivedOn: '2026-02-20' },
      }),
      action: {
        type: 'record_employer_decision',
        follows: false,
        reasons: 'Bedrijfsbelang',
        receivedOn: '2026-02-23',
      },
      actorSide: 'employer',
      now: NOW,
      receivedOn: '2026-02-23',
      lateBefore: LATE_BEFORE,
    });
    expect(plan.recordedLate).toEqual({ claimedOn: '2026-02-23', recordedOn: TODAY });
    expect(plan.next.stage).toBe('suspension');
  });

  it('stores the day the request was received', () => {
    const plan = planTrackTransition({
      caseFacts: facts(),
      track: trackAt('consent', 'consultation_held'),
      action: { type: 'submit_request' },
      actorSide: 'employer',
      now: NOW,
      receivedOn: '2026-02-27',
    });
    expect(plan.next.requestReceivedOn).toBe('2026-02-27');
  });
});
