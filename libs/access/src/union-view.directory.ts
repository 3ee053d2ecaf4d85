import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

/** Narrowing of a union's view; every figure is computed over the narrowed cases. */
export interface UnionViewFilter {
  organisationId?: string;
  worksCouncilId?: string;
  stage?: string;
}

/** Today and the last day of the upcoming horizon, `yyyy-MM-dd` (Europe/Amsterdam). */
export interface UnionViewDays {
  today: string;
  horizon: string;
}

export interface UnionViewCount {
  key: string;
  count: number;
}

export interface UnionViewCaseRef {
  id: string;
  title: string;
  organisationId: string;
  organisationName: string;
  worksCouncilId: string;
  worksCouncilName: string;
}

/**
 * An open term as a dashboard lists it, with its names (the council's term figures take it
 * without them).
 */
export interface UnionViewDeadline {
  id: string;
  caseId: string;
  caseTitle: string;
  organisationId: string;
  organisationName: string;
  worksCouncilId: string;
  worksCouncilName: string;
  track: string | null;
  ruleId: string;
  strictDate: string;
  extendedDate: string;
  dueAt: string;
  statutory: boolean;
  fatal: boolean;
  daysLeft: number;
}

/** The figures of a union's view, each over every shared case, each list the first `limit`. */
export interface UnionViewFigures {
  cases: number;
  organisations: number;
  blocked: number;
  overdue: number;
  upcoming: number;
  byStage: UnionViewCount[];
  byOrganisation: Array<UnionViewCount & { name: string }>;
  blockedCases: UnionViewCaseRef[];
  overdueDeadlines: UnionViewDeadline[];
  upcomingDeadlines: UnionViewDeadline[];
  systems: {
    total: number;
    byPurpose: UnionViewCount[];
    byAnnexIII: UnionViewCount[];
    byPurposeAndAnnexIII: Array<{ purpose: string; annexIII: string; count: number }>;
  };
  durations: Record<'advice' | 'consent', { procedures: number; medianDays: number | null }>;
}

/** One shared case as the union sees it; `purpose` and `annexIII` are `not_shared` on a status share. */
export interface UnionViewCase extends UnionViewCaseRef {
  scope: 'status' | 'dossier';
  stage: string;
  status: string;
  blocked: boolean;
  purpose: string;
  annexIII: string;
  nextDeadline: UnionViewDeadline | null;
  overdueDeadlines: number;
  adviceDays: number | null;
  consentDays: number | null;
  /** The keyset position of the row: `updated_at` as text. */
  sortKey: string;
}

/** Where a page of case rows starts: after this row of the previous page. */
export interface UnionViewCursor {
  sortKey: string;
  id: string;
}

type Param = (value: unknown) => string;

/**
 * What one union's shares show (issue #8), added up in PostgreSQL (issue #13): a union officer's
 * dashboard across a thousand organisations must not load ten thousand cases into the API.
 *
 * The set is the sent cases an active share of this union covers, each at the broadest scope of
 * those shares: exactly what the case routes show the union's officers through the union arm of
 * `caseVisibleSql` (never a draft, never another union's share). A `status` share shows stage,
 * status and terms; only a `dossier` share shows the AI system's purpose and the triage's Annex III
 * category. Names are only of the shared cases' employers and councils. The caller checked that
 * the actor is an officer of the union.
 */
@Injectable()
export class UnionViewDirectory {
  constructor(private readonly tx: TransactionHost) {}

