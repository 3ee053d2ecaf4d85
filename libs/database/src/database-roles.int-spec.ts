import { Client } from 'pg';
import PgBoss from 'pg-boss';

import { createTestDatabase, type TestDatabase } from '@wc/testing';

import { DEFAULT_APP_USER, provisionAppRole } from './database-roles';

async function one<T>(url: string, sql: string): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0] as T;
  } finally {
    await client.end();
  }
}

/** Provisioning the runtime login (npm start, scripts/migrate.ts, the test harness), on real PostgreSQL. */
describe('provisionAppRole (real PostgreSQL)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('may run many times at once: roles, membership and grants that appeared meanwhile are no error', async () => {
    await Promise.all(
      Array.from({ length: 6 }, () => provisionAppRole(database.ownerUrl, database.url)),
    );
    await expect(
      one(
        database.url,
        `SELECT current_user AS role, pg_has_role(current_user, 'overleg_runtime', 'MEMBER') AS member`,
      ),
    ).resolves.toEqual({ role: DEFAULT_APP_USER, member: true });
  });

  it("hands pg-boss's schema, made by the owner before there were two roles, to the app login", async () => {
    // As a database from before this change: pg-boss installed by the single (owner) role.
    const asOwner = new PgBoss({
      connectionString: database.ownerUrl,
      max: 2,
      schedule: false,
      supervise: false,
    });
    await asOwner.start();
    await asOwner.createQueue('old-queue');
    await asOwner.stop({ graceful: false, wait: true });

    await provisionAppRole(database.ownerUrl, database.url);
    const owners = await one<{ schema: string; tables: string[] }>(
      database.ownerUrl,
      `
      SELECT pg_get_userbyid(n.nspowner) AS schema,
             array(SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.relnamespace = n.oid)::text[] AS tables
      FROM pg_namespace n WHERE n.nspname = 'pgboss'`,
    );
    expect(owners).toEqual({ schema: DEFAULT_APP_USER, tables: [DEFAULT_APP_USER] });

    // The app login now runs pg-boss there: a new queue attaches a partition to pg-boss's table.
    const asApp = new PgBoss({
      connectionString: database.url,
      max: 2,
      schedule: false,
      supervise: false,
    });
    await asApp.start();
    try {
      await asApp.createQueue('new-queue');
      await asApp.send('old-queue', { n: 1 });
      await asApp.send('new-queue', { n: 2 });
      const [job] = await asApp.fetch<{ n: number }>('new-queue');
      expect(job?.data).toEqual({ n: 2 });
    } finally {
      await asApp.stop({ graceful: false, wait: true });
    }
  });
});
