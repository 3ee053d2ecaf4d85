import './start-tracing';
import 'reflect-metadata';

import { join } from 'node:path';

import { startApi } from '@wc/api';
import { type AppConfig, loadConfig } from '@wc/config';
import { DemoSeeder } from '@wc/councils';
import {
  DEFAULT_APP_PASSWORD,
  DEFAULT_APP_USER,
  type EmbeddedDatabase,
  ensureDatabase,
  provisionAppRole,
  runMigrations,
  startEmbeddedPostgres,
  withCredentials,
} from '@wc/database';
import { startWorker } from '@wc/worker';

import { ensureWebBuild } from './build-web';
import {
  assertPortFree,
  assertWritableDataDir,
  explainListenError,
  startupMessage,
} from './start-up-errors';

/**
 * `npm start`: one command from a fresh clone to a running platform. Uses DATABASE_URL when set,
 * else a real PostgreSQL embedded under the data directory; migrates, seeds the demo once (in
 * development on the embedded database only), and runs the API and the worker in this process.
 */
async function main(): Promise<void> {
  const config: AppConfig = loadConfig();
  await assertPortFree(config.app.port, config.app.host);
  await assertWritableDataDir(config.app.dataDir);

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.database.url;
  let migrationUrl = config.database.migrationUrl ?? databaseUrl;
  if (!databaseUrl) {
    const dir = join(config.app.dataDir, 'postgres');
    console.log(
      `Starting embedded PostgreSQL in ${dir} on port ${config.database.embeddedPort} ...`,
    );
    embedded = await startEmbeddedPostgres(dir, config.database.embeddedPort);
    for (const note of embedded.notes) {
      console.log(note);
    }
    await ensureDatabase(embedded.serverUrl, 'overleg');
    // Migrations as the cluster's owner; the API and the worker as the runtime role (also on data
    // created before there were two roles: both steps are idempotent).
    migrationUrl = embedded.urlFor('overleg');
    databaseUrl = withCredentials(migrationUrl, DEFAULT_APP_USER, DEFAULT_APP_PASSWORD);
  }
  const resolved: AppConfig = {
    ...config,
    database: { ...config.database, url: databaseUrl, migrationUrl },
  };

  const applied = await runMigrations(migrationUrl ?? databaseUrl);
  await provisionAppRole(migrationUrl ?? databaseUrl, databaseUrl);
  if (applied.length > 0) {
    console.log(`Applied migrations: ${applied.join(', ')}`);
  }

  // The web app is served by the API; build it when missing or older than its sources.
  try {
    if (ensureWebBuild({ quiet: true })) {
      console.log('Built the web app (apps/web/dist).');
    }
  } catch (error) {
    console.error(`The web app could not be built; the API runs without it.\n${String(error)}`);
  }

  const api = await startApi(resolved, { shutdownHooks: false }).catch((error: unknown) => {
    throw explainListenError(error, config.app.port);
  });
  const worker = await startWorker(resolved, { shutdownHooks: false });
  // Demo people with a published password belong on a developer's own embedded database only,
  // never on a server's (issue #15): there the operator provisions with `npm run admin`.
  const seed =
    config.app.env === 'development' && !config.database.url
      ? await api.get(DemoSeeder).seedOnce()
      : null;

  const url = config.app.publicUrl;
  console.log(`\nOverleg is running at ${url} (listening on ${config.app.host})`);
  console.log(`API documentation: ${url}/api/docs`);
  if (seed) {
    console.log(
      seed.created ? 'Demo organisation "Demo Logistiek B.V." created. Logins:' : 'Demo logins:',
    );
    for (const login of seed.logins) {
      console.log(`  ${login.role.padEnd(24)} ${login.email.padEnd(32)} ${login.password}`);
    }
  } else {
    console.log(
      'No demo data here: create an organisation and invite its admin with `npm run admin -- create-organisation ...` (see the README).',
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log(`\n${signal}: stopping ...`);
    await worker.close();
    await api.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(startupMessage(error) ?? error);
  process.exit(1);
});