  /** Every figure of the dashboard in one statement; lists hold the first `limit`. */
  async figures(
    unionOrganisationId: string,
    filter: UnionViewFilter,
    days: UnionViewDays,
    limit: number,
  ): Promise<UnionViewFigures> {
    const params: unknown[] = [];
    const param: Param = (value) => `$${params.push(value)}`;
    const shared = sharedCasesSql(unionOrganisationId, filter, param);
    const today = `${param(days.today)}::date`;
    const horizon = `${param(days.horizon)}::date`;
    const max = param(limit);
    const counted = (from: string, key: string) =>
      `(SELECT COALESCE(json_agg(json_build_object('key', k, 'count', n) ORDER BY n DESC, k COLLATE "C"), '[]'::json)
          FROM (SELECT ${key} AS k, count(*)::int AS n FROM ${from} GROUP BY 1) x)`;
    const deadlineList = (where: string) =>
      `(SELECT COALESCE(json_agg(${deadlineJson('d', 'od', today)} ORDER BY od.strict_date, od.case_id, od.rule_id COLLATE "C", od.id), '[]'::json)
          FROM (SELECT id FROM open_terms WHERE ${where} ORDER BY strict_date, case_id, rule_id COLLATE "C", id LIMIT ${max}) x
          JOIN deadline od ON od.id = x.id JOIN shared d ON d.id = od.case_id ${namesJoin('d')})`;
    const duration = (kind: string) =>
      `(SELECT json_build_object('procedures', count(days)::int,
                                 'medianDays', round(percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::numeric, 1)::float8)
          FROM durations WHERE kind = '${kind}')`;
    const [row] = await this.tx.query<{ figures: UnionViewFigures }>(
      `WITH shared AS MATERIALIZED (${shared}),
       open_terms AS MATERIALIZED (
         SELECT t.id, t.case_id, t.rule_id, t.strict_date FROM deadline t JOIN shared s ON t.case_id = s.id WHERE t.status = 'open'),
       -- procedure_days: the track's request-to-position days, kept by a trigger (migration 1772000000000).
       durations AS (
         SELECT t.kind, t.procedure_days AS days
           FROM case_track t JOIN shared s ON t.case_id = s.id
          WHERE t.kind IN ('advice', 'consent')),
       systems AS (
         SELECT ai_system_id,
                (array_agg(purpose ORDER BY ${knownRank('purpose')} DESC, updated_at DESC, id DESC))[1] AS purpose,
                (array_agg(annex_iii ORDER BY ${knownRank('annex_iii')} DESC, updated_at DESC, id DESC))[1] AS annex_iii
           FROM shared GROUP BY ai_system_id)
       SELECT json_build_object(
         'cases', (SELECT count(*)::int FROM shared),
         'organisations', (SELECT count(DISTINCT organisation_id)::int FROM shared),
         'blocked', (SELECT count(*)::int FROM shared WHERE blocked),
         'overdue', (SELECT count(*)::int FROM open_terms WHERE strict_date < ${today}),
         'upcoming', (SELECT count(*)::int FROM open_terms WHERE strict_date >= ${today} AND strict_date <= ${horizon}),
         'byStage', ${counted('shared', 'stage')},
         'byOrganisation', (
           SELECT COALESCE(json_agg(json_build_object('key', x.k, 'name', COALESCE(o.name, ''), 'count', x.n) ORDER BY x.n DESC, x.k), '[]'::json)
             FROM (SELECT organisation_id AS k, count(*)::int AS n FROM shared GROUP BY 1) x
             LEFT JOIN organisation o ON o.id = x.k),
         'blockedCases', (
           SELECT COALESCE(json_agg(${caseRefJson('d')} ORDER BY d.updated_at DESC, d.id DESC), '[]'::json)
             FROM (SELECT * FROM shared WHERE blocked ORDER BY updated_at DESC, id DESC LIMIT ${max}) d ${namesJoin('d')}),
         'overdueDeadlines', ${deadlineList(`strict_date < ${today}`)},
         'upcomingDeadlines', ${deadlineList(`strict_date >= ${today} AND strict_date <= ${horizon}`)},
         'systems', json_build_object(
           'total', (SELECT count(*)::int FROM systems),
           'byPurpose', ${counted('systems', 'purpose')},
           'byAnnexIII', ${counted('systems', 'annex_iii')},
           'byPurposeAndAnnexIII', (
             SELECT COALESCE(json_agg(json_build_object('purpose', p, 'annexIII', a, 'count', n) ORDER BY n DESC, p || chr(1) || a COLLATE "C"), '[]'::json)
               FROM (SELECT purpose AS p, annex_iii AS a, count(*)::int AS n FROM systems GROUP BY 1, 2) x)),
         'durations', json_build_object('advice', ${duration('advice')}, 'consent', ${duration('consent')})
       ) AS figures`,
      params,
    );
    return row.figures;
  }

  /**
   * One keyset page of the shared cases as rows, most recently updated first (the dashboard's
   * list is the first page; the CSV reads every page).
   */
  cases(
    unionOrganisationId: string,
    filter: UnionViewFilter,
    today: string,
    after: UnionViewCursor | null,
    limit: number,
  ): Promise<UnionViewCase[]> {
    const params: unknown[] = [];
    const param: Param = (value) => `$${params.push(value)}`;
    const shared = sharedCasesSql(unionOrganisationId, filter, param);
    const day = `${param(today)}::date`;
    const from = after
      ? `WHERE (d.updated_at, d.id) < (${param(after.sortKey)}::timestamptz, ${param(after.id)}::uuid)`
      : '';
    const days = (kind: string) =>
      `(SELECT t.procedure_days FROM case_track t WHERE t.case_id = d.id AND t.kind = '${kind}')`;
    return this.tx.query<UnionViewCase>(
      `WITH shared AS (${shared})
       SELECT ${caseRefFields('d')}, d.scope, d.stage, d.status, d.blocked, d.purpose, d.annex_iii AS "annexIII",
              (SELECT ${deadlineJson('d', 'od', day)} FROM deadline od
                WHERE od.case_id = d.id AND od.status = 'open' AND od.strict_date >= ${day}
                ORDER BY od.strict_date, od.rule_id COLLATE "C", od.id LIMIT 1) AS "nextDeadline",
              (SELECT count(*)::int FROM deadline od WHERE od.case_id = d.id AND od.status = 'open' AND od.strict_date < ${day}) AS "overdueDeadlines",
              ${days('advice')} AS "adviceDays", ${days('consent')} AS "consentDays",
              d.updated_at::text AS "sortKey"
         FROM (SELECT * FROM shared d ${from} ORDER BY d.updated_at DESC, d.id DESC LIMIT ${param(limit)}) d ${namesJoin('d')}
        ORDER BY d.updated_at DESC, d.id DESC`,
      params,
    );
  }
}

