import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #19, the council's own initiative and the follow-up of its conditions.
 *
 * - `council_signal`: what a council member hears or sees (a rumour, a feature that came with a
 *   software update, a report from staff), for the council only until it acts.
 * - `council_request`: what the council asks of the employer outside any case: information
 *   (WOR art. 31), the opening of a case for a system, or a written initiative proposal
 *   (art. 23(3)); each with its response term (a `deadline` row without a case) and the answer.
 * - `commitment`: one per condition of a conditional advice or consent, with an employer-side
 *   owner, a due date, evidence and a status only the right side may move.
 */
export class CouncilIntakeAndCommitments1770100000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE council_signal (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        works_council_id uuid NOT NULL,
        text text NOT NULL,
        source_kind text NOT NULL,
        ai_system_id uuid,
        raised_by uuid NOT NULL,
        raised_at timestamptz NOT NULL,
        status text NOT NULL,
        version integer NOT NULL,
        CONSTRAINT pk_council_signal PRIMARY KEY (id),
        CONSTRAINT ck_council_signal__source_kind CHECK (source_kind IN ('heard', 'software_update', 'staff_report')),
        CONSTRAINT ck_council_signal__status CHECK (status IN ('open', 'acted', 'dismissed')),
        CONSTRAINT fk_council_signal__works_council FOREIGN KEY (works_council_id) REFERENCES works_council (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX ix_council_signal__works_council ON council_signal (works_council_id)`,
    );
    await db.query(`
      CREATE TABLE council_request (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        works_council_id uuid NOT NULL,
        signal_id uuid,
        kind text NOT NULL,
        subject text NOT NULL,
        ai_system_id uuid,
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL,
        due_date date NOT NULL,
        status text NOT NULL,
        answer text,
        answered_by uuid,
        answered_at timestamptz,
        case_id uuid,
        version integer NOT NULL,
        CONSTRAINT pk_council_request PRIMARY KEY (id),
        CONSTRAINT ck_council_request__kind CHECK (kind IN ('information', 'case_opening', 'initiative')),
        CONSTRAINT ck_council_request__status CHECK (status IN ('open', 'answered', 'case_opened')),
        CONSTRAINT ck_council_request__case CHECK (status <> 'case_opened' OR case_id IS NOT NULL),
        CONSTRAINT fk_council_request__works_council FOREIGN KEY (works_council_id) REFERENCES works_council (id) ON DELETE CASCADE,
        CONSTRAINT fk_council_request__council_signal FOREIGN KEY (signal_id) REFERENCES council_signal (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX ix_council_request__works_council ON council_request (works_council_id)`,
    );
    await db.query(`CREATE INDEX ix_council_request__signal ON council_request (signal_id)`);
    await db.query(`
      CREATE TABLE commitment (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        works_council_id uuid NOT NULL,
        track text NOT NULL,
        condition_no integer NOT NULL,
        condition text NOT NULL,
        owner_id uuid,
        due_date date,
        evidence text,
        evidence_document_id uuid,
        status text NOT NULL,
        status_note text,
        status_changed_by uuid,
        status_changed_at timestamptz,
        reminded_for date,
        reopened_at timestamptz,
        created_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT pk_commitment PRIMARY KEY (id),
        CONSTRAINT ck_commitment__track CHECK (track IN ('advice', 'consent')),
        CONSTRAINT ck_commitment__status CHECK (status IN ('open', 'met', 'broken', 'waived')),
        CONSTRAINT fk_commitment__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_commitment__case_track_condition ON commitment (case_id, track, condition_no)`,
    );
    await db.query(`CREATE INDEX ix_commitment__status_due_date ON commitment (status, due_date)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE commitment`);
    await db.query(`DROP TABLE council_request`);
    await db.query(`DROP TABLE council_signal`);
  }
}
