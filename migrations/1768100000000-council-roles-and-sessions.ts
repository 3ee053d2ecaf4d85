import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The council's roles belong to the council, and sessions end when access ends (issue #14).
 *
 * - `app_user.deactivated_at`: a deactivated account signs in no more, and its access tokens are
 *   refused on the next request or socket message (checked in the actor query).
 * - `council_role_change`: every grant, change and removal of a council role, written in the same
 *   transaction, readable by the council it concerns. Append-only: a trigger refuses UPDATE,
 *   DELETE and TRUNCATE, so nobody edits the record of who gave whom a council role.
 */
export class CouncilRolesAndSessions1768100000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE app_user ADD COLUMN deactivated_at timestamptz`);
    await db.query(`
      CREATE TABLE council_role_change (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        works_council_id uuid NOT NULL,
        subject_user_id uuid NOT NULL,
        membership_id uuid,
        change text NOT NULL,
        role text NOT NULL,
        previous_role text,
        committee_id uuid,
        actor_user_id uuid,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT pk_council_role_change PRIMARY KEY (id),
        CONSTRAINT fk_council_role_change__works_council FOREIGN KEY (works_council_id) REFERENCES works_council (id),
        CONSTRAINT ck_council_role_change__change CHECK (change IN ('granted', 'changed', 'removed', 'deactivated')),
        CONSTRAINT ck_council_role_change__role CHECK (role IN ('council_chair', 'council_secretary', 'council_member', 'committee_member', 'external_expert'))
      )`);
    await db.query(
      `CREATE INDEX ix_council_role_change__works_council_occurred_at ON council_role_change (works_council_id, occurred_at)`,
    );
    await db.query(`
      CREATE FUNCTION council_role_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'council_role_change is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_council_role_change__append_only BEFORE UPDATE OR DELETE ON council_role_change
      FOR EACH ROW EXECUTE FUNCTION council_role_change_append_only()`);
    await db.query(`
      CREATE TRIGGER tr_council_role_change__no_truncate BEFORE TRUNCATE ON council_role_change
      FOR EACH STATEMENT EXECUTE FUNCTION council_role_change_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE council_role_change`);
    await db.query(`DROP FUNCTION council_role_change_append_only()`);
    await db.query(`ALTER TABLE app_user DROP COLUMN deactivated_at`);
  }
}
