import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #14: after a case is sent, an employer re-triage that would withdraw a track (or rests on
 * answers contradicting the platform's facts) is a proposal the council board accepts or contests.
 * The triage history records the proposal and the board's answer.
 */
export class TriageProposalRecords1768200000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE triage_record DROP CONSTRAINT ck_triage_record__kind`);
    await db.query(
      `ALTER TABLE triage_record ADD CONSTRAINT ck_triage_record__kind CHECK (kind IN ('triage', 'contest', 'contest_resolved', 'proposal', 'proposal_accepted', 'proposal_contested'))`,
    );
    await db.query(`CREATE INDEX ix_ai_case__ai_system ON ai_case (ai_system_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_ai_case__ai_system`);
    // The proposal records have no place in the older history; they go with the constraint.
    await db.query(
      `DELETE FROM triage_record WHERE kind IN ('proposal', 'proposal_accepted', 'proposal_contested')`,
    );
    await db.query(`ALTER TABLE triage_record DROP CONSTRAINT ck_triage_record__kind`);
    await db.query(
      `ALTER TABLE triage_record ADD CONSTRAINT ck_triage_record__kind CHECK (kind IN ('triage', 'contest', 'contest_resolved'))`,
    );
  }
}
