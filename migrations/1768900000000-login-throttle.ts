import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #15: failed logins are counted in one row per (scope, key), reserved atomically before the
 * password is checked, so parallel guesses cannot slip past the limit. Scopes: the address and
 * e-mail together, the e-mail alone and the address alone. The per-user counter and the per-address
 * failure log it replaces go; keys are e-mails, not user ids, so unknown e-mails lock alike.
 */
export class LoginThrottle1768900000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE login_throttle (
        scope text NOT NULL,
        key text NOT NULL,
        attempts integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        CONSTRAINT pk_login_throttle PRIMARY KEY (scope, key),
        CONSTRAINT ck_login_throttle__scope CHECK (scope IN ('address_account', 'account', 'address')),
        CONSTRAINT ck_login_throttle__attempts CHECK (attempts >= 0)
      )`);
    await db.query(`DROP TABLE login_failure`);
    await db.query(`ALTER TABLE app_user DROP COLUMN failed_logins, DROP COLUMN locked_until`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE app_user ADD COLUMN failed_logins integer NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz`,
    );
    await db.query(`
      CREATE TABLE login_failure (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        ip text NOT NULL,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT pk_login_failure PRIMARY KEY (id)
      )`);
    await db.query(
      `CREATE INDEX ix_login_failure__ip_occurred_at ON login_failure (ip, occurred_at)`,
    );
    await db.query(`DROP TABLE login_throttle`);
  }
}
