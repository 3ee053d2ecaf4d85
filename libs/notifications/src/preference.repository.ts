import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

import {
  type CouncilReminderSettings,
  type NotificationPreferences,
  normaliseLeadDays,
  preferencesFrom,
  storedChannels,
} from './domain';

/** Users' notification preferences and councils' reminder settings. */
@Injectable()
export class PreferenceRepository {
  constructor(private readonly tx: TransactionHost) {}

  async forUser(userId: string): Promise<NotificationPreferences> {
    const [row] = await this.tx.manager.query<
      Array<{ channels: unknown; email_delivery: string; lead_days: number[] | null }>
    >(
      `SELECT channels, email_delivery, lead_days FROM notification_preference WHERE user_id = $1`,
      [userId],
    );
    return preferencesFrom(
      row
        ? { channels: row.channels, emailDelivery: row.email_delivery, leadDays: row.lead_days }
        : null,
    );
  }

  /** The preferences of each of these users (defaults for those who chose none), in one statement. */
  async forUsers(userIds: readonly string[]): Promise<Map<string, NotificationPreferences>> {
    const ids = [...new Set(userIds)];
    const rows =
      ids.length === 0
        ? []
        : await this.tx.manager.query<
            Array<{
              user_id: string;
              channels: unknown;
              email_delivery: string;
              lead_days: number[] | null;
            }>
          >(
            `SELECT user_id, channels, email_delivery, lead_days FROM notification_preference WHERE user_id = ANY($1::uuid[])`,
            [ids],
          );
    const stored = new Map(rows.map((r) => [r.user_id, r]));
    return new Map(
      ids.map((id) => {
        const row = stored.get(id);
        return [
          id,
          preferencesFrom(
            row
              ? {
                  channels: row.channels,
                  emailDelivery: row.email_delivery,
                  leadDays: row.lead_days,
                }
              : null,
          ),
        ];
      }),
    );
  }

  async saveForUser(
    userId: string,
    preferences: NotificationPreferences,
    now: Date,
  ): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO notification_preference (user_id, channels, email_delivery, lead_days, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE SET channels = EXCLUDED.channels, email_delivery = EXCLUDED.email_delivery,
              lead_days = EXCLUDED.lead_days, updated_at = EXCLUDED.updated_at`,
      [
        userId,
        JSON.stringify(storedChannels(preferences)),
        preferences.emailDelivery,
        preferences.leadDays,
        now,
      ],
    );
  }

  async forCouncil(worksCouncilId: string): Promise<CouncilReminderSettings | null> {
    const [row] = await this.tx.manager.query<
      Array<{ lead_days: number[]; escalation_lead_days: number }>
    >(
      `SELECT lead_days, escalation_lead_days FROM council_reminder_setting WHERE works_council_id = $1`,
      [worksCouncilId],
    );
    return row
      ? { leadDays: normaliseLeadDays(row.lead_days), escalationLeadDays: row.escalation_lead_days }
      : null;
  }

  async saveForCouncil(
    worksCouncilId: string,
    settings: CouncilReminderSettings,
    actorId: string,
    now: Date,
  ): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO council_reminder_setting (works_council_id, lead_days, escalation_lead_days, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (works_council_id) DO UPDATE SET lead_days = EXCLUDED.lead_days, escalation_lead_days = EXCLUDED.escalation_lead_days,
              updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [worksCouncilId, [...settings.leadDays], settings.escalationLeadDays, actorId, now],
    );
  }
}
