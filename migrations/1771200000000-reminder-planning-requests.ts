import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reminder sweep stops reading the `deadline` table of @wc/deadlines in its own SQL (issue
 * #13, boundary rule B.3). What it joined that table for now lives with the plans:
 * - `reminder_plan_request`: the deadlines whose reminders must be (re)planned, filled by a
 *   trigger in the deadline's own transaction when one is created, moved or closed (as
 *   `notification_relay_delivery` is filled from `domain_event`). The sweep claims requests, asks
 *   @wc/deadlines for those deadlines' facts, and a due reminder is sent only while its deadline
 *   has no request waiting (it is open and unmoved since planning).
 * - `reminder_plan.organisation_id` / `works_council_id`: whose deadline it is (never changes),
 *   so due reminders are claimed grouped by organisation and settings changes mark plans stale
 *   without the deadline row.
 */
export class ReminderPlanningRequests1771200000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE reminder_plan ADD COLUMN organisation_id uuid, ADD COLUMN works_council_id uuid`,
    );
    await db.query(
      `UPDATE reminder_plan p SET organisation_id = d.organisation_id, works_council_id = d.works_council_id
         FROM deadline d WHERE d.id = p.deadline_id`,
    );
    await db.query(`ALTER TABLE reminder_plan ALTER COLUMN organisation_id SET NOT NULL`);
    await db.query(
      `CREATE INDEX ix_reminder_plan__organisation ON reminder_plan (organisation_id) WHERE deadline_status = 'open'`,
    );
    await db.query(
      `CREATE INDEX ix_reminder_plan__works_council ON reminder_plan (works_council_id) WHERE deadline_status = 'open'`,
    );
    await db.query(`
      CREATE TABLE reminder_plan_request (
        deadline_id uuid NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_reminder_plan_request PRIMARY KEY (deadline_id),
        CONSTRAINT fk_reminder_plan_request__deadline FOREIGN KEY (deadline_id) REFERENCES deadline (id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE FUNCTION reminder_plan_request_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO reminder_plan_request (deadline_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_deadline__reminder_plan_request_insert AFTER INSERT ON deadline
      FOR EACH ROW EXECUTE FUNCTION reminder_plan_request_enqueue()`);
    await db.query(`
      CREATE TRIGGER tr_deadline__reminder_plan_request_update AFTER UPDATE OF due_at, status ON deadline
      FOR EACH ROW WHEN (OLD.due_at IS DISTINCT FROM NEW.due_at OR OLD.status IS DISTINCT FROM NEW.status)
      EXECUTE FUNCTION reminder_plan_request_enqueue()`);
    // What the sweep's join found before: new, moved, closed and reopened deadlines.
    await db.query(`
      INSERT INTO reminder_plan_request (deadline_id)
      SELECT d.id FROM deadline d LEFT JOIN reminder_plan p ON p.deadline_id = d.id
       WHERE (d.status = 'open' AND (p.deadline_id IS NULL OR p.deadline_due_at <> d.due_at OR p.deadline_status <> 'open'))
          OR (p.deadline_status = 'open' AND d.status <> 'open')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER tr_deadline__reminder_plan_request_update ON deadline`);
    await db.query(`DROP TRIGGER tr_deadline__reminder_plan_request_insert ON deadline`);
    await db.query(`DROP FUNCTION reminder_plan_request_enqueue()`);
    await db.query(`DROP TABLE reminder_plan_request`);
    await db.query(`DROP INDEX ix_reminder_plan__works_council`);
    await db.query(`DROP INDEX ix_reminder_plan__organisation`);
    await db.query(
      `ALTER TABLE reminder_plan DROP COLUMN works_council_id, DROP COLUMN organisation_id`,
    );
  }
}
