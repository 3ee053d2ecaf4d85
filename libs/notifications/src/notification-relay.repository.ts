import { Injectable } from '@nestjs/common';

import { AudienceDirectory, type MentionedComment, type OpenTerm } from '@wc/access';
import { TransactionHost } from '@wc/database';

import { type NotificationPreferences, preferencesFrom } from './domain';
import { PreferenceRepository } from './preference.repository';

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

/** What a mention notification needs, read when the event is relayed (`key`: the event's id). */
export type MentionContext = MentionedComment & { preferences: NotificationPreferences };

/**
 * The notification relay's work queue (`notification_relay_delivery`, filled by a trigger on
 * `domain_event`) and the facts it needs to write notifications, each in bulk: the terms started
 * and the mentions' comments, cases and authors from @wc/access.
 */
@Injectable()
export class NotificationRelayRepository {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audiences: AudienceDirectory,
    private readonly preferences: PreferenceRepository,
  ) {}

  /** Events the notification relay has not processed yet. */
  async countPending(): Promise<number> {
    const [{ pending }] = await this.tx.manager.query<Array<{ pending: number }>>(
      `SELECT count(*)::int AS pending FROM notification_relay_delivery`,
    );
    return pending;
  }

  /** The open terms of these cases, so a notification of an event that starts a term can say until when. */
  openTermsOf(caseIds: readonly string[]): Promise<OpenTerm[]> {
    return this.audiences.openTermsOf(caseIds);
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
    const comments = await this.audiences.mentionedComments(
      mentions.map((m) => ({ key: m.eventId, userId: m.userId, commentId: m.commentId })),
    );
    const preferences = await this.preferences.forUsers(comments.map((c) => c.userId));
    return comments.map((comment) => ({
      ...comment,
      preferences: preferences.get(comment.userId) ?? preferencesFrom(null),
    }));
  }
}
