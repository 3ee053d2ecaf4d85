import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

export interface StoredKey {
  requestHash: string;
  /** Null while the first request with this key is still running. */
  responseStatus: number | null;
  responseBody: unknown;
}

/** The only reader and writer of `idempotency_key`. */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Claims the key for this request, replacing an expired claim; null when the key is claimed
   * already (then `find` tells by whom). One statement, so two concurrent requests cannot both win.
   */
  async claim(
    userId: string,
    key: string,
    requestHash: string,
    now: Date,
    expiredBefore: Date,
  ): Promise<boolean> {
    const rows = await this.tx.query<{ claimed: boolean }>(
      `INSERT INTO idempotency_key (user_id, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, response_status = NULL, response_body = NULL, created_at = EXCLUDED.created_at
         WHERE idempotency_key.created_at < $5
       RETURNING true AS claimed`,
      [userId, key, requestHash, now, expiredBefore],
    );
    return rows.length > 0;
  }

  async find(userId: string, key: string): Promise<StoredKey | null> {
    const [row] = await this.tx.query<{
      request_hash: string;
      response_status: number | null;
      response_body: unknown;
    }>(
      `SELECT request_hash, response_status, response_body FROM idempotency_key WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    return row
      ? {
          requestHash: row.request_hash,
          responseStatus: row.response_status,
          responseBody: row.response_body,
        }
      : null;
  }

  async complete(userId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.tx.query(
      `UPDATE idempotency_key SET response_status = $3, response_body = $4::jsonb WHERE user_id = $1 AND key = $2`,
      [userId, key, status, body === undefined ? null : JSON.stringify(body)],
    );
  }

  /** A failed first request leaves nothing behind, so the client may retry with the same key. */
  async release(userId: string, key: string): Promise<void> {
    await this.tx.query(
      `DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND response_status IS NULL`,
      [userId, key],
    );
  }
}
