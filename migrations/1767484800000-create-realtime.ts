import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The realtime relay's work queue: one row per committed domain event not yet pushed to sockets.
 *
 * A trigger fills it in the same transaction as the event, so a rolled-back event never gets a row
 * and a committed one always does. The relay claims rows with `FOR UPDATE SKIP LOCKED` and deletes
 * them when emitted. This replaces a "last relayed id" cursor, which would silently skip events:
 * bigserial ids are handed out at insert time but become visible at commit time, out of order.
 */
export class CreateRealtime1767484800000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE realtime_delivery (
        event_id bigint NOT NULL,
        CONSTRAINT pk_realtime_delivery PRIMARY KEY (event_id),
        CONSTRAINT fk_realtime_delivery__domain_event FOREIGN KEY (event_id) REFERENCES domain_event (id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE FUNCTION realtime_delivery_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO realtime_delivery (event_id) VALUES (NEW.id);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_domain_event__realtime_delivery AFTER INSERT ON domain_event
      FOR EACH ROW EXECUTE FUNCTION realtime_delivery_enqueue()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER tr_domain_event__realtime_delivery ON domain_event`);
    await db.query(`DROP FUNCTION realtime_delivery_enqueue()`);
    await db.query(`DROP TABLE realtime_delivery`);
  }
}
