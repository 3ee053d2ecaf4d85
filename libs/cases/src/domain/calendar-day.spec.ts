import { amsterdamDay, earliest, isCalendarDay } from './calendar-day';

describe('calendar days', () => {
  it.each([
    ['2026-03-01T22:59:59Z', '2026-03-01'],
    ['2026-03-01T23:00:00Z', '2026-03-02'],
    // Summer time: Amsterdam is UTC+2.
    ['2026-07-01T21:59:59Z', '2026-07-01'],
    ['2026-07-01T22:00:00Z', '2026-07-02'],
  ])('%s falls on %s in Amsterdam', (instant, day) => {
    expect(amsterdamDay(new Date(instant))).toBe(day);
  });

  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-3-1', false],
    [undefined, false],
  ])('%s is a calendar day: %s', (value, expected) => {
    expect(isCalendarDay(value)).toBe(expected);
  });

  it('picks the earliest known day', () => {
    expect(earliest('2026-04-01', undefined, '2026-03-15')).toBe('2026-03-15');
    expect(earliest(undefined)).toBeUndefined();
  });
});
