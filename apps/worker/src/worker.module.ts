import { type DynamicModule, Module } from '@nestjs/common';

import { AccessModule } from '@wc/access';
import { CommitmentsWorkerModule } from '@wc/commitments';
import { type AppConfig, ClockModule, ConfigModule, loadConfig } from '@wc/config';
import { CouncilsWorkerModule } from '@wc/councils';
import { DatabaseModule } from '@wc/database';
import { LoggerModule } from '@wc/logging';
import { MetricsServerModule } from '@wc/metrics';
import { NotificationsWorkerModule } from '@wc/notifications';
import { WebhooksWorkerModule } from '@wc/webhooks';

/** The background-jobs application: same domain modules as the API, no HTTP listener. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        LoggerModule,
        DatabaseModule,
        // The outbox locks the cases of the events it appends through @wc/access.
        AccessModule,
        NotificationsWorkerModule,
        // Before the notifications' sweep job starts: it runs the commitment owners' reminders too.
        CommitmentsWorkerModule,
        WebhooksWorkerModule,
        CouncilsWorkerModule,
        MetricsServerModule.forRoot({
          port: config.metrics.workerPort,
          token: config.metrics.token,
        }),
      ],
    };
  }
}
