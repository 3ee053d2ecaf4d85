import { Inject, Injectable } from '@nestjs/common';

import { COUNCIL_ROLES, EMPLOYER_ROLES, type Role } from '@wc/auth';
import { TransactionHost } from '@wc/database';

import {
  type CouncilReminderSettings,
  type MemberRecord,
  normaliseLeadDays,
  preferencesFrom,
} from './domain';
import { NOTIFICATIONS_OPTIONS, type NotificationsOptions } from './notifications.options';

/** Possible recipients and reminder settings of a set of organisations and councils, loaded at once. */
export class RecipientSnapshot {
  private readonly byOrganisation = new Map<string, MemberRecord[]>();
  private readonly byCouncil = new Map<string, MemberRecord[]>();

  constructor(
    members: readonly MemberRecord[],
    private readonly settings: ReadonlyMap<string, CouncilReminderSettings>,
    private readonly defaults: CouncilReminderSettings,
  ) {
    for (const member of members) {
      if (EMPLOYER_ROLES.includes(member.role)) {
        push(this.byOrganisation, member.organisationId, member);
      }
      if (member.worksCouncilId && COUNCIL_ROLES.includes(member.role)) {
        push(this.byCouncil, member.worksCouncilId, member);
      }
    }
  }

  /** The memberships that may matter for a deadline of this organisation and council. */
  membersFor(organisationId: string, worksCouncilId: string | null): MemberRecord[] {
    return [
      ...(this.byOrganisation.get(organisationId) ?? []),
      ...((worksCouncilId && this.byCouncil.get(worksCouncilId)) || []),
    ];
  }

  councilSettings(worksCouncilId: string | null): CouncilReminderSettings {
    return (worksCouncilId && this.settings.get(worksCouncilId)) || this.defaults;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

/**
 * Reads memberships, users' languages and preferences, and council reminder settings in bulk.
 * Reads the membership and app_user tables of @wc/auth directly: a sweep needs thousands of users
 * in one query, which AccountService (per organisation, no preferences) cannot give.
 */
@Injectable()
export class RecipientDirectory {
  constructor(
    private readonly tx: TransactionHost,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  get defaults(): CouncilReminderSettings {
    return {
      leadDays: this.options.reminders.defaultLeadDays,
      escalationLeadDays: this.options.reminders.defaultEscalationLeadDays,
    };
  }

  async load(
    organisationIds: readonly string[],
    worksCouncilIds: readonly string[],
  ): Promise<RecipientSnapshot> {
    const orgs = [...new Set(organisationIds)];
    const councils = [...new Set(worksCouncilIds)];
    const rows = await this.tx.manager.query<Array<Record<string, unknown>>>(
      `SELECT m.user_id, m.role, m.organisation_id, m.works_council_id, u.language,
              p.channels, p.email_delivery, p.lead_days
         FROM membership m
         JOIN app_user u ON u.id = m.user_id
         LEFT JOIN notification_preference p ON p.user_id = m.user_id
        WHERE (m.organisation_id = ANY($1::uuid[]) AND m.role = ANY($3::text[]))
           OR (m.works_council_id = ANY($2::uuid[]) AND m.role = ANY($4::text[]))`,
      [orgs, councils, EMPLOYER_ROLES, COUNCIL_ROLES],
    );
    const members: MemberRecord[] = rows.map((r) => ({
      userId: r.user_id as string,
      role: r.role as Role,
      organisationId: r.organisation_id as string,
      worksCouncilId: (r.works_council_id as string | null) ?? null,
      language: r.language === 'en' ? 'en' : 'nl',
      preferences: preferencesFrom(
        r.channels === null
          ? null
          : { channels: r.channels, emailDelivery: r.email_delivery, leadDays: r.lead_days },
      ),
    }));
    return new RecipientSnapshot(members, await this.councilSettings(councils), this.defaults);
  }

  async councilSettings(
    worksCouncilIds: readonly string[],
  ): Promise<Map<string, CouncilReminderSettings>> {
    if (worksCouncilIds.length === 0) {
      return new Map();
    }
    const rows = await this.tx.manager.query<
      Array<{ works_council_id: string; lead_days: number[]; escalation_lead_days: number }>
    >(
      `SELECT works_council_id, lead_days, escalation_lead_days FROM council_reminder_setting WHERE works_council_id = ANY($1::uuid[])`,
      [worksCouncilIds],
    );
    return new Map(
      rows.map((r) => [
        r.works_council_id,
        { leadDays: normaliseLeadDays(r.lead_days), escalationLeadDays: r.escalation_lead_days },
      ]),
    );
  }
}
