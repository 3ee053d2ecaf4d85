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
import { DEFAULT_WEBHOOKS_OPTIONS, WEBHOOKS_OPTIONS, type WebhooksOptions } from '@wc/webhooks';

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

/** Tests drive the webhook relay by hand (`relayPending()`); attempts are consumed quickly. */
export const TEST_WEBHOOKS_OPTIONS: WebhooksOptions = {
  relay: { ...DEFAULT_WEBHOOKS_OPTIONS.relay, enabled: false },
  sender: { worker: true, batchSize: 10, pollingIntervalSeconds: 0.5, timeoutMs: 2_000 },
};

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
    webhooks = TEST_WEBHOOKS_OPTIONS,
  }: { options?: NotificationsOptions; observer?: SweepObserver; webhooks?: WebhooksOptions } = {},
): Promise<TestWorker> {
  const module = await Test.createTestingModule({ imports: [root] })
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(NOTIFICATIONS_OPTIONS)
    .useValue(options)
    .overrideProvider(SWEEP_OBSERVER)
    .useValue(observer)
    .overrideProvider(WEBHOOKS_OPTIONS)
    .useValue(webhooks)
    .compile();
  await module.init();
  return {
    module,
    sweeper: module.get(ReminderSweeper),
    db: module.get(DataSource),
    close: () => module.close(),
  };
}
