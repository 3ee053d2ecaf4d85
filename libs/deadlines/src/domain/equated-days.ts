import type { CalendarDate } from './dutch-calendar';

/**
 * A day equated with a public holiday by a decree under Algemene termijnenwet art. 3(3), with the
 * decree as its source [legal-rules (e)2]. None is assumed without a source: the list holds only
 * days whose Staatscourant publication was checked, and is empty until one is.
 */
export interface EquatedDay {
  readonly date: CalendarDate;
  /** The decree and its Staatscourant reference. */
  readonly source: string;
}

export const EQUATED_DAYS: readonly EquatedDay[] = Object.freeze([]);

/** The dates the calculator's `equatedDays` option takes. */
export function equatedDates(days: readonly EquatedDay[] = EQUATED_DAYS): CalendarDate[] {
  return days.map((d) => d.date);
}
