import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';

import type { AudienceQuery } from '@wc/access';
import { APP_CONFIG, type AppConfig } from '@wc/config';
import type { MeetingInvitation } from '@wc/contracts';
import { Clock } from '@wc/core';
import { Outbox, OutboxWakeups, TransactionHost } from '@wc/database';

import { CaseEventRecipients } from './case-event-recipients';
import {
  CASE_EVENT_RULES,
  type CaseEventChoice,
  caseEventPath,
  type CaseEventType,
  type StartedTerm,
  TERMS_STARTED,
  type EmailChoice,
  isCaseEventType,
  mentionChannels,
  type PositionFacts,
  positionOf,
} from './domain';
import { JobQueue } from './job-queue';
import { MailDeliveryRepository } from './mail-delivery.repository';
import {
  type CaseEventWrite,
  type MentionWrite,
  NotificationRepository,
} from './notification.repository';
import { NotificationRelayRepository, type RelayedEvent } from './notification-relay.repository';
import { NOTIFICATIONS_OPTIONS, type NotificationsOptions } from './notifications.options';
import { createdEvents, MAIL_QUEUE, mailJobs } from './reminder.sweeper';

export interface RelayReport {
  events: number;
  notifications: number;
  emails: number;
}

/** Far above any real backlog; only stops a runaway loop. */
const MAX_BATCHES = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The notification relay (house style B.5), in the worker: turns committed domain events into
 * inbox notifications and e-mails. Today that is `comment.mentioned`, one per newly mentioned user.
 *
 * - What is pending: `notification_relay_delivery`, filled by a trigger in the event's own
 *   transaction, so only committed events are seen and none is skipped.
 * - Exactly once: one transaction claims a batch (FOR UPDATE SKIP LOCKED, so several workers take
 *   disjoint batches), writes the notifications, their e-mail deliveries and pg-boss jobs and the
 *   `notification.created` events, and deletes the claims, all or nothing. A mention that already
 *   has its notification (the event relayed again) writes nothing: unique per (comment, user).
 * - When: on every `outbox` NOTIFY, at start, and on a safety poll.
 * - The user's preferences choose the channels (`mention`); the comment text is never copied.
 */
