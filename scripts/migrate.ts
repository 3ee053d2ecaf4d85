import { ConfigError, loadConfig } from '@wc/config';
import { provisionAppRole, runMigrations } from '@wc/database';

/**
 * Applies pending migrations as MIGRATION_DATABASE_URL (the owner; default DATABASE_URL), then,
 * when the two name different logins, creates the runtime login of DATABASE_URL if missing and
 * grants it this database (docker-compose runs this before the apps).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.database.url) {
    throw new Error('DATABASE_URL is required');
  }
  const ownerUrl = config.database.migrationUrl ?? config.database.url;
  const applied = await runMigrations(ownerUrl);
  await provisionAppRole(ownerUrl, config.database.url);
  console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'Schema up to date');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
