import { Inject, Injectable } from '@nestjs/common';

import { type Actor, COUNCIL_BOARD_ROLES, hasRoleIn, Role } from '@wc/auth';
import { Clock, Forbidden, NotFound } from '@wc/core';
import { CouncilsService } from '@wc/councils';
import { TransactionHost } from '@wc/database';

import {
  CASE_EVENT_RULES,
  CASE_EVENT_TYPES,
  type CaseEventChoice,
  type CaseEventType,
  type NotificationPreferences,
  type NotificationType,
  normaliseLeadDays,
} from './domain';
import type {
  ChannelsResponse,
  CouncilReminderSettingsDto,
  CouncilReminderSettingsResponse,
  NotificationPreferencesDto,
  NotificationPreferencesResponse,
} from './notifications.dto';
import { NOTIFICATIONS_OPTIONS, type NotificationsOptions } from './notifications.options';
import { PreferenceRepository } from './preference.repository';
import { ReminderRepository } from './reminder.repository';

/** The DTO's property for each notification type. */
const CHANNEL_KEYS: ReadonlyArray<[NotificationType, keyof ChannelsResponse]> = [
  ['deadline.reminder', 'deadlineReminder'],
  ['deadline.overdue', 'deadlineOverdue'],
  ['deadline.escalation', 'deadlineEscalation'],
  ['mention', 'mention'],
];

/** Who is told what on which channel: per user, and a council's reminder rhythm. */
@Injectable()
export class PreferencesService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    private readonly preferences: PreferenceRepository,
    private readonly reminders: ReminderRepository,
    private readonly councils: CouncilsService,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  async get(actor: Actor): Promise<NotificationPreferencesResponse> {
    return toResponse(await this.preferences.forUser(actor.userId));
  }

  /**
   * Replaces the user's preferences. New lead days re-plan the reminders of their deadlines. A
   * type the client leaves out (one it predates, like `mention`) keeps its current choice.
   */
  put(actor: Actor, dto: NotificationPreferencesDto): Promise<NotificationPreferencesResponse> {
    return this.tx.run(async () => {
      const before = await this.preferences.forUser(actor.userId);
      const channels = Object.fromEntries(
        CHANNEL_KEYS.map(([type, key]) => {
          const chosen = dto.channels[key] ?? before.channels[type];
          return [type, { inApp: chosen.inApp, email: chosen.email }];
        }),
      ) as Record<NotificationType, { inApp: boolean; email: boolean }>;
      const chosen = new Map((dto.caseEvents ?? []).map((c) => [c.type, c]));
      const caseEvents = Object.fromEntries(
        CASE_EVENT_TYPES.map((type) => {
          const choice = chosen.get(type) ?? before.caseEvents[type];
          return [type, { inApp: choice.inApp, email: choice.email }];
        }),
      ) as Record<CaseEventType, CaseEventChoice>;
      const next: NotificationPreferences = {
        channels,
        caseEvents,
        emailDelivery: dto.emailDelivery,
        leadDays: dto.leadDays === null ? null : normaliseLeadDays(dto.leadDays),
      };
      await this.preferences.saveForUser(actor.userId, next, this.clock.now());
      if (JSON.stringify(before.leadDays) !== JSON.stringify(next.leadDays)) {
        await this.reminders.markStale({
          organisationIds: [...new Set(actor.memberships.map((m) => m.organisationId))],
          worksCouncilIds: [
            ...new Set(
              actor.memberships.flatMap((m) => (m.worksCouncilId ? [m.worksCouncilId] : [])),
            ),
          ],
        });
      }
      return toResponse(next);
    });
  }

  async getCouncilSettings(
    actor: Actor,
    worksCouncilId: string,
  ): Promise<CouncilReminderSettingsResponse> {
    await this.visibleCouncil(actor, worksCouncilId);
    const stored = await this.preferences.forCouncil(worksCouncilId);
    const settings = stored ?? {
      leadDays: this.options.reminders.defaultLeadDays,
      escalationLeadDays: this.options.reminders.defaultEscalationLeadDays,
    };
    return {
      worksCouncilId,
      leadDays: [...settings.leadDays],
      escalationLeadDays: settings.escalationLeadDays,
      isDefault: stored === null,
    };
  }

  /** The council's board (chair, secretary) or the organisation's admin sets the rhythm. */
  async putCouncilSettings(
    actor: Actor,
    worksCouncilId: string,
    dto: CouncilReminderSettingsDto,
  ): Promise<CouncilReminderSettingsResponse> {
    const organisationId = await this.visibleCouncil(actor, worksCouncilId);
    if (
      !hasRoleIn(actor, COUNCIL_BOARD_ROLES, { worksCouncilId }) &&
      !hasRoleIn(actor, [Role.OrgAdmin], { organisationId })
    ) {
      throw new Forbidden(
        'reminder_settings.not_board',
        "Only the council's chair or secretary, or the organisation's admin, may change its reminders.",
      );
    }
    const settings = {
      leadDays: normaliseLeadDays(dto.leadDays),
      escalationLeadDays: dto.escalationLeadDays,
    };
    await this.tx.run(async () => {
      await this.preferences.saveForCouncil(
        worksCouncilId,
        settings,
        actor.userId,
        this.clock.now(),
      );
      await this.reminders.markStale({ organisationIds: [], worksCouncilIds: [worksCouncilId] });
    });
    return {
      worksCouncilId,
      leadDays: settings.leadDays,
      escalationLeadDays: settings.escalationLeadDays,
      isDefault: false,
    };
  }

  /** 404 unless the actor belongs to the council's organisation; returns that organisation. */
  private async visibleCouncil(actor: Actor, worksCouncilId: string): Promise<string> {
    const facts = await this.councils.councilFacts(worksCouncilId);
    if (!facts || !actor.memberships.some((m) => m.organisationId === facts.organisationId)) {
      throw new NotFound('works_council');
    }
    return facts.organisationId;
  }
}

function toResponse(preferences: NotificationPreferences): NotificationPreferencesResponse {
  const channels = Object.fromEntries(
    CHANNEL_KEYS.map(([type, key]) => [key, { ...preferences.channels[type] }]),
  ) as unknown as NotificationPreferencesResponse['channels'];
  return {
    channels,
    caseEvents: CASE_EVENT_TYPES.map((type) => ({
      type,
      mustAct: CASE_EVENT_RULES[type].mustAct,
      ...preferences.caseEvents[type],
    })),
    emailDelivery: preferences.emailDelivery,
    leadDays: preferences.leadDays ? [...preferences.leadDays] : null,
  };
}
