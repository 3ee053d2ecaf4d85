import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { APP_CONFIG, type AppConfig } from '@wc/config';

import { DatabaseRoleCheck } from './database-role.check';
import { dataSourceOptions } from './data-source-options';
import { DomainEventEntity } from './domain-event.entity';
import { EventLog } from './event-log';
import { Outbox } from './outbox';
import { TransactionHost } from './transaction-host';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([DomainEventEntity]),
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.database.url) {
          // The start script resolves the embedded server into DATABASE_URL before Nest boots.
          throw new Error('DATABASE_URL is not set: start through scripts/start.ts or set it');
        }
        return {
          ...dataSourceOptions({ url: config.database.url, poolSize: config.database.poolSize }),
          autoLoadEntities: true,
          retryAttempts: 3,
          retryDelay: 500,
        };
      },
    }),
  ],
  providers: [TransactionHost, Outbox, EventLog, DatabaseRoleCheck],
  exports: [TransactionHost, Outbox, EventLog],
})
export class DatabaseModule {}
