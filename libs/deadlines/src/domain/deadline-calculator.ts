import { addDays, addMonths, addWeeks } from 'date-fns';
import { fromZonedTime } from 'date-fns-tz';

import { AMSTERDAM_TIME_ZONE, amsterdamDay, BadRequest, Unprocessable } from '@wc/core';

import { getDeadlineRule } from './deadline-rules';
import type { DeadlineRule, DeadlineRuleId, TermLength } from './deadline-rules';
import {
  addWorkingDays,
  assertCalendarDate,
  formatCalendarDate,
  isDutchNonWorkingDay,
  parseCalendarDate,
  workingDayOnOrAfter,
} from './dutch-calendar';
import type { CalendarDate } from './dutch-calendar';

/** Every legal term is counted in Dutch calendar days (house style B.6). */
export { AMSTERDAM_TIME_ZONE } from '@wc/core';

/** The Amsterdam calendar day an instant falls on. */
export function toAmsterdamDate(instant: Date): CalendarDate {
  if (Number.isNaN(instant.getTime())) {
    throw new BadRequest('deadline.invalid_instant', 'The instant is not a valid date.');
  }
  return amsterdamDay(instant);
}

/** The instant 00:00:00.000 Amsterdam time starts `date` (23:00 or 22:00 UTC the day before). */
export function startOfAmsterdamDay(date: CalendarDate): Date {
  assertCalendarDate(date);
  return fromZonedTime(`${date}T00:00:00.000`, AMSTERDAM_TIME_ZONE);
}

/** The last millisecond of `date` in Amsterdam, 23:59:59.999 local: when a term on it expires. */
export function endOfAmsterdamDay(date: CalendarDate): Date {
  assertCalendarDate(date);
  return fromZonedTime(`${date}T23:59:59.999`, AMSTERDAM_TIME_ZONE);
}

/**
 * The last day of a term of `length` triggered on `startDate`. The term runs from the day after
 * the trigger; "one month" ends on the same date number in the next month, or on that month's
 * last day when the number does not exist (31 January → 28/29 February) [legal-rules (c), M].
 * date-fns `addMonths` clamps to the month's end in exactly that way.
 */
export function addTerm(startDate: CalendarDate, length: TermLength): CalendarDate {
  assertTermLength(length);
  let date = parseCalendarDate(startDate);
  date = addMonths(date, length.months ?? 0);
  date = addWeeks(date, length.weeks ?? 0);
  date = addDays(date, length.days ?? 0);
  return addWorkingDays(formatCalendarDate(date), length.workingDays ?? 0);
}

export interface ComputeDeadlineInput {
  readonly ruleId: DeadlineRuleId;
  /** The day the written notice (with reasons, where the rule needs them) was received [S6]. */
  readonly triggerDate: CalendarDate;
  /**
   * The term's length. Required for rules whose length is a council setting (resolve it with
   * `resolveTermLength`); may be left out for statutory rules, and must then match the law.
   */
  readonly length?: TermLength;
  /** Calendar days added because the clock stood still (see `stopTheClockDays`), (d)2. */
  readonly pausedDays?: number;
  /**
   * Whether to compute the Algemene termijnenwet extension. Defaults to the rule's `statutory`
   * flag, because ATW art. 1 covers terms set by law, not agreed ones.
   */
  readonly applyAlgemeneTermijnenwet?: boolean;
  /** Days equated with holidays by decree under ATW art. 3(3). */
  readonly equatedDays?: readonly CalendarDate[];
}

export interface ComputedDeadline {
  readonly ruleId: DeadlineRuleId;
  readonly source: string;
  readonly statutory: boolean;
  readonly fatal: boolean;
  /** The first day of the term: the day after the trigger. */
  readonly startDate: CalendarDate;
  /** The plain last day of the term; reminders are planned on this date. */
  readonly strictDate: CalendarDate;
  /** The last day after the Algemene termijnenwet extension, or `strictDate` when none applies. */
  readonly extendedDate: CalendarDate;
  readonly extended: boolean;
  /**
   * An agreed term whose last day is a weekend day, holiday or equated day: the ATW does not
   * extend it, so the parties are told to agree the day [legal-rules (e)1].
   */
  readonly agreedTermEndsOnNonWorkingDay: boolean;
  readonly pausedDays: number;
}

/**
 * Computes a deadline from its trigger date.
 *
 * Both dates are returned because counsel has not confirmed that the Algemene termijnenwet
 * applies to WOR terms: the strict date binds reminders and notifications, the extended one is
 * shown beside it [legal-rules (c) "Clock computation", (d)4]. For fatal terms (WOR 26(2) [W8],
 * 27(5) [W15]) acting by the strict date is the only safe advice.
 */
