import { Injectable } from '@nestjs/common';

import {
  type Actor,
  COUNCIL_BOARD_ROLES,
  EMPLOYER_ROLES,
  Role,
  WHOLE_COUNCIL_ROLES,
} from '@wc/auth';
import { TransactionHost } from '@wc/database';

import {
  type ActorSide,
  type CaseVisibilityFacts,
  committeeIdsOf,
  type UnionShareFact,
  unionOrganisationIdsOf,
} from './case-visibility';
import type { ConfidentialityMark, DocumentKind, MeetingKind } from './item-visibility';

export type CaseFactsRow = CaseVisibilityFacts & { shares: UnionShareFact[] };

/** Optional narrowing of a visible-cases set query. */
export interface VisibleCaseFilter {
  worksCouncilId?: string;
  status?: 'draft' | 'sent';
  stage?: string;
  /** Which of the visible cases (default `visible`, see `CaseReach`). */
  reach?: CaseReach;
}

/**
 * Which of the cases the actor may see a set query selects: every one (`visible`, `sideOn` not
 * null); those whose dossier they may read (`dossier`: all but those seen through a union's
 * 'status' share only, issue #8); those whose council-internal space they may use (`internal`,
 * `mayUseInternalSpace`: the council board and members, never the employer side).
 */
export type CaseReach = 'visible' | 'dossier' | 'internal';

/**
 * A subquery of the ids of the cases the actor may see, optionally narrowed, for libs that filter
 * their own rows by case (`… AND x.case_id IN (${visibleCaseIdsSql(actor, param)})`) without
 * naming `ai_case`.
 */
export function visibleCaseIdsSql(
  actor: Actor,
  param: (value: unknown) => string,
  filter: VisibleCaseFilter = {},
): string {
  return `SELECT c.id FROM ai_case c WHERE ${visibleCaseWhere(actor, param, filter)}`;
}

/** The condition of `visibleCaseIdsSql` on `ai_case c`, with the filter's narrowing. */
function visibleCaseWhere(
  actor: Actor,
  param: (value: unknown) => string,
  filter: VisibleCaseFilter,
): string {
  const where = [caseVisibleSql(actor, param, filter.reach)];
  if (filter.worksCouncilId) {
    where.push(`c.works_council_id = ${param(filter.worksCouncilId)}`);
  }
  if (filter.status) {
    where.push(`c.status = ${param(filter.status)}`);
  }
  if (filter.stage) {
    where.push(`c.stage = ${param(filter.stage)}`);
  }
  return where.join(' AND ');
}

/**
 * The SQL condition "the actor may see case `c`" (or, by `reach`, read its dossier or use its
 * internal space), the same rule as `sideOn`, for list queries that select from `ai_case c`.
 * `param` appends a parameter and returns its placeholder. A case is only ever assigned a
 * committee of its own council; the arm checks the council too, as `sideOn` does.
 */
export function caseVisibleSql(
  actor: Actor,
  param: (value: unknown) => string,
  reach: CaseReach = 'visible',
): string {
  const arms = visibilityArms(actor, param);
  const employer = arms.employer();
  const councilArms = [arms.council, arms.committee].flatMap((arm) => (arm ? [arm()] : []));
  if (reach === 'internal') {
    // The employer side comes first in `sideOn`: a council member who also sits on it has no internal space there.
    return `(NOT ${employer} AND c.status = 'sent' AND (${councilArms.join(' OR ')}))`;
  }
  // Seen as an expert or a council member, a case never counts as seen through a share.
  const union = arms.union?.(reach === 'dossier' ? 'dossier' : 'any');
  const sentArms = [...councilArms, arms.expert(), ...(union ? [union] : [])];
  return `(${employer} OR (c.status = 'sent' AND (${sentArms.join(' OR ')})))`;
}

/**
 * The actor's side on case `c` in SQL, the same rule and priority as `sideOn` (null when
 * invisible): for queries that select the visible cases with `caseVisibleSql`.
 */
