import {
  addDays,
  type CaseDigest,
  countBy,
  openDeadlines,
  weekStart,
  weekTimeline,
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

  it('buckets the coming weeks from this week on, empty weeks included, overdue ones left out', () => {
    const items = openDeadlines(
      [
        digest('a', {
          deadlines: [
            deadline('1', '2026-03-01'),
            deadline('2', '2026-03-04'),
            deadline('3', '2026-03-20'),
          ],
        }),
      ],
      '2026-03-03',
    );
    expect(
      weekTimeline(items, '2026-03-03', 3).map((w) => [
        w.weekStart,
        w.weekEnd,
        w.deadlines.map((d) => d.id),
      ]),
    ).toEqual([
      ['2026-03-02', '2026-03-08', ['2']],
      ['2026-03-09', '2026-03-15', []],
      ['2026-03-16', '2026-03-22', ['3']],
    ]);
  });
});
