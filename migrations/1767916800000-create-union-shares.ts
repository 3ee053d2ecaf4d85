import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a works council shares with a union (issue #8): chosen cases, or all its cases (`case_id`
 * null), at a scope, until revoked. Revoked rows stay, for the record; at most one active share
 * exists per council, union and case (or "all cases").
 */
export class CreateUnionShares1767916800000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE union_share (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        works_council_id uuid NOT NULL,
        union_organisation_id uuid NOT NULL,
        case_id uuid,
        scope text NOT NULL,
        granted_by uuid NOT NULL,
        granted_at timestamptz NOT NULL,
        revoked_by uuid,
        revoked_at timestamptz,
        version integer NOT NULL,
        CONSTRAINT pk_union_share PRIMARY KEY (id),
        CONSTRAINT ck_union_share__scope CHECK (scope IN ('status', 'dossier')),
        CONSTRAINT fk_union_share__works_council FOREIGN KEY (works_council_id) REFERENCES works_council (id) ON DELETE CASCADE,
        CONSTRAINT fk_union_share__union_organisation FOREIGN KEY (union_organisation_id) REFERENCES organisation (id) ON DELETE CASCADE,
        CONSTRAINT fk_union_share__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX ix_union_share__works_council ON union_share (works_council_id)`);
    await db.query(
      `CREATE INDEX ix_union_share__union_organisation ON union_share (union_organisation_id)`,
    );
    await db.query(`
      CREATE UNIQUE INDEX uq_union_share__active_case ON union_share (works_council_id, union_organisation_id, case_id)
      WHERE revoked_at IS NULL AND case_id IS NOT NULL`);
    await db.query(`
      CREATE UNIQUE INDEX uq_union_share__active_all ON union_share (works_council_id, union_organisation_id)
      WHERE revoked_at IS NULL AND case_id IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE union_share`);
  }
}
