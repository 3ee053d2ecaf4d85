import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';

import { APP_CONFIG, type AppConfig } from '@wc/config';
import { RealtimeIoAdapter } from '@wc/realtime';

import { answerWithApiVersion } from './api-version';
import { answerClientErrors } from './client-error';
import { CorrelationInterceptor } from './correlation.interceptor';
import { instrumentHttp } from './http-metrics';
import { RefuseUndeclaredMultipart, refuseNonJsonBodies } from './json-only';
import { ProblemFilter } from './problem.filter';
import { useSecurityHeaders } from './security-headers';
import { setupSwagger } from './swagger';
import { createValidationPipe } from './validation.pipe';
import { refuseIllFormedText } from './well-formed-json';
import { serveWebApp } from './web-app';

/** Everything main.ts and the e2e tests both need, so tests run the real pipeline. */
export function configureApp(app: INestApplication): INestApplication {
  const express = app as NestExpressApplication;
  const config = app.get<AppConfig>(APP_CONFIG);
  express.useLogger(app.get(Logger));
  instrumentHttp(express, config);
  useSecurityHeaders(express, config);
  express.use(refuseNonJsonBodies);
  express.useBodyParser('json', { limit: '1mb', reviver: refuseIllFormedText });
  // Whose X-Forwarded-For to believe: the client address feeds the login and rate limits.
  express.set('trust proxy', config.auth.trustProxy);
  express.disable('x-powered-by');
  answerWithApiVersion(express);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalGuards(new RefuseUndeclaredMultipart(app.get(Reflector)));
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalInterceptors(new CorrelationInterceptor());
  // What Node's HTTP parser refuses (headers or URL over 16 kB) never reaches the filter above.
  answerClientErrors(app.getHttpServer() as Server);
  app.useWebSocketAdapter(new RealtimeIoAdapter(app));
  setupSwagger(app);
  // The web app (apps/web), when built: `npm start` builds it; one server, no second process.
  serveWebApp(express);
  return app;
}
