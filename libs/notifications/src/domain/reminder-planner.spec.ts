import {
  type LedgerEntry,
  type PlannableDeadline,
  isLate,
  leadDaysOf,
  planReminders,
  reconcileReminders,
} from './reminder-planner';

const POLICY = { leadDays: [14, 7, 2, 0], escalationLeadDays: 2, remindAt: '09:00' };

function deadline(overrides: Partial<PlannableDeadline> = {}): PlannableDeadline {
  return {
    status: 'open',
    fatal: false,
    strictDate: '2026-03-20',
    // End of 20 March in Amsterdam (CET, UTC+1).
    dueAt: new Date('2026-03-20T22:59:59.999Z'),
    createdAt: new Date('2026-03-01T10:00:00Z'),
    ...overrides,
  };
}

const plan = (d: PlannableDeadline, policy = POLICY) =>
  planReminders(d, policy).map((r) => [r.kind, r.dueAt.toISOString()]);

describe('planReminders', () => {
  it.each<[string, Partial<PlannableDeadline>, Partial<typeof POLICY>, Array<[string, string]>]>([
    [
      'a term known well ahead: every lead day at 09:00 Amsterdam, overdue right after the strict day',
      {},
      {},
      [
        ['14d', '2026-03-06T08:00:00.000Z'],
        ['7d', '2026-03-13T08:00:00.000Z'],
        ['2d', '2026-03-18T08:00:00.000Z'],
        ['0d', '2026-03-20T08:00:00.000Z'],
        ['overdue', '2026-03-20T23:00:00.000Z'],
      ],
    ],
    [
      'a term that became known ten days before its end: no 14-day reminder',
      { createdAt: new Date('2026-03-10T12:00:00Z') },
      {},
      [
        ['7d', '2026-03-13T08:00:00.000Z'],
        ['2d', '2026-03-18T08:00:00.000Z'],
        ['0d', '2026-03-20T08:00:00.000Z'],
        ['overdue', '2026-03-20T23:00:00.000Z'],
      ],
    ],
    [
      'a reminder exactly at the moment the term became known still applies',
      { createdAt: new Date('2026-03-18T08:00:00Z') },
      {},
      [
        ['2d', '2026-03-18T08:00:00.000Z'],
        ['0d', '2026-03-20T08:00:00.000Z'],
        ['overdue', '2026-03-20T23:00:00.000Z'],
      ],
    ],
    [
      'across the change to summer time: 09:00 CET before, 09:00 CEST after',
      { strictDate: '2026-04-03', dueAt: new Date('2026-04-03T21:59:59.999Z') },
      {},
      [
        ['14d', '2026-03-20T08:00:00.000Z'],
        ['7d', '2026-03-27T08:00:00.000Z'],
        ['2d', '2026-04-01T07:00:00.000Z'],
        ['0d', '2026-04-03T07:00:00.000Z'],
        ['overdue', '2026-04-03T22:00:00.000Z'],
      ],
    ],
    [
      'a fatal term (appeal, nullity) also escalates, two days before by default',
      { fatal: true },
      { leadDays: [7] },
      [
        ['7d', '2026-03-13T08:00:00.000Z'],
        ['escalation', '2026-03-18T08:00:00.000Z'],
        ['overdue', '2026-03-20T23:00:00.000Z'],
      ],
    ],
    [
      "a council's own rhythm and reminder time, duplicates ignored",
      { createdAt: new Date('2026-02-01T00:00:00Z') },
      { leadDays: [3, 21, 3], remindAt: '07:30' },
      [
        ['21d', '2026-02-27T06:30:00.000Z'],
        ['3d', '2026-03-17T06:30:00.000Z'],
        ['overdue', '2026-03-20T23:00:00.000Z'],
      ],
    ],
    [
      'a term created after it expired still gets its overdue notice, at creation',
      { createdAt: new Date('2026-03-22T10:00:00Z') },
      {},
      [['overdue', '2026-03-22T10:00:00.000Z']],
    ],
    ['a met term gets nothing', { status: 'met' }, {}, []],
    ['a cancelled term gets nothing', { status: 'cancelled' }, {}, []],
  ])('%s', (_name, overrides, policy, expected) => {
    expect(plan(deadline(overrides), { ...POLICY, ...policy })).toEqual(expected);
  });
});

