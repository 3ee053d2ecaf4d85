import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';

import { caseVisibleSql } from '@wc/access';
import type { Actor } from '@wc/auth';
import { anyOf, asEntity, selectListOf, TransactionHost } from '@wc/database';
import { exactTimeSql, type KeyIdKey } from '@wc/pagination';

import { AiCaseEntity } from './ai-case.entity';
import { CaseTrackEntity } from './case-track.entity';
import type { TrackKind } from './domain';
import { InformationRequestEntity } from './information-request.entity';
import { TriageRecordEntity } from './triage-record.entity';

export interface CaseListFilter {
  stage?: string;
  status?: 'draft' | 'sent';
  worksCouncilId?: string;
}

/** What a case list shows (`toSummary`); the list loads nothing else. */
const SUMMARY_SELECT = `c.id, c.title, c.organisation_id AS "organisationId", c.works_council_id AS "worksCouncilId", c.ai_system_id AS "aiSystemId",
  c.status, c.stage, c.blocked, c.version, c.updated_at AS "updatedAt"`;
type SummaryRow = Pick<
  AiCaseEntity,
  | 'id'
  | 'title'
  | 'organisationId'
  | 'worksCouncilId'
  | 'aiSystemId'
  | 'status'
  | 'stage'
  | 'blocked'
  | 'version'
  | 'updatedAt'
>;

/** The columns a case mutation may change: property, column, and whether it is jsonb. */
const MUTABLE_COLUMNS: ReadonlyArray<[keyof AiCaseEntity, string, boolean]> = [
  ['committeeId', 'committee_id', false],
  ['title', 'title', false],
  ['status', 'status', false],
  ['stage', 'stage', false],
  ['blocked', 'blocked', false],
  ['contents', 'contents', true],
  ['triage', 'triage', true],
  ['gateFacts', 'gate_facts', true],
  ['expertIds', 'expert_ids', true],
  ['sentAt', 'sent_at', false],
];

/** A case's mutable columns, serialised in `MUTABLE_COLUMNS` order. */
export type CaseColumns = readonly string[];