@Injectable()
export class NotificationRelay implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationRelay.name);
  private readonly wakeups: OutboxWakeups;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly queue: JobQueue,
    private readonly events: NotificationRelayRepository,
    private readonly notifications: NotificationRepository,
    private readonly deliveries: MailDeliveryRepository,
    private readonly recipients: CaseEventRecipients,
  ) {
    this.wakeups = new OutboxWakeups(
      'overleg-notification-relay',
      config.database.url,
      options.relay.pollIntervalMs,
      () => this.relayPending(),
    );
  }

  /** Listens for the outbox and relays what is pending. The job queue must be started. */
  start(): Promise<void> {
    return this.wakeups.start();
  }

  stop(): Promise<void> {
    return this.wakeups.stop();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Runs a relay cycle now, or right after the current one. Safe to call at any rate. */
  wake(): void {
    this.wakeups.wake();
  }

  /** Relays everything pending, batch by batch. Tests call it directly; the worker on wake-ups. */
  async relayPending(): Promise<RelayReport> {
    const report: RelayReport = { events: 0, notifications: 0, emails: 0 };
    for (let i = 0; i < MAX_BATCHES; i++) {
      const batch = await this.relayBatch();
      report.events += batch.events;
      report.notifications += batch.notifications;
      report.emails += batch.emails;
      if (batch.events < this.options.relay.batchSize) {
        break;
      }
    }
    if (report.emails > 0) {
      this.queue.wake(MAIL_QUEUE);
    }
    if (report.events > 0) {
      this.logger.log(`notification relay: ${JSON.stringify(report)}`);
    }
    return report;
  }

  private relayBatch(): Promise<RelayReport> {
    return this.tx.run(async () => {
      const claimed = await this.events.claim(this.options.relay.batchSize);
      if (claimed.length === 0) {
        return { events: 0, notifications: 0, emails: 0 };
      }
      const now = this.clock.now();
      const contexts = await this.events.mentionContexts(claimed.flatMap(asMention));
      const writes: MentionWrite[] = [];
      for (const mention of contexts) {
        const channels = mentionChannels(mention.preferences);
        // Deleted, or edited to no longer mention them, before the relay got to it: say nothing.
        if (!mention.stillMentioned || !channels || mention.userId === mention.authorId) {
          continue;
        }
        writes.push({
          userId: mention.userId,
          commentId: mention.commentId,
          caseId: mention.caseId,
          data: {
            kind: 'mention',
            caseTitle: mention.caseTitle,
            actorId: mention.authorId,
            actorName: mention.authorName,
            thread: mention.thread,
          },
          ...channels,
        });
      }
      const written = [
        ...(await this.notifications.insertForMentions(writes, now)),
        ...(await this.notifications.insertForCaseEvents(await this.caseEventWrites(claimed), now)),
      ];
      const mails = [
        ...(await this.deliveries.queueForNotifications(
          written.filter((n) => n.email === 'immediate'),
          now,
        )),
        // Issue #18: an invitation is addressed to its attendee and goes out whatever their
        // notification settings: it is the meeting itself, not a notice about it.
        ...(await this.deliveries.queueForInvitations(claimed.flatMap(asInvitations), now)),
      ];
      const correlationIds = [
        ...new Set(claimed.flatMap((e) => (e.correlationId ? [e.correlationId] : []))),
      ];
      await this.queue.enqueueInTransaction(
        MAIL_QUEUE,
        mailJobs(mails, this.options.mail, correlationIds),
      );
      await this.outbox.append(createdEvents(written), null);
      return { events: claimed.length, notifications: written.length, emails: mails.length };
    });
  }

  /** Issue #16: one notification per (event, recipient), recipients resolved for the batch at once. */
  private async caseEventWrites(claimed: readonly RelayedEvent[]): Promise<CaseEventWrite[]> {
    const events = new Map(claimed.map((e) => [e.id, e]));
    const queries: AudienceQuery[] = claimed.flatMap((event) => {
      if (!isCaseEventType(event.type)) {
        return [];
      }
      const unionOrganisationId = uuidOrNull(event.payload.unionOrganisationId);
      // Meeting events without a case are the council's calendar; the per-case ones notify.
      if (event.type.startsWith('meeting.') && !event.caseId) {
        return [];
      }
      const rule = CASE_EVENT_RULES[event.type];
      // An addressed event without its addressee is malformed: it tells nobody rather than everyone.
      if (rule.addressed && !event.userId) {
        return [];
      }
      return rule.audiences.map((audience) => ({
        key: event.id,
        audience,
        caseId: event.caseId ?? uuidOrNull(event.payload.caseId),
        unionOrganisationId,
        actorId: event.actorId,
        voteId: uuidOrNull(event.payload.voteId),
        addresseeId: rule.addressed ? event.userId : null,
        worksCouncilId: uuidOrNull(event.payload.worksCouncilId),
        organisationId: uuidOrNull(event.payload.organisationId),
      }));
    });
    const resolved = await this.recipients.resolve(queries);
    const termsOf = await this.startedTerms(claimed);
    return resolved.flatMap((r) => {
      const event = events.get(r.key);
      if (!event || !isCaseEventType(event.type)) {
        return [];
      }
      const channels = caseEventChannels(r.preferences.caseEvents[event.type]);
      if (!channels) {
        return [];
      }
      const caseId = event.caseId ?? uuidOrNull(event.payload.caseId);
      return [
        {
          userId: r.userId,
          eventId: event.id,
          caseId,
          type: event.type,
          data: {
            kind: event.type,
            caseTitle: r.caseTitle,
            path: caseEventPath(event.type, {
              caseId,
              meetingId: uuidOrNull(event.payload.meetingId),
            }),
            terms: termsOf.get(event.id) ?? [],
            ...(positionOfEvent(event) ?? {}),
          },
          ...channels,
        },
      ];
    });
  }

  /** For each event that starts terms, those terms' last days: one read for the batch. */
  private async startedTerms(
    claimed: readonly RelayedEvent[],
  ): Promise<Map<string, StartedTerm[]>> {
    const starting = claimed.filter(
      (e) => isCaseEventType(e.type) && TERMS_STARTED[e.type] && e.caseId,
    );
    const open = await this.events.openTermsOf(starting.map((e) => e.caseId as string));
    return new Map(
      starting.map((event) => {
        const spec = TERMS_STARTED[event.type as CaseEventType]!;
        const track =
          spec.track === 'information_request'
            ? `information:${event.payload.requestId as string}`
            : ((event.payload.track as string | undefined) ?? '');
        const terms = open.filter(
          (d) => d.caseId === event.caseId && d.track === track && spec.rules.includes(d.ruleId),
        );
        return [
          event.id,
          terms.map((d) => ({ ruleId: d.ruleId, strictDate: d.strictDate, fatal: d.fatal })),
        ];
      }),
    );
  }
}

/** The employer reads which position the council took and how many conditions it set (issue #16). */
function positionOfEvent(event: RelayedEvent): { position: PositionFacts } | null {
  const position =
    event.type === 'case.council_position_recorded' ? positionOf(event.payload) : null;
  return position ? { position } : null;
}

function uuidOrNull(value: unknown): string | null {
  return typeof value === 'string' && UUID.test(value) ? value : null;
}

/** The channels of one case-event type for one user, or null when both are off. */
function caseEventChannels(choice: CaseEventChoice): { inApp: boolean; email: EmailChoice } | null {
  const email: EmailChoice = choice.email === 'off' ? 'none' : choice.email;
  return choice.inApp || email !== 'none' ? { inApp: choice.inApp, email } : null;
}

/** One e-mail per recipient of a `meeting.invitation_issued`. */
function asInvitations(
  event: RelayedEvent,
): Array<{ userId: string; invitation: MeetingInvitation }> {
  if (event.type !== 'meeting.invitation_issued') {
    return [];
  }
  const invitation = event.payload as unknown as MeetingInvitation;
  const recipients: readonly unknown[] = Array.isArray(invitation.recipientIds)
    ? invitation.recipientIds
    : [];
  return recipients
    .filter((id): id is string => typeof id === 'string' && UUID.test(id))
    .map((userId) => ({ userId, invitation: { ...invitation, recipientIds: [userId] } }));
}

/** The mention an event asks for, if it is a well-formed `comment.mentioned`. */
function asMention(
  event: RelayedEvent,
): Array<{ eventId: string; userId: string; commentId: string }> {
  const commentId = event.payload.commentId;
  if (
    event.type !== 'comment.mentioned' ||
    !event.userId ||
    typeof commentId !== 'string' ||
    !UUID.test(commentId)
  ) {
    return [];
  }
  return [{ eventId: event.id, userId: event.userId, commentId }];
}
