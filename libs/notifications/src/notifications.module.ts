import { type DynamicModule, Module } from '@nestjs/common';

import { CouncilsModule } from '@wc/councils';
import { MetricsModule } from '@wc/metrics';

import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { CalendarFeedService } from './calendar-feed.service';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { JobQueue } from './job-queue';
import { MailDeliveryRepository } from './mail-delivery.repository';
import { MailSender } from './mail.sender';
import {
  DEFAULT_NOTIFICATIONS_OPTIONS,
  NOTIFICATIONS_OPTIONS,
  type NotificationsOptions,
} from './notifications.options';
import { NotificationMetrics } from './notification.metrics';
import { NotificationsWorker } from './notifications.worker';
import { NotificationSettingsController } from './notification-settings.controller';
import { NotificationRelay } from './notification.relay';
import { CaseEventRecipients } from './case-event-recipients';
import { NotificationRelayRepository } from './notification-relay.repository';
import { NotificationRepository } from './notification.repository';
import { PreferenceRepository } from './preference.repository';
import { PreferencesService } from './preferences.service';
import { RecipientDirectory } from './recipient.directory';
import { ReminderRepository } from './reminder.repository';
import { ReminderSweeper, SWEEP_OBSERVER, type SweepObserver } from './reminder.sweeper';
import { VoteClosingSweep } from './vote-closing.sweep';

const options = (value: NotificationsOptions) => ({
  provide: NOTIFICATIONS_OPTIONS,
  useValue: value,
});

/** The API side: inbox, preferences, council reminder settings and calendar feeds over HTTP. */
@Module({
  imports: [CouncilsModule],
  controllers: [InboxController, NotificationSettingsController, CalendarFeedController],
  providers: [
    options(DEFAULT_NOTIFICATIONS_OPTIONS),
    InboxService,
    PreferencesService,
    CalendarFeedService,
    NotificationRepository,
    PreferenceRepository,
    ReminderRepository,
    CalendarFeedRepository,
  ],
})
export class NotificationsModule {}

/**
 * The worker side: the reminder sweep, the notification relay (mentions), e-mail sending and the
 * pg-boss queue behind them. No HTTP.
 * `forRoot(options)` pins tuning (tests, benchmark); the plain class uses the defaults.
 */
@Module({
  // @wc/access (global) answers who hears of what, and what a reminded term says.
  imports: [MetricsModule],
  providers: [
    options(DEFAULT_NOTIFICATIONS_OPTIONS),
    { provide: SWEEP_OBSERVER, useValue: {} },
    NotificationMetrics,
    JobQueue,
    ReminderSweeper,
    MailSender,
    NotificationsWorker,
    NotificationRelay,
    NotificationRelayRepository,
    CaseEventRecipients,
    RecipientDirectory,
    PreferenceRepository,
    ReminderRepository,
    NotificationRepository,
    MailDeliveryRepository,
    VoteClosingSweep,
  ],
  exports: [ReminderSweeper, NotificationRelay, JobQueue, VoteClosingSweep],
})
export class NotificationsWorkerModule {
  static forRoot(
    value: NotificationsOptions = DEFAULT_NOTIFICATIONS_OPTIONS,
    observer: SweepObserver = {},
  ): DynamicModule {
    return {
      module: NotificationsWorkerModule,
      providers: [options(value), { provide: SWEEP_OBSERVER, useValue: observer }],
    };
  }
}