export function caseSideSql(actor: Actor, param: (value: unknown) => string): string {
  const arms = visibilityArms(actor, param);
  const board = actor.memberships
    .filter((m) => COUNCIL_BOARD_ROLES.includes(m.role) && m.worksCouncilId)
    .map((m) => m.worksCouncilId as string);
  const members = actor.memberships
    .filter((m) => m.role === Role.CouncilMember && m.worksCouncilId)
    .map((m) => m.worksCouncilId as string);
  const employer = arms.employer();
  const boardArm = `c.works_council_id = ANY(${param(board)})`;
  const memberArms = [`c.works_council_id = ANY(${param(members)})`, arms.committee?.()].filter(
    (arm): arm is string => arm !== undefined,
  );
  const expert = arms.expert();
  const union = arms.union ? `WHEN ${arms.union('any')} THEN 'union'` : '';
  return `CASE WHEN ${employer} THEN 'employer'
    WHEN c.status <> 'sent' THEN NULL
    WHEN ${boardArm} THEN 'council_board'
    WHEN ${memberArms.join(' OR ')} THEN 'council_member'
    WHEN ${expert} THEN 'expert'
    ${union} END`;
}

/**
 * For a union officer, what the broadest active share of their unions covering case `c` shows
 * (`unionScopeOn`): 'dossier' or 'status'; null for everyone else and on cases no share covers.
 */
export function caseUnionScopeSql(actor: Actor, param: (value: unknown) => string): string {
  const unionOrgs = unionOrganisationIdsOf(actor);
  if (unionOrgs.length === 0) {
    return 'NULL';
  }
  return `(SELECT CASE WHEN bool_or(s.scope = 'dossier') THEN 'dossier' ELSE 'status' END
             FROM union_share s WHERE ${unionShareCoversSql(param(unionOrgs))} HAVING count(*) > 0)`;
}

/** An active share of these unions (`orgs`, a placeholder) that covers the sent case `c`. */
function unionShareCoversSql(orgs: string): string {
  return `c.status = 'sent' AND s.union_organisation_id = ANY(${orgs}) AND s.revoked_at IS NULL AND s.works_council_id = c.works_council_id AND (s.case_id IS NULL OR s.case_id = c.id)`;
}

/**
 * The arms of case visibility, each written only when the actor can match it (committee and union
 * arms only for committee members and union officers), so every arm has an index (organisation,
 * council, committee, GIN on expert_ids) and PostgreSQL combines bitmaps instead of scanning.
 */
function visibilityArms(
  actor: Actor,
  param: (value: unknown) => string,
): {
  employer: () => string;
  council: () => string;
  expert: () => string;
  committee: (() => string) | null;
  union: ((scope: 'dossier' | 'any') => string) | null;
} {
  const employerOrgs = actor.memberships
    .filter((m) => EMPLOYER_ROLES.includes(m.role))
    .map((m) => m.organisationId);
  const councils = actor.memberships
    .filter((m) => WHOLE_COUNCIL_ROLES.includes(m.role) && m.worksCouncilId)
    .map((m) => m.worksCouncilId as string);
  const committees = committeeIdsOf(actor);
  const committeeCouncils = [
    ...new Set(
      actor.memberships
        .filter((m) => m.role === Role.CommitteeMember && m.committeeId && m.worksCouncilId)
        .map((m) => m.worksCouncilId as string),
    ),
  ];
  const unionOrgs = unionOrganisationIdsOf(actor);
  // Thunks: a statement must use every parameter it was given, so an arm adds its own on use.
  return {
    employer: () => `c.organisation_id = ANY(${param(employerOrgs)})`,
    council: () => `c.works_council_id = ANY(${param(councils)})`,
    expert: () => `c.expert_ids @> ${param(JSON.stringify([actor.userId]))}::jsonb`,
    committee:
      committees.length > 0
        ? () =>
            `(c.committee_id = ANY(${param(committees)}) AND c.works_council_id = ANY(${param(committeeCouncils)}))`
        : null,
    union:
      unionOrgs.length > 0
        ? (scope) =>
            `EXISTS (SELECT 1 FROM union_share s WHERE ${unionShareCoversSql(param(unionOrgs))}${scope === 'dossier' ? ` AND s.scope = 'dossier'` : ''})`
        : null,
  };
}

