import { Injectable } from '@nestjs/common';

import { AudienceDirectory, type MentionedComment, type OpenTerm } from '@wc/access';
import { type ClaimedEvent, EventLog, type OutboxQueue } from '@wc/database';

import { type NotificationPreferences, preferencesFrom } from './domain';
import { PreferenceRepository } from './preference.repository';

/** A committed domain event waiting to become notifications. */
export type RelayedEvent = Pick<
  ClaimedEvent,
  'id' | 'type' | 'userId' | 'caseId' | 'actorId' | 'payload' | 'correlationId'
>;

/** The relay's queue: the committed events its trigger picks (mentions, case events, votes …). */
const RELAY_QUEUE: OutboxQueue = { table: 'notification_relay_delivery' };

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
    private readonly eventLog: EventLog,
    private readonly audiences: AudienceDirectory,
    private readonly preferences: PreferenceRepository,
  ) {}

  /** Events the notification relay has not processed yet. */
  countPending(): Promise<number> {
    return this.eventLog.pending(RELAY_QUEUE);
  }

  /** The open terms of these cases, so a notification of an event that starts a term can say until when. */
  openTermsOf(caseIds: readonly string[]): Promise<OpenTerm[]> {
    return this.audiences.openTermsOf(caseIds);
  }

  /**
   * Claims up to `limit` pending events in the transaction that writes their notifications (see
   * `claimOutboxEvents`: disjoint across workers, gone only if that transaction commits).
   */
  claim(limit: number): Promise<RelayedEvent[]> {
    return this.eventLog.claim(RELAY_QUEUE, limit);
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
