import { randomBytes } from 'node:crypto';

import { ALL_MIGRATIONS } from '@wc/migrations';
import { adminQuery, TEST_SERVER_ENV, withDatabase } from '@wc/testing';

import { runMigrations } from './migrate';

describe('runMigrations', () => {
  it('lets two migrators started at once on a fresh database both succeed, each migration applied once', async () => {
    const serverUrl = process.env[TEST_SERVER_ENV]!;
    const name = `wc_migrate_${randomBytes(4).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    try {
      const url = withDatabase(serverUrl, name);
      const [first, second] = await Promise.all([runMigrations(url), runMigrations(url)]);
      // One applied everything, the other waited and found nothing left.
      expect([first.length, second.length].sort((a, b) => a - b)).toEqual([
        0,
        ALL_MIGRATIONS.length,
      ]);
      await expect(runMigrations(url)).resolves.toEqual([]);
    } finally {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});
