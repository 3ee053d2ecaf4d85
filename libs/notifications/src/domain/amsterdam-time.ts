import { fromZonedTime } from 'date-fns-tz';

import { AMSTERDAM_TIME_ZONE, amsterdamDay } from '@wc/core';

/** Legal terms and reminder times are Dutch calendar days and wall-clock times (house style B.6). */
export const AMSTERDAM = AMSTERDAM_TIME_ZONE;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY_MS = 86_400_000;

/** The Amsterdam calendar day (`yyyy-MM-dd`) an instant falls on. */
export function amsterdamDate(instant: Date): string {
  return amsterdamDay(instant);
}

/** Sweeps plan thousands of reminders on a few dozen distinct days; the zone lookup is the cost. */
const instants = new Map<string, number>();
const MAX_CACHED = 10_000;

/** The instant the Amsterdam wall clock shows `time` (`HH:mm`) on `date`, across DST changes. */
export function amsterdamInstant(date: string, time: string): Date {
  const key = `${date}T${time}`;
  let epoch = instants.get(key);
  if (epoch === undefined) {
    if (!DATE.test(date) || !TIME.test(time)) {
      throw new Error(`not a calendar date and time: ${date} ${time}`);
    }
    epoch = fromZonedTime(`${key}:00.000`, AMSTERDAM).getTime();
    if (instants.size >= MAX_CACHED) {
      instants.clear();
    }
    instants.set(key, epoch);
  }
  return new Date(epoch);
}

/** Calendar arithmetic on `yyyy-MM-dd`, free of time zones. */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` lies before `from`). */
export function calendarDaysBetween(from: string, to: string): number {
  const utc = (date: string) => {
    const [y, m, d] = date.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

export function isTimeOfDay(value: string): boolean {
  return TIME.test(value);
}
