import { CASE_EVENT_RULES, CASE_EVENT_TYPES, type CaseEventType } from './case-events';
import { MAX_LEAD_DAYS, leadDaysOf } from './reminder-planner';

/** What a deadline notification is about. */
export type DeadlineNotificationType =
  'deadline.reminder' | 'deadline.overdue' | 'deadline.escalation';
/** What a notification is about; also the key users choose channels by. */
export type NotificationType = DeadlineNotificationType | 'mention';
export const NOTIFICATION_TYPES: readonly NotificationType[] = [
  'deadline.reminder',
  'deadline.overdue',
  'deadline.escalation',
  'mention',
];

export interface ChannelChoice {
  readonly inApp: boolean;
  readonly email: boolean;
}

export type EmailDelivery = 'immediate' | 'daily_digest';

/** E-mail for one case-event type: at once, in the daily digest, or not at all. */
export type CaseEventEmail = 'immediate' | 'digest' | 'off';

export interface CaseEventChoice {
  readonly inApp: boolean;
  readonly email: CaseEventEmail;
}

/** One user's choices; `leadDays: null` follows the council's setting. */
export interface NotificationPreferences {
  readonly channels: Readonly<Record<NotificationType, ChannelChoice>>;
  /** Per case-event type (issue #16); stored in the same `channels` jsonb under the event type. */
  readonly caseEvents: Readonly<Record<CaseEventType, CaseEventChoice>>;
  readonly emailDelivery: EmailDelivery;
  readonly leadDays: readonly number[] | null;
}

/** In the inbox always; by e-mail at once when the user must act, else in the daily digest. */
export const DEFAULT_CASE_EVENT_CHOICES: Readonly<Record<CaseEventType, CaseEventChoice>> =
  Object.freeze(
    Object.fromEntries(
      CASE_EVENT_TYPES.map((type) => [
        type,
        Object.freeze({
          inApp: true,
          email: CASE_EVENT_RULES[type].mustAct ? 'immediate' : 'digest',
        }),
      ]),
    ) as Record<CaseEventType, CaseEventChoice>,
  );

export const DEFAULT_PREFERENCES: NotificationPreferences = Object.freeze({
  channels: Object.freeze({
    'deadline.reminder': Object.freeze({ inApp: true, email: true }),
    'deadline.overdue': Object.freeze({ inApp: true, email: true }),
    'deadline.escalation': Object.freeze({ inApp: true, email: true }),
    // On by e-mail too: council members often work in Overleg a few hours a week, and a question
    // addressed to them by name should not wait until they next log in (GitHub does the same).
    mention: Object.freeze({ inApp: true, email: true }),
  }),
  caseEvents: DEFAULT_CASE_EVENT_CHOICES,
  emailDelivery: 'immediate',
  leadDays: null,
});

/** A council's reminder rhythm (or the platform default when it set none). */
export interface CouncilReminderSettings {
  readonly leadDays: readonly number[];
  readonly escalationLeadDays: number;
}

export const DEFAULT_COUNCIL_REMINDER_SETTINGS: CouncilReminderSettings = Object.freeze({
  leadDays: Object.freeze([14, 7, 2, 0]),
  escalationLeadDays: 2,
});

export function notificationTypeOf(kind: string): DeadlineNotificationType {
  if (kind === 'overdue') {
    return 'deadline.overdue';
  }
  if (kind === 'escalation') {
    return 'deadline.escalation';
  }
  return 'deadline.reminder';
}

/**
 * Reads stored preferences (jsonb, possibly written by an older version) over the defaults, so a
 * missing or unknown key never switches a channel off by accident.
 */
export function preferencesFrom(
  stored: { channels?: unknown; emailDelivery?: unknown; leadDays?: unknown } | null,
): NotificationPreferences {
  if (!stored) {
    return DEFAULT_PREFERENCES;
  }
  const rawChannels = (
    typeof stored.channels === 'object' && stored.channels !== null ? stored.channels : {}
  ) as Record<string, unknown>;
  const channels = {} as Record<NotificationType, ChannelChoice>;
  for (const type of NOTIFICATION_TYPES) {
    const raw = (rawChannels[type] ?? {}) as { inApp?: unknown; email?: unknown };
    const fallback = DEFAULT_PREFERENCES.channels[type];
    channels[type] = {
      inApp: typeof raw.inApp === 'boolean' ? raw.inApp : fallback.inApp,
      email: typeof raw.email === 'boolean' ? raw.email : fallback.email,
    };
  }
  const caseEvents = {} as Record<CaseEventType, CaseEventChoice>;
  for (const type of CASE_EVENT_TYPES) {
    const raw = (rawChannels[type] ?? {}) as { inApp?: unknown; email?: unknown };
    const fallback = DEFAULT_CASE_EVENT_CHOICES[type];
    caseEvents[type] = {
      inApp: typeof raw.inApp === 'boolean' ? raw.inApp : fallback.inApp,
      email:
        raw.email === 'immediate' || raw.email === 'digest' || raw.email === 'off'
          ? raw.email
          : fallback.email,
    };
  }
  return {
    channels,
    caseEvents,
    emailDelivery: stored.emailDelivery === 'daily_digest' ? 'daily_digest' : 'immediate',
    leadDays: Array.isArray(stored.leadDays)
      ? normaliseLeadDays(stored.leadDays as number[])
      : null,
  };
}

/** Distinct, whole, 0…60, largest first. */
export function normaliseLeadDays(days: readonly number[]): number[] {
  return [...new Set(days.filter((d) => Number.isInteger(d) && d >= 0 && d <= MAX_LEAD_DAYS))].sort(
    (a, b) => b - a,
  );
}

/** The lead days that apply to one user: their own choice, else the council's. */
export function effectiveLeadDays(
  preferences: NotificationPreferences,
  council: CouncilReminderSettings,
): readonly number[] {
  return preferences.leadDays ?? council.leadDays;
}

/** Whether a user wants a reminder of this kind at all (their lead days include it). */
export function wantsKind(
  kind: string,
  preferences: NotificationPreferences,
  council: CouncilReminderSettings,
): boolean {
  const days = leadDaysOf(kind);
  return days === null || effectiveLeadDays(preferences, council).includes(days);
}

/** What `channels` jsonb stores: the older per-type choices and the case-event ones side by side. */
export function storedChannels(preferences: NotificationPreferences): Record<string, unknown> {
  return { ...preferences.caseEvents, ...preferences.channels };
}
