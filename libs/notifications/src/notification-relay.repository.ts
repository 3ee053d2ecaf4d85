import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

import { type NotificationPreferences, preferencesFrom } from './domain';

/** A committed domain event waiting to become notifications. */
export interface RelayedEvent {
  id: string;
  type: string;
  userId: string | null;
  caseId: string | null;
  actorId: string | null;
  payload: Record<string, unknown>;
  correlationId: string | null;
}

/** What a mention notification needs, read when the event is relayed. */
export interface MentionContext {
  eventId: string;
  userId: string;
  commentId: string;
  caseId: string;
  caseTitle: string;
  thread: string;
  authorId: string;
  authorName: string;
  /** False when the comment was deleted or no longer mentions the user by the time it is relayed. */
  stillMentioned: boolean;
  preferences: NotificationPreferences;
}

/**
 * The notification relay's work queue (`notification_relay_delivery`, filled by a trigger on
 * `domain_event`) and the facts it reads to write notifications. Reads the `comment`, `ai_case`
 * and `app_user` tables of other libs read-only, in bulk, like the reminder sweep.
 */
@Injectable()
export class NotificationRelayRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Events the notification relay has not processed yet. */
  async countPending(): Promise<number> {
    const [{ pending }] = await this.tx.manager.query<Array<{ pending: number }>>(
      `SELECT count(*)::int AS pending FROM notification_relay_delivery`,
    );
    return pending;
  }

  /**
   * The open terms of these cases (the `deadline` table of @wc/deadlines, read-only like the
   * reminder sweep), so a notification of an event that starts a term can say until when.
   */
  openTermsOf(caseIds: readonly string[]): Promise<
    Array<{
      caseId: string;
      track: string | null;
      ruleId: string;
      strictDate: string;
      fatal: boolean;
    }>
  > {
    if (caseIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.tx.manager.query(
      `SELECT case_id AS "caseId", track_kind AS "track", rule_id AS "ruleId", strict_date::text AS "strictDate", fatal
         FROM deadline WHERE case_id = ANY($1) AND status = 'open' ORDER BY strict_date, rule_id`,
      [[...new Set(caseIds)]],
    );
  }

  /**
   * Claims up to `limit` pending events for this transaction (FOR UPDATE SKIP LOCKED, so relays
   * in several workers take disjoint ones). The claim is a DELETE: it takes effect only if the
   * transaction that writes their notifications commits.
   */
  async claim(limit: number): Promise<RelayedEvent[]> {
    const rows = await this.tx.manager.query<
      Array<{
        id: string;
        type: string;
        user_id: string | null;
        case_id: string | null;
        actor_id: string | null;
        payload: Record<string, unknown>;
        correlation_id: string | null;
      }>
    >(
      `WITH claimed AS (
         DELETE FROM notification_relay_delivery
          WHERE event_id IN (SELECT event_id FROM notification_relay_delivery ORDER BY event_id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING event_id)
       SELECT e.id, e.type, e.user_id, e.case_id, e.actor_id, e.payload, e.correlation_id
         FROM domain_event e JOIN claimed c ON c.event_id = e.id
        ORDER BY e.id`,
      [limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      type: r.type,
      userId: r.user_id,
      caseId: r.case_id,
      actorId: r.actor_id,
      payload: r.payload ?? {},
      correlationId: r.correlation_id,
    }));
  }

  /** The comment, case, author and recipient preferences of each mention; missing ones are left out. */
  async mentionContexts(
    mentions: ReadonlyArray<{ eventId: string; userId: string; commentId: string }>,
  ): Promise<MentionContext[]> {
    if (mentions.length === 0) {
      return [];
    }
    const rows = await this.tx.manager.query<Array<Record<string, unknown>>>(
      `SELECT v.event_id::text AS event_id, v.user_id, c.id AS comment_id, c.case_id, c.thread_key,
              a.title AS case_title, c.author_id, author.display_name AS author_name,
              (c.deleted_at IS NULL AND c.mentions ? v.user_id::text) AS still_mentioned,
              p.channels, p.email_delivery, p.lead_days
         FROM unnest($1::bigint[], $2::uuid[], $3::uuid[]) AS v(event_id, user_id, comment_id)
         JOIN comment c ON c.id = v.comment_id
         JOIN ai_case a ON a.id = c.case_id
         JOIN app_user recipient ON recipient.id = v.user_id
         JOIN app_user author ON author.id = c.author_id
         LEFT JOIN notification_preference p ON p.user_id = v.user_id
        ORDER BY v.event_id`,
      [
        mentions.map((m) => m.eventId),
        mentions.map((m) => m.userId),
        mentions.map((m) => m.commentId),
      ],
    );
    return rows.map((r) => ({
      eventId: r.event_id as string,
      userId: r.user_id as string,
      commentId: r.comment_id as string,
      caseId: r.case_id as string,
      caseTitle: r.case_title as string,
      thread: r.thread_key as string,
      authorId: r.author_id as string,
      authorName: r.author_name as string,
      stillMentioned: r.still_mentioned as boolean,
      preferences: preferencesFrom(
        r.channels === null
          ? null
          : { channels: r.channels, emailDelivery: r.email_delivery, leadDays: r.lead_days },
      ),
    }));
  }
}
