import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case may be prepared by one committee (commissie) of its competent works council. Committee
 * members see only the sent cases of their committees (model.md "Visibility"), so the case list
 * gets an index on the column for its committee arm. Deleting a committee leaves its cases with
 * the whole council rather than deleting them.
 */
export class AssignCaseCommittee1768089602000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE ai_case ADD COLUMN committee_id uuid`);
    await db.query(
      `ALTER TABLE ai_case ADD CONSTRAINT fk_ai_case__committee FOREIGN KEY (committee_id) REFERENCES committee (id) ON DELETE SET NULL`,
    );
    await db.query(`CREATE INDEX ix_ai_case__committee ON ai_case (committee_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_ai_case__committee`);
    await db.query(`ALTER TABLE ai_case DROP CONSTRAINT fk_ai_case__committee`);
    await db.query(`ALTER TABLE ai_case DROP COLUMN committee_id`);
  }
}
