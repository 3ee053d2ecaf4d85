import {
  addDays,
  aiSystemFigures,
  type CaseDigest,
  countBy,
  durationFigures,
  median,
  NOT_SHARED,
  openDeadlines,
  procedureDays,
  splitDeadlines,
  UNKNOWN,
  weekStart,
} from './figures';

const deadline = (id: string, strictDate: string, status = 'open') => ({
  id,
  track: 'advice',
  ruleId: 'advice_response_term',
  strictDate,
  extendedDate: strictDate,
  dueAt: `${strictDate}T21:59:59.999Z`,
  statutory: false,
  fatal: false,
  status,
});

function digest(id: string, overrides: Partial<CaseDigest> = {}): CaseDigest {
  return {
    id,
    title: `Case ${id}`,
    organisationId: 'org-1',
    worksCouncilId: 'wc-1',
    aiSystemId: `sys-${id}`,
    status: 'sent',
    stage: 'information',
    blocked: false,
    purpose: null,
    annexIII: null,
    deadlines: [],
    tracks: [],
    ...overrides,
  };
}

const submittedThenPosition = (submitted: string, position: string) => [
  { at: '2026-01-01T09:00:00.000Z', to: 'information' },
  { at: submitted, to: 'request_submitted' },
  { at: submitted, to: 'council_deliberation' },
  { at: position, to: 'council_position' },
];

describe('dashboard figures', () => {
  it('does day arithmetic on calendar days and finds the ISO week', () => {
    expect(addDays('2026-03-30', 3)).toBe('2026-04-02');
    expect(addDays('2026-03-02', -1)).toBe('2026-03-01');
    expect(weekStart('2026-03-02')).toBe('2026-03-02'); // a Monday
    expect(weekStart('2026-03-08')).toBe('2026-03-02'); // the Sunday after
    expect(weekStart('2026-03-10')).toBe('2026-03-09');
  });

  it('counts by key, most frequent first, ties by key', () => {
    expect(countBy(['b', 'a', 'b', 'c', 'a', 'b'], (x) => x)).toEqual([
      { key: 'b', count: 3 },
      { key: 'a', count: 2 },
      { key: 'c', count: 1 },
    ]);
  });

  it('takes the median of odd and even counts, and none of nothing', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 10, 2])).toBe(3);
    expect(median([])).toBeNull();
  });

  it('measures a procedure from the last request to the first position, and not while it runs', () => {
    expect(
      procedureDays({
        kind: 'advice',
        history: submittedThenPosition('2026-03-02T09:00:00.000Z', '2026-03-16T09:00:00.000Z'),
      }),
    ).toBe(14);
    // Resubmitted after a change: the clock restarts.
    expect(
      procedureDays({
        kind: 'advice',
        history: [
          { at: '2026-03-02T09:00:00.000Z', to: 'request_submitted' },
          { at: '2026-03-05T09:00:00.000Z', to: 'consultation_held' },
          { at: '2026-03-09T09:00:00.000Z', to: 'request_submitted' },
          { at: '2026-03-19T21:00:00.000Z', to: 'council_position' },
        ],
      }),
    ).toBe(10.5);
    expect(
      procedureDays({
        kind: 'advice',
        history: [{ at: '2026-03-02T09:00:00.000Z', to: 'request_submitted' }],
      }),
    ).toBeNull();
    expect(procedureDays({ kind: 'consent', history: [] })).toBeNull();
  });

  it('gives the median per procedure over the cases that have one', () => {
    const digests = [
      digest('a', {
        tracks: [
          {
            kind: 'advice',
            history: submittedThenPosition('2026-03-02T09:00:00.000Z', '2026-03-12T09:00:00.000Z'),
          },
        ],
      }),
      digest('b', {
        tracks: [
          {
            kind: 'advice',
            history: submittedThenPosition('2026-03-02T09:00:00.000Z', '2026-03-22T09:00:00.000Z'),
          },
        ],
      }),
      digest('c', {
        tracks: [
          {
            kind: 'advice',
            history: submittedThenPosition('2026-03-02T09:00:00.000Z', '2026-04-01T09:00:00.000Z'),
          },
        ],
      }),
      digest('d', {
        tracks: [
          {
            kind: 'consent',
            history: submittedThenPosition('2026-03-02T09:00:00.000Z', '2026-03-09T09:00:00.000Z'),
          },
        ],
      }),
      digest('e'),
    ];
    expect(durationFigures(digests, 'advice')).toEqual({ procedures: 3, medianDays: 20 });
    expect(durationFigures(digests, 'consent')).toEqual({ procedures: 1, medianDays: 7 });
  });

  it('splits open deadlines into overdue and upcoming within the horizon', () => {
    const digests = [
      digest('a', {
        deadlines: [
          deadline('1', '2026-03-01'),
          deadline('2', '2026-03-02'),
          deadline('3', '2026-03-30', 'met'),
        ],
      }),
      digest('b', { deadlines: [deadline('4', '2026-03-30'), deadline('5', '2026-03-31')] }),
    ];
    const items = openDeadlines(digests, '2026-03-02');
    expect(items.map((d) => [d.id, d.daysLeft])).toEqual([
      ['1', -1],
      ['2', 0],
      ['4', 28],
      ['5', 29],
    ]);
    const { overdue, upcoming } = splitDeadlines(items, '2026-03-02', 28);
    expect(overdue.map((d) => d.id)).toEqual(['1']);
    expect(upcoming.map((d) => d.id)).toEqual(['2', '4']);
  });

  it('counts AI systems, not cases, taking what a shared dossier tells', () => {
    const digests = [
      digest('a', {
        aiSystemId: 's1',
        purpose: 'control_monitor',
        annexIII: 'monitoring_evaluation',
      }),
      digest('b', { aiSystemId: 's1', purpose: null, annexIII: null }),
      digest('c', { aiSystemId: 's2', purpose: null, annexIII: null }),
      digest('d', { aiSystemId: 's3', purpose: 'support', annexIII: UNKNOWN }),
      digest('e', {
        aiSystemId: 's4',
        purpose: 'control_monitor',
        annexIII: 'monitoring_evaluation',
      }),
    ];
    expect(aiSystemFigures(digests)).toEqual({
      total: 4,
      byPurpose: [
        { key: 'control_monitor', count: 2 },
        { key: NOT_SHARED, count: 1 },
        { key: 'support', count: 1 },
      ],
      byAnnexIII: [
        { key: 'monitoring_evaluation', count: 2 },
        { key: NOT_SHARED, count: 1 },
        { key: UNKNOWN, count: 1 },
      ],
      byPurposeAndAnnexIII: [
        { purpose: 'control_monitor', annexIII: 'monitoring_evaluation', count: 2 },
        { purpose: NOT_SHARED, annexIII: NOT_SHARED, count: 1 },
        { purpose: 'support', annexIII: UNKNOWN, count: 1 },
      ],
    });
  });
});
