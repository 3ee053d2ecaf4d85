import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The union dashboard's median advice and consent durations are computed in SQL over every shared
 * case (issue #13): reading each track's history for ten thousand cases per request was most of
 * its time. `case_track.procedure_days` keeps the days from the written request to the council's
 * position with the track itself, from the same rule as before (`procedureDays` of
 * @wc/overviews): from the last move to `request_submitted` before the first move to
 * `council_position`, to a tenth of a day; null while the procedure runs, or when the employer
 * decided without a position. A stored generated column, so every writer of the snapshot keeps it.
 */
export class TrackProcedureDays1771400000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE FUNCTION track_procedure_days(history jsonb) RETURNS double precision
         LANGUAGE plpgsql IMMUTABLE AS $$
       DECLARE
         entry jsonb;
         submitted timestamptz;
       BEGIN
         FOR entry IN SELECT e FROM jsonb_array_elements(CASE WHEN jsonb_typeof(history) = 'array' THEN history ELSE '[]'::jsonb END) e LOOP
           IF entry->>'to' = 'request_submitted' THEN
             submitted := (entry->>'at')::timestamptz;
           ELSIF entry->>'to' = 'council_position' AND submitted IS NOT NULL THEN
             RETURN round((extract(epoch FROM (entry->>'at')::timestamptz - submitted) / 86400)::numeric, 1);
           END IF;
         END LOOP;
         RETURN NULL;
       END $$`,
    );
    await db.query(
      `ALTER TABLE case_track ADD COLUMN procedure_days double precision
         GENERATED ALWAYS AS (track_procedure_days(snapshot->'history')) STORED`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE case_track DROP COLUMN procedure_days`);
    await db.query(`DROP FUNCTION track_procedure_days(jsonb)`);
  }
}
