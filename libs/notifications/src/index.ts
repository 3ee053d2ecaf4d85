export { NotificationsModule, NotificationsWorkerModule } from './notifications.module';
export {
  ReminderSweeper,
  type SweepReport,
  type SweepObserver,
  SWEEP_OBSERVER,
  MAIL_QUEUE,
  SWEEP_QUEUE,
} from './reminder.sweeper';
export { NotificationRelay, type RelayReport } from './notification.relay';
export { JobQueue, type QueuedJob, type QueueDefinition } from './job-queue';
export { VoteClosingSweep, VOTE_CLOSING_LEAD_HOURS } from './vote-closing.sweep';
export {
  NOTIFICATIONS_OPTIONS,
  DEFAULT_NOTIFICATIONS_OPTIONS,
  notificationsOptions,
  type NotificationsOptions,
} from './notifications.options';
export * from './notifications.dto';
export type { NotificationType } from './domain';
export { SWEEP_EXTENSIONS, type SweepExtension } from './notifications.worker';
