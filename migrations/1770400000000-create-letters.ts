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
/** Issue #22: a formal letter sent through the platform reaches the other side's inbox and e-mail. */
const ADDED = ['letter.sent_to_council', 'letter.sent_to_employer'];
const DEADLINE_TYPES = ['deadline.reminder', 'deadline.overdue', 'deadline.escalation'];
const list = (types: readonly string[]) => types.map((t) => `'${t}'`).join(', ');

const KINDS = [
  'advice_request',
  'consent_request',
  'information_request',
  'consultation_request',
  'council_decision',
  'employer_decision',
  'ai_act_notice',
  'expert_cost_notice',
  'nullity_invocation',
  'initiative_proposal',
];

/**
 * Formal letters of a case (issue #22): drafted from the case, versioned, signed off by the
 * sending side's authorised role, sent, and received (the receipt date starts the term). Each
 * edit is a new `letter_version`; the receipt record keeps every claim and correction.
 */
export class CreateLetters1770400000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE letter (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        works_council_id uuid NOT NULL,
        kind text NOT NULL,
        track text,
        sender_side text NOT NULL,
        language text NOT NULL,
        status text NOT NULL DEFAULT 'draft',
        fields jsonb NOT NULL DEFAULT '{}',
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        signed_version integer,
        signed_by uuid,
        signed_at timestamptz,
        sent_by uuid,
        sent_at timestamptz,
        delivery text,
        received_on date,
        receipt jsonb NOT NULL DEFAULT '[]',
        term_effect jsonb,
        version integer NOT NULL,
        CONSTRAINT pk_letter PRIMARY KEY (id),
        CONSTRAINT fk_letter__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE,
        CONSTRAINT ck_letter__kind CHECK (kind IN (${list(KINDS)})),
        CONSTRAINT ck_letter__track CHECK (track IS NULL OR track IN ('advice', 'consent', 'ai_act')),
        CONSTRAINT ck_letter__sender_side CHECK (sender_side IN ('employer', 'council')),
        CONSTRAINT ck_letter__language CHECK (language IN ('nl', 'en')),
        CONSTRAINT ck_letter__status CHECK (status IN ('draft', 'signed', 'sent', 'received')),
        CONSTRAINT ck_letter__delivery CHECK (delivery IS NULL OR delivery IN ('platform', 'outside')),
        CONSTRAINT ck_letter__signed CHECK (status = 'draft' OR (signed_by IS NOT NULL AND signed_version IS NOT NULL)),
        CONSTRAINT ck_letter__sent CHECK (status NOT IN ('sent', 'received') OR (sent_at IS NOT NULL AND delivery IS NOT NULL)),
        CONSTRAINT ck_letter__received CHECK (status <> 'received' OR received_on IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX ix_letter__case ON letter (case_id, created_at, id)`);
    await db.query(`
      CREATE TABLE letter_version (
        letter_id uuid NOT NULL,
        seq integer NOT NULL,
        body text NOT NULL,
        structured jsonb NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_letter_version PRIMARY KEY (letter_id, seq),
        CONSTRAINT fk_letter_version__letter FOREIGN KEY (letter_id) REFERENCES letter (id) ON DELETE CASCADE,
        CONSTRAINT ck_letter_version__seq CHECK (seq >= 1)
      )`);
    await this.allow(db, [...BEFORE, ...ADDED]);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DELETE FROM notification_relay_delivery d USING domain_event e WHERE e.id = d.event_id AND e.type IN (${list(ADDED)})`,
    );
    await db.query(`DELETE FROM notification WHERE type IN (${list(ADDED)})`);
    await this.allow(db, BEFORE);
    await db.query(`DROP TABLE letter_version`);
    await db.query(`DROP TABLE letter`);
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
