import { Injectable } from '@nestjs/common';

import { type Actor, COUNCIL_ROLES, EMPLOYER_ROLES, Role } from '@wc/auth';
import { asEntity, DomainEventEntity, selectListOf, TransactionHost } from '@wc/database';

import { AiCaseEntity } from './ai-case.entity';
import { CaseTrackEntity } from './case-track.entity';
import { type UnionShareFact, unionOrganisationIdsOf } from './case.policy';
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
const ACTIVE_UNION_SHARE_SQL = `SELECT 1 FROM union_share s WHERE s.union_organisation_id = ANY(:unionOrgs) AND s.revoked_at IS NULL AND s.works_council_id = c.works_council_id AND (s.case_id IS NULL OR s.case_id = c.id)`;

/** What a case list shows (`toSummary`); the list loads nothing else. */
const SUMMARY_COLUMNS = ['id', 'title', 'organisationId', 'worksCouncilId', 'aiSystemId', 'status', 'stage', 'blocked', 'version', 'updatedAt'] as const;

/** The only file that queries the case aggregate's tables. */
@Injectable()
export class CaseRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Every case route reads the case first (visibility), so this one skips the query builder. */
  async get(id: string): Promise<AiCaseEntity | null> {
    const manager = this.tx.manager;
    const [row] = await manager.query<object[]>(`SELECT ${selectListOf(manager, AiCaseEntity, 'c')} FROM ai_case c WHERE c.id = $1`, [id]);
    return row ? asEntity(AiCaseEntity, row) : null;
  }

  /** SELECT … FOR UPDATE: serialises writers of one case (seq numbers, versions). */
  getForUpdate(id: string): Promise<AiCaseEntity | null> {
    return this.tx.manager.findOne(AiCaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(aiCase: AiCaseEntity): Promise<AiCaseEntity> {
    return this.tx.manager.save(aiCase);
  }

  create(fields: Partial<AiCaseEntity>): AiCaseEntity {
    return this.tx.manager.create(AiCaseEntity, fields);
  }

  /** Cases the actor may see, by the same rules as `sideOn`, in one query. */
  async listVisibleTo(actor: Actor, filter: CaseListFilter): Promise<{ items: AiCaseEntity[]; total: number }> {
    const employerOrgs = actor.memberships.filter((m) => EMPLOYER_ROLES.includes(m.role)).map((m) => m.organisationId);
    const councils = actor.memberships.filter((m) => COUNCIL_ROLES.includes(m.role) && m.role !== Role.ExternalExpert && m.worksCouncilId).map((m) => m.worksCouncilId as string);
    const unionOrgs = unionOrganisationIdsOf(actor);
    // Only the columns of a summary (the triage and contents jsonb are kilobytes per row), and the
    // union arm only for union officers: every arm of the OR then has an index (organisation,
    // council, GIN on expert_ids), so PostgreSQL combines bitmaps instead of scanning the table.
    const sentArms = ['c.works_council_id = ANY(:councils)', 'c.expert_ids @> :me::jsonb', ...(unionOrgs.length > 0 ? [`EXISTS (${ACTIVE_UNION_SHARE_SQL})`] : [])];
    const qb = this.tx.manager.createQueryBuilder(AiCaseEntity, 'c').select(SUMMARY_COLUMNS.map((column) => `c.${column}`));
    qb.where(
      `(c.organisation_id = ANY(:employerOrgs) OR (c.status = 'sent' AND (${sentArms.join(' OR ')})))`,
      { employerOrgs, councils, me: JSON.stringify([actor.userId]), unionOrgs },
    );
    if (filter.stage) {
      qb.andWhere('c.stage = :stage', { stage: filter.stage });
    }
    if (filter.status) {
      qb.andWhere('c.status = :status', { status: filter.status });
    }
    if (filter.worksCouncilId) {
      qb.andWhere('c.works_council_id = :wc', { wc: filter.worksCouncilId });
    }
    const [items, total] = await qb.orderBy('c.updated_at', 'DESC').addOrderBy('c.id', 'ASC').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { items, total };
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
    return this.tx.manager.query<UnionShareFact[]>(
      `SELECT s.union_organisation_id AS "unionOrganisationId", s.works_council_id AS "worksCouncilId", s.case_id AS "caseId", s.scope
       FROM union_share s
       WHERE s.union_organisation_id = ANY($1) AND s.works_council_id = $2 AND (s.case_id IS NULL OR s.case_id = $3) AND s.revoked_at IS NULL`,
      [unionOrgIds, aiCase.worksCouncilId, aiCase.id],
    );
  }

  async tracksOf(caseId: string): Promise<CaseTrackEntity[]> {
    const manager = this.tx.manager;
    const rows = await manager.query<object[]>(`SELECT ${selectListOf(manager, CaseTrackEntity, 't')} FROM case_track t WHERE t.case_id = $1 ORDER BY t.kind`, [caseId]);
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
