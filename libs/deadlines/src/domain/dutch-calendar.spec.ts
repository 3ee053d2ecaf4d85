import {
  addWorkingDays,
  dutchPublicHolidays,
  isDutchNonWorkingDay,
  nextWorkingDay,
  workingDayOnOrAfter,
} from './dutch-calendar';

// Every expected date below was worked out by hand from a printed calendar and the Easter dates
// 2025-04-20, 2026-04-05, 2027-03-28 and 2028-04-16.

describe('dutchPublicHolidays (Algemene termijnenwet art. 3(1)–(2))', () => {
  it.each([
    [
      2025,
      [
        '2025-01-01', // Nieuwjaarsdag
        '2025-04-18', // Goede Vrijdag, art. 3(2)
        '2025-04-20', // 1st Easter day (a Sunday anyway)
        '2025-04-21', // 2nd Easter day
        '2025-04-26', // Koningsdag: the 27th is a Sunday, so Saturday the 26th
        '2025-05-05', // Bevrijdingsdag
        '2025-05-29', // Hemelvaartsdag
        '2025-06-08', // 1st Whit day
        '2025-06-09', // 2nd Whit day
        '2025-12-25',
        '2025-12-26',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-04-03',
        '2026-04-05',
        '2026-04-06',
        '2026-04-27',
        '2026-05-05',
        '2026-05-14',
        '2026-05-24',
        '2026-05-25',
        '2026-12-25',
        '2026-12-26',
      ],
    ],
    [
      2027,
      [
        '2027-01-01',
        '2027-03-26',
        '2027-03-28',
        '2027-03-29',
        '2027-04-27',
        '2027-05-05',
        '2027-05-06',
        '2027-05-16',
        '2027-05-17',
        '2027-12-25',
        '2027-12-26',
      ],
    ],
    [
      2028,
      [
        '2028-01-01',
        '2028-04-14',
        '2028-04-16',
        '2028-04-17',
        '2028-04-27',
        '2028-05-05',
        '2028-05-25',
        '2028-06-04',
        '2028-06-05',
        '2028-12-25',
        '2028-12-26',
      ],
    ],
  ])('%i has exactly the ATW holidays', (year, expected) => {
    expect(dutchPublicHolidays(year)).toEqual(expected);
  });
});

describe('isDutchNonWorkingDay', () => {
  it.each([
    ['2026-03-02', false, 'an ordinary Monday'],
    ['2026-03-06', false, 'an ordinary Friday'],
    ['2026-03-07', true, 'Saturday'],
    ['2026-03-08', true, 'Sunday'],
    ['2026-01-01', true, 'Nieuwjaarsdag (Thursday)'],
    ['2026-04-03', true, 'Goede Vrijdag'],
    ['2026-04-06', true, 'Easter Monday'],
    ['2027-04-27', true, 'Koningsdag on a Tuesday'],
    ['2025-04-26', true, 'Koningsdag moved to Saturday 26 April'],
    ['2025-04-25', false, 'the Friday before Koningsdag 2025'],
    ['2026-05-05', true, 'Bevrijdingsdag on a Tuesday (every year, not only every 5th)'],
    ['2027-05-05', true, 'Bevrijdingsdag on a Wednesday'],
    ['2026-05-14', true, 'Hemelvaartsdag'],
    ['2026-05-25', true, 'Whit Monday'],
    ['2026-12-25', true, 'Christmas (Friday)'],
    ['2025-12-26', true, 'Boxing Day (Friday)'],
    ['2026-05-04', false, 'Dodenherdenking is not an ATW holiday'],
    ['2026-05-15', false, 'the Friday after Ascension, unless equated by decree'],
    ['2026-12-15', false, 'Koninkrijksdag is not an ATW holiday'],
    ['2026-12-24', false, 'Christmas Eve'],
    ['2026-12-31', false, "New Year's Eve"],
    ['2027-12-27', false, 'Monday after a Christmas on the weekend: no substitute day'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isDutchNonWorkingDay(date)).toBe(expected);
  });

  it('treats a day equated under ATW art. 3(3) as a holiday', () => {
    expect(isDutchNonWorkingDay('2026-05-15', { equatedDays: ['2026-05-15'] })).toBe(true);
  });

  it.each(['2026-02-30', '2026-13-01', '26-03-02', '2026-3-2', ''])('rejects %p', (date) => {
    expect(() => isDutchNonWorkingDay(date)).toThrow(
      expect.objectContaining({ code: 'deadline.invalid_calendar_date' }),
    );
  });
});

describe('nextWorkingDay and workingDayOnOrAfter', () => {
  it.each([
    ['2026-03-02', '2026-03-03', '2026-03-02'], // Monday
    ['2026-03-06', '2026-03-09', '2026-03-06'], // Friday
    ['2026-03-07', '2026-03-09', '2026-03-09'], // Saturday
    ['2026-04-02', '2026-04-07', '2026-04-02'], // Thursday before Good Friday and Easter
    ['2026-04-03', '2026-04-07', '2026-04-07'], // Good Friday
    ['2026-12-24', '2026-12-28', '2026-12-24'], // Christmas 2026 on Friday, then the weekend
    ['2025-12-24', '2025-12-29', '2025-12-24'], // Christmas 2025 on Thursday and Friday
    ['2026-12-31', '2027-01-04', '2026-12-31'], // New Year 2027 on a Friday
  ])('after %s comes %s; on or after it is %s', (date, next, onOrAfter) => {
    expect(nextWorkingDay(date)).toBe(next);
    expect(workingDayOnOrAfter(date)).toBe(onOrAfter);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-03-02', 0, '2026-03-02'],
    ['2026-03-07', 0, '2026-03-07'], // zero moves nowhere, even from a Saturday
    ['2026-03-02', 1, '2026-03-03'],
    ['2026-03-06', 1, '2026-03-09'],
    ['2026-03-02', 5, '2026-03-09'],
    ['2026-03-02', 10, '2026-03-16'],
    // Wed 1 April 2026: Good Friday 3/4 and Easter Monday 6/4 are skipped.
    ['2026-04-01', 10, '2026-04-17'],
    // Thu 22 April 2027: Koningsdag 27/4, Bevrijdingsdag 5/5 and Ascension 6/5 are skipped.
    ['2027-04-22', 10, '2027-05-11'],
    ['2026-12-24', 1, '2026-12-28'],
    ['2026-12-24', 3, '2026-12-30'],
    ['2026-12-30', 2, '2027-01-04'], // over New Year 2027 and the weekend
    ['2026-04-07', -1, '2026-04-02'], // backwards over Easter
    ['2026-03-09', -1, '2026-03-06'],
  ])('%s + %i working days → %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('skips equated days', () => {
    // Wed 13 May 2026: Ascension 14/5, equated Friday 15/5, weekend.
    expect(addWorkingDays('2026-05-13', 1, { equatedDays: ['2026-05-15'] })).toBe('2026-05-18');
    expect(addWorkingDays('2026-05-13', 1)).toBe('2026-05-15');
  });

  it('rejects a fractional count', () => {
    expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(
      expect.objectContaining({ code: 'deadline.invalid_term_length' }),
    );
  });
});
