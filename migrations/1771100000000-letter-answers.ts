import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #22: the employer's written answer to a letter that owes one without a legal term: the
 * council's initiative proposal (WOR art. 23(3), which meets Overleg's internal answer term) and
 * its expert cost notice (WOR art. 22(2), where the law sets no term at all).
 */
export class LetterAnswers1771100000000 implements MigrationInterface {
  name = 'LetterAnswers1771100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE letter ADD COLUMN answer jsonb NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE letter DROP COLUMN answer`);
  }
}
