import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The council's own expert (WOR art. 16; costs art. 22). The board invites the expert directly by
 * e-mail; the engagement carries the cost notice the employer sees (art. 22(2): the expected costs,
 * notified in advance) and the moment the expert acknowledged the art. 20 duty of confidentiality,
 * without which the invitation cannot be accepted.
 */
export class CouncilExpertEngagement1768100000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE council_expert_engagement (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        works_council_id uuid NOT NULL,
        invitation_id uuid NOT NULL,
        email text NOT NULL,
        user_id uuid,
        purpose text NOT NULL,
        expected_costs_cents bigint NOT NULL,
        confidentiality_acknowledged_at timestamptz,
        engaged_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_council_expert_engagement PRIMARY KEY (id),
        CONSTRAINT fk_council_expert_engagement__works_council FOREIGN KEY (works_council_id) REFERENCES works_council (id) ON DELETE CASCADE,
        CONSTRAINT fk_council_expert_engagement__invitation FOREIGN KEY (invitation_id) REFERENCES invitation (id) ON DELETE CASCADE,
        CONSTRAINT fk_council_expert_engagement__user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE SET NULL,
        CONSTRAINT ck_council_expert_engagement__expected_costs CHECK (expected_costs_cents >= 0),
        CONSTRAINT ck_council_expert_engagement__acknowledged CHECK (user_id IS NULL OR confidentiality_acknowledged_at IS NOT NULL)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_council_expert_engagement__invitation ON council_expert_engagement (invitation_id)`,
    );
    await db.query(
      `CREATE INDEX ix_council_expert_engagement__works_council ON council_expert_engagement (works_council_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE council_expert_engagement`);
  }
}
