/** A term as the API and the other libs read it. */
export interface DeadlineView {
  id: string;
  caseId: string | null;
  track: string | null;
  ruleId: string;
  source: string;
  statutory: boolean;
  fatal: boolean;
  triggerDate: string;
  strictDate: string;
  extendedDate: string;
  dueAt: string;
  status: string;
  /** Days the agreed clock stood still while information requests were open, (d)2. */
  pausedDays: number;
  /** Set while an open information request stops this agreed clock. */
  clockStoppedSince: string | null;
  /** An agreed term ending on a weekend or holiday: not extended, the parties should agree, (e)1. */
  agreedTermEndsOnNonWorkingDay: boolean;
}

/**
 * The one definition of a view in SQL: each field's expression over `deadline d`, typed so a
 * field added to the view without its column does not compile. Dates come as text and `dueAt` as
 * an ISO instant, so every read returns the view straight from PostgreSQL with no mapping:
 * dashboards read tens of thousands of terms, and entity mapping and Date parsing were most of
 * their time.
 */
const COLUMNS: { readonly [Field in keyof DeadlineView]-?: string } = {
  id: 'd.id',
  caseId: 'd.case_id',
  track: 'd.track_kind',
  ruleId: 'd.rule_id',
  source: 'd.source',
  statutory: 'd.statutory',
  fatal: 'd.fatal',
  triggerDate: 'd.trigger_date::text',
  strictDate: 'd.strict_date::text',
  extendedDate: 'd.extended_date::text',
  dueAt: `to_char(d.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  status: 'd.status',
  pausedDays: 'd.paused_days',
  clockStoppedSince: 'd.clock_stopped_since::text',
  agreedTermEndsOnNonWorkingDay: 'd.agreed_term_ends_on_non_working_day',
};

/** `SELECT ${DEADLINE_VIEW_SELECT} FROM deadline d ...` reads rows that are DeadlineViews. */
export const DEADLINE_VIEW_SELECT = Object.entries(COLUMNS)
  .map(([field, sql]) => `${sql} AS "${field}"`)
  .join(', ');