describe('reconcileReminders', () => {
  const now = new Date('2026-03-12T12:00:00Z');
  /** Far enough ahead that every planned reminder is written now. */
  const FAR = new Date('2027-01-01T00:00:00Z');
  const reconcile = (
    ...args: [
      Parameters<typeof reconcileReminders>[0],
      Parameters<typeof reconcileReminders>[1],
      Parameters<typeof reconcileReminders>[2],
      Date,
    ]
  ) => reconcileReminders(...args, FAR).changes;
  const d = deadline();
  const planned = planReminders(d, POLICY);
  const entry = (
    kind: string,
    status: LedgerEntry['status'],
    dueAt: string,
    deadlineDueAt = d.dueAt,
  ): LedgerEntry => ({
    id: `id-${kind}`,
    kind,
    status,
    dueAt: new Date(dueAt),
    deadlineDueAt,
  });
  const ledgerAsPlanned = (): LedgerEntry[] =>
    planned.map((p) => entry(p.kind, p.dueAt < now ? 'sent' : 'pending', p.dueAt.toISOString()));

  it('inserts every planned reminder of a new deadline', () => {
    expect(reconcile(d, planned, [], now)).toEqual(
      planned.map((p) => ({ op: 'insert', kind: p.kind, dueAt: p.dueAt })),
    );
  });

  it('changes nothing when the ledger already matches (idempotent)', () => {
    expect(reconcile(d, planned, ledgerAsPlanned(), now)).toEqual([]);
  });

  it.each(['met', 'cancelled'] as const)(
    'cancels only the pending reminders of a %s deadline',
    (status) => {
      const changes = reconcile({ ...d, status }, [], ledgerAsPlanned(), now);
      expect(changes).toEqual([
        { op: 'cancel', id: 'id-7d', kind: '7d' },
        { op: 'cancel', id: 'id-2d', kind: '2d' },
        { op: 'cancel', id: 'id-0d', kind: '0d' },
        { op: 'cancel', id: 'id-overdue', kind: 'overdue' },
      ]);
    },
  );

  it('reschedules pending reminders of a moved deadline and re-arms a sent one whose new moment lies ahead', () => {
    // The term moves two weeks later (e.g. a new term after a waived suspension was undone).
    const moved = deadline({
      strictDate: '2026-04-03',
      dueAt: new Date('2026-04-03T21:59:59.999Z'),
    });
    const changes = reconcile(moved, planReminders(moved, POLICY), ledgerAsPlanned(), now);
    expect(changes).toEqual([
      { op: 'rearm', id: 'id-14d', kind: '14d', dueAt: new Date('2026-03-20T08:00:00.000Z') },
      { op: 'reschedule', id: 'id-7d', kind: '7d', dueAt: new Date('2026-03-27T08:00:00.000Z') },
      { op: 'reschedule', id: 'id-2d', kind: '2d', dueAt: new Date('2026-04-01T07:00:00.000Z') },
      { op: 'reschedule', id: 'id-0d', kind: '0d', dueAt: new Date('2026-04-03T07:00:00.000Z') },
      {
        op: 'reschedule',
        id: 'id-overdue',
        kind: 'overdue',
        dueAt: new Date('2026-04-03T22:00:00.000Z'),
      },
    ]);
  });

  it('does not repeat a sent reminder whose new moment has already passed', () => {
    // Moved one day later: the 14-day moment is 7 March, before now; it was sent for the old date.
    const moved = deadline({
      strictDate: '2026-03-21',
      dueAt: new Date('2026-03-21T22:59:59.999Z'),
    });
    const changes = reconcile(moved, planReminders(moved, POLICY), ledgerAsPlanned(), now);
    expect(changes.map((c) => [c.op, c.kind])).toEqual([
      ['reschedule', '7d'],
      ['reschedule', '2d'],
      ['reschedule', '0d'],
      ['reschedule', 'overdue'],
    ]);
  });

  it('cancels a pending reminder that is no longer planned (lead day removed)', () => {
    const fewer = planReminders(d, { ...POLICY, leadDays: [7, 0] });
    expect(reconcile(d, fewer, ledgerAsPlanned(), now)).toEqual([
      { op: 'cancel', id: 'id-2d', kind: '2d' },
    ]);
  });

  it('writes only what falls due within the horizon, and says when to come back', () => {
    const horizon = new Date('2026-03-14T00:00:00Z');
    const fresh = deadline({ createdAt: new Date('2026-03-12T12:00:00Z') });
    const result = reconcileReminders(fresh, planReminders(fresh, POLICY), [], now, horizon);
    expect(result.changes).toEqual([
      { op: 'insert', kind: '7d', dueAt: new Date('2026-03-13T08:00:00.000Z') },
    ]);
    expect(result.nextDueAt).toEqual(new Date('2026-03-18T08:00:00.000Z'));
    // Back at the next moment: the 2-day reminder is written, the rest still waits.
    const later = new Date('2026-03-17T12:00:00Z');
    const ledger: LedgerEntry[] = [
      {
        id: 'id-7d',
        kind: '7d',
        status: 'sent',
        dueAt: new Date('2026-03-13T08:00:00.000Z'),
        deadlineDueAt: fresh.dueAt,
      },
    ];
    const next = reconcileReminders(
      fresh,
      planReminders(fresh, POLICY),
      ledger,
      later,
      new Date('2026-03-18T18:00:00Z'),
    );
    expect(next.changes).toEqual([
      { op: 'insert', kind: '2d', dueAt: new Date('2026-03-18T08:00:00.000Z') },
    ]);
    expect(next.nextDueAt).toEqual(new Date('2026-03-20T08:00:00.000Z'));
    expect(
      reconcileReminders(
        fresh,
        planReminders(fresh, POLICY),
        [
          ...ledger,
          {
            id: 'id-2d',
            kind: '2d',
            status: 'pending',
            dueAt: new Date('2026-03-18T08:00:00.000Z'),
            deadlineDueAt: fresh.dueAt,
          },
        ],
        later,
        new Date('2026-03-18T18:00:00Z'),
      ).changes,
    ).toEqual([]);
  });

  it('re-arms a sent reminder of a moved deadline at once, even beyond the horizon (judged when the move is seen)', () => {
    const moved = deadline({
      strictDate: '2026-04-03',
      dueAt: new Date('2026-04-03T21:59:59.999Z'),
    });
    const result = reconcileReminders(
      moved,
      planReminders(moved, POLICY),
      ledgerAsPlanned(),
      now,
      new Date('2026-03-13T18:00:00Z'),
    );
    expect(result.changes.map((c) => [c.op, c.kind])).toEqual([
      ['rearm', '14d'],
      ['reschedule', '7d'],
      ['reschedule', '2d'],
      ['reschedule', '0d'],
      ['reschedule', 'overdue'],
    ]);
    expect(result.nextDueAt).toBeNull();
  });

  it('re-arms a cancelled reminder planned again for the future (deadline reopened)', () => {
    const ledger = ledgerAsPlanned().map((e) =>
      e.status === 'pending' ? { ...e, status: 'cancelled' as const } : e,
    );
    expect(reconcile(d, planned, ledger, now).map((c) => [c.op, c.kind])).toEqual([
      ['rearm', '7d'],
      ['rearm', '2d'],
      ['rearm', '0d'],
      ['rearm', 'overdue'],
    ]);
  });
});

describe('reminder kinds and lateness', () => {
  it.each([
    ['14d', 14],
    ['0d', 0],
    ['overdue', null],
    ['escalation', null],
  ])('%s has %s lead days', (kind, days) => {
    expect(leadDaysOf(kind)).toBe(days);
  });

  it.each([
    ['2026-03-18T08:00:00Z', '2026-03-18T08:14:59Z', false],
    ['2026-03-18T08:00:00Z', '2026-03-18T08:15:01Z', true],
    ['2026-03-18T08:00:00Z', '2026-03-21T09:00:00Z', true],
  ])('due %s, sent %s: late %s', (due, sent, late) => {
    expect(isLate(new Date(due), new Date(sent), 15)).toBe(late);
  });
});
