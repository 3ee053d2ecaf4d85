import './tracing';
import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { type AppConfig, ConfigError, loadConfig } from '@wc/config';
import { StartupError } from '@wc/core';
import { assertRedisReachable } from '@wc/realtime';

import { ApiModule } from './api.module';
import { configureApp } from './bootstrap/configure-app';

/**
 * Starts the API on the configured port; DATABASE_URL must point at a migrated database.
 * `shutdownHooks: false` when the caller owns the signals (npm start).
 */
export async function startApi(
  config: AppConfig = loadConfig(),
  { shutdownHooks = true } = {},
): Promise<NestExpressApplication> {
  await assertRedisReachable(config);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bufferLogs: true,
    // Rethrow instead of process.abort(), so the caller can say what went wrong (e.g. Redis).
    abortOnError: false,
  });
  configureApp(app);
  if (shutdownHooks) {
    app.enableShutdownHooks();
  }
  await app.listen(config.app.port, config.app.host);
  return app;
}

if (require.main === module) {
  startApi().catch((error: unknown) => {
    // A bad environment is the operator's to fix: list the problems, not a stack trace.
    console.error(
      error instanceof ConfigError || error instanceof StartupError ? error.message : error,
    );
    process.exit(1);
  });
}
