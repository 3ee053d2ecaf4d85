import { Injectable } from '@nestjs/common';

import {
  COUNCIL_BOARD_ROLES,
  COUNCIL_ROLES,
  EMPLOYER_ROLES,
  Role,
  WHOLE_COUNCIL_ROLES,
} from '@wc/auth';
import { TransactionHost } from '@wc/database';

/**
 * Who an event of a case reaches, by the visibility rules of model.md "Visibility":
 * - `employer`: HR managers and employer representatives of the case's organisation;
 * - `council`: only for a sent case; the council's chair, secretary and members, a committee
 *   member only when the case is assigned to their committee, and the experts added to the case;
 * - `council_board`: the council's chair and secretary, of a sent case;
 * - `council_party`: `council` without the experts: the council as the party of a formal letter
 *   (experts write and read none);
 * - `share_union`: the officers of the union a share names;
 * - `council_voters`: the council's own members who see the case and have not cast a ballot in
 *   the vote (never an expert);
 * - `request_employer` / `request_council`: a council request outside any case: the employer side
 *   of the council's organisation, or the council's chair, secretary and members.
 */
export type EventAudience =
  | 'council'
  | 'council_board'
  | 'council_party'
  | 'employer'
  | 'share_union'
  | 'council_voters'
  | 'request_employer'
  | 'request_council';

/** One (event, audience) to resolve; `key` comes back with every person it reaches. */
export interface AudienceQuery {
  key: string;
  audience: EventAudience;
  caseId: string | null;
  /** The union organisation of a share event (`share_union`). */
  unionOrganisationId: string | null;
  /** Whoever caused the event is left out. */
  actorId: string | null;
  /** The vote of a `council_voters` event: who has cast a ballot is left out. */
  voteId: string | null;
  /** An addressed event: only this person, if in the audience. */
  addresseeId: string | null;
  /** The council and its organisation of a request outside any case. */
  worksCouncilId: string | null;
  organisationId: string | null;
}

export interface AudienceMember {
  key: string;
  userId: string;
  language: 'nl' | 'en';
  caseTitle: string | null;
}

/** A membership of someone who may hear of an organisation's or a council's terms. */
export interface Member {
  userId: string;
  role: Role;
  organisationId: string;
  worksCouncilId: string | null;
  /** The committee a committee member sits on (null for every other role). */
  committeeId: string | null;
  language: 'nl' | 'en';
}

export interface Person {
  userId: string;
  email: string;
  displayName: string;
  language: 'nl' | 'en';
}

/** A deadline, as its reminders speak of it and as whom of the council they may reach. */
export interface RemindedDeadline {
  id: string;
  caseId: string | null;
  organisationId: string;
  worksCouncilId: string | null;
  ruleId: string;
  statutory: boolean;
  fatal: boolean;
  status: 'open' | 'met' | 'cancelled';
  strictDate: string;
  extendedDate: string;
  dueAt: Date;
  createdAt: Date;
  caseTitle: string | null;
  /** The committee the case is assigned to (null: none, or no case). */
  committeeId: string | null;
  /** The council hears of a case's terms once the case is sent; of terms outside any case, always. */
  councilMayKnow: boolean;
}

/** An open term of a case, as a notification of the event that started it names it. */
export interface OpenTerm {
  caseId: string;
  track: string | null;
  ruleId: string;
  strictDate: string;
  fatal: boolean;
}

/** An open deadline a person is told about (their calendar feed). */
export interface ToldDeadline {
  id: string;
  caseId: string | null;
  caseTitle: string | null;
  ruleId: string;
  strictDate: string;
  extendedDate: string;
  statutory: boolean;
  fatal: boolean;
  createdAt: Date;
}

/** A comment that mentions someone, with what a mention notice says of it. */
export interface MentionedComment {
  key: string;
  userId: string;
  commentId: string;
  caseId: string;
  caseTitle: string;
  thread: string;
  authorId: string;
  authorName: string;
  /** False when the comment was deleted or no longer mentions the user. */
  stillMentioned: boolean;
}

export interface ClosingVote {
  id: string;
  caseId: string;
  closesAt: Date;
  organisationId: string;
  worksCouncilId: string;
}

