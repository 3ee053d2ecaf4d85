import type { DynamicModule } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';

import { Clock, type FakeClock } from '@wc/core';

import {
  NOTIFICATIONS_OPTIONS,
  type NotificationsOptions,
  notificationsOptions,
  ReminderSweeper,
  SWEEP_OBSERVER,
  type SweepObserver,
} from '@wc/notifications';

/** Tests drive sweeps by hand; e-mail is consumed quickly and retried after about a second. */
export const TEST_NOTIFICATIONS_OPTIONS: NotificationsOptions = notificationsOptions({
  sweep: { scheduled: false, dispatchBatchSize: 50, dispatchConcurrency: 2, planBatchSize: 500 },
  mail: {
    worker: true,
    workers: 1,
    batchSize: 4,
    deliveriesPerJob: 5,
    pollingIntervalSeconds: 0.5,
    retryLimit: 2,
    retryDelaySeconds: 1,
    retryBackoff: true,
  },
});

export interface TestWorker {
  module: TestingModule;
  sweeper: ReminderSweeper;
  db: DataSource;
  close(): Promise<void>;
}

/** Boots a worker application (e.g. `WorkerModule.forRoot(config)`) in this process, on the given clock. */
export async function startTestWorker(
  root: DynamicModule,
  clock: FakeClock,
  {
    options = TEST_NOTIFICATIONS_OPTIONS,
    observer = {},
  }: { options?: NotificationsOptions; observer?: SweepObserver } = {},
): Promise<TestWorker> {
  const module = await Test.createTestingModule({ imports: [root] })
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(NOTIFICATIONS_OPTIONS)
    .useValue(options)
    .overrideProvider(SWEEP_OBSERVER)
    .useValue(observer)
    .compile();
  await module.init();
  return {
    module,
    sweeper: module.get(ReminderSweeper),
    db: module.get(DataSource),
    close: () => module.close(),
  };
}
