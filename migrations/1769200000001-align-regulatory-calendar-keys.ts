import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The regulatory calendar was seeded with two rule keys that the code does not read
 * (`REGULATORY_RULE_KEYS` in libs/deadlines), so the art. 4 and art. 5 duties showed no date and
 * counted as binding for want of a row. Renames them to the keys the code reads (issue #17).
 */
export class AlignRegulatoryCalendarKeys1769200000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `UPDATE regulatory_calendar SET rule_key = 'ai_act_art4_ai_literacy' WHERE rule_key = 'ai_act_art4_literacy'`,
    );
    await db.query(
      `UPDATE regulatory_calendar SET rule_key = 'ai_act_art5_prohibited_practices' WHERE rule_key = 'ai_act_art5_prohibitions'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `UPDATE regulatory_calendar SET rule_key = 'ai_act_art4_literacy' WHERE rule_key = 'ai_act_art4_ai_literacy'`,
    );
    await db.query(
      `UPDATE regulatory_calendar SET rule_key = 'ai_act_art5_prohibitions' WHERE rule_key = 'ai_act_art5_prohibited_practices'`,
    );
  }
}
