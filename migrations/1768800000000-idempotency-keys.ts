import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #21: an `Idempotency-Key` on a creating POST is remembered per user for 24 hours with a
 * fingerprint of the request and the first response, so a retried create is answered once.
 * `response_status` is null while the first request is still running.
 */
export class IdempotencyKeys1768800000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotency_key (
        user_id uuid NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_idempotency_key PRIMARY KEY (user_id, key),
        CONSTRAINT fk_idempotency_key__user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
        CONSTRAINT ck_idempotency_key__key CHECK (char_length(key) BETWEEN 1 AND 255))`);
    await db.query(`CREATE INDEX ix_idempotency_key__created_at ON idempotency_key (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotency_key`);
  }
}
