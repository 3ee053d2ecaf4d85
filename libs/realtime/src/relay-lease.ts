import { performance } from 'node:perf_hooks';

import type { Client } from 'pg';

export interface RelayLeaseOptions {
  /** A session silent this long is ended by PostgreSQL, and with it the leader's advisory lock. */
  ttlMs: number;
  /** How often the leader renews (any query does) and a standby asks for the lock. */
  renewEveryMs: number;
}

export const DEFAULT_RELAY_LEASE: RelayLeaseOptions = { ttlMs: 3000, renewEveryMs: 1000 };

/**
 * The relay leader's lease. A session advisory lock alone outlives a hung leader (SIGSTOP, a
 * partition): its TCP connection stays open, so the lock is never released. Here PostgreSQL ends
 * any relay session that stays silent for `ttlMs` (`idle_session_timeout`, and
 * `idle_in_transaction_session_timeout` for a hang inside a batch), the leader renews by querying
 * every `renewEveryMs`, and a standby asks for the lock as often: a hung leader is replaced within
 * ttl + renewEvery. A leader that wakes up after its lease ran out must not emit what it claimed
 * before (the new leader emits those rows again): `held` says whether the session can still stand,
 * measured on the monotonic clock, which keeps counting while the process is stopped.
 */
export class RelayLease {
  private answeredAt = Number.NEGATIVE_INFINITY;

  constructor(readonly options: RelayLeaseOptions = DEFAULT_RELAY_LEASE) {}

  async apply(client: Client): Promise<void> {
    const ms = Math.ceil(this.options.ttlMs);
    await client.query(`SET idle_session_timeout = ${ms}`);
    await client.query(`SET idle_in_transaction_session_timeout = ${ms}`);
    this.renewed();
  }

  /** The server just answered this session: its silence clock restarts. */
  renewed(): void {
    this.answeredAt = performance.now();
  }

  /** Whether the session certainly still stands (half a renewal of margin). */
  get held(): boolean {
    return performance.now() - this.answeredAt < this.options.ttlMs - this.options.renewEveryMs / 2;
  }
}
