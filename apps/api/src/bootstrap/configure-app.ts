import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';

import { RealtimeIoAdapter } from '@wc/realtime';

import { answerWithApiVersion } from './api-version';
import { answerClientErrors } from './client-error';
import { ProblemFilter } from './problem.filter';
import { setupSwagger } from './swagger';
import { createValidationPipe } from './validation.pipe';
import { refuseIllFormedText } from './well-formed-json';
import { serveWebApp } from './web-app';

/** Everything main.ts and the e2e tests both need, so tests run the real pipeline. */
export function configureApp(app: INestApplication): INestApplication {
  const express = app as NestExpressApplication;
  express.useLogger(app.get(Logger));
  express.useBodyParser('json', { limit: '1mb', reviver: refuseIllFormedText });
  express.set('trust proxy', 'loopback');
  express.disable('x-powered-by');
  answerWithApiVersion(express);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  // What Node's HTTP parser refuses (headers or URL over 16 kB) never reaches the filter above.
  answerClientErrors(app.getHttpServer());
  app.useWebSocketAdapter(new RealtimeIoAdapter(app));
  setupSwagger(app);
  // The web app (apps/web), when built: `npm start` builds it; one server, no second process.
  serveWebApp(express);
  return app;
}
