import { type Actor, COUNCIL_BOARD_ROLES, EMPLOYER_ROLES, hasRoleIn, Role, WHOLE_COUNCIL_ROLES } from '@wc/auth';

/**
 * A consultation meeting (overlegvergadering, WOR 23/24) is between the council and the
 * employer; an internal meeting is the council's own.
 */
export type MeetingKind = 'consultation' | 'internal';
export const MEETING_KINDS: readonly MeetingKind[] = ['consultation', 'internal'];
export type MeetingStatus = 'planned' | 'held' | 'cancelled';
export const MEETING_STATUSES: readonly MeetingStatus[] = ['planned', 'held', 'cancelled'];

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
  if (scope.kind === 'consultation' && hasRoleIn(actor, EMPLOYER_ROLES, { organisationId: scope.organisationId })) {
    return 'employer';
  }
  return null;
}

/**
 * Whether agenda items linked to cases must be checked case by case: a committee member takes part
 * in the council's meetings but sees only the cases of their committee (model.md), so items on
 * other cases are left out of what they are shown.
 */
export function seesOnlySomeCases(actor: Actor, scope: MeetingScope): boolean {
  return !hasRoleIn(actor, WHOLE_COUNCIL_ROLES, { worksCouncilId: scope.worksCouncilId }) && !hasRoleIn(actor, EMPLOYER_ROLES, { organisationId: scope.organisationId });
}

/**
 * The chair or secretary organises the council's meetings; either side convenes and minutes a
 * consultation meeting (WOR 23(1): either party may ask for one [W22]).
 */
export function mayManageMeeting(side: MeetingSide | null): boolean {
  return side === 'council_board' || side === 'employer';
}

