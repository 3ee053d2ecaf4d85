/** A calendar day in Europe/Amsterdam, written `yyyy-MM-dd`. */
export type CalendarDay = string;

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Amsterdam calendar day an instant falls on (one helper for the whole codebase). */
export { amsterdamDay } from '@wc/core';

/** True for a real `yyyy-MM-dd` day (rejects 2026-02-30). */
export function isCalendarDay(value: unknown): value is CalendarDay {
  if (typeof value !== 'string') {
    return false;
  }
  const match = CALENDAR_DAY.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day
  );
}

/** `yyyy-MM-dd` strings order like the days they name. */
export function isAfter(day: CalendarDay, other: CalendarDay): boolean {
  return day > other;
}

export function earliest(...days: Array<CalendarDay | undefined>): CalendarDay | undefined {
  return days.filter((d): d is CalendarDay => d !== undefined).sort()[0];
}
