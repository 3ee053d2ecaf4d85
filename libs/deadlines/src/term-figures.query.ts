import { Injectable } from '@nestjs/common';

import { type UnionViewDeadline, visibleCaseIdsSql, type VisibleCaseFilter } from '@wc/access';
import type { Actor } from '@wc/auth';
import { TransactionHost } from '@wc/database';

/** An open term as a dashboard lists it (the case's title is the case lib's). */
export type OpenTermRow = Omit<
  UnionViewDeadline,
  'caseTitle' | 'organisationName' | 'worksCouncilName' | 'daysLeft'
>;

/** How many terms a list has, and its first ones. */
export interface TermList {
  count: number;
  first: OpenTermRow[];
}

export interface TermFiguresQueryInput {
  today: string;
  /** The Monday the first week of the timeline starts on (the week of `today`). */
  firstWeekStart: string;
  weeks: number;
  /** The most terms each list holds. */
  limit: number;
  /** Cases whose next term (the first not yet past) is wanted. */
  nextOf: readonly string[];
}

export interface TermFigures {
  overdue: TermList;
  /** One per week from `firstWeekStart`, terms from today on. */
  weeks: TermList[];
  /** By case id, for the cases of `nextOf` that have one. */
  next: Map<string, OpenTermRow>;
}

/** A row of the statement: the list it belongs to (`bucket`), its size and the row's place in it. */
type TermRow = OpenTermRow & { bucket: number; n: number; rn: string };

const OVERDUE = -1;
const NEXT = -2;
const COLUMNS = `d.id, d.case_id AS "caseId", d.organisation_id AS "organisationId", d.works_council_id AS "worksCouncilId",
  d.track_kind AS track, d.rule_id AS "ruleId", d.strict_date::text AS "strictDate", d.extended_date::text AS "extendedDate",
  to_char(d.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "dueAt", d.statutory, d.fatal`;
/** Earliest first, as dashboards list terms (rule ids in code-unit order). */
const TERM_ORDER = `d.strict_date, d.case_id, d.rule_id COLLATE "C", d.id`;

/**
 * The open terms of the cases an actor may see, counted and listed in SQL for dashboards (issue
 * #13): the overdue ones, a timeline of weeks, and the next term of a few cases, in one
 * statement, with no more rows than the lists show. The case set is `@wc/access`'s.
 */
@Injectable()
export class TermFiguresQuery {
  constructor(private readonly tx: TransactionHost) {}

  async ofVisibleCases(
    actor: Actor,
    cases: VisibleCaseFilter,
    input: TermFiguresQueryInput,
  ): Promise<TermFigures> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const today = `${param(input.today)}::date`;
    const first = `${param(input.firstWeekStart)}::date`;
    // Ranked on the narrow columns; only the listed rows are read in full.
    const rows = await this.tx.query<TermRow>(
      `WITH d AS MATERIALIZED (
         SELECT d.id, d.case_id, d.rule_id, d.strict_date,
                CASE WHEN d.strict_date < ${today} THEN ${OVERDUE} ELSE (d.strict_date - ${first}) / 7 END AS bucket
           FROM deadline d
          WHERE d.status = 'open' AND d.case_id IN (${visibleCaseIdsSql(actor, param, cases)})
            AND (d.strict_date < ${today} OR d.strict_date < ${first} + ${param(input.weeks * 7)}::int)),
       ranked AS (
         SELECT d.id, d.bucket, row_number() OVER (PARTITION BY d.bucket ORDER BY ${TERM_ORDER}) AS rn,
                count(*) OVER (PARTITION BY d.bucket)::int AS n
           FROM d)
       SELECT ${COLUMNS}, r.bucket, r.n, r.rn FROM ranked r JOIN deadline d ON d.id = r.id WHERE r.rn <= ${param(input.limit)}
       UNION ALL
       SELECT * FROM (
         SELECT DISTINCT ON (d.case_id) ${COLUMNS}, ${NEXT} AS bucket, 1 AS n, 1::bigint AS rn
           FROM deadline d
          WHERE d.case_id = ANY(${param([...input.nextOf])}::uuid[]) AND d.status = 'open' AND d.strict_date >= ${today}
          ORDER BY d.case_id, ${TERM_ORDER}) next
       ORDER BY bucket, rn`,
      params,
    );
    const listOf = (bucket: number): TermList => {
      const inBucket = rows.filter((r) => r.bucket === bucket);
      return { count: inBucket[0]?.n ?? 0, first: inBucket.map(termOf) };
    };
    return {
      overdue: listOf(OVERDUE),
      weeks: Array.from({ length: input.weeks }, (_, i) => listOf(i)),
      next: new Map(rows.filter((r) => r.bucket === NEXT).map((r) => [r.caseId, termOf(r)])),
    };
  }
}

function termOf({ bucket: _bucket, n: _n, rn: _rn, ...term }: TermRow): OpenTermRow {
  return term;
}
