/**
 * When a failed delivery is tried again, counted from the failed attempt: the first attempt at
 * once, then after 1 minute, 5 minutes, 30 minutes, 2 hours, 8 hours and 24 hours; after the
 * seventh attempt the delivery is failed for good (a manual redelivery may still send it).
 */
export const RETRY_DELAYS_SECONDS: readonly number[] = [60, 300, 1800, 7200, 28_800, 86_400];

export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** The moment of the next attempt after `attempts` failed ones, or null when none is left. */
export function nextAttemptAt(attempts: number, failedAt: Date): Date | null {
  const delay = RETRY_DELAYS_SECONDS[attempts - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay * 1000);
}
