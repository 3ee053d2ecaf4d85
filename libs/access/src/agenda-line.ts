import type { Actor } from '@wc/auth';

/**
 * The personal agenda pages in SQL (issue #13): `@wc/overviews` UNION ALLs one SELECT per lib that
 * owns a kind of line, each over its own tables, and orders and limits the whole. Every source
 * selects the same columns through `agendaLineSql`, so the arms of the union line up.
 */
export interface AgendaLineContext {
  readonly actor: Actor;
  /** Appends a parameter to the one statement and returns its placeholder. */
  readonly param: (value: unknown) => string;
  /** The instant the lines are read at. */
  readonly now: Date;
  /**
   * The CTE of every case the actor may see, with `id, title, works_council_id, organisation_id,
   * status, blocked, acting` (sent and not blocked: the tracks run), the actor's `side` on it (`caseSideSql`) and, for a union, its `union_scope`.
   */
  readonly cases: string;
}

const LINE_COLUMNS = [
  ['kind', 'text'],
  ['side', 'text'],
  ['yours', 'boolean'],
  ['action', 'text'],
  ['case_id', 'uuid'],
  ['case_title', 'text'],
  ['track', 'text'],
  ['rule_id', 'text'],
  ['due_date', 'date'],
  ['fatal', 'boolean'],
  ['subject', 'text'],
  ['information_request_id', 'uuid'],
  ['deadline_id', 'uuid'],
  ['vote_id', 'uuid'],
  ['meeting_id', 'uuid'],
  ['path', 'text'],
  ['anchor', 'text'],
] as const;

export type AgendaLineColumn = (typeof LINE_COLUMNS)[number][0];

/** What a source gives for one agenda line; what it leaves out is null (`fatal`, `yours`: false). */
export type AgendaLineValues = Partial<Record<AgendaLineColumn, string>>;

/** One arm of the agenda's union: `SELECT <the line columns, in order> <rest>`. */
export function agendaLineSql(values: AgendaLineValues, rest: string): string {
  const defaults: AgendaLineValues = { yours: 'false', fatal: 'false' };
  return `SELECT ${LINE_COLUMNS.map(
    ([column, type]) => `(${values[column] ?? defaults[column] ?? 'NULL'})::${type} AS ${column}`,
  ).join(', ')} ${rest}`;
}

/** A text SQL literal of a constant of the code (never of user input). */
export function sqlText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The Amsterdam calendar day of a timestamptz column, as the agenda dates its lines. */
export function amsterdamDaySql(column: string): string {
  return `(${column} AT TIME ZONE 'Europe/Amsterdam')::date`;
}
