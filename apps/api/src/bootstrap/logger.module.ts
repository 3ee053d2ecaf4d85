import { randomUUID } from 'node:crypto';

import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';

import { APP_CONFIG, type AppConfig } from '@wc/config';

const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Calendar feed URLs carry their secret token in the path. */
function redactPath(path: string): string {
  return path.replace(/^\/calendar\/[^/]+/, '/calendar/[redacted]');
}

/**
 * Structured logs with one correlation id per request (taken from the caller when well-formed).
 * Bodies are never logged; credentials are redacted (house style B.13).
 */
export const LoggerModule = PinoLoggerModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    pinoHttp: {
      level: config.app.logLevel,
      genReqId: (req, res) => {
        const given = req.headers[CORRELATION_HEADER];
        const id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
        res.setHeader(CORRELATION_HEADER, id);
        return id;
      },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token', '*.refreshToken', '*.accessToken'],
        censor: '[redacted]',
      },
      serializers: {
        // Only method, path without query (queries may carry personal data) and ids.
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: redactPath(req.url.split('?')[0]) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      transport: config.app.env === 'development' && process.stdout.isTTY ? { target: 'pino/file', options: { destination: 1 } } : undefined,
    },
  }),
});
