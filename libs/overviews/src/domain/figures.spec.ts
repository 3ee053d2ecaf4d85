import { addDays, countBy, daysBetween, weekStart } from './figures';

describe('dashboard figures', () => {
  it('does day arithmetic on calendar days and finds the ISO week', () => {
    expect(addDays('2026-03-30', 3)).toBe('2026-04-02');
    expect(addDays('2026-03-02', -1)).toBe('2026-03-01');
    expect(daysBetween('2026-03-30', '2026-04-02')).toBe(3);
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
});
