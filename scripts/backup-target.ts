import { join } from 'node:path';

import { Client } from 'pg';

import type { AppConfig } from '@wc/config';
import {
  DEFAULT_APP_PASSWORD,
  DEFAULT_APP_USER,
  startEmbeddedPostgres,
  withCredentials,
} from '@wc/database';

export interface BackupTarget {
  /** The owner of the tables: backups read and restores write as this role. */
  ownerUrl: string;
  /** The runtime role's URL, to provision after a restore. */
  appUrl: string;
  /** Where the target is, for messages (no password). */
  describe: string;
  /** Stops the embedded server when this command started it. */
  release: () => Promise<void>;
}

/**
 * The database of `npm start`'s configuration: DATABASE_URL (with MIGRATION_DATABASE_URL as
 * the owner) or the embedded PostgreSQL under DATA_DIR, reached on its port when `npm start`
 * runs it already and started for the length of the command otherwise.
 */
export async function openBackupTarget(config: AppConfig): Promise<BackupTarget> {
  if (config.database.url) {
    const ownerUrl = config.database.migrationUrl ?? config.database.url;
    return {
      ownerUrl,
      appUrl: config.database.url,
      describe: hostAndDatabase(ownerUrl),
      release: () => Promise.resolve(),
    };
  }
  const ownerUrl = `postgres://overleg:overleg@127.0.0.1:${config.database.embeddedPort}/overleg`;
  const appUrl = withCredentials(ownerUrl, DEFAULT_APP_USER, DEFAULT_APP_PASSWORD);
  const describe = `the embedded PostgreSQL in ${join(config.app.dataDir, 'postgres')}`;
  if (await answers(ownerUrl.replace(/\/overleg$/, '/postgres'))) {
    return { ownerUrl, appUrl, describe, release: () => Promise.resolve() };
  }
  const embedded = await startEmbeddedPostgres(
    join(config.app.dataDir, 'postgres'),
    config.database.embeddedPort,
  );
  return { ownerUrl, appUrl, describe, release: () => embedded.stop() };
}

/** Drops and recreates the target's database (restore --replace), from the server's `postgres` database. */
export async function recreateDatabase(ownerUrl: string): Promise<void> {
  const url = new URL(ownerUrl);
  const database = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Creates the target's database when missing (a fresh embedded cluster has none). */
export async function ensureTargetDatabase(ownerUrl: string): Promise<void> {
  const url = new URL(ownerUrl);
  const database = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    if (
      (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount ===
      0
    ) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function hostAndDatabase(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}
