import { Unprocessable } from '@wc/core';

import type { CalendarDay } from './calendar-day';

/**
 * The case events a date entered on a track is checked against (house style B.19: a date the
 * employer enters is checked against the events it follows).
 */
export type CaseDateEvent =
  | 'case_sent'
  | 'consultation_requested'
  | 'request_received'
  | 'council_position_received'
  | 'employer_decision_received';

/** One date that lies before the event it follows. */
export interface DateConflict {
  /** The payload field that carries the date, e.g. `receivedOn`, `heldOn`. */
  readonly field: string;
  readonly date: CalendarDay;
  readonly event: CaseDateEvent;
  readonly eventDate: CalendarDay;
}

/**
 * A date that precedes the case event it follows: a decision before the request or the council's
 * position, a meeting before it was asked for, a receipt before the case was sent. 422 with the
 * first event named (`{ event, eventDate }`) and every conflict listed.
 */
export class DateBeforeEvent extends Unprocessable {
  static readonly CODE = 'case.date_before_event';

  constructor(readonly conflicts: readonly DateConflict[]) {
    const [first] = conflicts;
    super(
      DateBeforeEvent.CODE,
      `The ${first.field} ${first.date} lies before the case's ${first.event} on ${first.eventDate}.`,
      {
        event: first.event,
        eventDate: first.eventDate,
        field: first.field,
        date: first.date,
        conflicts: conflicts.map((c) => ({ ...c })),
      },
      conflicts.map((c) => ({
        path: `action.${c.field}`,
        message: `lies before ${c.event} (${c.eventDate})`,
      })),
    );
  }
}

/** A conflict when `date` lies strictly before `eventDate`; nothing when either is unknown. */
export function notBefore(
  field: string,
  date: CalendarDay | undefined,
  event: CaseDateEvent,
  eventDate: CalendarDay | undefined,
): DateConflict[] {
  return date !== undefined && eventDate !== undefined && date < eventDate
    ? [{ field, date, event, eventDate }]
    : [];
}
