import { NotFound } from '@wc/core';

import { type Permission, Role, ROLE_PERMISSIONS } from './roles';

export interface ActorMembership {
  membershipId: string;
  organisationId: string;
  worksCouncilId: string | null;
  committeeId: string | null;
  role: Role;
}

/** The authenticated principal, passed explicitly into services (house style B.10). */
export interface Actor {
  userId: string;
  organisationId: string;
  language: 'nl' | 'en';
  memberships: readonly ActorMembership[];
  /** The session (access token `sid`) the actor came with; absent for actors built without a token. */
  sessionId?: string;
  /**
   * The organisation requires a second factor and this account has none yet: the session may only
   * enrol one (and read the profile) until a refresh after activation gives a full session.
   */
  secondFactorEnrolmentPending?: boolean;
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.memberships.some((m) => ROLE_PERMISSIONS[m.role].includes(permission));
}

export function hasRoleIn(
  actor: Actor,
  roles: readonly Role[],
  where: { organisationId?: string; worksCouncilId?: string },
): boolean {
  return actor.memberships.some(
    (m) =>
      roles.includes(m.role) &&
      (where.organisationId === undefined || m.organisationId === where.organisationId) &&
      (where.worksCouncilId === undefined || m.worksCouncilId === where.worksCouncilId),
  );
}

export function organisationIdsOf(actor: Actor): string[] {
  return [...new Set(actor.memberships.map((m) => m.organisationId))];
}

/** The actor administers this organisation; another organisation answers like an unknown one (404). */
export function assertAdminOf(actor: Actor, organisationId: string): void {
  if (!hasRoleIn(actor, [Role.OrgAdmin], { organisationId })) {
    throw new NotFound('organisation');
  }
}
