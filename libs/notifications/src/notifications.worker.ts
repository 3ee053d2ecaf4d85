import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';

import { trace } from '@opentelemetry/api';

import { runWithCorrelationId } from '@wc/core';

import { JobQueue } from './job-queue';
import { MailSender } from './mail.sender';
import { NotificationRelay } from './notification.relay';
import { NOTIFICATIONS_OPTIONS, type NotificationsOptions } from './notifications.options';
import { MAIL_QUEUE, ReminderSweeper, SWEEP_QUEUE } from './reminder.sweeper';
import { VoteClosingSweep } from './vote-closing.sweep';

/**
 * A sweep of another lib run by the sweep job after the reminders (issue #19: commitment owners'
 * reminders). Provided by that lib's worker module; optional.
 */
export const SWEEP_EXTENSIONS = Symbol('SWEEP_EXTENSIONS');

export interface SweepExtension {
  sweepOnce(): Promise<unknown>;
}

/** A no-op unless tracing is on (OTEL_EXPORTER_OTLP_ENDPOINT). */
const tracer = trace.getTracer('overleg-worker');

/**
 * Wires the worker's background work to pg-boss: the e-mail consumers, the sweep cron (each
 * minute, reminders and votes closing soon; pg-boss runs one per schedule slot across all instances) and one sweep at start-up to
 * catch up on reminders that fell due while no worker ran; then starts the notification relay,
 * which queues e-mails itself.
 */
@Injectable()
export class NotificationsWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly queue: JobQueue,
    private readonly sweeper: ReminderSweeper,
    private readonly votes: VoteClosingSweep,
    private readonly mailer: MailSender,
    private readonly relay: NotificationRelay,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
    @Optional() @Inject(SWEEP_EXTENSIONS) private readonly extension?: SweepExtension,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { sweep, mail } = this.options;
    // Both queues are `standard`: overlapping sweeps are safe (SKIP LOCKED), and a sweep job left
    // active by a killed worker must not block the next one until it expires.
    await this.queue.start([{ name: MAIL_QUEUE }, { name: SWEEP_QUEUE }], {
      schedule: sweep.scheduled,
    });
    if (mail.worker) {
      for (let i = 0; i < mail.workers; i++) {
        await this.queue.work(
          MAIL_QUEUE,
          { batchSize: mail.batchSize, pollingIntervalSeconds: mail.pollingIntervalSeconds },
          // The job's logs (and the events it writes) carry the ids of the requests that caused it.
          (job) => {
            const ids = Array.isArray(job.data.correlationIds)
              ? (job.data.correlationIds as string[]).join(',')
              : `job:${job.id}`;
            return runWithCorrelationId(ids, () =>
              tracer.startActiveSpan(
                'notification_mail job',
                { attributes: { 'overleg.correlation_id': ids, 'overleg.job_id': job.id } },
                (span) =>
                  this.mailer
                    .deliverAll(job.data.deliveryIds as string[], job)
                    .finally(() => span.end()),
              ),
            );
          },
        );
      }
    }
    if (sweep.scheduled) {
      await this.queue.work(SWEEP_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async () => {
        await this.sweeper.sweepOnce();
        await this.votes.sweepOnce();
        await this.extension?.sweepOnce();
      });
      await this.queue.schedule(SWEEP_QUEUE, sweep.cron);
      await this.queue.send(SWEEP_QUEUE, { reason: 'startup' });
      this.queue.wake(SWEEP_QUEUE);
    }
    if (this.options.relay.enabled) {
      await this.relay.start();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.queue.stop();
  }
}
