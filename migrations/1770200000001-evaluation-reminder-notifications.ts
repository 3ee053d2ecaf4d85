import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The case events that notify before this migration (1769100000000-document-shared-notifications). */
const BEFORE = [
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
  'case.go_live_gate_opened',
  'case.go_live_gate_closed',
  'internal.vote_closing_soon',
  'document.shared',
];
/** Issue #19: an evaluation after go-live coming up reminds both parties. */
const ADDED = ['evaluation.due_soon'];
const DEADLINE_TYPES = ['deadline.reminder', 'deadline.overdue', 'deadline.escalation'];
const list = (types: readonly string[]) => types.map((t) => `'${t}'`).join(', ');

export class EvaluationReminderNotifications1770200000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await this.allow(db, [...BEFORE, ...ADDED]);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DELETE FROM notification_relay_delivery d USING domain_event e WHERE e.id = d.event_id AND e.type IN (${list(ADDED)})`,
    );
    // The old schema cannot hold them; their e-mail deliveries go with them (cascade).
    await db.query(`DELETE FROM notification WHERE type IN (${list(ADDED)})`);
    await this.allow(db, BEFORE);
  }

  /** The notification types a row may have, and the events the relay's queue trigger takes. */
  private async allow(db: QueryRunner, caseEventTypes: readonly string[]): Promise<void> {
    await db.query(`ALTER TABLE notification DROP CONSTRAINT ck_notification__type`);
    await db.query(
      `ALTER TABLE notification ADD CONSTRAINT ck_notification__type CHECK (type IN (${list([...DEADLINE_TYPES, 'mention', ...caseEventTypes])}))`,
    );
    await db.query(`DROP TRIGGER tr_domain_event__notification_relay_delivery ON domain_event`);
    await db.query(`
      CREATE TRIGGER tr_domain_event__notification_relay_delivery AFTER INSERT ON domain_event
      FOR EACH ROW WHEN (NEW.type IN (${list(['comment.mentioned', ...caseEventTypes])}))
      EXECUTE FUNCTION notification_relay_delivery_enqueue()`);
  }
}
