import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES_BEFORE = `'hr_manager', 'employer_representative', 'council_chair', 'council_secretary', 'council_member', 'committee_member', 'external_expert', 'union_officer', 'org_admin'`;

/**
 * Issue #15: organisations start and leave through the platform operator. The operator is an
 * organisation of its own (kind `operator`) whose members hold `platform_admin`; a suspended
 * organisation's people cannot sign in or use their tokens; a scheduled deletion is carried out by
 * the worker's sweep once `deletion_due_at` has passed (the grace period).
 */
export class ProvisionOrganisations1769700000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE organisation
        ADD COLUMN suspended_at timestamptz,
        ADD COLUMN deletion_due_at timestamptz`);
    await db.query(`ALTER TABLE organisation DROP CONSTRAINT ck_organisation__kind`);
    await db.query(
      `ALTER TABLE organisation ADD CONSTRAINT ck_organisation__kind CHECK (kind IN ('employer', 'union', 'operator'))`,
    );
    await db.query(
      `CREATE INDEX ix_organisation__deletion_due_at ON organisation (deletion_due_at) WHERE deletion_due_at IS NOT NULL`,
    );
    await db.query(`ALTER TABLE membership DROP CONSTRAINT ck_membership__role`);
    await db.query(
      `ALTER TABLE membership ADD CONSTRAINT ck_membership__role CHECK (role IN (${ROLES_BEFORE}, 'platform_admin'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM membership WHERE role = 'platform_admin'`);
    await db.query(`ALTER TABLE membership DROP CONSTRAINT ck_membership__role`);
    await db.query(
      `ALTER TABLE membership ADD CONSTRAINT ck_membership__role CHECK (role IN (${ROLES_BEFORE}))`,
    );
    await db.query(`DROP INDEX ix_organisation__deletion_due_at`);
    await db.query(`ALTER TABLE organisation DROP CONSTRAINT ck_organisation__kind`);
    await db.query(
      `ALTER TABLE organisation ADD CONSTRAINT ck_organisation__kind CHECK (kind IN ('employer', 'union'))`,
    );
    await db.query(
      `ALTER TABLE organisation DROP COLUMN suspended_at, DROP COLUMN deletion_due_at`,
    );
  }
}
