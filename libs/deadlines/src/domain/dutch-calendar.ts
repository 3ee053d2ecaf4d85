import { addDays, format, getDay } from 'date-fns';
import Holidays from 'date-holidays';

import { AMSTERDAM_TIME_ZONE, BadRequest } from '@wc/core';

/** A calendar day in Europe/Amsterdam, written `yyyy-MM-dd`. */
export type CalendarDate = string;

/**
 * Days equated with a public holiday by royal decree under Algemene termijnenwet art. 3(3)
 * (for example the Friday after Ascension Day). They are published every few years in the
 * Staatscourant, so they are data passed in by the caller, never built into this file.
 */
export interface AtwCalendarOptions {
  readonly equatedDays?: readonly CalendarDate[];
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a calendar date to a local-time Date at noon. Noon keeps date-fns arithmetic clear of
 * DST gaps in whatever time zone the process runs in; only the date part is ever read back.
 */
export function parseCalendarDate(date: CalendarDate): Date {
  const match = CALENDAR_DATE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const parsed = new Date(year, month - 1, day, 12);
    parsed.setFullYear(year);
    if (
      parsed.getFullYear() === year &&
      parsed.getMonth() === month - 1 &&
      parsed.getDate() === day
    ) {
      return parsed;
    }
  }
  throw new BadRequest(
    'deadline.invalid_calendar_date',
    `'${date}' is not a calendar date in the form yyyy-MM-dd.`,
    { date },
  );
}

export function formatCalendarDate(date: Date): CalendarDate {
  return format(date, 'yyyy-MM-dd');
}

/** Throws unless `date` is a real `yyyy-MM-dd` calendar date. */
export function assertCalendarDate(date: CalendarDate): void {
  parseCalendarDate(date);
}

// Algemene termijnenwet art. 3(1) lists Nieuwjaarsdag, 2nd Easter and Whit day, both Christmas
// days, Ascension Day, the King's birthday as celebrated, and 5 May; art. 3(2) equates Goede
// Vrijdag. date-holidays marks all of art. 3(1) as 'public' except 5 May, which it types 'school'
// like Goede Vrijdag, so those two are picked out by their date-holidays rule.
const ATW_DAYS_NOT_PUBLIC_IN_DATE_HOLIDAYS = new Set(['easter -2', '05-05']);

let holidayData: Holidays | undefined;
const holidaysByYear = new Map<number, ReadonlySet<CalendarDate>>();

/** The Algemene termijnenwet art. 3(1)–(2) holidays of a year, sorted, weekend or not. */
export function dutchPublicHolidays(year: number): readonly CalendarDate[] {
  return [...atwHolidaySet(year)].sort();
}

function atwHolidaySet(year: number): ReadonlySet<CalendarDate> {
  const cached = holidaysByYear.get(year);
  if (cached) {
    return cached;
  }
  holidayData ??= new Holidays('NL', { timezone: AMSTERDAM_TIME_ZONE });
  const days = new Set(
    holidayData
      .getHolidays(year)
      .filter((h) => h.type === 'public' || ATW_DAYS_NOT_PUBLIC_IN_DATE_HOLIDAYS.has(h.rule))
      // `date` is 'yyyy-MM-dd hh:mm:ss' in the Dutch time zone, whatever the process's zone.
      .map((h) => h.date.slice(0, 10)),
  );
  holidaysByYear.set(year, days);
  return days;
}

/**
 * True for a Saturday, a Sunday, an Algemene termijnenwet art. 3 holiday, or a day passed in as
 * equated under art. 3(3).
 */
export function isDutchNonWorkingDay(
  date: CalendarDate,
  options: AtwCalendarOptions = {},
): boolean {
  const parsed = parseCalendarDate(date);
  const weekday = getDay(parsed);
  if (weekday === 0 || weekday === 6) {
    return true;
  }
  return (
    atwHolidaySet(parsed.getFullYear()).has(date) || (options.equatedDays ?? []).includes(date)
  );
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: CalendarDate, options: AtwCalendarOptions = {}): CalendarDate {
  return addWorkingDays(date, 1, options);
}

/** `date` itself when it is a working day, else the first working day after it. */
export function workingDayOnOrAfter(
  date: CalendarDate,
  options: AtwCalendarOptions = {},
): CalendarDate {
  return isDutchNonWorkingDay(date, options) ? nextWorkingDay(date, options) : date;
}

/**
 * Moves `n` working days from `date`, counting from the day after (Friday + 1 = Monday). A
 * negative `n` counts backwards; `n = 0` returns `date` unchanged.
 */
export function addWorkingDays(
  date: CalendarDate,
  n: number,
  options: AtwCalendarOptions = {},
): CalendarDate {
  if (!Number.isInteger(n)) {
    throw new BadRequest('deadline.invalid_term_length', 'Working days must be a whole number.', {
      workingDays: n,
    });
  }
  const step = n < 0 ? -1 : 1;
  let current = parseCalendarDate(date);
  let remaining = Math.abs(n);
  while (remaining > 0) {
    current = addDays(current, step);
    if (!isDutchNonWorkingDay(formatCalendarDate(current), options)) {
      remaining -= 1;
    }
  }
  return formatCalendarDate(current);
}
