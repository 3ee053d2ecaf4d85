import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The evaluation sweep stops scanning `domain_event` (the outbox of @wc/database) in its own SQL
 * (issue #13, boundary rule B.3). It becomes an outbox consumer like the relays:
 * `evaluation_planning_delivery` queues every committed `case.implemented` event, filled by a
 * trigger in the event's own transaction; the sweep claims them through @wc/database's event log
 * and plans the case's evaluations in the claiming transaction. Cases implemented before this
 * migration and not planned yet are queued here, which is what the sweep's scan found before.
 */
export class EvaluationPlanningQueue1771700000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE evaluation_planning_delivery (
        event_id bigint NOT NULL,
        CONSTRAINT pk_evaluation_planning_delivery PRIMARY KEY (event_id),
        CONSTRAINT fk_evaluation_planning_delivery__domain_event FOREIGN KEY (event_id) REFERENCES domain_event (id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE FUNCTION evaluation_planning_delivery_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO evaluation_planning_delivery (event_id) VALUES (NEW.id);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_domain_event__evaluation_planning_delivery AFTER INSERT ON domain_event
      FOR EACH ROW WHEN (NEW.type = 'case.implemented' AND NEW.case_id IS NOT NULL)
      EXECUTE FUNCTION evaluation_planning_delivery_enqueue()`);
    await db.query(`
      INSERT INTO evaluation_planning_delivery (event_id)
      SELECT e.id FROM domain_event e
       WHERE e.type = 'case.implemented' AND e.case_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM evaluation v WHERE v.case_id = e.case_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER tr_domain_event__evaluation_planning_delivery ON domain_event`);
    await db.query(`DROP FUNCTION evaluation_planning_delivery_enqueue()`);
    await db.query(`DROP TABLE evaluation_planning_delivery`);
  }
}
