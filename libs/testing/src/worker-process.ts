import 'reflect-metadata';

import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { AccessModule } from '@wc/access';
// For their entities only, as the real worker has them: the rule texts the reminder e-mails use
// come from @wc/deadlines, whose deadline entity refers to the case, the case to its council and
// system, and TypeORM needs every entity of that graph to start.
import '@wc/commitments';
import '@wc/councils';
import { ConfigModule, loadConfig } from '@wc/config';
import { Clock, FakeClock } from '@wc/core';
import { DatabaseModule } from '@wc/database';
import {
  NotificationsWorkerModule,
  notificationsOptions,
  type SweepObserver,
} from '@wc/notifications';

/**
 * A worker as its own process, for the crash test: the same modules as apps/worker (config,
 * database, NotificationsWorkerModule with its pg-boss cron and start-up sweep), on a clock fixed
 * at FAKE_NOW. It reports on stdout, one JSON line per event. With STALL_AT_BATCH=n it stops
 * inside the n-th dispatch transaction (rows locked, nothing committed) until it is killed.
 */
const env = process.env;
const stallAt = Number(env.STALL_AT_BATCH ?? 0);
const say = (event: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};

let batches = 0;
const observer: SweepObserver = {
  batchClaimed: async (count) => {
    batches++;
    if (batches === stallAt) {
      say({ event: 'stalled', batch: batches, count });
      await new Promise<never>(() => undefined);
    }
  },
  batchCommitted: (result) => {
    say({ event: 'committed', batch: batches, ...result });
  },
};

const clock = new FakeClock(env.FAKE_NOW);

@Global()
@Module({ providers: [{ provide: Clock, useValue: clock }], exports: [Clock] })
class FixedClockModule {}

async function main(): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: env.DATABASE_URL,
    SMTP_URL: env.SMTP_URL,
    PUBLIC_URL: env.PUBLIC_URL,
  });
  const options = notificationsOptions({
    // One dispatch loop, so that "the third batch" is a well-defined point in the sweep.
    sweep: {
      scheduled: true,
      dispatchBatchSize: Number(env.BATCH_SIZE ?? 50),
      dispatchConcurrency: 1,
    },
    mail: {
      worker: env.MAIL_WORKER === '1',
      workers: 1,
      pollingIntervalSeconds: 0.5,
      retryDelaySeconds: 1,
      ...(env.MAIL_EXPIRE_SECONDS ? { expireInSeconds: Number(env.MAIL_EXPIRE_SECONDS) } : {}),
    },
  });

  @Module({
    imports: [
      ConfigModule.forRoot(config),
      FixedClockModule,
      DatabaseModule,
      AccessModule,
      NotificationsWorkerModule.forRoot(options, observer),
    ],
  })
  class CrashTestWorkerModule {}

  const app = await NestFactory.createApplicationContext(CrashTestWorkerModule, {
    logger: ['error', 'warn'],
  });
  await app.init();
  say({ event: 'ready', pid: process.pid });
  process.once('SIGTERM', () => {
    void app.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
