import { Injectable } from '@nestjs/common';

import { Conflict, NotFound } from '@wc/core';
import { Outbox, TransactionHost } from '@wc/database';
import { type CursorPageQueryDto, type Page } from '@wc/pagination';

import { AuthService } from './auth.service';
import type { MembershipEntity } from './membership.entity';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { EMPLOYER_ROLES, type Role, sideOf } from './roles';
import { type NewMembership, UserRepository } from './user.repository';

export interface AccountSummary {
  userId: string;
  email: string;
  displayName: string;
  language: 'nl' | 'en';
  deactivated: boolean;
}

export interface MembershipSummary extends NewMembership {
  id: string;
}

/** Creates users and manages their memberships; other libs go through this, not the repository. */
@Injectable()
export class AccountService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
    private readonly passwords: PasswordPolicy,
    private readonly outbox: Outbox,
  ) {}

  async createUser(input: {
    email: string;
    displayName: string;
    password: string;
    organisationId: string;
    language?: 'nl' | 'en';
  }): Promise<AccountSummary> {
    if (await this.users.findByEmail(input.email)) {
      throw new Conflict(
        'user.email_taken',
        'An account with this e-mail address already exists.',
        {},
        [{ path: 'email', message: 'is already registered' }],
      );
    }
    this.passwords.assertAcceptable(input.password, input);
    const passwordHash = await this.hasher.hash(input.password);
    const user = await this.users.create({ ...input, passwordHash });
    return {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      language: user.language,
      deactivated: false,
    };
  }

  async findUserIdByEmail(email: string): Promise<string | null> {
    return (await this.users.findByEmail(email))?.id ?? null;
  }

  async addMembership(membership: NewMembership): Promise<MembershipSummary> {
    // Checked up front: the foreign key would otherwise surface an unknown user as a 500.
    if (!(await this.users.findById(membership.userId))) {
      throw new NotFound('user');
    }
    const saved = await this.users.addMembership(membership);
    return toSummary(saved);
  }

  /**
   * The account and its memberships, with the user row locked until the transaction ends, so two
   * concurrent grants cannot both pass the one-side-only check. Null for an unknown id.
   */
  async lockAccount(userId: string): Promise<{
    userId: string;
    organisationId: string;
    deactivated: boolean;
    memberships: MembershipSummary[];
  } | null> {
    const user = await this.users.lockUser(userId);
    if (!user) {
      return null;
    }
    const memberships = (await this.users.membershipsOf(userId)).map(toSummary);
    return {
      userId: user.id,
      organisationId: user.organisationId,
      deactivated: user.deactivatedAt !== null,
      memberships,
    };
  }

  async changeMembership(
    id: string,
    changes: { role: Role; committeeId: string | null },
  ): Promise<void> {
    await this.users.updateMembership(id, changes);
  }

  /** Deactivates the account and ends all its sessions at once (in the caller's transaction). */
  async deactivate(userId: string, actorId: string, at: Date): Promise<void> {
    await this.users.deactivate(userId, at);
    await this.auth.endAllSessions(userId, actorId);
  }

  /**
   * The account a single sign-on of this organisation signs in as: the one linked to the identity
   * provider's subject, else the (invited) account with that e-mail, which is then linked. Null
   * when there is none or it is deactivated: nobody gets an account by signing in alone. Runs in
   * the caller's transaction.
   */
  async linkSsoAccount(
    organisationId: string,
    subject: string,
    email: string,
  ): Promise<string | null> {
    const user = await this.users.findForSso(organisationId, subject, email);
    if (!user || user.deactivatedAt) {
      return null;
    }
    if (user.ssoSubject === null) {
      await this.users.linkSsoSubject(user.id, subject);
    } else if (user.ssoSubject !== subject) {
      // The e-mail now names another identity at the provider: not the person linked before.
      return null;
    }
    return user.id;
  }

  /**
   * Employer-side roles the identity provider's groups give (added, never taken away here). An
   * account with a council role gets none: one account never holds both sides' roles (B.19), and
   * council roles never come from the employer's identity provider.
   */
  async grantEmployerRoles(userId: string, roles: readonly Role[]): Promise<void> {
    const account = await this.lockAccount(userId);
    if (!account || account.memberships.some((m) => sideOf(m.role) !== 'employer')) {
      return;
    }
    const held = new Set(account.memberships.map((m) => m.role));
    for (const role of new Set(roles)) {
      if (!EMPLOYER_ROLES.includes(role) || held.has(role)) {
        continue;
      }
      const membership = await this.users.addMembership({
        userId,
        organisationId: account.organisationId,
        worksCouncilId: null,
        committeeId: null,
        role,
      });
      await this.outbox.append(
        [
          {
            type: 'membership.changed',
            userId,
            organisationId: account.organisationId,
            worksCouncilId: null,
            payload: { membershipId: membership.id, change: 'granted' },
          },
        ],
        userId,
      );
    }
  }

  /** Ends the sessions of everyone in an organisation (its suspension), in the caller's transaction. */
  async endSessionsOfOrganisation(organisationId: string, actorId: string | null): Promise<void> {
    for (const userId of await this.users.idsInOrganisation(organisationId)) {
      await this.auth.endAllSessions(userId, actorId);
    }
  }

  /** How many accounts each organisation has, for the platform operator's list. */
  peopleByOrganisation(): Promise<Map<string, number>> {
    return this.users.countsByOrganisation();
  }

  async displayNames(userIds: string[]): Promise<Map<string, string>> {
    const users = await this.users.usersByIds([...new Set(userIds)]);
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  async getMembership(id: string): Promise<MembershipSummary> {
    const membership = await this.users.findMembership(id);
    if (!membership) {
      throw new NotFound('membership');
    }
    return toSummary(membership);
  }

  removeMembership(id: string): Promise<void> {
    return this.users.removeMembership(id);
  }

  async membershipsInOrganisation(
    organisationId: string,
  ): Promise<Array<MembershipSummary & { user: AccountSummary }>> {
    return this.withAccounts(await this.users.membershipsInOrganisation(organisationId));
  }

  /** One page of the organisation's memberships, each with its account. */
  async membershipPageInOrganisation(
    organisationId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<MembershipSummary & { user: AccountSummary }>> {
    const page = await this.users.membershipPageInOrganisation(organisationId, query);
    // A membership always has its account (foreign key), so the page keeps its length.
    return { items: await this.withAccounts(page.items), nextCursor: page.nextCursor };
  }

  private async withAccounts(
    memberships: MembershipEntity[],
  ): Promise<Array<MembershipSummary & { user: AccountSummary }>> {
    const users = new Map(
      (await this.users.usersByIds([...new Set(memberships.map((m) => m.userId))])).map((u) => [
        u.id,
        u,
      ]),
    );
    return memberships.flatMap((m) => {
      const user = users.get(m.userId);
      return user
        ? [
            {
              ...toSummary(m),
              user: {
                userId: user.id,
                email: user.email,
                displayName: user.displayName,
                language: user.language,
                deactivated: user.deactivatedAt !== null,
              },
            },
          ]
        : [];
    });
  }

  runInTransaction<T>(work: () => Promise<T>): Promise<T> {
    return this.tx.run(work);
  }
}

function toSummary(m: {
  id: string;
  userId: string;
  organisationId: string;
  worksCouncilId: string | null;
  committeeId: string | null;
  role: Role;
}): MembershipSummary {
  return {
    id: m.id,
    userId: m.userId,
    organisationId: m.organisationId,
    worksCouncilId: m.worksCouncilId,
    committeeId: m.committeeId,
    role: m.role,
  };
}
