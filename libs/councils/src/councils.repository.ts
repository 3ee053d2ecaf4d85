import { Injectable } from '@nestjs/common';
import { In, LessThanOrEqual } from 'typeorm';

import { TransactionHost } from '@wc/database';
import { type CursorPageQueryDto, keysetPage, type Page } from '@wc/pagination';

import { CommitteeEntity } from './committee.entity';
import { CouncilRoleChangeEntity } from './council-role-change.entity';
import { ExpertEngagementEntity } from './expert-engagement.entity';
import { InvitationEntity } from './invitation.entity';
import { OrganisationEntity } from './organisation.entity';
import { WorksCouncilEntity } from './works-council.entity';

/** Organisations, their councils, committees and invitations. */
@Injectable()
export class CouncilsRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Union organisations by name: public bodies, so id and name are all that is read. */
  unionOrganisations(): Promise<Array<{ id: string; name: string }>> {
    return this.tx.query<{ id: string; name: string }>(
      `SELECT id, name FROM organisation WHERE kind = 'union' ORDER BY name, id`,
    );
  }

  async unionNames(organisationIds: readonly string[]): Promise<Map<string, string>> {
    if (organisationIds.length === 0) {
      return new Map();
    }
    const rows = await this.tx.query<{ id: string; name: string }>(
      `SELECT id, name FROM organisation WHERE id = ANY($1) AND kind = 'union'`,
      [[...new Set(organisationIds)]],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  councilNames(
    worksCouncilIds: readonly string[],
  ): Promise<
    Array<{ id: string; name: string; organisationId: string; organisationName: string }>
  > {
    if (worksCouncilIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.tx.query(
      `SELECT wc.id, wc.name, wc.organisation_id AS "organisationId", o.name AS "organisationName"
         FROM works_council wc JOIN organisation o ON o.id = wc.organisation_id
        WHERE wc.id = ANY($1)`,
      [[...new Set(worksCouncilIds)]],
    );
  }

  findOrganisation(id: string): Promise<OrganisationEntity | null> {
    return this.tx.manager.findOneBy(OrganisationEntity, { id });
  }

  createOrganisation(
    input: Pick<OrganisationEntity, 'name' | 'kind'> & { headcount?: number | null },
  ): Promise<OrganisationEntity> {
    return this.tx.manager.save(this.tx.manager.create(OrganisationEntity, input));
  }

  /** One page of every organisation, oldest first. */
  organisationPage(query: CursorPageQueryDto): Promise<Page<OrganisationEntity>> {
    return keysetPage(this.tx.manager.createQueryBuilder(OrganisationEntity, 'o'), query, {
      column: 'created_at',
      property: 'createdAt',
      direction: 'ASC',
    });
  }

  findOrganisationForUpdate(id: string): Promise<OrganisationEntity | null> {
    return this.tx.manager.findOne(OrganisationEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  findOperator(): Promise<OrganisationEntity | null> {
    return this.tx.manager.findOneBy(OrganisationEntity, { kind: 'operator' });
  }

  async updateOrganisation(
    id: string,
    changes: Partial<Pick<OrganisationEntity, 'suspendedAt' | 'deletionDueAt'>>,
  ): Promise<void> {
    await this.tx.manager.update(OrganisationEntity, { id }, changes);
  }

  /** Organisations whose grace period has ended, oldest first. */
  dueForDeletion(now: Date, limit: number): Promise<OrganisationEntity[]> {
    return this.tx.manager.find(OrganisationEntity, {
      where: { deletionDueAt: LessThanOrEqual(now) },
      order: { deletionDueAt: 'ASC' },
      take: limit,
    });
  }

  findCouncil(id: string): Promise<WorksCouncilEntity | null> {
    return this.tx.manager.findOneBy(WorksCouncilEntity, { id });
  }

  /** One page of the organisation's councils, oldest first. */
  councilPage(
    organisationId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<WorksCouncilEntity>> {
    return keysetPage(
      this.tx.manager
        .createQueryBuilder(WorksCouncilEntity, 'wc')
        .where('wc.organisation_id = :organisationId', { organisationId }),
      query,
      { column: 'created_at', property: 'createdAt', direction: 'ASC' },
    );
  }

  createCouncil(
    input: Pick<WorksCouncilEntity, 'organisationId' | 'name' | 'kind'>,
  ): Promise<WorksCouncilEntity> {
    return this.tx.manager.save(this.tx.manager.create(WorksCouncilEntity, input));
  }

  committeesOf(worksCouncilIds: string[]): Promise<CommitteeEntity[]> {
    if (worksCouncilIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.tx.manager.find(CommitteeEntity, {
      where: { worksCouncilId: In(worksCouncilIds) },
      order: { createdAt: 'ASC' },
    });
  }

  findCommittee(id: string): Promise<CommitteeEntity | null> {
    return this.tx.manager.findOneBy(CommitteeEntity, { id });
  }

  createCommittee(
    input: Pick<CommitteeEntity, 'worksCouncilId' | 'name'>,
  ): Promise<CommitteeEntity> {
    return this.tx.manager.save(this.tx.manager.create(CommitteeEntity, input));
  }

  createInvitation(
    input: Omit<InvitationEntity, 'id' | 'createdAt' | 'acceptedAt' | 'organisation'>,
  ): Promise<InvitationEntity> {
    return this.tx.manager.save(
      this.tx.manager.create(InvitationEntity, { ...input, acceptedAt: null }),
    );
  }

  findInvitationByHashForUpdate(tokenHash: string): Promise<InvitationEntity | null> {
    return this.tx.manager.findOne(InvitationEntity, {
      where: { tokenHash },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async markInvitationAccepted(id: string, at: Date): Promise<void> {
    await this.tx.manager.update(InvitationEntity, { id }, { acceptedAt: at });
  }

  async recordRoleChanges(
    rows: Array<Omit<CouncilRoleChangeEntity, 'id' | 'worksCouncil'>>,
  ): Promise<void> {
    if (rows.length > 0) {
      await this.tx.manager.insert(CouncilRoleChangeEntity, rows);
    }
  }

  /** One page of the council's role changes, newest first. */
  roleChangePage(
    worksCouncilId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<CouncilRoleChangeEntity>> {
    return keysetPage(
      this.tx.manager
        .createQueryBuilder(CouncilRoleChangeEntity, 'rc')
        .where('rc.works_council_id = :worksCouncilId', { worksCouncilId }),
      query,
      { column: 'occurred_at', property: 'occurredAt', direction: 'DESC' },
    );
  }

  async everHadChair(worksCouncilId: string): Promise<boolean> {
    return this.tx.manager.exists(CouncilRoleChangeEntity, {
      where: { worksCouncilId, role: 'council_chair', change: 'granted' },
    });
  }

  createEngagement(
    input: Pick<
      ExpertEngagementEntity,
      'worksCouncilId' | 'invitationId' | 'email' | 'purpose' | 'expectedCostsCents' | 'engagedBy'
    >,
  ): Promise<ExpertEngagementEntity> {
    return this.tx.manager.save(
      this.tx.manager.create(ExpertEngagementEntity, {
        ...input,
        userId: null,
        confidentialityAcknowledgedAt: null,
      }),
    );
  }

  engagementOfInvitation(invitationId: string): Promise<ExpertEngagementEntity | null> {
    return this.tx.manager.findOneBy(ExpertEngagementEntity, { invitationId });
  }

  async markEngaged(id: string, userId: string, acknowledgedAt: Date): Promise<void> {
    await this.tx.manager.update(
      ExpertEngagementEntity,
      { id },
      { userId, confidentialityAcknowledgedAt: acknowledgedAt },
    );
  }

  findEngagement(worksCouncilId: string, id: string): Promise<ExpertEngagementEntity | null> {
    return this.tx.manager.findOneBy(ExpertEngagementEntity, { worksCouncilId, id });
  }

  /** One page of the council's expert engagements, newest first. */
  engagementPage(
    worksCouncilId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<ExpertEngagementEntity>> {
    return keysetPage(
      this.tx.manager
        .createQueryBuilder(ExpertEngagementEntity, 'ee')
        .where('ee.works_council_id = :worksCouncilId', { worksCouncilId }),
      query,
      { column: 'created_at', property: 'createdAt', direction: 'DESC' },
    );
  }
}
