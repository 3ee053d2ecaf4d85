import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agreed terms (convenant) per works council, legal-rules W5, W13, (d)2 and (e)1: one side
 * proposes, the other confirms (B.19), and each version keeps who proposed and confirmed it and
 * when it was superseded. At most one open proposal and one confirmed version per council.
 *
 * A deadline now remembers the length it was computed with (so a later convenant does not move a
 * running term), whether its clock stops while information requests are open, the days it stood
 * still, since when it stands still, and the flag for an agreed term ending on a non-working day.
 */
export class ConvenantAndStoppedClocks1769200000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE convenant (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        works_council_id uuid NOT NULL,
        version integer NOT NULL,
        status text NOT NULL,
        advice_term_weeks integer NOT NULL,
        consent_term_weeks integer NOT NULL,
        information_response_working_days integer NOT NULL,
        stop_clock_while_information_open boolean NOT NULL,
        evaluation_interval_months integer NOT NULL,
        proposed_by uuid NOT NULL,
        proposed_side text NOT NULL,
        proposed_at timestamptz NOT NULL,
        confirmed_by uuid,
        confirmed_at timestamptz,
        superseded_at timestamptz,
        CONSTRAINT pk_convenant PRIMARY KEY (id),
        CONSTRAINT fk_convenant__works_council FOREIGN KEY (works_council_id) REFERENCES works_council (id) ON DELETE CASCADE,
        CONSTRAINT ck_convenant__status CHECK (status IN ('proposed', 'confirmed', 'superseded')),
        CONSTRAINT ck_convenant__proposed_side CHECK (proposed_side IN ('employer', 'council')),
        CONSTRAINT ck_convenant__confirmed CHECK (status <> 'confirmed' OR (confirmed_by IS NOT NULL AND confirmed_at IS NOT NULL)),
        CONSTRAINT ck_convenant__terms CHECK (advice_term_weeks BETWEEN 1 AND 52 AND consent_term_weeks BETWEEN 1 AND 52 AND information_response_working_days BETWEEN 1 AND 60 AND evaluation_interval_months BETWEEN 1 AND 36)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_convenant__works_council_version ON convenant (works_council_id, version)`,
    );
    await db.query(
      `CREATE UNIQUE INDEX uq_convenant__works_council_proposed ON convenant (works_council_id) WHERE status = 'proposed'`,
    );
    await db.query(
      `CREATE UNIQUE INDEX uq_convenant__works_council_confirmed ON convenant (works_council_id) WHERE status = 'confirmed'`,
    );
    await db.query(`
      ALTER TABLE deadline
        ADD COLUMN term_length jsonb,
        ADD COLUMN stops_while_information_open boolean NOT NULL DEFAULT false,
        ADD COLUMN paused_days integer NOT NULL DEFAULT 0,
        ADD COLUMN clock_stopped_since date,
        ADD COLUMN agreed_term_ends_on_non_working_day boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT ck_deadline__paused_days CHECK (paused_days >= 0)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE deadline
        DROP CONSTRAINT ck_deadline__paused_days,
        DROP COLUMN agreed_term_ends_on_non_working_day,
        DROP COLUMN clock_stopped_since,
        DROP COLUMN paused_days,
        DROP COLUMN stops_while_information_open,
        DROP COLUMN term_length`);
    await db.query(`DROP TABLE convenant`);
  }
}
