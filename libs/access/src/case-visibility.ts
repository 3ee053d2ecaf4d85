import { type Actor, COUNCIL_BOARD_ROLES, EMPLOYER_ROLES, hasRoleIn, Role } from '@wc/auth';

/** The side an actor acts for on a case; every rule of the tracks and the dossier is keyed on it. */
export type ActorSide = 'employer' | 'council_board' | 'council_member' | 'expert' | 'union';

export interface CaseVisibilityFacts {
  id: string;
  organisationId: string;
  worksCouncilId: string;
  /** The committee of the council that prepares the case, if any. */
  committeeId: string | null;
  status: 'draft' | 'sent';
  expertIds: readonly string[];
}

/** What a union share shows (issue #8): status and deadlines only, or also the non-confidential dossier. */
export type UnionScope = 'status' | 'dossier';

/** An active (unrevoked) union share, as `@wc/unions` stores it in `union_share`. */
export interface UnionShareFact {
  unionOrganisationId: string;
  worksCouncilId: string;
  /** Null: all cases of the council. */
  caseId: string | null;
  scope: UnionScope;
}

/**
 * The side an actor acts for on a case, or null when the case is invisible to them (model.md
 * "Visibility"): the employer side sees its drafts; the council, once sent; committee members only
 * the sent cases assigned to one of their committees; experts only the cases they were added to;
 * union officers only sent cases an active share of their union covers.
 * Invisible answers 404 everywhere.
 */
export function sideOn(
  actor: Actor,
  aiCase: CaseVisibilityFacts,
  unionShares: readonly UnionShareFact[] = [],
): ActorSide | null {
  if (hasRoleIn(actor, EMPLOYER_ROLES, { organisationId: aiCase.organisationId })) {
    return 'employer';
  }
  if (aiCase.status !== 'sent') {
    return null;
  }
  if (hasRoleIn(actor, COUNCIL_BOARD_ROLES, { worksCouncilId: aiCase.worksCouncilId })) {
    return 'council_board';
  }
  if (
    hasRoleIn(actor, [Role.CouncilMember], { worksCouncilId: aiCase.worksCouncilId }) ||
    isCommitteeMemberOn(actor, aiCase)
  ) {
    return 'council_member';
  }
  if (aiCase.expertIds.includes(actor.userId)) {
    return 'expert';
  }
  if (unionScopeOn(actor, aiCase, unionShares)) {
    return 'union';
  }
  return null;
}

/** A member of the committee that prepares this case (a committee of the case's own council). */
function isCommitteeMemberOn(actor: Actor, aiCase: CaseVisibilityFacts): boolean {
  return (
    aiCase.committeeId !== null &&
    actor.memberships.some(
      (m) =>
        m.role === Role.CommitteeMember &&
        m.worksCouncilId === aiCase.worksCouncilId &&
        m.committeeId === aiCase.committeeId,
    )
  );
}

/** The committees the actor is a member of, for the case list's committee arm. */
export function committeeIdsOf(actor: Actor): string[] {
  return [
    ...new Set(
      actor.memberships.flatMap((m) =>
        m.role === Role.CommitteeMember && m.committeeId ? [m.committeeId] : [],
      ),
    ),
  ];
}

/**
 * The scope at which a union officer sees a case: the broadest active share, of a union they are
 * an officer of, that covers this sent case (the case itself, or all cases of its council).
 */
export function unionScopeOn(
  actor: Actor,
  aiCase: CaseVisibilityFacts,
  unionShares: readonly UnionShareFact[],
): UnionScope | null {
  if (aiCase.status !== 'sent') {
    return null;
  }
  const covering = unionShares.filter(
    (s) =>
      s.worksCouncilId === aiCase.worksCouncilId &&
      (s.caseId === null || s.caseId === aiCase.id) &&
      hasRoleIn(actor, [Role.UnionOfficer], { organisationId: s.unionOrganisationId }),
  );
  if (covering.length === 0) {
    return null;
  }
  return covering.some((s) => s.scope === 'dossier') ? 'dossier' : 'status';
}

/** The union organisations the actor is an officer of; only for them are shares worth loading. */
export function unionOrganisationIdsOf(actor: Actor): string[] {
  return [
    ...new Set(
      actor.memberships.filter((m) => m.role === Role.UnionOfficer).map((m) => m.organisationId),
    ),
  ];
}

/** The council-internal space is for council members only, never the employer side or unions. */
export function mayUseInternalSpace(side: ActorSide | null): boolean {
  return side === 'council_board' || side === 'council_member';
}

export function mayReadAudit(side: ActorSide | null): boolean {
  return side === 'employer' || side === 'council_board' || side === 'council_member';
}