/**
 * The union's shared cases, one row each with its scope and what that scope shows. Each active
 * share of the union finds its council's sent cases by the council index; a case two shares cover
 * is one row at the broader scope.
 */
function sharedCasesSql(unionOrganisationId: string, filter: UnionViewFilter, param: Param) {
  const where = [
    `s.union_organisation_id = ${param(unionOrganisationId)}`,
    's.revoked_at IS NULL',
    "c.status = 'sent'",
  ];
  if (filter.organisationId) {
    where.push(`c.organisation_id = ${param(filter.organisationId)}::uuid`);
  }
  if (filter.worksCouncilId) {
    where.push(`c.works_council_id = ${param(filter.worksCouncilId)}::uuid`);
  }
  if (filter.stage) {
    where.push(`c.stage = ${param(filter.stage)}`);
  }
  const dossier = `bool_or(s.scope = 'dossier')`;
  return `SELECT c.id, c.title, c.organisation_id, c.works_council_id, c.ai_system_id, c.status, c.stage, c.blocked, c.updated_at,
                 CASE WHEN ${dossier} THEN 'dossier' ELSE 'status' END AS scope,
                 CASE WHEN ${dossier} THEN COALESCE((SELECT a.primary_purpose FROM ai_system a WHERE a.id = c.ai_system_id), 'unknown') ELSE 'not_shared' END AS purpose,
                 CASE WHEN ${dossier} THEN COALESCE(c.triage->'answers'->>'annexIIIPoint4', 'unknown') ELSE 'not_shared' END AS annex_iii
            FROM union_share s
            JOIN ai_case c ON c.works_council_id = s.works_council_id AND (s.case_id IS NULL OR s.case_id = c.id)
           WHERE ${where.join(' AND ')}
           GROUP BY c.id`;
}

/** A system's purpose or category from the case that knows it: shared and triaged over unknown over not shared. */
function knownRank(column: string): string {
  return `CASE ${column} WHEN 'not_shared' THEN 0 WHEN 'unknown' THEN 1 ELSE 2 END`;
}

function namesJoin(c: string): string {
  return `LEFT JOIN organisation o ON o.id = ${c}.organisation_id LEFT JOIN works_council w ON w.id = ${c}.works_council_id`;
}

function caseRefFields(c: string): string {
  return `${c}.id, ${c}.title, ${c}.organisation_id AS "organisationId", COALESCE(o.name, '') AS "organisationName",
          ${c}.works_council_id AS "worksCouncilId", COALESCE(w.name, '') AS "worksCouncilName"`;
}

function caseRefJson(c: string): string {
  return `json_build_object('id', ${c}.id, 'title', ${c}.title, 'organisationId', ${c}.organisation_id, 'organisationName', COALESCE(o.name, ''),
                            'worksCouncilId', ${c}.works_council_id, 'worksCouncilName', COALESCE(w.name, ''))`;
}

/** A term as a dashboard item; `c` is its case (a shared row), names joined by `namesJoin`. */
function deadlineJson(c: string, d: string, today: string): string {
  return `json_build_object('id', ${d}.id, 'caseId', ${c}.id, 'caseTitle', ${c}.title,
            'organisationId', ${c}.organisation_id, 'organisationName', COALESCE(o.name, ''),
            'worksCouncilId', ${c}.works_council_id, 'worksCouncilName', COALESCE(w.name, ''),
            'track', ${d}.track_kind, 'ruleId', ${d}.rule_id, 'strictDate', ${d}.strict_date::text, 'extendedDate', ${d}.extended_date::text,
            'dueAt', to_char(${d}.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
            'statutory', ${d}.statutory, 'fatal', ${d}.fatal, 'daysLeft', ${d}.strict_date - ${today})`;
}
