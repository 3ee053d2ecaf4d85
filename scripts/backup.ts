import { resolve } from 'node:path';

import { ConfigError, loadConfig } from '@wc/config';
import { SystemClock } from '@wc/core';
import { writeBackup } from '@wc/database';

import { openBackupTarget } from './backup-target';

/**
 * `npm run backup [-- <file>]`: a consistent logical backup of the database of this
 * configuration (DATABASE_URL, or the embedded PostgreSQL), document content included, in one
 * file (default `overleg-backup-<time>.tar` in the current directory).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const now = new SystemClock().now();
  const file = resolve(
    process.argv[2] ?? `overleg-backup-${now.toISOString().replace(/[:.]/g, '-')}.tar`,
  );
  const target = await openBackupTarget(config);
  try {
    const manifest = await writeBackup(target.ownerUrl, file, now);
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `Backed up ${target.describe}: ${manifest.tables.length} tables, ${rows} rows, schema at ${manifest.migrations.at(-1) ?? 'none'} → ${file}`,
    );
  } finally {
    await target.release();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? `Backup failed: ${error.message}`
        : error,
  );
  process.exit(1);
});
