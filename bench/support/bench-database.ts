import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startEmbeddedPostgres } from '@wc/database';
import { adminQuery, freePort, withDatabase } from '@wc/testing';

/**
 * A fresh database for one benchmark run: on BENCH_DATABASE_URL, TEST_DATABASE_URL or
 * DATABASE_URL when set, else on an embedded PostgreSQL in a temp dir that `drop` removes.
 */
export async function benchDatabase(
  label: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  let serverUrl =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!serverUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'overleg-bench-pg-'));
    const embedded = await startEmbeddedPostgres(join(dir, 'data'), await freePort(), {
      durable: false,
    });
    serverUrl = embedded.serverUrl;
    stopEmbedded = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const server = serverUrl;
  const name = `overleg_bench_${label}_${process.pid}`;
  await adminQuery(server, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(server, name),
    drop: async () => {
      await adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await stopEmbedded?.();
    },
  };
}