/**
 * The one file that reads every lib's tables to answer "may this actor see these?" for a *set*
 * of ids in one statement (house style B.3, immich's access repository). It never writes, except
 * for taking the case row lock that every per-case writer needs.
 */
@Injectable()
export class AccessRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** The visibility facts of these cases, with the active shares of these unions that cover each. */
  async caseFacts(
    caseIds: readonly string[],
    unionOrgIds: readonly string[],
  ): Promise<CaseFactsRow[]> {
    if (caseIds.length === 0) {
      return [];
    }
    const shares =
      unionOrgIds.length > 0
        ? `COALESCE((SELECT json_agg(json_build_object('unionOrganisationId', s.union_organisation_id, 'worksCouncilId', s.works_council_id, 'caseId', s.case_id, 'scope', s.scope))
             FROM union_share s
            WHERE s.union_organisation_id = ANY($2) AND s.revoked_at IS NULL AND s.works_council_id = c.works_council_id AND (s.case_id IS NULL OR s.case_id = c.id)), '[]'::json)`
        : `'[]'::json`;
    return this.tx.query<CaseFactsRow>(
      `SELECT c.id, c.organisation_id AS "organisationId", c.works_council_id AS "worksCouncilId", c.committee_id AS "committeeId",
              c.status, c.expert_ids AS "expertIds", ${shares} AS shares
         FROM ai_case c WHERE c.id = ANY($1::uuid[])`,
      unionOrgIds.length > 0 ? [[...new Set(caseIds)], unionOrgIds] : [[...new Set(caseIds)]],
    );
  }

  /** The active shares of these unions that cover this one case, for an already loaded case. */
  activeUnionShares(
    unionOrgIds: readonly string[],
    aiCase: { id: string; worksCouncilId: string },
  ): Promise<UnionShareFact[]> {
    if (unionOrgIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.tx.query<UnionShareFact>(
      `SELECT s.union_organisation_id AS "unionOrganisationId", s.works_council_id AS "worksCouncilId", s.case_id AS "caseId", s.scope
       FROM union_share s
       WHERE s.union_organisation_id = ANY($1) AND s.works_council_id = $2 AND (s.case_id IS NULL OR s.case_id = $3) AND s.revoked_at IS NULL`,
      [unionOrgIds, aiCase.worksCouncilId, aiCase.id],
    );
  }

  /** Every case id the actor may see, optionally narrowed, in one statement. */
  async visibleCaseIds(actor: Actor, filter: VisibleCaseFilter = {}): Promise<string[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const rows = await this.tx.query<{ id: string }>(
      visibleCaseIdsSql(actor, param, filter),
      params,
    );
    return rows.map((r) => r.id);
  }

  /** Live (not deleted) documents with their case and secrecy mark. */
  documents(documentIds: readonly string[]): Promise<
    Array<{
      id: string;
      caseId: string;
      confidential: ConfidentialityMark | null;
      kind: DocumentKind;
      attached: boolean;
    }>
  > {
    return this.byIds(
      `SELECT d.id, d.case_id AS "caseId", d.confidential, d.kind, d.attached_to_position_at IS NOT NULL AS attached FROM document d WHERE d.id = ANY($1::uuid[]) AND d.deleted_at IS NULL`,
      documentIds,
    );
  }

  comments(
    commentIds: readonly string[],
  ): Promise<Array<{ id: string; caseId: string; threadKey: string }>> {
    return this.byIds(
      `SELECT m.id, m.case_id AS "caseId", m.thread_key AS "threadKey" FROM comment m WHERE m.id = ANY($1::uuid[])`,
      commentIds,
    );
  }

  meetings(
    meetingIds: readonly string[],
  ): Promise<
    Array<{ id: string; organisationId: string; worksCouncilId: string; kind: MeetingKind }>
  > {
    return this.byIds(
      `SELECT m.id, m.organisation_id AS "organisationId", m.works_council_id AS "worksCouncilId", m.kind FROM meeting m WHERE m.id = ANY($1::uuid[])`,
      meetingIds,
    );
  }

  organisations(
    organisationIds: readonly string[],
  ): Promise<Array<{ id: string; kind: 'employer' | 'union' }>> {
    return this.byIds(
      `SELECT o.id, o.kind FROM organisation o WHERE o.id = ANY($1::uuid[])`,
      organisationIds,
    );
  }

  aiSystems(
    aiSystemIds: readonly string[],
  ): Promise<Array<{ id: string; organisationId: string }>> {
    return this.byIds(
      `SELECT s.id, s.organisation_id AS "organisationId" FROM ai_system s WHERE s.id = ANY($1::uuid[])`,
      aiSystemIds,
    );
  }

  votes(voteIds: readonly string[]): Promise<Array<{ id: string; caseId: string }>> {
    return this.byIds(
      `SELECT v.id, v.case_id AS "caseId" FROM vote v WHERE v.id = ANY($1::uuid[])`,
      voteIds,
    );
  }

  /**
   * Locks the case rows (in id order, so concurrent lockers cannot deadlock) for the rest of the
   * transaction. Every writer of a per-case sequence (audit entries, event numbers) takes it
   * first. NO KEY UPDATE: it serialises writers without blocking rows that reference the case.
   */
  async lockCases(caseIds: readonly string[]): Promise<void> {
    if (caseIds.length > 0) {
      await this.tx.manager.query(
        `SELECT id FROM ai_case WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
        [[...new Set(caseIds)]],
      );
    }
  }

  private async byIds<T>(sql: string, ids: readonly string[]): Promise<T[]> {
    return ids.length === 0 ? [] : this.tx.query<T>(sql, [[...new Set(ids)]]);
  }

  /**
   * Everyone who sees the case, with their side on it (the priority of `sideOn`: employer, board,
   * member or committee, expert, union), in one statement. Reads membership, app_user and
   * union_share read-only, as every visibility rule here; deactivated accounts are left out.
   */
  viewersOf(
    caseId: string,
  ): Promise<Array<{ userId: string; displayName: string; side: ActorSide }>> {
    return this.tx.query(
      `WITH c AS (SELECT * FROM ai_case WHERE id = $1),
       hits AS (
         SELECT m.user_id, 1 AS rank FROM c JOIN membership m ON m.organisation_id = c.organisation_id AND m.role = ANY($2)
         UNION ALL
         SELECT m.user_id, 2 FROM c JOIN membership m ON c.status = 'sent' AND m.works_council_id = c.works_council_id AND m.role = ANY($3)
         UNION ALL
         SELECT m.user_id, 3 FROM c JOIN membership m ON c.status = 'sent' AND m.works_council_id = c.works_council_id
                AND (m.role = $4 OR (m.role = $5 AND m.committee_id IS NOT NULL AND m.committee_id = c.committee_id))
         UNION ALL
         SELECT x.user_id::uuid, 4 FROM c CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(c.expert_ids, '[]'::jsonb)) AS x(user_id) WHERE c.status = 'sent'
         UNION ALL
         SELECT m.user_id, 5 FROM c JOIN union_share s ON c.status = 'sent' AND s.works_council_id = c.works_council_id AND (s.case_id IS NULL OR s.case_id = c.id) AND s.revoked_at IS NULL
           JOIN membership m ON m.organisation_id = s.union_organisation_id AND m.role = $6)
       SELECT u.id AS "userId", u.display_name AS "displayName",
              (ARRAY['employer', 'council_board', 'council_member', 'expert', 'union'])[min(h.rank)] AS side
         FROM hits h JOIN app_user u ON u.id = h.user_id AND u.deactivated_at IS NULL
        GROUP BY u.id, u.display_name ORDER BY u.display_name, u.id`,
      [
        caseId,
        EMPLOYER_ROLES,
        COUNCIL_BOARD_ROLES,
        Role.CouncilMember,
        Role.CommitteeMember,
        Role.UnionOfficer,
      ],
    );
  }
}
