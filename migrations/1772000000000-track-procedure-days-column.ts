import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The union dashboard's median advice and consent durations read a stored column instead of
 * walking every track's history per request (issue #13: at 20,000 tracks the walk was half the
 * statement). `procedure_days` is derived by a trigger from the snapshot with the same
 * `track_procedure_days` rule (migration 1771400000000) on every insert and update, so no writer
 * needs to know of it and nobody can store a value the history does not give.
 */
export class TrackProcedureDaysColumn1772000000000 implements MigrationInterface {
  name = 'TrackProcedureDaysColumn1772000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE case_track ADD COLUMN procedure_days double precision`);
    await db.query(
      `CREATE FUNCTION case_track_procedure_days() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.procedure_days := CASE WHEN NEW.kind IN ('advice', 'consent')
                                    THEN track_procedure_days(NEW.snapshot->'history') END;
         RETURN NEW;
       END $$`,
    );
    await db.query(
      `CREATE TRIGGER tr_case_track__procedure_days BEFORE INSERT OR UPDATE ON case_track
         FOR EACH ROW EXECUTE FUNCTION case_track_procedure_days()`,
    );
    await db.query(
      `UPDATE case_track SET procedure_days = track_procedure_days(snapshot->'history')
        WHERE kind IN ('advice', 'consent')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER tr_case_track__procedure_days ON case_track`);
    await db.query(`DROP FUNCTION case_track_procedure_days()`);
    await db.query(`ALTER TABLE case_track DROP COLUMN procedure_days`);
  }
}
