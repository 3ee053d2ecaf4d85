import { DEFAULT_COUNCIL_REMINDER_SETTINGS } from './domain';

/**
 * Tuning of reminders, sweeps and e-mail. Defaults suit production; tests and the benchmark
 * override the provider. (Candidates for a `notifications` namespace in @wc/config once someone
 * needs them from the environment.)
 */
export interface NotificationsOptions {
  reminders: {
    /** Platform default when a council has not chosen its own rhythm. */
    defaultLeadDays: readonly number[];
    defaultEscalationLeadDays: number;
    /** Amsterdam wall-clock time at which day reminders fall due. */
    remindAt: string;
    /** Sent this much later than due (e.g. the worker was down) → marked late. */
    lateAfterMinutes: number;
    /**
     * How far ahead reminders are written to the ledger. Over a day, so that tomorrow's 09:00
     * reminders are planned by a quiet night-time sweep rather than by today's 09:00 one.
     */
    planAheadHours: number;
  };
  digest: {
    /** Amsterdam wall-clock time of the daily digest. */
    sendAt: string;
  };
  sweep: {
    /** Run the sweep from a pg-boss cron schedule and once at start-up. Tests call sweepOnce(). */
    scheduled: boolean;
    cron: string;
    /** Reminders claimed per transaction. */
    dispatchBatchSize: number;
    /** Dispatch transactions run side by side within one sweep. */
    dispatchConcurrency: number;
    /** Deadlines (re)planned per transaction. */
    planBatchSize: number;
  };
  mail: {
    /** Consume the e-mail queue in this process. */
    worker: boolean;
    /** Parallel consumers (pg-boss `work` calls) per process. */
    workers: number;
    /** Jobs a consumer fetches per poll; their e-mails go out side by side over pooled SMTP. */
    batchSize: number;
    /** E-mails per pg-boss job; the job is retried as a whole, its sent e-mails are skipped. */
    deliveriesPerJob: number;
    pollingIntervalSeconds: number;
    retryLimit: number;
    retryDelaySeconds: number;
    retryBackoff: boolean;
    /**
     * A job still active after this long is taken for dead (its worker was killed) and retried by
     * pg-boss's maintenance; its sent e-mails are skipped. Without it pg-boss waits 15 minutes.
     */
    expireInSeconds: number;
  };
  relay: {
    /** Turn domain events (mentions) into notifications in this process. */
    enabled: boolean;
    /** Safety poll; the outbox NOTIFY normally wakes the relay at once. */
    pollIntervalMs: number;
    /** Events claimed per transaction. */
    batchSize: number;
  };
}

export const NOTIFICATIONS_OPTIONS = Symbol('NOTIFICATIONS_OPTIONS');

export const DEFAULT_NOTIFICATIONS_OPTIONS: NotificationsOptions = {
  reminders: {
    defaultLeadDays: DEFAULT_COUNCIL_REMINDER_SETTINGS.leadDays,
    defaultEscalationLeadDays: DEFAULT_COUNCIL_REMINDER_SETTINGS.escalationLeadDays,
    remindAt: '09:00',
    lateAfterMinutes: 15,
    planAheadHours: 30,
  },
  digest: { sendAt: '07:00' },
  sweep: {
    scheduled: true,
    cron: '* * * * *',
    dispatchBatchSize: 500,
    dispatchConcurrency: 3,
    planBatchSize: 10000,
  },
  mail: {
    worker: true,
    workers: 2,
    batchSize: 2,
    deliveriesPerJob: 25,
    pollingIntervalSeconds: 2,
    retryLimit: 6,
    retryDelaySeconds: 30,
    retryBackoff: true,
    expireInSeconds: 120,
  },
  relay: { enabled: true, pollIntervalMs: 3000, batchSize: 200 },
};

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends readonly unknown[]
    ? T[K]
    : T[K] extends object
      ? DeepPartial<T[K]>
      : T[K];
};

export function notificationsOptions(
  overrides: DeepPartial<NotificationsOptions> = {},
): NotificationsOptions {
  const d = DEFAULT_NOTIFICATIONS_OPTIONS;
  return {
    reminders: { ...d.reminders, ...overrides.reminders },
    digest: { ...d.digest, ...overrides.digest },
    sweep: { ...d.sweep, ...overrides.sweep },
    mail: { ...d.mail, ...overrides.mail },
    relay: { ...d.relay, ...overrides.relay },
  };
}
