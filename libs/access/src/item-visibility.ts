import {
  type Actor,
  COUNCIL_BOARD_ROLES,
  EMPLOYER_ROLES,
  hasRoleIn,
  Role,
  WHOLE_COUNCIL_ROLES,
} from '@wc/auth';

import type { ActorSide } from './case-visibility';

// ---- Documents: WOR art. 20 secrecy -------------------------------------------------------

/** Which side of the table submitted a document or imposed secrecy. */
export type DocumentOrigin = 'employer' | 'council';

/**
 * A WOR art. 20 secrecy mark on one document (legal-rules W18 and (b)10): which data (`scope`),
 * for how long (`until`, an inclusive Europe/Amsterdam calendar day, or null for no end date) and
 * which persons are exempted. `exemptedUserIds` records the notice's exempted persons; it does not
 * decide access. Experts (art. 16) are themselves bound by the secrecy; which ones may read the item
 * is decided per item (model.md "as decided per item") in `allowedExpertIds`.
 */
export interface ConfidentialityMark {
  scope: string;
  until: string | null;
  exemptedUserIds: string[];
  allowedExpertIds: string[];
  imposedBy: string;
  imposedBySide: DocumentOrigin;
  imposedAt: string;
}

export interface Viewer {
  side: ActorSide;
  userId: string;
}

/** The mark is in force until the end of its `until` day; after that the document is ordinary. */
export function isConfidentialOn(
  mark: ConfidentialityMark | null,
  today: string,
): mark is ConfidentialityMark {
  return mark !== null && (mark.until === null || today <= mark.until);
}

/**
 * Whether someone who can see the case may see this document at all (model.md "Visibility").
 * Ordinary documents: everyone on the case. Confidential ones: the employer side and the council
 * (bound by secrecy), experts only when admitted to this item, union officers never, and nobody else.
 * A document one may not see does not exist for them (404, absent from lists).
 */
export function mayReadDocument(
  viewer: Viewer,
  mark: ConfidentialityMark | null,
  today: string,
): boolean {
  if (!isConfidentialOn(mark, today)) {
    return true;
  }
  switch (viewer.side) {
    case 'employer':
    case 'council_board':
    case 'council_member':
      return true;
    case 'expert':
      return mark.allowedExpertIds.includes(viewer.userId);
    case 'union':
      return false;
    default:
      return false;
  }
}

/**
 * What kind of dossier document it is. `expert_opinion`: the opinion of the council's expert
 * (issue #19), council-owned deliberation material until the council attaches it to its position.
 */
export type DocumentKind = 'document' | 'expert_opinion';

/**
 * The council's expert's opinion: the council and the experts on the case read it at once; the
 * employer side and union officers only once the council attached it to its position. Every
 * other document: no restriction beyond `mayReadDocument`.
 */
export function mayReadDocumentKind(
  side: ActorSide,
  kind: DocumentKind,
  attachedToPosition: boolean,
): boolean {
  if (kind !== 'expert_opinion' || attachedToPosition) {
    return true;
  }
  return side === 'council_board' || side === 'council_member' || side === 'expert';
}

// ---- Comment threads ----------------------------------------------------------------------

/**
 * Who a comment thread is for. 'case': everyone who sees the case (employer side, council,
 * experts). 'union': the council and the union officers it shares the case with (issue #8); the
 * employer side and experts never see these threads.
 */
export type CommentVisibility = 'case' | 'union';

export function visibilityOfThread(threadKey: string): CommentVisibility {
  return threadKey === 'union' ? 'union' : 'case';
}

/** The thread visibilities a side on the case may read and write. */
export function visibilitiesFor(side: ActorSide): CommentVisibility[] {
  switch (side) {
    case 'council_board':
    case 'council_member':
      return ['case', 'union'];
    case 'employer':
    case 'expert':
      return ['case'];
    case 'union':
      return ['union'];
  }
}

export function mayUseThread(side: ActorSide, threadKey: string): boolean {
  return visibilitiesFor(side).includes(visibilityOfThread(threadKey));
}

// ---- Meetings -----------------------------------------------------------------------------

/**
 * A consultation meeting (overlegvergadering, WOR 23/24) is between the council and the
 * employer; an internal meeting is the council's own.
 */
export type MeetingKind = 'consultation' | 'internal';

export type MeetingSide = 'council_board' | 'council_member' | 'employer';

export interface MeetingScope {
  readonly organisationId: string;
  readonly worksCouncilId: string;
  readonly kind: MeetingKind;
}

/** The council's own members; external experts and union officers are guests, not members. */
const COUNCIL_MEMBER_ROLES: readonly Role[] = [Role.CouncilMember, Role.CommitteeMember];

/**
 * How the actor takes part in a meeting, or null when it is invisible to them: the council sees
 * all its meetings, the employer side of the organisation only consultation meetings.
 */
export function meetingSideOf(actor: Actor, scope: MeetingScope): MeetingSide | null {
  if (hasRoleIn(actor, COUNCIL_BOARD_ROLES, { worksCouncilId: scope.worksCouncilId })) {
    return 'council_board';
  }
  if (hasRoleIn(actor, COUNCIL_MEMBER_ROLES, { worksCouncilId: scope.worksCouncilId })) {
    return 'council_member';
  }
  if (
    scope.kind === 'consultation' &&
    hasRoleIn(actor, EMPLOYER_ROLES, { organisationId: scope.organisationId })
  ) {
    return 'employer';
  }
  return null;
}

/** The SQL condition of `meetingSideOf` on meeting `m`, for lists of meetings. */
export function meetingVisibleSql(actor: Actor, param: (value: unknown) => string): string {
  const councils = actor.memberships
    .filter(
      (m) =>
        (COUNCIL_BOARD_ROLES.includes(m.role) || COUNCIL_MEMBER_ROLES.includes(m.role)) &&
        m.worksCouncilId,
    )
    .map((m) => m.worksCouncilId as string);
  const employerOrgs = actor.memberships
    .filter((m) => EMPLOYER_ROLES.includes(m.role))
    .map((m) => m.organisationId);
  return `(m.works_council_id = ANY(${param(councils)}) OR (m.kind = 'consultation' AND m.organisation_id = ANY(${param(employerOrgs)})))`;
}

/**
 * Whether agenda items linked to cases must be checked case by case: a committee member takes part
 * in the council's meetings but sees only the cases of their committee (model.md), so items on
 * other cases are left out of what they are shown.
 */
export function seesOnlySomeCases(actor: Actor, scope: MeetingScope): boolean {
  return (
    !hasRoleIn(actor, WHOLE_COUNCIL_ROLES, { worksCouncilId: scope.worksCouncilId }) &&
    !hasRoleIn(actor, EMPLOYER_ROLES, { organisationId: scope.organisationId })
  );
}

// ---- The AI register ----------------------------------------------------------------------

/**
 * The employer's AI register is read by the organisation's own people, employer side and council
 * alike; union officers and external experts are outsiders to it.
 */
export function mayReadRegister(actor: Actor, organisationId: string): boolean {
  return actor.memberships.some(
    (m) =>
      m.organisationId === organisationId &&
      m.role !== Role.UnionOfficer &&
      m.role !== Role.ExternalExpert,
  );
}
