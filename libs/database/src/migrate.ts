import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { dataSourceOptions } from './data-source-options';

/** One advisory-lock key for every migrator of a database (`hashtext` of a fixed name). */
const MIGRATION_LOCK = `hashtext('overleg.migrations')`;

/**
 * Applies pending migrations; each runs in its own transaction. Migrators started at once (two
 * replicas, a migrate job and `npm start`) take turns on a session advisory lock: the later one
 * waits, then finds nothing left to apply, instead of dying on a unique violation.
 */
export async function runMigrations(
  url: string,
  { upTo }: { upTo?: number } = {},
): Promise<string[]> {
  const lock = new Client({ connectionString: url, application_name: 'overleg-migrate-lock' });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    const options = dataSourceOptions({ url, poolSize: 2 });
    // `upTo`: only the first n migrations (a restore rebuilds the schema its backup was taken on).
    const migrations =
      upTo === undefined ? options.migrations : (options.migrations as unknown[]).slice(0, upTo);
    const dataSource = new DataSource({
      ...options,
      migrations: migrations as typeof options.migrations,
      migrationsTransactionMode: 'each',
    });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations();
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    // Ending the session releases the lock too, also when the unlock is never reached.
    await lock.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => undefined);
    await lock.end();
  }
}
