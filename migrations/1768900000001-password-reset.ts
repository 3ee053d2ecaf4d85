import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #15: password reset by e-mail. Only the token's SHA-256 is stored; a token works once
 * (`used_at`) and for an hour (`expires_at`, set by the service from the Clock).
 */
export class PasswordReset1768900000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE password_reset (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_password_reset PRIMARY KEY (id),
        CONSTRAINT fk_password_reset__user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_password_reset__token_hash ON password_reset (token_hash)`,
    );
    await db.query(`CREATE INDEX ix_password_reset__user ON password_reset (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE password_reset`);
  }
}
