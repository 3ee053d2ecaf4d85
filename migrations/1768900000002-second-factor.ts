import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #15: an optional TOTP second factor. The secret is stored encrypted (AES-256-GCM, see
 * libs/auth second-factor.crypto.ts); the last accepted time step stops a code being replayed;
 * recovery codes are stored as SHA-256 hashes and work once.
 */
export class SecondFactor1768900000002 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE app_user
        ADD COLUMN totp_secret text,
        ADD COLUMN totp_enabled_at timestamptz,
        ADD COLUMN totp_last_time_step bigint`);
    await db.query(`
      CREATE TABLE recovery_code (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        code_hash text NOT NULL,
        used_at timestamptz,
        CONSTRAINT pk_recovery_code PRIMARY KEY (id),
        CONSTRAINT fk_recovery_code__user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_recovery_code__user_code ON recovery_code (user_id, code_hash)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE recovery_code`);
    await db.query(
      `ALTER TABLE app_user DROP COLUMN totp_secret, DROP COLUMN totp_enabled_at, DROP COLUMN totp_last_time_step`,
    );
  }
}
