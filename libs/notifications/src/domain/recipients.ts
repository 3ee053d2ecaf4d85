import type { Member } from '@wc/access';
import { COUNCIL_ROLES, EMPLOYER_ROLES, Role } from '@wc/auth';

import {
  type CouncilReminderSettings,
  type NotificationPreferences,
  notificationTypeOf,
  normaliseLeadDays,
  wantsKind,
} from './preferences';

/** One membership of a possible recipient, with the user's language and preferences. */
export type MemberRecord = Readonly<Omit<Member, 'committeeId'>> & {
  readonly preferences: NotificationPreferences;
};

/** Whom a deadline concerns. */
export interface DeadlineAudience {
  readonly organisationId: string;
  readonly worksCouncilId: string | null;
  /**
   * Whether the council side may know of the case: a draft case is invisible to the council
   * (model.md "Visibility"), so even its title must not reach council members.
   */
  readonly councilMayKnow: boolean;
}

export interface Recipient {
  readonly userId: string;
  readonly language: 'nl' | 'en';
  readonly roles: readonly Role[];
  readonly preferences: NotificationPreferences;
}

export type EmailChoice = 'none' | 'immediate' | 'digest';

export interface Delivery {
  readonly userId: string;
  readonly language: 'nl' | 'en';
  readonly inApp: boolean;
  readonly email: EmailChoice;
}

/** Council members in the sense of issue #7: the council's own roles, not external experts. */
const COUNCIL_RECIPIENT_ROLES: readonly Role[] = COUNCIL_ROLES.filter(
  (role) => role !== Role.ExternalExpert,
);
/** Fatal terms escalate to the council chair and the HR manager. */
const ESCALATION_ROLES: readonly Role[] = [Role.CouncilChair, Role.HrManager];

/**
 * Everyone a deadline concerns: the employer side (HR managers, employer representatives) of the
 * organisation and the council's members, one entry per user whatever their number of roles.
 */
export function audienceOf(
  audience: DeadlineAudience,
  members: readonly MemberRecord[],
): Recipient[] {
  const byUser = new Map<
    string,
    { userId: string; language: 'nl' | 'en'; roles: Role[]; preferences: NotificationPreferences }
  >();
  for (const member of members) {
    const employer =
      EMPLOYER_ROLES.includes(member.role) && member.organisationId === audience.organisationId;
    const council =
      audience.councilMayKnow &&
      audience.worksCouncilId !== null &&
      COUNCIL_RECIPIENT_ROLES.includes(member.role) &&
      member.worksCouncilId === audience.worksCouncilId;
    if (!employer && !council) {
      continue;
    }
    const entry = byUser.get(member.userId) ?? {
      userId: member.userId,
      language: member.language,
      roles: [],
      preferences: member.preferences,
    };
    entry.roles.push(member.role);
    byUser.set(member.userId, entry);
  }
  return [...byUser.values()].sort((a, b) => a.userId.localeCompare(b.userId));
}

/**
 * Who gets a reminder of `kind`, on which channels. Day reminders go to those whose lead days
 * include that day; an escalation only to the chair and HR managers, always in the inbox (a fatal
 * term must not be missed because a channel was switched off), by e-mail straight away unless
 * switched off. Users who want neither channel get nothing.
 */
export function deliveriesFor(
  kind: string,
  audience: DeadlineAudience,
  members: readonly MemberRecord[],
  council: CouncilReminderSettings,
): Delivery[] {
  const type = notificationTypeOf(kind);
  const deliveries: Delivery[] = [];
  for (const recipient of audienceOf(audience, members)) {
    if (
      type === 'deadline.escalation' &&
      !recipient.roles.some((role) => ESCALATION_ROLES.includes(role))
    ) {
      continue;
    }
    if (!wantsKind(kind, recipient.preferences, council)) {
      continue;
    }
    const channels = recipient.preferences.channels[type];
    const inApp = type === 'deadline.escalation' ? true : channels.inApp;
    const email: EmailChoice = !channels.email
      ? 'none'
      : recipient.preferences.emailDelivery === 'daily_digest' && type !== 'deadline.escalation'
        ? 'digest'
        : 'immediate';
    if (!inApp && email === 'none') {
      continue;
    }
    deliveries.push({ userId: recipient.userId, language: recipient.language, inApp, email });
  }
  return deliveries;
}

/** The lead days to plan for a deadline: the council's, plus any its recipients chose themselves. */
export function plannedLeadDays(
  audience: DeadlineAudience,
  members: readonly MemberRecord[],
  council: CouncilReminderSettings,
): number[] {
  const days = [...council.leadDays];
  for (const recipient of audienceOf(audience, members)) {
    days.push(...(recipient.preferences.leadDays ?? []));
  }
  return normaliseLeadDays(days);
}
