import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { AudienceDirectory, type RemindedDeadline } from '@wc/access';
import { Clock, groupBy } from '@wc/core';
import { type DomainEventDraft, Outbox, TransactionHost } from '@wc/database';
import { Metrics } from '@wc/metrics';

import {
  amsterdamDate,
  amsterdamInstant,
  calendarDaysBetween,
  deliveriesFor,
  isLate,
  type LedgerChange,
  notificationTypeOf,
  planReminders,
  plannedLeadDays,
  reconcileReminders,
} from './domain';
import { JobQueue, type QueuedJob } from './job-queue';
import { MailDeliveryRepository } from './mail-delivery.repository';
import {
  NotificationRepository,
  type RecipientChoice,
  type ReminderSending,
  type WrittenNotification,
} from './notification.repository';
import { NOTIFICATIONS_OPTIONS, type NotificationsOptions } from './notifications.options';
import { RecipientDirectory } from './recipient.directory';
import { type LedgerWrite, ReminderRepository } from './reminder.repository';

export const MAIL_QUEUE = 'notification_mail';
export const SWEEP_QUEUE = 'reminder_sweep';

export interface SweepReport {
  /** Deadlines whose reminders were (re)planned. */
  planned: number;
  /** Reminders sent (each once, to all its recipients). */
  dispatched: number;
  notifications: number;
  emails: number;
  digests: number;
}

/** Hooks around each dispatch transaction: metrics, and the crash test's stopping point. */
export interface SweepObserver {
  /** Called inside the transaction, after the batch is locked and before anything is written. */
  batchClaimed?(count: number): Promise<void> | void;
  batchCommitted?(result: {
    reminders: number;
    notifications: number;
    emails: number;
  }): Promise<void> | void;
}

export const SWEEP_OBSERVER = Symbol('SWEEP_OBSERVER');

/** A deadline the sweep plans or reminds of, with what its notifications say of its case. */
type SweptDeadline = Omit<RemindedDeadline, 'id'> & { deadlineId: string };

/** Far above any real backlog; only stops a runaway loop. */
const MAX_BATCHES = 100_000;

/**
 * The reminder sweep (house style B.12): plan (write the reminders due within the planning horizon
 * to the ledger), then dispatch what is due, then daily digests.
 * "Now" comes from the Clock, so tests move time and call `sweepOnce()` directly; in the worker a
 * pg-boss cron job calls it each minute and once at start-up, which sends what fell due while no
 * worker ran (marked late).
 *
 * Exactly once, across instances and crashes: each dispatch transaction locks due reminders with
 * FOR UPDATE SKIP LOCKED, writes their notifications, e-mail deliveries, pg-boss jobs and outbox
 * events, and marks them sent, all or nothing. A crash rolls the batch back for the next sweep.
 */
@Injectable()
export class ReminderSweeper {
  private readonly logger = new Logger(ReminderSweeper.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly reminders: ReminderRepository,
    private readonly notifications: NotificationRepository,
    private readonly deliveries: MailDeliveryRepository,
    private readonly directory: RecipientDirectory,
    private readonly audiences: AudienceDirectory,
    private readonly queue: JobQueue,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
    @Inject(SWEEP_OBSERVER) private readonly observer: SweepObserver,
    private readonly metrics: Metrics,
  ) {}

  async sweepOnce(): Promise<SweepReport> {
    const timer = this.metrics.reminderSweepDuration.startTimer();
    try {
      return await this.sweep();
    } finally {
      timer();
    }
  }

  private async sweep(): Promise<SweepReport> {
    const now = this.clock.now();
    const report: SweepReport = {
      planned: 0,
      dispatched: 0,
      notifications: 0,
      emails: 0,
      digests: 0,
    };
    for (let i = 0; i < MAX_BATCHES; i++) {
      const batch = await this.planBatch(now);
      report.planned += batch.count;
      if (batch.done) {
        break;
      }
    }
    // Several dispatch loops side by side: SKIP LOCKED gives each its own rows, and one loop's
    // database time overlaps another's CPU time (building rows, writing outbox events).
    const dispatchLoop = async () => {
      for (let i = 0; i < MAX_BATCHES; i++) {
        const batch = await this.dispatchBatch(now);
        report.dispatched += batch.reminders;
        report.notifications += batch.notifications;
        report.emails += batch.emails;
        if (batch.reminders < this.options.sweep.dispatchBatchSize) {
          break;
        }
      }
    };
    await Promise.all(Array.from({ length: this.options.sweep.dispatchConcurrency }, dispatchLoop));
    report.digests = await this.dispatchDigests(now);
    if (report.emails + report.digests > 0) {
      this.queue.wake(MAIL_QUEUE);
    }
    if (report.planned + report.dispatched + report.digests > 0) {
      this.logger.log(`reminder sweep: ${JSON.stringify(report)}`);
    }
    return report;
  }