const language = (value: unknown): 'nl' | 'en' => (value === 'en' ? 'en' : 'nl');

/** The council roles whose deadlines a calendar feed shows: external experts get none. */
const COUNCIL_FEED_ROLES = COUNCIL_ROLES.filter((role) => role !== Role.ExternalExpert);

/**
 * "Who are the people of X?" for sets of events, organisations, councils, users, cases, comments
 * and votes, each in one statement (house style B.3): the notification relay, the reminder sweep
 * and the calendar feed ask it instead of reading the tables of @wc/auth, @wc/cases,
 * @wc/deadlines, @wc/discussion and @wc/council-space themselves. Read-only.
 */
@Injectable()
export class AudienceDirectory {
  constructor(private readonly tx: TransactionHost) {}

  /** Everyone each (event, audience) reaches, without its actor, in the order of the queries, then by user. */
  async audiences(queries: readonly AudienceQuery[]): Promise<AudienceMember[]> {
    if (queries.length === 0) {
      return [];
    }
    const rows = await this.tx.query<Record<string, unknown>>(
      `WITH v AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $11::uuid[], $12::uuid[], $13::uuid[], $14::uuid[])
                WITH ORDINALITY AS v(key, audience, case_id, union_org_id, actor_id, vote_id, addressee_id, council_id, council_org_id, n)),
       hits AS (
         SELECT v.n, v.key, m.user_id, v.actor_id, v.case_id, v.addressee_id FROM v
           JOIN ai_case c ON c.id = v.case_id
           JOIN membership m ON m.organisation_id = c.organisation_id AND m.role = ANY($6::text[])
          WHERE v.audience = 'employer'
         UNION
         SELECT v.n, v.key, m.user_id, v.actor_id, v.case_id, v.addressee_id FROM v
           JOIN ai_case c ON c.id = v.case_id AND c.status = 'sent'
           JOIN membership m ON m.works_council_id = c.works_council_id
                AND (m.role = ANY($7::text[]) OR (m.role = $9 AND m.committee_id IS NOT NULL AND m.committee_id = c.committee_id))
          WHERE v.audience IN ('council', 'council_party')
         UNION
         SELECT v.n, v.key, x.user_id::uuid, v.actor_id, v.case_id, v.addressee_id FROM v
           JOIN ai_case c ON c.id = v.case_id AND c.status = 'sent'
           CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(c.expert_ids, '[]'::jsonb)) AS x(user_id)
          WHERE v.audience = 'council'
         UNION
         SELECT v.n, v.key, m.user_id, v.actor_id, v.case_id, v.addressee_id FROM v
           JOIN ai_case c ON c.id = v.case_id AND c.status = 'sent'
           JOIN membership m ON m.works_council_id = c.works_council_id AND m.role = ANY($8::text[])
          WHERE v.audience = 'council_board'
         UNION
         SELECT v.n, v.key, m.user_id, v.actor_id, v.case_id, v.addressee_id FROM v
           JOIN membership m ON m.organisation_id = v.union_org_id AND m.role = $10
          WHERE v.audience = 'share_union'
         UNION
         SELECT v.n, v.key, m.user_id, v.actor_id, v.case_id, v.addressee_id FROM v
           JOIN ai_case c ON c.id = v.case_id AND c.status = 'sent'
           JOIN membership m ON m.works_council_id = c.works_council_id
                AND (m.role = ANY($7::text[]) OR (m.role = $9 AND m.committee_id IS NOT NULL AND m.committee_id = c.committee_id))
          WHERE v.audience = 'council_voters'
            AND NOT EXISTS (SELECT 1 FROM ballot b WHERE b.vote_id = v.vote_id AND b.member_id = m.user_id)
         UNION
         SELECT v.n, v.key, m.user_id, v.actor_id, v.case_id, v.addressee_id FROM v
           JOIN membership m ON m.organisation_id = v.council_org_id AND m.role = ANY($6::text[])
          WHERE v.audience = 'request_employer'
         UNION
         SELECT v.n, v.key, m.user_id, v.actor_id, v.case_id, v.addressee_id FROM v
           JOIN membership m ON m.works_council_id = v.council_id AND m.role = ANY($7::text[])
          WHERE v.audience = 'request_council')
       SELECT h.key, h.user_id, u.language, c.title AS case_title
         FROM (SELECT key, user_id, actor_id, case_id, min(n) AS n FROM hits
                WHERE addressee_id IS NULL OR user_id = addressee_id
                GROUP BY key, user_id, actor_id, case_id) h
         JOIN app_user u ON u.id = h.user_id
         LEFT JOIN ai_case c ON c.id = h.case_id
        WHERE h.actor_id IS NULL OR h.user_id <> h.actor_id
        ORDER BY h.n, h.user_id`,
      [
        queries.map((q) => q.key),
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
        queries.map((q) => q.worksCouncilId),
        queries.map((q) => q.organisationId),
      ],
    );
    return rows.map((r) => ({
      key: r.key as string,
      userId: r.user_id as string,
      language: language(r.language),
      caseTitle: (r.case_title as string | null) ?? null,
    }));
  }

