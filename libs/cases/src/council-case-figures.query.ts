import { Injectable } from '@nestjs/common';

import { caseVisibleSql, type CaseReach } from '@wc/access';
import type { Actor } from '@wc/auth';
import { TransactionHost } from '@wc/database';

/** The sent cases of one council, as one actor may see them (`reach`), for a dashboard figure. */
export interface CouncilCaseSet {
  actor: Actor;
  worksCouncilId: string;
  reach?: CaseReach;
}

export interface CouncilCaseFigures {
  total: number;
  blocked: number;
  /** Most frequent first, then by stage (code-unit order). */
  byStage: Array<{ key: string; count: number }>;
  /** The first `limit` cases, most recently updated first. */
  first: Array<{ id: string; title: string; stage: string; blocked: boolean; updatedAt: string }>;
}

export interface OpenRequestRow {
  id: string;
  caseId: string;
  caseTitle: string;
  question: string;
  askedAt: string;
  dueDate: string;
}

/** ISO 8601 in UTC with milliseconds, as `Date.toISOString()` writes it. */
const isoTime = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Dashboard figures over a council's cases, added up in SQL (issue #13): a dashboard reads the
 * counts and the few rows its lists show, never every case. Visibility is `@wc/access`'s rule
 * for the set (`caseVisibleSql`), so the figures count exactly what the case routes show.
 */
@Injectable()
export class CouncilCaseFiguresQuery {
  constructor(private readonly tx: TransactionHost) {}

  /** Totals, counts by stage and the first `limit` cases, in one statement. */
  async councilCases(set: CouncilCaseSet, limit: number): Promise<CouncilCaseFigures> {
    const { params, where } = whereOf(set);
    const [row] = await this.tx.query<CouncilCaseFigures>(
      `WITH v AS MATERIALIZED (
         SELECT c.id, c.title, c.stage, c.blocked, c.updated_at FROM ai_case c WHERE ${where})
       SELECT (SELECT count(*)::int FROM v) AS total,
              (SELECT count(*)::int FROM v WHERE v.blocked) AS blocked,
              (SELECT COALESCE(json_agg(json_build_object('key', s.stage, 'count', s.n) ORDER BY s.n DESC, s.stage COLLATE "C"), '[]'::json)
                 FROM (SELECT v.stage, count(*)::int AS n FROM v GROUP BY v.stage) s) AS "byStage",
              (SELECT COALESCE(json_agg(json_build_object('id', f.id, 'title', f.title, 'stage', f.stage, 'blocked', f.blocked,
                                                          'updatedAt', ${isoTime('f.updated_at')}) ORDER BY f.updated_at DESC, f.id DESC), '[]'::json)
                 FROM (SELECT * FROM v ORDER BY v.updated_at DESC, v.id DESC LIMIT $${params.push(limit)}) f) AS first`,
      params,
    );
    return row;
  }

  /** The titles of those of these cases in the set. */
  async titles(set: CouncilCaseSet, caseIds: readonly string[]): Promise<Map<string, string>> {
    if (caseIds.length === 0) {
      return new Map();
    }
    const { params, where } = whereOf(set);
    const rows = await this.tx.query<{ id: string; title: string }>(
      `SELECT c.id, c.title FROM ai_case c WHERE c.id = ANY($${params.push([...new Set(caseIds)])}::uuid[]) AND ${where}`,
      params,
    );
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /** The unanswered art. 31 requests on the set's cases: how many, and the first `limit` by due date. */
  async openRequests(
    set: CouncilCaseSet,
    limit: number,
  ): Promise<{ total: number; first: OpenRequestRow[] }> {
    const { params, where } = whereOf(set);
    const rows = await this.tx.query<OpenRequestRow & { total: number }>(
      `SELECT r.id, r.case_id AS "caseId", c.title AS "caseTitle", r.question, ${isoTime('r.asked_at')} AS "askedAt",
              r.due_date::text AS "dueDate", count(*) OVER ()::int AS total
         FROM information_request r JOIN ai_case c ON c.id = r.case_id
        WHERE r.answer IS NULL AND ${where}
        ORDER BY r.due_date, r.id LIMIT $${params.push(limit)}`,
      params,
    );
    return { total: rows[0]?.total ?? 0, first: rows.map(({ total: _total, ...r }) => r) };
  }
}

function whereOf(set: CouncilCaseSet): { params: unknown[]; where: string } {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = [
    caseVisibleSql(set.actor, param, set.reach),
    `c.works_council_id = ${param(set.worksCouncilId)}`,
    `c.status = 'sent'`,
  ].join(' AND ');
  return { params, where };
}
