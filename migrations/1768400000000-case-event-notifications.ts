import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The case events that notify (libs/notifications `CASE_EVENT_TYPES`), as of this migration. */
const CASE_EVENT_TYPES = [
  'case.sent',
  'case.request_submitted',
  'case.information_requested',
  'case.information_provided',
  'case.consultation_requested',
  'meeting.scheduled',
  'meeting.updated',
  'meeting.cancelled',
  'meeting.minutes_recorded',
  'case.council_position_recorded',
  'case.employer_decision_recorded',
  'case.suspension_waived',
  'case.triage_proposed',
  'case.use_reported',
  'ai_system.use_started_gate_closed',
  'union_share.granted',
  'union_share.revoked',
  'internal.vote_opened',
  'ai_system.changed_materially',
];
const DEADLINE_TYPES = ['deadline.reminder', 'deadline.overdue', 'deadline.escalation'];
const list = (types: readonly string[]) => types.map((t) => `'${t}'`).join(', ');

/**
 * Issue #16: every case event that asks someone to act notifies them. A `notification` may now be
 * about a domain event (`source_event_id`); one per (event, user), so an event relayed twice
 * notifies once. The relay's queue trigger takes these events too.
 */
export class CaseEventNotifications1768400000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notification
        ADD COLUMN source_event_id bigint,
        DROP CONSTRAINT ck_notification__type,
        DROP CONSTRAINT ck_notification__subject`);
    await db.query(`
      ALTER TABLE notification
        ADD CONSTRAINT ck_notification__type CHECK (type IN (${list([...DEADLINE_TYPES, 'mention', ...CASE_EVENT_TYPES])})),
        ADD CONSTRAINT ck_notification__subject CHECK (
          CASE WHEN type = 'mention'
            THEN comment_id IS NOT NULL AND reminder_id IS NULL AND reminder_revision IS NULL AND deadline_id IS NULL AND source_event_id IS NULL
          WHEN type IN (${list(DEADLINE_TYPES)})
            THEN comment_id IS NULL AND reminder_id IS NOT NULL AND reminder_revision IS NOT NULL AND deadline_id IS NOT NULL AND source_event_id IS NULL
            ELSE comment_id IS NULL AND reminder_id IS NULL AND reminder_revision IS NULL AND deadline_id IS NULL AND source_event_id IS NOT NULL
          END),
        ADD CONSTRAINT fk_notification__source_event FOREIGN KEY (source_event_id) REFERENCES domain_event (id) ON DELETE CASCADE`);
    await db.query(
      `CREATE UNIQUE INDEX uq_notification__source_event_user ON notification (source_event_id, user_id) WHERE source_event_id IS NOT NULL`,
    );
    await db.query(`DROP TRIGGER tr_domain_event__notification_relay_delivery ON domain_event`);
    await db.query(`
      CREATE TRIGGER tr_domain_event__notification_relay_delivery AFTER INSERT ON domain_event
      FOR EACH ROW WHEN (NEW.type IN (${list(['comment.mentioned', ...CASE_EVENT_TYPES])}))
      EXECUTE FUNCTION notification_relay_delivery_enqueue()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER tr_domain_event__notification_relay_delivery ON domain_event`);
    await db.query(`
      CREATE TRIGGER tr_domain_event__notification_relay_delivery AFTER INSERT ON domain_event
      FOR EACH ROW WHEN (NEW.type IN ('comment.mentioned'))
      EXECUTE FUNCTION notification_relay_delivery_enqueue()`);
    await db.query(`
      DELETE FROM notification_relay_delivery d USING domain_event e
       WHERE e.id = d.event_id AND e.type <> 'comment.mentioned'`);
    // The old schema cannot hold them; their e-mail deliveries go with them (cascade).
    await db.query(`DELETE FROM notification WHERE source_event_id IS NOT NULL`);
    await db.query(`DROP INDEX uq_notification__source_event_user`);
    await db.query(`
      ALTER TABLE notification
        DROP CONSTRAINT fk_notification__source_event,
        DROP CONSTRAINT ck_notification__subject,
        DROP CONSTRAINT ck_notification__type,
        DROP COLUMN source_event_id`);
    await db.query(`
      ALTER TABLE notification
        ADD CONSTRAINT ck_notification__type CHECK (type IN (${list([...DEADLINE_TYPES, 'mention'])})),
        ADD CONSTRAINT ck_notification__subject CHECK (
          CASE WHEN type = 'mention'
            THEN comment_id IS NOT NULL AND reminder_id IS NULL AND reminder_revision IS NULL AND deadline_id IS NULL
            ELSE comment_id IS NULL AND reminder_id IS NOT NULL AND reminder_revision IS NOT NULL AND deadline_id IS NOT NULL
          END)`);
  }
}
