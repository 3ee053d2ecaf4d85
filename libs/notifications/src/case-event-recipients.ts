import { Injectable } from '@nestjs/common';

import { EMPLOYER_ROLES, Role, WHOLE_COUNCIL_ROLES, COUNCIL_BOARD_ROLES } from '@wc/auth';
import { TransactionHost } from '@wc/database';

import { type Audience, type NotificationPreferences, preferencesFrom } from './domain';

/** One (event, audience) to resolve; the case, organisation and union come from the event. */
export interface AudienceQuery {
  eventId: string;
  audience: Audience;
  caseId: string | null;
  /** The union organisation of a share event (`share_union`). */
  unionOrganisationId: string | null;
  /** Whoever caused the event is not told about it. */
  actorId: string | null;
  /** The vote of a `council_voters` event: who has cast a ballot is not reminded. */
  voteId: string | null;
  /** An addressed event (a document shared with someone): only this person, if in the audience. */
  addresseeId: string | null;
  /** The council and its organisation of a request outside any case (`request_employer`, `request_council`). */
  worksCouncilId?: string | null;
  organisationId?: string | null;
}

export interface ResolvedRecipient {
  eventId: string;
  userId: string;
  language: 'nl' | 'en';
  caseTitle: string | null;
  preferences: NotificationPreferences;
}

/**
 * The one place that decides who a case event reaches (issue #16), for a whole batch of events in
 * one statement, by the visibility rules of model.md "Visibility":
 * - employer side: HR managers and employer representatives of the case's organisation;
 * - council side: only for a sent case; the council's chair, secretary and members, a committee
 *   member only when the case is assigned to their committee, and the experts added to the case;
 *   council-internal events (votes, internal notes and meetings) are never in the catalogue, so
 *   they reach no one on the employer side;
 * - council board: chair and secretary;
 * - share union: the officers of the union a share names, never any case content beyond the title;
 * - council voters: the council's own members who see the case and have not voted (never an expert);
 * - an addressed event keeps, of its audiences, only the person it names;
 * - a council request outside any case (issue #19): the employer side of the council's
 *   organisation, or the council's chair, secretary and members.
 * Reads membership, ai_case, app_user and notification_preference read-only, like the reminder sweep.
 */
@Injectable()
export class CaseEventRecipients {
  constructor(private readonly tx: TransactionHost) {}

  async resolve(queries: readonly AudienceQuery[]): Promise<ResolvedRecipient[]> {
    if (queries.length === 0) {
      return [];
    }
    const rows = await this.tx.manager.query<Array<Record<string, unknown>>>(
      `WITH v AS (
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $11::uuid[], $12::uuid[], $13::uuid[], $14::uuid[])
                AS v(event_id, audience, case_id, union_org_id, actor_id, vote_id, addressee_id, council_id, council_org_id)),
       hits AS (
         SELECT v.event_id, m.user_id, v.actor_id, v.case_id, v.addressee_id FROM v
           JOIN ai_case c ON c.id = v.case_id
           JOIN membership m ON m.organisation_id = c.organisation_id AND m.role = ANY($6::text[])
          WHERE v.audience = 'employer'
         UNION
         SELECT v.event_id, m.user_id, v.actor_id, v.case_id, v.addressee_id FROM v
           JOIN ai_case c ON c.id = v.case_id AND c.status = 'sent'
           JOIN membership m ON m.works_council_id = c.works_council_id
                AND (m.role = ANY($7::text[]) OR (m.role = $9 AND m.committee_id IS NOT NULL AND m.committee_id = c.committee_id))
          WHERE v.audience = 'council'
         UNION
         SELECT v.event_id, x.user_id::uuid, v.actor_id, v.case_id, v.addressee_id FROM v
           JOIN ai_case c ON c.id = v.case_id AND c.status = 'sent'
           CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(c.expert_ids, '[]'::jsonb)) AS x(user_id)
          WHERE v.audience = 'council'
         UNION
         SELECT v.event_id, m.user_id, v.actor_id, v.case_id, v.addressee_id FROM v
           JOIN ai_case c ON c.id = v.case_id AND c.status = 'sent'
           JOIN membership m ON m.works_council_id = c.works_council_id AND m.role = ANY($8::text[])
          WHERE v.audience = 'council_board'
         UNION
         SELECT v.event_id, m.user_id, v.actor_id, v.case_id, v.addressee_id FROM v
           JOIN membership m ON m.organisation_id = v.union_org_id AND m.role = $10
          WHERE v.audience = 'share_union'
         UNION
         SELECT v.event_id, m.user_id, v.actor_id, v.case_id, v.addressee_id FROM v
           JOIN ai_case c ON c.id = v.case_id AND c.status = 'sent'
           JOIN membership m ON m.works_council_id = c.works_council_id
                AND (m.role = ANY($7::text[]) OR (m.role = $9 AND m.committee_id IS NOT NULL AND m.committee_id = c.committee_id))
          WHERE v.audience = 'council_voters'
            AND NOT EXISTS (SELECT 1 FROM ballot b WHERE b.vote_id = v.vote_id AND b.member_id = m.user_id)
         UNION
         SELECT v.event_id, m.user_id, v.actor_id, v.case_id, v.addressee_id FROM v
           JOIN membership m ON m.organisation_id = v.council_org_id AND m.role = ANY($6::text[])
          WHERE v.audience = 'request_employer'
         UNION
         SELECT v.event_id, m.user_id, v.actor_id, v.case_id, v.addressee_id FROM v
           JOIN membership m ON m.works_council_id = v.council_id AND m.role = ANY($7::text[])
          WHERE v.audience = 'request_council')
       SELECT h.event_id::text AS event_id, h.user_id, u.language, c.title AS case_title,
              p.channels, p.email_delivery, p.lead_days
         FROM (SELECT DISTINCT event_id, user_id, actor_id, case_id FROM hits
                WHERE addressee_id IS NULL OR user_id = addressee_id) h
         JOIN app_user u ON u.id = h.user_id
         LEFT JOIN ai_case c ON c.id = h.case_id
         LEFT JOIN notification_preference p ON p.user_id = h.user_id
        WHERE h.actor_id IS NULL OR h.user_id <> h.actor_id
        ORDER BY h.event_id, h.user_id`,
      [
        queries.map((q) => q.eventId),
        queries.map((q) => q.audience),
        queries.map((q) => q.caseId),
        queries.map((q) => q.unionOrganisationId),
        queries.map((q) => q.actorId),
        EMPLOYER_ROLES,
        WHOLE_COUNCIL_ROLES,
        COUNCIL_BOARD_ROLES,
        Role.CommitteeMember,
        Role.UnionOfficer,
        queries.map((q) => q.voteId),
        queries.map((q) => q.addresseeId),
        queries.map((q) => q.worksCouncilId ?? null),
        queries.map((q) => q.organisationId ?? null),
      ],
    );
    return rows.map((r) => ({
      eventId: r.event_id as string,
      userId: r.user_id as string,
      language: r.language === 'en' ? 'en' : 'nl',
      caseTitle: (r.case_title as string | null) ?? null,
      preferences: preferencesFrom(
        r.channels === null
          ? null
          : { channels: r.channels, emailDelivery: r.email_delivery, leadDays: r.lead_days },
      ),
    }));
  }
}
