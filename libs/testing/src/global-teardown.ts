import { Client } from 'pg';

import { TEST_SERVER_ENV, TEST_TEMPLATE_ENV } from './test-database';

/** Drops this run's template and per-file databases, and stops the embedded server if we started one. */
export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env[TEST_SERVER_ENV];
  const template = process.env[TEST_TEMPLATE_ENV];
  if (serverUrl && template) {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
        [template, `${template}\\_%`],
      );
      for (const { datname } of rows) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    } finally {
      await client.end();
    }
  }
  const embedded = (globalThis as { __overlegEmbedded?: { stop(): Promise<void> } })
    .__overlegEmbedded;
  await embedded?.stop();
}