  /**
   * The employer side of these organisations and the council side (every council role) of these
   * councils: everyone who may hear of their terms.
   */
  async membersOf(
    organisationIds: readonly string[],
    worksCouncilIds: readonly string[],
  ): Promise<Member[]> {
    const rows = await this.tx.query<Record<string, unknown>>(
      `SELECT m.user_id, m.role, m.organisation_id, m.works_council_id, m.committee_id, u.language
         FROM membership m
         JOIN app_user u ON u.id = m.user_id
        WHERE (m.organisation_id = ANY($1::uuid[]) AND m.role = ANY($3::text[]))
           OR (m.works_council_id = ANY($2::uuid[]) AND m.role = ANY($4::text[]))`,
      [[...new Set(organisationIds)], [...new Set(worksCouncilIds)], EMPLOYER_ROLES, COUNCIL_ROLES],
    );
    return rows.map((r) => ({
      userId: r.user_id as string,
      role: r.role as Role,
      organisationId: r.organisation_id as string,
      worksCouncilId: (r.works_council_id as string | null) ?? null,
      committeeId: (r.committee_id as string | null) ?? null,
      language: language(r.language),
    }));
  }

  /** These users' addresses and languages; unknown ids are left out. */
  async people(userIds: readonly string[]): Promise<Person[]> {
    if (userIds.length === 0) {
      return [];
    }
    const rows = await this.tx.query<Record<string, unknown>>(
      `SELECT id, email, display_name, language FROM app_user WHERE id = ANY($1::uuid[])`,
      [[...new Set(userIds)]],
    );
    return rows.map((r) => ({
      userId: r.id as string,
      email: r.email as string,
      displayName: r.display_name as string,
      language: language(r.language),
    }));
  }

  /**
   * These deadlines with what their reminders say of their cases, in one statement (the reminder
   * sweep asks thousands a transaction); unknown ids are left out.
   */
  async remindedDeadlines(deadlineIds: readonly string[]): Promise<RemindedDeadline[]> {
    if (deadlineIds.length === 0) {
      return [];
    }
    return this.tx.query<RemindedDeadline>(
      `SELECT d.id, d.case_id AS "caseId", d.organisation_id AS "organisationId", d.works_council_id AS "worksCouncilId",
              d.rule_id AS "ruleId", d.statutory, d.fatal, d.status, d.strict_date::text AS "strictDate",
              d.extended_date::text AS "extendedDate", d.due_at AS "dueAt", d.created_at AS "createdAt",
              c.title AS "caseTitle", c.committee_id AS "committeeId",
              (c.id IS NULL OR c.status = 'sent') AS "councilMayKnow"
         FROM deadline d LEFT JOIN ai_case c ON c.id = d.case_id
        WHERE d.id = ANY($1::uuid[])`,
      [[...new Set(deadlineIds)]],
    );
  }

  /** The open terms of these cases, by strict date. */
  async openTermsOf(caseIds: readonly string[]): Promise<OpenTerm[]> {
    if (caseIds.length === 0) {
      return [];
    }
    return this.tx.query<OpenTerm>(
      `SELECT case_id AS "caseId", track_kind AS "track", rule_id AS "ruleId", strict_date::text AS "strictDate", fatal
         FROM deadline WHERE case_id = ANY($1::uuid[]) AND status = 'open' ORDER BY strict_date, rule_id`,
      [[...new Set(caseIds)]],
    );
  }

