import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search read path (issue #13): the GIN indexes a search consults take their entries straight
 * into the index rather than into a pending list. Every read scans a GIN pending list in full
 * until VACUUM merges it, and the planner, seeing it, turned to sequential scans: the search
 * index (whose triggers write a row per comment, document and case) and the case experts'
 * index (every case a search may show passes the `@wc/access` rule, whose expert arm uses it).
 * Writes pay a little more per row; reads no longer depend on when autovacuum last ran.
 */
const INDEXES = ['ix_search_item__tsv', 'ix_ai_case__expert_ids'];

export class GinIndexesWithoutPendingList1771600000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const index of INDEXES) {
      await db.query(`ALTER INDEX ${index} SET (fastupdate = off)`);
      // What is pending already moves into the index now, not at the next VACUUM.
      await db.query(`SELECT gin_clean_pending_list($1::regclass)`, [index]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of INDEXES) {
      await db.query(`ALTER INDEX ${index} RESET (fastupdate)`);
    }
  }
}
