import type { MigrationInterface, QueryRunner } from 'typeorm';

import {
  changeNotificationTypes,
  changeRelayedEvents,
  forgetNotificationsOf,
} from './support/notified-events';

/** Issue #22: a formal letter sent through the platform reaches the other side's inbox and e-mail. */
const ADDED = ['letter.sent_to_council', 'letter.sent_to_employer'];
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
    await changeNotificationTypes(db, { add: ADDED });
    await changeRelayedEvents(db, { add: ADDED });
  }

  async down(db: QueryRunner): Promise<void> {
    await forgetNotificationsOf(db, ADDED);
    await changeNotificationTypes(db, { remove: ADDED });
    await changeRelayedEvents(db, { remove: ADDED });
    await db.query(`DROP TABLE letter_version`);
    await db.query(`DROP TABLE letter`);
  }
}
