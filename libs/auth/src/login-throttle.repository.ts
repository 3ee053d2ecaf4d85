import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

import type { LoginThrottleScope } from './login-throttle.entity';

export interface ThrottleCounter {
  scope: LoginThrottleScope;
  key: string;
}

/** The login attempt counters: one row per (scope, key), changed only by single statements. */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Counts one more attempt in the counter's window, atomically (one upsert, which also holds the
   * row lock until the caller's transaction ends). A window older than `windowStartsAfter` starts
   * afresh with this attempt.
   */
  async countAttempt(
    counter: ThrottleCounter,
    now: Date,
    windowStartsAfter: Date,
  ): Promise<{ attempts: number; windowStartedAt: Date }> {
    const rows = await this.tx.query<{ attempts: number; window_started_at: Date }>(
      `INSERT INTO login_throttle AS t (scope, key, attempts, window_started_at) VALUES ($1, $2, 1, $3)
       ON CONFLICT (scope, key) DO UPDATE SET
         attempts = CASE WHEN t.window_started_at <= $4 THEN 1 ELSE t.attempts + 1 END,
         window_started_at = CASE WHEN t.window_started_at <= $4 THEN EXCLUDED.window_started_at ELSE t.window_started_at END
       RETURNING attempts, window_started_at`,
      [counter.scope, counter.key, now, windowStartsAfter],
    );
    return { attempts: rows[0].attempts, windowStartedAt: new Date(rows[0].window_started_at) };
  }

  /** Forgets the counters: a login that succeeded ends the run of failures. */
  async clear(counters: ThrottleCounter[]): Promise<void> {
    for (const { scope, key } of counters) {
      await this.tx.query(`DELETE FROM login_throttle WHERE scope = $1 AND key = $2`, [scope, key]);
    }
  }

  /** Gives back one reserved attempt, for a counter that must not forget earlier failures. */
  async giveBack(counter: ThrottleCounter): Promise<void> {
    await this.tx.query(
      `UPDATE login_throttle SET attempts = GREATEST(attempts - 1, 0) WHERE scope = $1 AND key = $2`,
      [counter.scope, counter.key],
    );
  }
}
