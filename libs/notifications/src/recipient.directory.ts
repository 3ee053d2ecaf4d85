import { Inject, Injectable } from '@nestjs/common';

import { AudienceDirectory, type Member } from '@wc/access';
import { COUNCIL_ROLES, EMPLOYER_ROLES, Role } from '@wc/auth';
import { TransactionHost } from '@wc/database';

import {
  type CouncilReminderSettings,
  type MemberRecord,
  normaliseLeadDays,
  preferencesFrom,
} from './domain';
import { NOTIFICATIONS_OPTIONS, type NotificationsOptions } from './notifications.options';
import { PreferenceRepository } from './preference.repository';

/** A membership with the committee a committee member sits on (null for every other role). */
type CommitteeMemberRecord = MemberRecord & Pick<Member, 'committeeId'>;

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
 * Everyone who may hear of the terms of a set of organisations and councils, with their languages
 * (from @wc/access, in one statement), preferences and the councils' reminder settings, loaded at
 * once: a sweep needs thousands of users per transaction.
 */
@Injectable()
export class RecipientDirectory {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audiences: AudienceDirectory,
    private readonly preferences: PreferenceRepository,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  get defaults(): CouncilReminderSettings {
    return {
      leadDays: this.options.reminders.defaultLeadDays,
      escalationLeadDays: this.options.reminders.defaultEscalationLeadDays,
    };
  }

  /** `caseCommittees`: the committee of each case of the deadlines at hand, which `membersFor` then honours. */
  async load(
    organisationIds: readonly string[],
    worksCouncilIds: readonly string[],
    caseCommittees: ReadonlyMap<string, string | null> = new Map(),
  ): Promise<RecipientSnapshot> {
    const councils = [...new Set(worksCouncilIds)];
    const people = await this.audiences.membersOf(organisationIds, councils);
    const preferences = await this.preferences.forUsers(people.map((p) => p.userId));
    const members: CommitteeMemberRecord[] = people.map((p) => ({
      ...p,
      preferences: preferences.get(p.userId) ?? preferencesFrom(null),
    }));
    return new RecipientSnapshot(
      members,
      await this.councilSettings(councils),
      this.defaults,
      caseCommittees,
    );
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