  /**
   * The open deadlines a user is told about, by strict date: those of organisations where they
   * act for the employer, and of their works councils once the case is sent (the audience of the
   * reminders); a committee member's only of the cases assigned to their committee.
   */
  async deadlinesToldTo(userId: string, limit: number): Promise<ToldDeadline[]> {
    const rows = await this.tx.query<Record<string, unknown>>(
      `WITH mine AS (SELECT role, organisation_id, works_council_id, committee_id FROM membership WHERE user_id = $1)
       SELECT d.id, d.case_id, c.title AS case_title, d.rule_id, d.strict_date::text AS strict_date,
              d.extended_date::text AS extended_date, d.statutory, d.fatal, d.created_at
         FROM deadline d
         LEFT JOIN ai_case c ON c.id = d.case_id
        WHERE d.status = 'open'
          AND (d.organisation_id IN (SELECT organisation_id FROM mine WHERE role = ANY($2::text[]))
               OR ((c.id IS NULL OR c.status = 'sent')
                   AND EXISTS (SELECT 1 FROM mine m WHERE m.role = ANY($3::text[]) AND m.works_council_id = d.works_council_id
                                 AND (m.role <> $4 OR c.id IS NULL OR c.committee_id = m.committee_id))))
        ORDER BY d.strict_date, d.id
        LIMIT $5`,
      [userId, EMPLOYER_ROLES, COUNCIL_FEED_ROLES, Role.CommitteeMember, limit],
    );
    return rows.map((r) => ({
      id: r.id as string,
      caseId: (r.case_id as string | null) ?? null,
      caseTitle: (r.case_title as string | null) ?? null,
      ruleId: r.rule_id as string,
      strictDate: r.strict_date as string,
      extendedDate: r.extended_date as string,
      statutory: r.statutory as boolean,
      fatal: r.fatal as boolean,
      createdAt: r.created_at as Date,
    }));
  }

  /** The comment, case and author of each mention, for existing users; missing ones are left out. */
  async mentionedComments(
    mentions: ReadonlyArray<{ key: string; userId: string; commentId: string }>,
  ): Promise<MentionedComment[]> {
    if (mentions.length === 0) {
      return [];
    }
    const rows = await this.tx.query<Record<string, unknown>>(
      `SELECT v.key, v.user_id, c.id AS comment_id, c.case_id, c.thread_key,
              a.title AS case_title, c.author_id, author.display_name AS author_name,
              (c.deleted_at IS NULL AND c.mentions ? v.user_id::text) AS still_mentioned
         FROM unnest($1::text[], $2::uuid[], $3::uuid[]) WITH ORDINALITY AS v(key, user_id, comment_id, n)
         JOIN comment c ON c.id = v.comment_id
         JOIN ai_case a ON a.id = c.case_id
         JOIN app_user recipient ON recipient.id = v.user_id
         JOIN app_user author ON author.id = c.author_id
        ORDER BY v.n`,
      [mentions.map((m) => m.key), mentions.map((m) => m.userId), mentions.map((m) => m.commentId)],
    );
    return rows.map((r) => ({
      key: r.key as string,
      userId: r.user_id as string,
      commentId: r.comment_id as string,
      caseId: r.case_id as string,
      caseTitle: r.case_title as string,
      thread: r.thread_key as string,
      authorId: r.author_id as string,
      authorName: r.author_name as string,
      stillMentioned: r.still_mentioned as boolean,
    }));
  }

  /**
   * The open votes closing after `from` and no later than `until`, with their case's organisation
   * and council: whom the `council_voters` audience is asked about.
   */
  votesClosing(from: Date, until: Date): Promise<ClosingVote[]> {
    return this.tx.query<ClosingVote>(
      `SELECT v.id, v.case_id AS "caseId", v.closes_at AS "closesAt",
              c.organisation_id AS "organisationId", c.works_council_id AS "worksCouncilId"
         FROM vote v JOIN ai_case c ON c.id = v.case_id
        WHERE v.status = 'open' AND v.closes_at > $1 AND v.closes_at <= $2
        ORDER BY v.case_id, v.id`,
      [from, until],
    );
  }
}
