import { randomUUID } from 'node:crypto';

import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';

import { APP_CONFIG, type AppConfig } from '@wc/config';

const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Calendar feed URLs carry their secret token in the path. */
function redactPath(path: string): string {
  return path.replace(/^\/calendar\/[^/]+/, '/calendar/[redacted]');
}

/** Nest's own start-up chatter (one line per module, route and gateway): noise for a person. */
const BOOT_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
  'WebSocketsController',
]);

/** A person at a terminal: stdout is a TTY and pino-pretty is installed (a development dependency). */
export function prettyLogsWanted(): boolean {
  if (!process.stdout.isTTY) {
    return false;
  }
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * Structured logs for the API and the worker, at LOG_LEVEL, with one correlation id per request
 * (taken from the caller when well-formed). Bodies are never logged; credentials are redacted
 * (house style B.13). JSON lines for machines; at a terminal, readable one-line logs without
 * Nest's start-up chatter.
 */
export const LoggerModule = PinoLoggerModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    pinoHttp: {
      level: config.app.logLevel,
      ...(prettyLogsWanted()
        ? {
            transport: {
              target: 'pino-pretty',
              options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
            },
          }
        : {}),
      ...(process.stdout.isTTY
        ? {
            hooks: {
              logMethod(
                this: unknown,
                args: unknown[],
                method: (...a: unknown[]) => void,
                level: number,
              ) {
                const first = args[0] as { context?: unknown } | undefined;
                if (
                  level <= 30 &&
                  typeof first?.context === 'string' &&
                  BOOT_CONTEXTS.has(first.context)
                ) {
                  return;
                }
                method.apply(this, args);
              },
            },
          }
        : {}),
      genReqId: (req, res) => {
        const given = req.headers[CORRELATION_HEADER];
        const id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
        res.setHeader(CORRELATION_HEADER, id);
        return id;
      },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.token',
          '*.refreshToken',
          '*.accessToken',
        ],
        censor: '[redacted]',
      },
      serializers: {
        // Only method, path without query (queries may carry personal data) and ids.
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: redactPath(req.url.split('?')[0]),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  }),
});
