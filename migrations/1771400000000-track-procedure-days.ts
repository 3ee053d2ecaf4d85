import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The union dashboard's median advice and consent durations are computed in SQL over every shared
 * case (issue #13). `track_procedure_days` is the rule `procedureDays` of @wc/overviews had: the
 * days from the last move to `request_submitted` before the first move to `council_position`, to
 * a tenth of a day; null while the procedure runs, or when the employer decided without a
 * position. One loop over the history per track, cheaper than a query per track. (A stored
 * generated column would be cheaper still, but TypeORM's schema check cannot read one on an
 * entity's table.)
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
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION track_procedure_days(jsonb)`);
  }
}
