import { randomUUID } from 'node:crypto';

import { DataSource } from 'typeorm';

import { dataSourceOptions } from '@wc/database';
import { createTestDatabase, type TestDatabase } from '@wc/testing';

import { entryHash, GENESIS_HASH, verifyChain } from './audit-chain';

/** Migration 1768300100000-anchor-audit-head on a database with audit trails written before it. */
describe('audit head backfill (real PostgreSQL)', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await new DataSource({
      ...dataSourceOptions({ url: database.ownerUrl, poolSize: 2 }),
      migrationsTransactionMode: 'each',
    }).initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('anchors each existing case at the newest entry of its chain, and appends go on from there', async () => {
    // Back to the schema before the anchor (and any migration after it).
    const anchored = async () =>
      (
        await db.query<unknown[]>(
          `SELECT 1 FROM schema_migration WHERE name = 'AnchorAuditHead1768300100000'`,
        )
      ).length > 0;
    while (await anchored()) {
      await db.undoLastMigration({ transaction: 'each' });
    }

    const chains = new Map<string, Array<ReturnType<typeof row>>>();
    function row(caseId: string, seq: number, prevHash: string) {
      const fields = {
        caseId,
        seq,
        actorId: null,
        action: `a${seq}`,
        occurredAt: new Date(Date.UTC(2026, 0, seq)),
        before: null,
        after: { n: seq },
        prevHash,
      };
      return { ...fields, hash: entryHash(fields) };
    }
    for (const [caseId, length] of [
      [randomUUID(), 3],
      [randomUUID(), 1],
    ] as const) {
      let prevHash = GENESIS_HASH;
      const rows = [];
      for (let seq = 1; seq <= length; seq++) {
        const r = row(caseId, seq, prevHash);
        await db.query(
          `INSERT INTO audit_entry (case_id, seq, actor_id, action, occurred_at, before, after, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            r.caseId,
            r.seq,
            r.actorId,
            r.action,
            r.occurredAt,
            r.before,
            r.after,
            r.prevHash,
            r.hash,
          ],
        );
        rows.push(r);
        prevHash = r.hash;
      }
      chains.set(caseId, rows);
    }

    await db.runMigrations({ transaction: 'each' });
    for (const [caseId, rows] of chains) {
      const [head] = await db.query<Array<{ seq: number; hash: string }>>(
        `SELECT seq, hash FROM audit_head WHERE case_id = $1`,
        [caseId],
      );
      expect(head).toEqual({ seq: rows.length, hash: rows[rows.length - 1].hash });
      expect(verifyChain(rows, head)).toMatchObject({ valid: true, reason: null });
    }

    // The next append must extend the anchored head; anything else is refused.
    const [caseId, rows] = [...chains][0];
    const next = row(caseId, rows.length + 1, rows[rows.length - 1].hash);
    const insert = (r: typeof next) =>
      db.query(
        `INSERT INTO audit_entry (case_id, seq, action, occurred_at, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6)`,
        [r.caseId, r.seq, r.action, r.occurredAt, r.prevHash, r.hash],
      );
    await expect(insert({ ...next, prevHash: GENESIS_HASH })).rejects.toThrow(/extend the chain/);
    await insert(next);
    await expect(
      db.query(`SELECT seq FROM audit_head WHERE case_id = $1`, [caseId]),
    ).resolves.toEqual([{ seq: rows.length + 1 }]);
  });
});
