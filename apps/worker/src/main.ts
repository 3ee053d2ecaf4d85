import './tracing';
import 'reflect-metadata';

import { type INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';

import { type AppConfig, ConfigError, loadConfig } from '@wc/config';
import { StartupError } from '@wc/core';

import { WorkerModule } from './worker.module';

/**
 * Starts the worker (reminder sweeps, outbox relays, e-mail) as an application context, logging
 * through pino like the API. `shutdownHooks: false` when the caller owns the signals (npm start
 * stops the worker, then the API, then PostgreSQL, in that order).
 */
export async function startWorker(
  config: AppConfig = loadConfig(),
  { shutdownHooks = true } = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(PinoLogger));
  if (shutdownHooks) {
    app.enableShutdownHooks();
  }
  await app.init();
  new Logger('Worker').log('worker started');
  return app;
}

if (require.main === module) {
  startWorker().catch((error: unknown) => {
    console.error(
      error instanceof ConfigError || error instanceof StartupError ? error.message : error,
    );
    process.exit(1);
  });
}
