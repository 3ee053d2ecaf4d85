import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two database roles (issue #14): the migrations run as the owner of every table; the API and the
 * worker connect as a login that is a member of `overleg_runtime`, which gets data privileges only.
 * Not being the owner, the application cannot ALTER a table or disable its triggers; on the
 * append-only tables it may not UPDATE, DELETE or TRUNCATE either, so the triggers guard against
 * the owner's mistakes and the privileges against the application.
 *
 * Tables created by later migrations get the data privileges through the default privileges
 * below; a later append-only table must REVOKE UPDATE, DELETE itself. The role is cluster-wide
 * and shared by every database on the server (parallel test runs too), so it is created
 * race-safely and `down()` leaves it in place, without any privilege in this database.
 */
export class CreateRuntimeRole1768300000000 implements MigrationInterface {
  name = 'CreateRuntimeRole1768300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'overleg_runtime') THEN
          BEGIN
            CREATE ROLE overleg_runtime NOLOGIN;
          EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
          END;
        END IF;
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO overleg_runtime', current_schema());
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO overleg_runtime', current_schema());
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO overleg_runtime', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO overleg_runtime', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO overleg_runtime', current_schema());
      END $$`);
    // Append-only records: the application may add rows, never change or remove them.
    await db.query(
      `REVOKE UPDATE, DELETE ON audit_entry, assessment_version, council_role_change FROM overleg_runtime`,
    );
    // Which migrations ran is the owner's business; the application may read it.
    await db.query(`REVOKE INSERT, UPDATE, DELETE ON schema_migration FROM overleg_runtime`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$ BEGIN
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE USAGE, SELECT ON SEQUENCES FROM overleg_runtime', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM overleg_runtime', current_schema());
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM overleg_runtime', current_schema());
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM overleg_runtime', current_schema());
        EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM overleg_runtime', current_schema());
      END $$`);
  }
}
