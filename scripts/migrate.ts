import { ConfigError, loadConfig } from '@wc/config';
import { runMigrations } from '@wc/database';

/** Applies pending migrations to DATABASE_URL (docker-compose runs this before the apps). */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.database.url) {
    throw new Error('DATABASE_URL is required');
  }
  const applied = await runMigrations(config.database.url);
  console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'Schema up to date');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