/** The only file that queries the case aggregate's tables. */
@Injectable()
export class CaseRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Every case route reads the case first (visibility), so this one skips the query builder. */
  async get(id: string): Promise<AiCaseEntity | null> {
    const [row] = await this.tx.query<object>(
      `SELECT ${selectListOf(this.tx.manager, AiCaseEntity, 'c')} FROM ai_case c WHERE c.id = $1`,
      [id],
    );
    return row ? asEntity(AiCaseEntity, row) : null;
  }

  /** SELECT … FOR UPDATE: serialises writers of one case (seq numbers, versions). */
  getForUpdate(id: string): Promise<AiCaseEntity | null> {
    return this.tx.manager.findOne(AiCaseEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** These cases, whole, in one statement; ids that do not exist are left out. */
  async casesOf(ids: readonly string[]): Promise<AiCaseEntity[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows = await this.tx.query<object>(
      `SELECT ${selectListOf(this.tx.manager, AiCaseEntity, 'c')} FROM ai_case c WHERE c.id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return rows.map((row) => asEntity(AiCaseEntity, row));
  }

  /** The cases filed for one register entry, for the register's go-live check (issue #14). */
  async casesOfSystem(aiSystemId: string): Promise<AiCaseEntity[]> {
    const rows = await this.tx.query<object>(
      `SELECT ${selectListOf(this.tx.manager, AiCaseEntity, 'c')} FROM ai_case c WHERE c.ai_system_id = $1 ORDER BY c.created_at`,
      [aiSystemId],
    );
    return rows.map((row) => asEntity(AiCaseEntity, row));
  }

  save(aiCase: AiCaseEntity): Promise<AiCaseEntity> {
    return this.tx.manager.save(aiCase);
  }

  /** The mutable columns as they are now, for `saveChanges` to see what a change altered. */
  columnsOf(aiCase: AiCaseEntity): CaseColumns {
    return MUTABLE_COLUMNS.map(([property]) => JSON.stringify(aiCase[property]) ?? 'undefined');
  }

  /**
   * Writes the columns that differ from `before` and bumps the version, in one statement (no
   * re-read as TypeORM's `save` does); nothing changed, nothing is written, as with `save`.
   */
  async saveChanges(aiCase: AiCaseEntity, before: CaseColumns): Promise<void> {
    const now = this.columnsOf(aiCase);
    const params: unknown[] = [aiCase.id];
    const sets = MUTABLE_COLUMNS.filter((_, i) => now[i] !== before[i]).map(
      ([property, column, jsonb]) => {
        const value = aiCase[property];
        params.push(jsonb && value !== null ? JSON.stringify(value) : value);
        return `${column} = $${params.length}${jsonb ? '::jsonb' : ''}`;
      },
    );
    if (sets.length === 0) {
      return;
    }
    // Wrapped in a CTE so the driver answers rows (a bare UPDATE answers [rows, count]).
    const [row] = await this.tx.query<{ version: number; updatedAt: Date }>(
      `WITH changed AS (UPDATE ai_case SET ${sets.join(', ')}, version = version + 1, updated_at = CURRENT_TIMESTAMP
         WHERE id = $1 RETURNING version, updated_at) SELECT version, updated_at AS "updatedAt" FROM changed`,
      params,
    );
    aiCase.version = row.version;
    aiCase.updatedAt = row.updatedAt;
  }

  create(fields: Partial<AiCaseEntity>): AiCaseEntity {
    return this.tx.manager.create(AiCaseEntity, fields);
  }

  /**
   * One keyset page of the cases the actor may see, by the rule of `@wc/access` (`caseVisibleSql`),
   * most recently changed first, in one statement: `LIMIT limit + 1` after the cursor's
   * `(updated_at, id)`, never an OFFSET.
   */
  async pageVisibleTo(
    actor: Actor,
    filter: CaseListFilter,
    after: KeyIdKey | null,
    limit: number,
  ): Promise<Array<AiCaseEntity & { sortKey: string }>> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    // Only the columns of a summary (the triage and contents jsonb are kilobytes per row).
    const where = [caseVisibleSql(actor, param)];
    if (filter.stage) {
      where.push(`c.stage = ${param(filter.stage)}`);
    }
    if (filter.status) {
      where.push(`c.status = ${param(filter.status)}`);
    }
    if (filter.worksCouncilId) {
      where.push(`c.works_council_id = ${param(filter.worksCouncilId)}`);
    }
    if (after) {
      where.push(
        `(c.updated_at, c.id) < (${param(after.k)}::timestamptz, ${param(after.id)}::uuid)`,
      );
    }
    const rows = await this.tx.query<SummaryRow & { sortKey: string }>(
      `SELECT ${SUMMARY_SELECT}, ${exactTimeSql('c.updated_at')} AS "sortKey" FROM ai_case c
        WHERE ${where.join(' AND ')} ORDER BY c.updated_at DESC, c.id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
    return rows.map(({ sortKey, ...row }) =>
      Object.assign(asEntity(AiCaseEntity, row), { sortKey }),
    );
  }

  /** Every case summary the actor may see, unpaged, in one statement: for dashboards that add up all of them. */
  async allVisibleTo(
    actor: Actor,
    filter: CaseListFilter,
  ): Promise<Array<AiCaseEntity & { annexIIIPoint4: string | null }>> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [caseVisibleSql(actor, param)];
    if (filter.stage) {
      where.push(`c.stage = ${param(filter.stage)}`);
    }
    if (filter.status) {
      where.push(`c.status = ${param(filter.status)}`);
    }
    if (filter.worksCouncilId) {
      where.push(`c.works_council_id = ${param(filter.worksCouncilId)}`);
    }
    // Of the triage only the one answer the union dashboard shows: the whole answers and outcome
    // run to kilobytes a case, and a dashboard reads thousands of cases.
    const rows = await this.tx.query<SummaryRow & { annexIIIPoint4: string | null }>(
      `SELECT ${SUMMARY_SELECT}, c.triage->'answers'->>'annexIIIPoint4' AS "annexIIIPoint4"
         FROM ai_case c WHERE ${where.join(' AND ')} ORDER BY c.updated_at DESC, c.id DESC`,
      params,
    );
    return rows.map((row) =>
      Object.assign(asEntity(AiCaseEntity, row), { annexIIIPoint4: row.annexIIIPoint4 }),
    );
  }

  /** The tracks of these cases, in one statement. */
  async tracksOfCases(caseIds: readonly string[]): Promise<CaseTrackEntity[]> {
    if (caseIds.length === 0) {
      return [];
    }
    const rows = await this.tx.query<object>(
      `SELECT ${selectListOf(this.tx.manager, CaseTrackEntity, 't')} FROM case_track t WHERE t.case_id = ANY($1::uuid[]) ORDER BY t.case_id, t.kind`,
      [[...caseIds]],
    );
    return rows.map((row) => asEntity(CaseTrackEntity, row));
  }

  /** The dated stage changes of these cases' tracks, and nothing else of them: one statement. */
  historiesOfCases(
    caseIds: readonly string[],
  ): Promise<
    Array<{ caseId: string; kind: TrackKind; history: Array<{ at: string; to: string }> }>
  > {
    if (caseIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.tx.query(
      `SELECT t.case_id AS "caseId", t.kind,
              COALESCE((SELECT json_agg(json_build_object('at', h->>'at', 'to', h->>'to'))
                          FROM jsonb_array_elements(t.snapshot->'history') h), '[]'::json) AS history
         FROM case_track t WHERE t.case_id = ANY($1::uuid[]) ORDER BY t.case_id, t.kind`,
      [[...caseIds]],
    );
  }

  /** The unanswered art. 31 requests of these cases, in one statement. */
  openInformationRequestsOf(caseIds: readonly string[]): Promise<InformationRequestEntity[]> {
    if (caseIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.tx.manager.find(InformationRequestEntity, {
      where: { caseId: anyOf(caseIds), answer: IsNull() },
      order: { askedAt: 'ASC' },
    });
  }

  async tracksOf(caseId: string): Promise<CaseTrackEntity[]> {
    const rows = await this.tx.query<object>(
      `SELECT ${selectListOf(this.tx.manager, CaseTrackEntity, 't')} FROM case_track t WHERE t.case_id = $1 ORDER BY t.kind`,
      [caseId],
    );
    return rows.map((row) => asEntity(CaseTrackEntity, row));
  }

  /** A new track of a case. */
  addTrack(
    track: Pick<CaseTrackEntity, 'caseId' | 'kind' | 'stage' | 'snapshot'>,
  ): Promise<CaseTrackEntity> {
    return this.tx.manager.save(this.tx.manager.create(CaseTrackEntity, track));
  }

  /** A track's next stage and snapshot, in one statement (the caller read the track). */
  async updateTrack(track: Pick<CaseTrackEntity, 'id' | 'stage' | 'snapshot'>): Promise<void> {
    await this.tx.query(
      `UPDATE case_track SET stage = $2, snapshot = $3::jsonb, updated_at = CURRENT_TIMESTAMP WHERE id = $1`,
      [track.id, track.stage, JSON.stringify(track.snapshot)],
    );
  }

  async addTriageRecord(record: Omit<TriageRecordEntity, 'id' | 'aiCase'>): Promise<void> {
    await this.tx.manager.save(this.tx.manager.create(TriageRecordEntity, record));
  }

  triageHistory(caseId: string): Promise<TriageRecordEntity[]> {
    return this.tx.manager.find(TriageRecordEntity, {
      where: { caseId },
      order: { recordedAt: 'ASC' },
    });
  }

  informationRequests(caseId: string): Promise<InformationRequestEntity[]> {
    return this.tx.manager.find(InformationRequestEntity, {
      where: { caseId },
      order: { askedAt: 'ASC' },
    });
  }

  getInformationRequest(caseId: string, id: string): Promise<InformationRequestEntity | null> {
    return this.tx.manager.findOneBy(InformationRequestEntity, { caseId, id });
  }

  saveInformationRequest(
    request: Partial<InformationRequestEntity>,
  ): Promise<InformationRequestEntity> {
    return this.tx.manager.save(this.tx.manager.create(InformationRequestEntity, request));
  }
}
