import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

import type { ActorMembership } from './actor';
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

  async create(user: Pick<AppUserEntity, 'email' | 'displayName' | 'passwordHash' | 'organisationId'> & { language?: 'nl' | 'en' }): Promise<AppUserEntity> {
    const entity = this.tx.manager.create(AppUserEntity, { ...user, email: user.email.trim().toLowerCase() });
    return this.tx.manager.save(entity);
  }

  async update(id: string, changes: Partial<Pick<AppUserEntity, 'passwordHash' | 'failedLogins' | 'lockedUntil' | 'language' | 'displayName'>>): Promise<void> {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (Object.keys(defined).length === 0) {
      return; // e.g. PATCH /auth/me with nothing to change; TypeORM refuses an empty SET
    }
    await this.tx.manager.update(AppUserEntity, { id }, defined);
  }

  async membershipsOf(userId: string): Promise<ActorMembership[]> {
    const rows = await this.tx.manager.find(MembershipEntity, { where: { userId }, order: { createdAt: 'ASC' } });
    return rows.map((m) => ({
      membershipId: m.id,
      organisationId: m.organisationId,
      worksCouncilId: m.worksCouncilId,
      committeeId: m.committeeId,
      role: m.role,
    }));
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

  membershipsInOrganisation(organisationId: string): Promise<MembershipEntity[]> {
    return this.tx.manager.find(MembershipEntity, { where: { organisationId }, order: { createdAt: 'ASC' } });
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
