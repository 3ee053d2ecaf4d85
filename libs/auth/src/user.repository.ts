import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';
import { type CursorPageQueryDto, keysetPage, type Page } from '@wc/pagination';

import { MembershipEntity } from './membership.entity';
import type { Role } from './roles';
import { AppUserEntity } from './user.entity';

export interface NewMembership {
  userId: string;
  organisationId: string;
  worksCouncilId: string | null;
  committeeId: string | null;
  role: Role;
}

/** Users and their memberships: the identity side of every actor. */
@Injectable()
export class UserRepository {
  constructor(private readonly tx: TransactionHost) {}

  findByEmail(email: string): Promise<AppUserEntity | null> {
    return this.tx.manager.findOneBy(AppUserEntity, { email: email.trim().toLowerCase() });
  }

  findById(id: string): Promise<AppUserEntity | null> {
    return this.tx.manager.findOneBy(AppUserEntity, { id });
  }

  async create(
    user: Pick<AppUserEntity, 'email' | 'displayName' | 'passwordHash' | 'organisationId'> & {
      language?: 'nl' | 'en';
    },
  ): Promise<AppUserEntity> {
    const entity = this.tx.manager.create(AppUserEntity, {
      ...user,
      email: user.email.trim().toLowerCase(),
    });
    return this.tx.manager.save(entity);
  }

  async update(
    id: string,
    changes: Partial<
      Pick<
        AppUserEntity,
        | 'passwordHash'
        | 'language'
        | 'totpSecret'
        | 'totpEnabledAt'
        | 'totpLastTimeStep'
        | 'displayName'
      >
    >,
  ): Promise<void> {
    const defined = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    );
    if (Object.keys(defined).length === 0) {
      return; // e.g. PATCH /auth/me with nothing to change; TypeORM refuses an empty SET
    }
    await this.tx.manager.update(AppUserEntity, { id }, defined);
  }

  /** The organisation requires a second factor and the account has none (yet). */
  async secondFactorEnrolmentPending(userId: string): Promise<boolean> {
    const rows = await this.tx.query<{ pending: boolean }>(
      `SELECT (u.totp_enabled_at IS NULL AND COALESCE(p.second_factor_required, false)) AS pending
       FROM app_user u LEFT JOIN organisation_auth_policy p ON p.organisation_id = u.organisation_id
       WHERE u.id = $1`,
      [userId],
    );
    return rows[0]?.pending === true;
  }

  /** The account a single sign-on reaches: the one linked to the subject, else the one with the e-mail. */
  async findForSso(
    organisationId: string,
    subject: string,
    email: string,
  ): Promise<AppUserEntity | null> {
    return (
      (await this.tx.manager.findOneBy(AppUserEntity, { organisationId, ssoSubject: subject })) ??
      (await this.tx.manager.findOneBy(AppUserEntity, {
        organisationId,
        email: email.trim().toLowerCase(),
      }))
    );
  }

  async linkSsoSubject(id: string, subject: string): Promise<void> {
    await this.tx.manager.update(AppUserEntity, { id }, { ssoSubject: subject });
  }

  /** Locks the user row: two concurrent grants cannot give one account both sides' roles. */
  async lockUser(id: string): Promise<AppUserEntity | null> {
    return this.tx.manager.findOne(AppUserEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async deactivate(id: string, at: Date): Promise<void> {
    await this.tx.manager.update(AppUserEntity, { id }, { deactivatedAt: at });
  }

  membershipsOf(userId: string): Promise<MembershipEntity[]> {
    return this.tx.manager.find(MembershipEntity, {
      where: { userId },
      order: { createdAt: 'ASC' },
    });
  }

  async updateMembership(
    id: string,
    changes: Pick<MembershipEntity, 'role' | 'committeeId'>,
  ): Promise<void> {
    await this.tx.manager.update(MembershipEntity, { id }, changes);
  }

  async addMembership(membership: NewMembership): Promise<MembershipEntity> {
    return this.tx.manager.save(this.tx.manager.create(MembershipEntity, membership));
  }

  findMembership(id: string): Promise<MembershipEntity | null> {
    return this.tx.manager.findOneBy(MembershipEntity, { id });
  }

  async removeMembership(id: string): Promise<void> {
    await this.tx.manager.delete(MembershipEntity, { id });
  }

  /** One page of the organisation's memberships, oldest first. */
  membershipPageInOrganisation(
    organisationId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<MembershipEntity>> {
    return keysetPage(
      this.tx.manager
        .createQueryBuilder(MembershipEntity, 'm')
        .where('m.organisation_id = :organisationId', { organisationId }),
      query,
      { column: 'created_at', property: 'createdAt', direction: 'ASC' },
    );
  }

  membershipsInOrganisation(organisationId: string): Promise<MembershipEntity[]> {
    return this.tx.manager.find(MembershipEntity, {
      where: { organisationId },
      order: { createdAt: 'ASC' },
    });
  }

  async idsInOrganisation(organisationId: string): Promise<string[]> {
    const rows = await this.tx.manager.find(AppUserEntity, {
      select: { id: true },
      where: { organisationId },
    });
    return rows.map((r) => r.id);
  }

  async countsByOrganisation(): Promise<Map<string, number>> {
    const rows = await this.tx.query<{ organisation_id: string; people: number }>(
      `SELECT organisation_id, count(*)::int AS people FROM app_user GROUP BY organisation_id`,
    );
    return new Map(rows.map((r) => [r.organisation_id, r.people]));
  }

  usersByIds(ids: string[]): Promise<AppUserEntity[]> {
    if (ids.length === 0) {
      return Promise.resolve([]);
    }
    return this.tx.manager
      .createQueryBuilder(AppUserEntity, 'u')
      .where('u.id IN (:...ids)', { ids })
      .getMany();
  }
}