  /** (Re)plans one batch of new, moved, closed or stale deadlines, and those whose next reminder nears. */
  private planBatch(now: Date): Promise<{ count: number; done: boolean }> {
    const limit = this.options.sweep.planBatchSize;
    const horizon = new Date(now.getTime() + this.options.reminders.planAheadHours * 3_600_000);
    return this.tx.run(async () => {
      if (!(await this.reminders.tryLockPlanning())) {
        return { count: 0, done: true };
      }
      const requested = await this.reminders.takePlanCandidates(horizon, limit);
      if (requested.length === 0) {
        return { count: 0, done: true };
      }
      const candidates = await this.deadlinesWithCases(requested);
      const snapshot = await this.directory.load(
        candidates.map((c) => c.organisationId),
        candidates.flatMap((c) => (c.worksCouncilId ? [c.worksCouncilId] : [])),
      );
      const ledger = groupBy(
        await this.reminders.ledgerFor(candidates.map((c) => c.deadlineId)),
        (e) => e.deadlineId,
      );
      const changes: Array<LedgerChange & { deadlineId: string; deadlineDueAt: Date }> = [];
      const plans = [];
      // Deadlines of one council share their lead days; work them out once per council.
      const leadDaysOf = new Map<string, number[]>();
      for (const deadline of candidates) {
        const council = snapshot.councilSettings(deadline.worksCouncilId);
        const audienceKey = `${deadline.organisationId}/${deadline.worksCouncilId}/${deadline.councilMayKnow}`;
        let audienceLeadDays = leadDaysOf.get(audienceKey);
        if (!audienceLeadDays) {
          audienceLeadDays = plannedLeadDays(
            deadline,
            snapshot.membersFor(deadline.organisationId, deadline.worksCouncilId),
            council,
          );
          leadDaysOf.set(audienceKey, audienceLeadDays);
        }
        const leadDays = deadline.status === 'open' ? audienceLeadDays : [];
        const planned = planReminders(deadline, {
          leadDays,
          escalationLeadDays: council.escalationLeadDays,
          remindAt: this.options.reminders.remindAt,
        });
        const reconciled = reconcileReminders(
          deadline,
          planned,
          ledger.get(deadline.deadlineId) ?? [],
          now,
          horizon,
        );
        for (const change of reconciled.changes) {
          changes.push({
            ...change,
            deadlineId: deadline.deadlineId,
            deadlineDueAt: deadline.dueAt,
          });
        }
        plans.push({
          deadlineId: deadline.deadlineId,
          organisationId: deadline.organisationId,
          worksCouncilId: deadline.worksCouncilId,
          dueAt: deadline.dueAt,
          status: deadline.status,
          leadDays,
          nextDueAt: reconciled.nextDueAt,
        });
      }
      const writes = (op: LedgerChange['op']): LedgerWrite[] =>
        changes.flatMap((c) =>
          c.op === op && c.op !== 'cancel'
            ? [
                {
                  id: 'id' in c ? c.id : undefined,
                  kind: c.kind,
                  dueAt: c.dueAt,
                  deadlineId: c.deadlineId,
                  deadlineDueAt: c.deadlineDueAt,
                },
              ]
            : [],
        );
      await this.reminders.insert(writes('insert'), now);
      await this.reminders.reschedule(writes('reschedule'));
      await this.reminders.rearm(writes('rearm'));
      await this.reminders.cancel(changes.flatMap((c) => (c.op === 'cancel' ? [c.id] : [])));
      await this.reminders.savePlans(plans, now);
      return { count: candidates.length, done: requested.length < limit };
    });
  }

