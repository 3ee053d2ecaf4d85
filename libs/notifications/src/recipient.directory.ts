import { Inject, Injectable } from '@nestjs/common';

import { COUNCIL_ROLES, EMPLOYER_ROLES, Role } from '@wc/auth';
import { TransactionHost } from '@wc/database';

import {
  type CouncilReminderSettings,
  type MemberRecord,
  normaliseLeadDays,
  preferencesFrom,
} from './domain';
import { NOTIFICATIONS_OPTIONS, type NotificationsOptions } from './notifications.options';

/** A membership with the committee a committee member sits on (null for every other role). */
type CommitteeMemberRecord = MemberRecord & { readonly committeeId: string | null };

/** Possible recipients and reminder settings of a set of organisations and councils, loaded at once. */
export class RecipientSnapshot {
  private readonly byOrganisation = new Map<string, CommitteeMemberRecord[]>();
  private readonly byCouncil = new Map<string, CommitteeMemberRecord[]>();

  constructor(
    members: readonly CommitteeMemberRecord[],
    private readonly settings: ReadonlyMap<string, CouncilReminderSettings>,
    private readonly defaults: CouncilReminderSettings,
    /** The committee each loaded case is assigned to (null: none). */
    private readonly caseCommittees: ReadonlyMap<string, string | null> = new Map(),
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

  /**
   * The memberships that may matter for a deadline of this organisation and council. With the
   * deadline's case (loaded through `load`'s `caseIds`), a committee membership counts only for
   * a case assigned to that committee: committee members see no other case (model.md "Visibility").
   */
  membersFor(
    organisationId: string,
    worksCouncilId: string | null,
    caseId: string | null = null,
  ): MemberRecord[] {
    const council = (worksCouncilId && this.byCouncil.get(worksCouncilId)) || [];
    const caseCommittee = caseId === null ? undefined : (this.caseCommittees.get(caseId) ?? null);
    return [
      ...(this.byOrganisation.get(organisationId) ?? []),
      ...(caseCommittee === undefined
        ? council
        : council.filter(
            (m) =>
              m.role !== Role.CommitteeMember ||
              (caseCommittee !== null && m.committeeId === caseCommittee),
          )),
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

  /** `caseIds`: the cases of the deadlines at hand, whose committees `membersFor` then honours. */
  async load(
    organisationIds: readonly string[],
    worksCouncilIds: readonly string[],
    caseIds: readonly string[] = [],
  ): Promise<RecipientSnapshot> {
    const orgs = [...new Set(organisationIds)];
    const councils = [...new Set(worksCouncilIds)];
    const rows = await this.tx.manager.query<Array<Record<string, unknown>>>(
      `SELECT m.user_id, m.role, m.organisation_id, m.works_council_id, m.committee_id, u.language,
              p.channels, p.email_delivery, p.lead_days
         FROM membership m
         JOIN app_user u ON u.id = m.user_id
         LEFT JOIN notification_preference p ON p.user_id = m.user_id
        WHERE (m.organisation_id = ANY($1::uuid[]) AND m.role = ANY($3::text[]))
           OR (m.works_council_id = ANY($2::uuid[]) AND m.role = ANY($4::text[]))`,
      [orgs, councils, EMPLOYER_ROLES, COUNCIL_ROLES],
    );
    const members: CommitteeMemberRecord[] = rows.map((r) => ({
      userId: r.user_id as string,
      role: r.role as Role,
      organisationId: r.organisation_id as string,
      worksCouncilId: (r.works_council_id as string | null) ?? null,
      committeeId: (r.committee_id as string | null) ?? null,
      language: r.language === 'en' ? 'en' : 'nl',
      preferences: preferencesFrom(
        r.channels === null
          ? null
          : { channels: r.channels, emailDelivery: r.email_delivery, leadDays: r.lead_days },
      ),
    }));
    return new RecipientSnapshot(
      members,
      await this.councilSettings(councils),
      this.defaults,
      await this.caseCommittees(caseIds),
    );
  }

  /** The committee each case is assigned to; reads `ai_case` of @wc/cases, in bulk like the rest. */
  private async caseCommittees(caseIds: readonly string[]): Promise<Map<string, string | null>> {
    const ids = [...new Set(caseIds)];
    if (ids.length === 0) {
      return new Map();
    }
    const rows = await this.tx.manager.query<Array<{ id: string; committee_id: string | null }>>(
      `SELECT id, committee_id FROM ai_case WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.committee_id]));
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