export function computeDeadline(input: ComputeDeadlineInput): ComputedDeadline {
  const rule = getDeadlineRule(input.ruleId);
  assertCalendarDate(input.triggerDate);
  const length = lengthFor(rule, input);

  const pausedDays = input.pausedDays ?? 0;
  if (!Number.isInteger(pausedDays) || pausedDays < 0) {
    throw new BadRequest(
      'deadline.invalid_paused_days',
      'Paused days must be a whole number ≥ 0.',
      { pausedDays },
    );
  }
  // Only an agreed term can be paused by agreement; a statutory term runs regardless, (d)2.
  if (pausedDays > 0 && !rule.clockCanStop) {
    throw new Unprocessable(
      'deadline.clock_cannot_stop',
      `The clock of '${rule.id}' cannot be stopped.`,
      { ruleId: rule.id, pausedDays },
    );
  }

  const strictDate = addTerm(addTerm(input.triggerDate, length), { days: pausedDays });
  // ATW art. 1(1): a statutory term ending on a Saturday, Sunday or art. 3 holiday runs on to the
  // next day that is none of these. The art. 2 two-working-days rule is not applied: it only
  // matters for terms of a few days, and every statutory term here is 2 weeks or 1 month.
  const applyAtw = input.applyAlgemeneTermijnenwet ?? rule.statutory;
  const extendedDate = applyAtw
    ? workingDayOnOrAfter(strictDate, { equatedDays: input.equatedDays })
    : strictDate;

  return {
    ruleId: rule.id,
    source: rule.source,
    statutory: rule.statutory,
    fatal: rule.fatal,
    startDate: addTerm(input.triggerDate, { days: 1 }),
    strictDate,
    extendedDate,
    extended: extendedDate !== strictDate,
    agreedTermEndsOnNonWorkingDay:
      !rule.statutory && isDutchNonWorkingDay(strictDate, { equatedDays: input.equatedDays }),
    pausedDays,
  };
}

function lengthFor(rule: DeadlineRule, input: ComputeDeadlineInput): TermLength {
  if (rule.length.kind === 'fixed') {
    // A council setting must never shorten or lengthen a term the law fixes.
    if (input.length && !sameLength(input.length, rule.length.length)) {
      throw new Unprocessable(
        'deadline.statutory_length_fixed',
        `The length of '${rule.id}' is fixed and cannot be changed.`,
        { ruleId: rule.id, length: input.length, fixed: rule.length.length },
      );
    }
    return rule.length.length;
  }
  if (!input.length) {
    throw new BadRequest(
      'deadline.length_required',
      `The length of '${rule.id}' comes from the council's settings and must be given.`,
      { ruleId: rule.id, setting: rule.length.setting },
    );
  }
  return input.length;
}

function sameLength(a: TermLength, b: TermLength): boolean {
  return (
    (a.months ?? 0) === (b.months ?? 0) &&
    (a.weeks ?? 0) === (b.weeks ?? 0) &&
    (a.days ?? 0) === (b.days ?? 0) &&
    (a.workingDays ?? 0) === (b.workingDays ?? 0)
  );
}

function assertTermLength(length: TermLength): void {
  const parts = [length.months, length.weeks, length.days, length.workingDays];
  const wholeNumbers = parts.every((part) => part === undefined || Number.isInteger(part));
  // Only `days` may be negative (a deadline before its anchor, such as training before go-live).
  const forwards = [length.months, length.weeks, length.workingDays].every(
    (part) => part === undefined || part >= 0,
  );
  if (!wholeNumbers || !forwards) {
    throw new BadRequest(
      'deadline.invalid_term_length',
      'A term length is made of whole numbers, and only days may be negative.',
      { length },
    );
  }
}

export interface OpenPeriod {
  readonly from: CalendarDate;
  /** The day the answer came in; `null` while the request is still open. */
  readonly to: CalendarDate | null;
}

/**
 * Calendar days on which at least one information request was open, for the optional agreed
 * stop-the-clock rule (legal-rules (d)2; setting `stopClockWhileInformationOpen`). A day counts
 * when a request was open at its end: the day a request is sent counts, the day the answer comes
 * in does not. Overlapping requests count once; open ones run up to and including `asOf`, and
 * nothing after `asOf` counts. With `notBefore`, days before it (say, before the term's trigger)
 * are left out.
 */
export function stopTheClockDays(
  periods: ReadonlyArray<OpenPeriod>,
  asOf: CalendarDate,
  notBefore?: CalendarDate,
): number {
  const limit = dayNumber(asOf) + 1;
  const floor = notBefore === undefined ? Number.NEGATIVE_INFINITY : dayNumber(notBefore);

  const ranges = periods
    .map((period) => {
      const from = dayNumber(period.from);
      const to = period.to === null ? limit : dayNumber(period.to);
      if (period.to !== null && to < from) {
        throw new BadRequest(
          'deadline.invalid_period',
          `An information request cannot be answered (${period.to}) before it was sent (${period.from}).`,
          { from: period.from, to: period.to },
        );
      }
      return { start: Math.max(from, floor), end: Math.min(to, limit) };
    })
    .filter((range) => range.start < range.end)
    .sort((a, b) => a.start - b.start);

  let total = 0;
  let coveredUntil = Number.NEGATIVE_INFINITY;
  for (const { start, end } of ranges) {
    const from = Math.max(start, coveredUntil);
    if (end > from) {
      total += end - from;
      coveredUntil = end;
    }
  }
  return total;
}

/** Days since 1970-01-01 for a calendar date; plain day counting, free of any time zone. */
function dayNumber(date: CalendarDate): number {
  const parsed = parseCalendarDate(date);
  return Date.UTC(parsed.getFullYear(), parsed.getMonth(), parsed.getDate()) / 86_400_000;
}
