import { resolve } from 'node:path';

import { ConfigError, loadConfig } from '@wc/config';
import { provisionAppRole, restoreBackup } from '@wc/database';

import { ensureTargetDatabase, openBackupTarget, recreateDatabase } from './backup-target';

/**
 * `npm run restore -- <file> [--replace]`: restores a backup into the database of this
 * configuration, which must be empty; `--replace` drops and recreates it first. Stop the API and
 * the worker before. Newer migrations of this release are applied after the data is in.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const replace = args.includes('--replace');
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) {
    throw new Error('name the backup file: npm run restore -- <file> [--replace]');
  }
  const config = loadConfig();
  const target = await openBackupTarget(config);
  try {
    await (replace ? recreateDatabase(target.ownerUrl) : ensureTargetDatabase(target.ownerUrl));
    const { manifest, applied } = await restoreBackup(target.ownerUrl, resolve(file));
    await provisionAppRole(target.ownerUrl, target.appUrl);
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `Restored ${rows} rows in ${manifest.tables.length} tables (backup of ${manifest.createdAt}) into ${target.describe}${applied.length > 0 ? `; then applied ${applied.join(', ')}` : ''}`,
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
        ? `Restore failed: ${error.message}`
        : error,
  );
  process.exit(1);
});
