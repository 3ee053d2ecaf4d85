import 'reflect-metadata';

import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { type AppConfig, ConfigError, loadConfig } from '@wc/config';
import { StartupError } from '@wc/core';

import { WorkerModule } from './worker.module';

/** Starts the worker (reminder sweeps, outbox relays, e-mail) as an application context. */
export async function startWorker(config: AppConfig = loadConfig()): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error', 'warn'], abortOnError: false });
  app.enableShutdownHooks();
  await app.init();
  return app;
}

if (require.main === module) {
  startWorker().catch((error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof StartupError ? error.message : error);
    process.exit(1);
  });
}
