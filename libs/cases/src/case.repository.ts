import { Injectable } from '@nestjs/common';

import { type Actor, COUNCIL_BOARD_ROLES, EMPLOYER_ROLES, Role, WHOLE_COUNCIL_ROLES } from '@wc/auth';
import { asEntity, DomainEventEntity, selectListOf, TransactionHost } from '@wc/database';

import { AiCaseEntity } from './ai-case.entity';
import { CaseTrackEntity } from './case-track.entity';
import { committeeIdsOf, type UnionShareFact, unionOrganisationIdsOf } from './case.policy';
import type { ActorSide } from './domain';
import { InformationRequestEntity } from './information-request.entity';
import { TriageRecordEntity } from './triage-record.entity';

export interface CaseListFilter {
  stage?: string;
  status?: 'draft' | 'sent';
  worksCouncilId?: string;
  limit: number;
  offset: number;
}

/** A sent case is visible to a union officer while an active share of their union covers it (see `activeUnionShares`). */
const activeUnionShareSql = (unionOrgs: string) => `SELECT 1 FROM union_share s WHERE s.union_organisation_id = ANY(${unionOrgs}) AND s.revoked_at IS NULL AND s.works_council_id = c.works_council_id AND (s.case_id IS NULL OR s.case_id = c.id)`;


/** What a case list shows (`toSummary`); the list loads nothing else. */
const SUMMARY_SELECT = `c.id, c.title, c.organisation_id AS "organisationId", c.works_council_id AS "worksCouncilId", c.ai_system_id AS "aiSystemId",
  c.status, c.stage, c.blocked, c.version, c.updated_at AS "updatedAt"`;
type SummaryRow = Pick<AiCaseEntity, 'id' | 'title' | 'organisationId' | 'worksCouncilId' | 'aiSystemId' | 'status' | 'stage' | 'blocked' | 'version' | 'updatedAt'>;

/**
 * The visibility rule of `sideOn` as SQL over `ai_case c`. Only the columns of a summary are read
 * by callers (the triage and contents jsonb are kilobytes per row), and the committee and union
 * arms only for committee members and union officers: every arm of the OR then has an index
 * (organisation, council, committee, GIN on expert_ids), so PostgreSQL combines bitmaps instead of
 * scanning the table. A case is only ever assigned a committee of its own council
 * (`CaseService.assignCommittee`); the arm checks the council too, as `sideOn` does.
 */
function visibilityCondition(actor: Actor, param: (value: unknown) => string): string {
  const employerOrgs = actor.memberships.filter((m) => EMPLOYER_ROLES.includes(m.role)).map((m) => m.organisationId);
  const councils = actor.memberships.filter((m) => WHOLE_COUNCIL_ROLES.includes(m.role) && m.worksCouncilId).map((m) => m.worksCouncilId as string);
  const committees = committeeIdsOf(actor);
  const committeeCouncils = [...new Set(actor.memberships.filter((m) => m.role === Role.CommitteeMember && m.committeeId && m.worksCouncilId).map((m) => m.worksCouncilId as string))];
  const unionOrgs = unionOrganisationIdsOf(actor);
  const employerArm = `c.organisation_id = ANY(${param(employerOrgs)})`;
  const sentArms = [
    `c.works_council_id = ANY(${param(councils)})`,
    `c.expert_ids @> ${param(JSON.stringify([actor.userId]))}::jsonb`,
    ...(committees.length > 0 ? [`(c.committee_id = ANY(${param(committees)}) AND c.works_council_id = ANY(${param(committeeCouncils)}))`] : []),
    ...(unionOrgs.length > 0 ? [`EXISTS (${activeUnionShareSql(param(unionOrgs))})`] : []),
  ];
  return `(${employerArm} OR (c.status = 'sent' AND (${sentArms.join(' OR ')})))`;
}

/** What the agenda needs of every visible case: enough for `sideOn` and the duties. */
export type AgendaCaseRow = Pick<AiCaseEntity, 'id' | 'title' | 'organisationId' | 'worksCouncilId' | 'committeeId' | 'status' | 'blocked' | 'expertIds'>;

