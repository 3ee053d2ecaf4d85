import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * @mentions reach the inbox and e-mail (not only the socket): a `notification` may now be about a
 * comment instead of a deadline reminder, and the worker's notification relay gets its own queue of
 * domain events to turn into notifications.
 *
 * - `notification.comment_id`: the comment a `mention` is about. One notification per (comment,
 *   user), so a mention notifies once, whether the relay sees its event twice or an edit re-adds it.
 * - `notification_relay_delivery`: one row per committed `comment.mentioned` event not yet made
 *   into notifications, filled by a trigger in the event's own transaction (as `realtime_delivery`
 *   is), so a rolled-back event never gets a row and no committed one is skipped.
 */
export class MentionNotifications1768090600000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notification
        ALTER COLUMN reminder_id DROP NOT NULL,
        ALTER COLUMN reminder_revision DROP NOT NULL,
        ALTER COLUMN deadline_id DROP NOT NULL,
        ADD COLUMN comment_id uuid,
        DROP CONSTRAINT ck_notification__type`);
    await db.query(`
      ALTER TABLE notification
        ADD CONSTRAINT ck_notification__type CHECK (type IN ('deadline.reminder', 'deadline.overdue', 'deadline.escalation', 'mention')),
        ADD CONSTRAINT ck_notification__subject CHECK (
          CASE WHEN type = 'mention'
            THEN comment_id IS NOT NULL AND reminder_id IS NULL AND reminder_revision IS NULL AND deadline_id IS NULL
            ELSE comment_id IS NULL AND reminder_id IS NOT NULL AND reminder_revision IS NOT NULL AND deadline_id IS NOT NULL
          END),
        ADD CONSTRAINT fk_notification__comment FOREIGN KEY (comment_id) REFERENCES comment (id) ON DELETE CASCADE`);
    await db.query(
      `CREATE UNIQUE INDEX uq_notification__comment_user ON notification (comment_id, user_id) WHERE comment_id IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE notification_relay_delivery (
        event_id bigint NOT NULL,
        CONSTRAINT pk_notification_relay_delivery PRIMARY KEY (event_id),
        CONSTRAINT fk_notification_relay_delivery__domain_event FOREIGN KEY (event_id) REFERENCES domain_event (id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE FUNCTION notification_relay_delivery_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO notification_relay_delivery (event_id) VALUES (NEW.id);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_domain_event__notification_relay_delivery AFTER INSERT ON domain_event
      FOR EACH ROW WHEN (NEW.type IN ('comment.mentioned'))
      EXECUTE FUNCTION notification_relay_delivery_enqueue()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER tr_domain_event__notification_relay_delivery ON domain_event`);
    await db.query(`DROP FUNCTION notification_relay_delivery_enqueue()`);
    await db.query(`DROP TABLE notification_relay_delivery`);
    // The old schema cannot hold them (no reminder); their e-mail deliveries go with them (cascade).
    await db.query(`DELETE FROM notification WHERE type = 'mention'`);
    await db.query(`DROP INDEX uq_notification__comment_user`);
    await db.query(`
      ALTER TABLE notification
        DROP CONSTRAINT fk_notification__comment,
        DROP CONSTRAINT ck_notification__subject,
        DROP CONSTRAINT ck_notification__type,
        DROP COLUMN comment_id,
        ALTER COLUMN reminder_id SET NOT NULL,
        ALTER COLUMN reminder_revision SET NOT NULL,
        ALTER COLUMN deadline_id SET NOT NULL`);
    await db.query(`
      ALTER TABLE notification
        ADD CONSTRAINT ck_notification__type CHECK (type IN ('deadline.reminder', 'deadline.overdue', 'deadline.escalation'))`);
  }
}
