import type { DataSource } from 'typeorm';

import { NotificationRelay } from '@wc/notifications';
import { type TestWorker, waitUntil } from '@wc/testing';

/** Waits until the notification relay's queue (`notification_relay_delivery`) is empty. */
export async function notificationQueueEmptied(
  db: DataSource,
  timeoutMs = 10_000,
  what = 'the events to be relayed',
): Promise<void> {
  await waitUntil(
    async () =>
      (
        await db.query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM notification_relay_delivery`,
        )
      )[0].n === 0,
    timeoutMs,
    () => what,
  );
}

/**
 * Relays the committed events now, as the worker's relay would on its next wake-up, and waits
 * until none is left queued (another relay instance may be taking some at the same time).
 */
export async function relayNotifications(
  worker: TestWorker,
  db: DataSource,
  what?: string,
): Promise<void> {
  await worker.module.get(NotificationRelay).relayPending();
  await notificationQueueEmptied(db, 10_000, what);
}