  /** Sends one batch of due reminders, all or nothing. */
  private async dispatchBatch(
    now: Date,
  ): Promise<{ reminders: number; notifications: number; emails: number }> {
    const { lateAfterMinutes } = this.options.reminders;
    const result = await this.tx.run(async () => {
      const due = await this.reminders.claimDue(now, this.options.sweep.dispatchBatchSize);
      if (due.length === 0) {
        return { reminders: 0, notifications: 0, emails: 0 };
      }
      await this.observer.batchClaimed?.(due.length);
      const deadlines = await this.deadlinesWithCases(due.map((r) => r.deadlineId));
      const byId = new Map(deadlines.map((d) => [d.deadlineId, d]));
      // Every deadline is there: deleting one deletes its reminders (cascade), which waits for
      // the locks this batch holds on them.
      const claimed = due.flatMap((r) => {
        const deadline = byId.get(r.deadlineId);
        return deadline
          ? [{ ...deadline, id: r.id, kind: r.kind, dueAt: r.dueAt, revision: r.revision }]
          : [];
      });
      const snapshot = await this.directory.load(
        claimed.map((r) => r.organisationId),
        claimed.flatMap((r) => (r.worksCouncilId ? [r.worksCouncilId] : [])),
        new Map(claimed.flatMap((r) => (r.caseId ? [[r.caseId, r.committeeId]] : []))),
      );
      const today = amsterdamDate(now);
      const sendings: ReminderSending[] = [];
      const recipients: RecipientChoice[] = [];
      const sent: Array<{ id: string; late: boolean; recipientCount: number }> = [];
      for (const reminder of claimed) {
        const late = isLate(reminder.dueAt, now, lateAfterMinutes);
        const deliveries = deliveriesFor(
          reminder.kind,
          reminder,
          snapshot.membersFor(reminder.organisationId, reminder.worksCouncilId, reminder.caseId),
          snapshot.councilSettings(reminder.worksCouncilId),
        );
        const index = sendings.length;
        sendings.push({
          reminderId: reminder.id,
          revision: reminder.revision,
          deadlineId: reminder.deadlineId,
          caseId: reminder.caseId,
          type: notificationTypeOf(reminder.kind),
          late,
          data: {
            kind: reminder.kind,
            ruleId: reminder.ruleId,
            caseTitle: reminder.caseTitle,
            strictDate: reminder.strictDate,
            extendedDate: reminder.extendedDate,
            statutory: reminder.statutory,
            fatal: reminder.fatal,
            daysLeft: calendarDaysBetween(today, reminder.strictDate),
            reminderDueAt: reminder.dueAt.toISOString(),
          },
        });
        for (const delivery of deliveries) {
          recipients.push({
            reminder: index,
            userId: delivery.userId,
            inApp: delivery.inApp,
            email: delivery.email,
          });
        }
        sent.push({ id: reminder.id, late, recipientCount: deliveries.length });
      }
      const written = await this.notifications.insertForReminders(sendings, recipients, now);
      const mails = await this.deliveries.queueForNotifications(
        written.filter((n) => n.email === 'immediate'),
        now,
      );
      await this.queue.enqueueInTransaction(MAIL_QUEUE, mailJobs(mails, this.options.mail));
      await this.outbox.append(createdEvents(written), null);
      await this.reminders.markSent(sent, now);
      return { reminders: due.length, notifications: written.length, emails: mails.length };
    });
    if (result.reminders > 0) {
      await this.observer.batchCommitted?.(result);
    }
    return result;
  }

  /** These deadlines with what their reminders say of their cases: one @wc/access statement. */
  private async deadlinesWithCases(deadlineIds: readonly string[]): Promise<SweptDeadline[]> {
    return (await this.audiences.remindedDeadlines(deadlineIds)).map(({ id, ...d }) => ({
      ...d,
      deadlineId: id,
    }));
  }

  /** Opens today's digests once the digest time has passed (Amsterdam), one per user per day. */
  private async dispatchDigests(now: Date): Promise<number> {
    const today = amsterdamDate(now);
    const cutoff = amsterdamInstant(today, this.options.digest.sendAt);
    if (now.getTime() < cutoff.getTime()) {
      return 0;
    }
    const limit = this.options.sweep.dispatchBatchSize;
    let total = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const created = await this.tx.run(async () => {
        const digests = await this.deliveries.createDigests(cutoff, today, now, limit);
        await this.queue.enqueueInTransaction(
          MAIL_QUEUE,
          mailJobs(
            digests.map((d) => d.id),
            this.options.mail,
          ),
        );
        return digests.length;
      });
      total += created;
      if (created < limit) {
        break;
      }
    }
    return total;
  }
}

/**
 * One pg-boss job per chunk of deliveries: the delivery rows are the per-message ledger, so a
 * retried job re-sends only what is not sent yet, and a daily wave queues a few thousand jobs
 * rather than one per e-mail.
 */
export function mailJobs(
  deliveryIds: readonly string[],
  options: NotificationsOptions['mail'],
  /** The requests whose events were relayed in the batch that queued these e-mails. */
  correlationIds: readonly string[] = [],
): QueuedJob[] {
  const { retryLimit, retryDelaySeconds, retryBackoff, deliveriesPerJob, expireInSeconds } =
    options;
  const jobs: QueuedJob[] = [];
  for (let i = 0; i < deliveryIds.length; i += deliveriesPerJob) {
    jobs.push({
      id: randomUUID(),
      data: {
        deliveryIds: deliveryIds.slice(i, i + deliveriesPerJob),
        ...(correlationIds.length > 0 ? { correlationIds: [...correlationIds] } : {}),
      },
      retryLimit,
      retryDelay: retryDelaySeconds,
      retryBackoff,
      expireInSeconds,
    });
  }
  return jobs;
}

/** One `notification.created` per user and batch: the client refetches its inbox (notify, don't ship). */
export function createdEvents(notifications: readonly WrittenNotification[]): DomainEventDraft[] {
  const byUser = groupBy(
    notifications.filter((n) => n.inApp),
    (n) => n.userId,
  );
  return [...byUser].map(([userId, mine]) => ({
    type: 'notification.created',
    userId,
    payload: { notificationIds: mine.map((n) => n.id) },
  }));
}