/** The only file that queries the case aggregate's tables. */
@Injectable()
export class CaseRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Every case route reads the case first (visibility), so this one skips the query builder. */
  async get(id: string): Promise<AiCaseEntity | null> {
    const [row] = await this.tx.query<object>(`SELECT ${selectListOf(this.tx.manager, AiCaseEntity, 'c')} FROM ai_case c WHERE c.id = $1`, [id]);
    return row ? asEntity(AiCaseEntity, row) : null;
  }

  /** SELECT … FOR UPDATE: serialises writers of one case (seq numbers, versions). */
  getForUpdate(id: string): Promise<AiCaseEntity | null> {
    return this.tx.manager.findOne(AiCaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The cases filed for one register entry, for the register's go-live check (issue #14). */
  async casesOfSystem(aiSystemId: string): Promise<AiCaseEntity[]> {
    const rows = await this.tx.query<object>(`SELECT ${selectListOf(this.tx.manager, AiCaseEntity, 'c')} FROM ai_case c WHERE c.ai_system_id = $1 ORDER BY c.created_at`, [aiSystemId]);
    return rows.map((row) => asEntity(AiCaseEntity, row));
  }

  save(aiCase: AiCaseEntity): Promise<AiCaseEntity> {
    return this.tx.manager.save(aiCase);
  }

  create(fields: Partial<AiCaseEntity>): AiCaseEntity {
    return this.tx.manager.create(AiCaseEntity, fields);
  }

  /** Cases the actor may see, by the same rules as `sideOn`, with the total, in one statement. */
  async listVisibleTo(actor: Actor, filter: CaseListFilter): Promise<{ items: AiCaseEntity[]; total: number }> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [visibilityCondition(actor, param)];
    if (filter.stage) {
      where.push(`c.stage = ${param(filter.stage)}`);
    }
    if (filter.status) {
      where.push(`c.status = ${param(filter.status)}`);
    }
    if (filter.worksCouncilId) {
      where.push(`c.works_council_id = ${param(filter.worksCouncilId)}`);
    }
    const conditions = where.join(' AND ');
    // The window count is taken before LIMIT: the page and the total in one pass.
    const rows = await this.tx.query<SummaryRow & { total: string }>(
      `SELECT ${SUMMARY_SELECT}, count(*) OVER () AS total FROM ai_case c WHERE ${conditions}
       ORDER BY c.updated_at DESC, c.id ASC LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
      params,
    );
    if (rows.length === 0 && filter.offset > 0) {
      // A page past the end has no row to carry the total.
      const [{ total }] = await this.tx.query<{ total: string }>(`SELECT count(*) AS total FROM ai_case c WHERE ${conditions}`, params.slice(0, -2));
      return { items: [], total: Number(total) };
    }
    return { items: rows.map(({ total: _total, ...row }) => asEntity(AiCaseEntity, row)), total: rows.length > 0 ? Number(rows[0].total) : 0 };
  }

  /** Every case the actor may see (no page), with the columns the agenda needs: one statement. */
  allVisibleTo(actor: Actor): Promise<AgendaCaseRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    return this.tx.query<AgendaCaseRow>(
      `SELECT c.id, c.title, c.organisation_id AS "organisationId", c.works_council_id AS "worksCouncilId", c.committee_id AS "committeeId",
              c.status, c.blocked, c.expert_ids AS "expertIds"
         FROM ai_case c WHERE ${visibilityCondition(actor, param)} ORDER BY c.updated_at DESC, c.id ASC`,
      params,
    );
  }

  /**
   * Everyone who sees the case, with their side on it (the priority of `sideOn`: employer, board,
   * member or committee, expert, union), in one statement. Reads membership, app_user and
   * union_share read-only, for the same reason as `activeUnionShares`; deactivated accounts are left out.
   */
  viewersOf(caseId: string): Promise<Array<{ userId: string; displayName: string; side: ActorSide }>> {
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
      [caseId, EMPLOYER_ROLES, COUNCIL_BOARD_ROLES, Role.CouncilMember, Role.CommitteeMember, Role.UnionOfficer],
    );
  }

  /** The tracks of many cases in one statement. */
  async tracksOfCases(caseIds: readonly string[]): Promise<CaseTrackEntity[]> {
    if (caseIds.length === 0) {
      return [];
    }
    const rows = await this.tx.query<object>(`SELECT ${selectListOf(this.tx.manager, CaseTrackEntity, 't')} FROM case_track t WHERE t.case_id = ANY($1) ORDER BY t.case_id, t.kind`, [[...caseIds]]);
    return rows.map((row) => asEntity(CaseTrackEntity, row));
  }

  /** The unanswered art. 31 requests of many cases in one statement. */
  openInformationRequestsOf(caseIds: readonly string[]): Promise<Array<{ id: string; caseId: string; question: string; dueDate: string }>> {
    if (caseIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.tx.query(`SELECT r.id, r.case_id AS "caseId", r.question, r.due_date::text AS "dueDate" FROM information_request r WHERE r.case_id = ANY($1) AND r.answer IS NULL ORDER BY r.due_date, r.id`, [[...caseIds]]);
  }

  /** Every active share of these unions, for `sideOn` over many cases at once. */
  activeSharesOfUnions(unionOrgIds: readonly string[]): Promise<UnionShareFact[]> {
    if (unionOrgIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.tx.query<UnionShareFact>(
      `SELECT s.union_organisation_id AS "unionOrganisationId", s.works_council_id AS "worksCouncilId", s.case_id AS "caseId", s.scope
         FROM union_share s WHERE s.union_organisation_id = ANY($1) AND s.revoked_at IS NULL`,
      [[...unionOrgIds]],
    );
  }

  /**
   * The active union shares of these unions that cover the case (issue #8), for `sideOn`. The
   * `union_share` table belongs to `@wc/unions`, which depends on this lib; reading it here keeps
   * the visibility rule in one query and avoids a module cycle.
   */
  activeUnionShares(unionOrgIds: readonly string[], aiCase: { id: string; worksCouncilId: string }): Promise<UnionShareFact[]> {
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

  async tracksOf(caseId: string): Promise<CaseTrackEntity[]> {
    const rows = await this.tx.query<object>(`SELECT ${selectListOf(this.tx.manager, CaseTrackEntity, 't')} FROM case_track t WHERE t.case_id = $1 ORDER BY t.kind`, [caseId]);
    return rows.map((row) => asEntity(CaseTrackEntity, row));
  }

  async saveTrack(track: Partial<CaseTrackEntity> & Pick<CaseTrackEntity, 'caseId' | 'kind' | 'stage' | 'snapshot'>): Promise<void> {
    await this.tx.manager.save(this.tx.manager.create(CaseTrackEntity, track));
  }

  async addTriageRecord(record: Omit<TriageRecordEntity, 'id' | 'aiCase'>): Promise<void> {
    await this.tx.manager.save(this.tx.manager.create(TriageRecordEntity, record));
  }

  triageHistory(caseId: string): Promise<TriageRecordEntity[]> {
    return this.tx.manager.find(TriageRecordEntity, { where: { caseId }, order: { recordedAt: 'ASC' } });
  }

  informationRequests(caseId: string): Promise<InformationRequestEntity[]> {
    return this.tx.manager.find(InformationRequestEntity, { where: { caseId }, order: { askedAt: 'ASC' } });
  }

  getInformationRequest(caseId: string, id: string): Promise<InformationRequestEntity | null> {
    return this.tx.manager.findOneBy(InformationRequestEntity, { caseId, id });
  }

  saveInformationRequest(request: Partial<InformationRequestEntity>): Promise<InformationRequestEntity> {
    return this.tx.manager.save(this.tx.manager.create(InformationRequestEntity, request));
  }

  eventsAfter(caseId: string, after: number): Promise<DomainEventEntity[]> {
    return this.tx.manager
      .createQueryBuilder(DomainEventEntity, 'e')
      .where('e.case_id = :caseId AND e.case_seq > :after', { caseId, after })
      .orderBy('e.case_seq', 'ASC')
      .take(1000)
      .getMany();
  }
}
