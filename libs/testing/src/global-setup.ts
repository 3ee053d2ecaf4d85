import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  DEFAULT_APP_PASSWORD,
  DEFAULT_APP_USER,
  provisionAppRole,
  runMigrations,
  startEmbeddedPostgres,
  withCredentials,
} from '@wc/database';

import { freePort } from './free-port';
import { adminQuery, TEST_SERVER_ENV, TEST_TEMPLATE_ENV, withDatabase } from './test-database';

/**
 * Finds a PostgreSQL server (TEST_DATABASE_URL, else an embedded one in a temp dir), migrates a
 * template database once, and tells the workers where it is. The template name is unique per
 * run so parallel runs on one server do not collide.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'overleg-test-pg-'));
    const embedded = await startEmbeddedPostgres(dir, await freePort(), { durable: false });
    for (const note of embedded.notes) {
      console.log(`\n${note}`);
    }
    (globalThis as { __overlegEmbedded?: { stop(): Promise<void> } }).__overlegEmbedded = embedded;
    serverUrl = embedded.serverUrl;
  }
  const template = `wc_tpl_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${template}"`);
  const templateUrl = withDatabase(serverUrl, template);
  await runMigrations(templateUrl);
  // The runtime login role, once per run; each copy gets its database-level grants.
  await provisionAppRole(
    templateUrl,
    withCredentials(templateUrl, DEFAULT_APP_USER, DEFAULT_APP_PASSWORD),
  );
  process.env[TEST_SERVER_ENV] = serverUrl;
  process.env[TEST_TEMPLATE_ENV] = template;
}
