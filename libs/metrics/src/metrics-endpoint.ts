import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ProblemDetails } from '@wc/contracts';

import type { Metrics } from './metrics';

/**
 * Answers a scrape: with a token configured, only `Authorization: Bearer <token>` gets the
 * numbers (401 problem otherwise), compared in constant time.
 */
export async function answerScrape(
  metrics: Metrics,
  token: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
    res.writeHead(401, {
      'Content-Type': 'application/problem+json',
      'WWW-Authenticate': 'Bearer realm="metrics"',
    });
    res.end(
      JSON.stringify({
        type: 'urn:wc:problem:metrics.token_required',
        title: 'Unauthorized',
        status: 401,
        code: 'metrics.token_required',
        detail: 'Send the metrics token as a bearer token (METRICS_TOKEN).',
      } satisfies ProblemDetails),
    );
    return;
  }
  try {
    const body = await metrics.render();
    res.writeHead(200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(503, { 'Content-Type': 'application/problem+json' });
    res.end(
      JSON.stringify({
        type: 'urn:wc:problem:service.unavailable',
        title: 'Service Unavailable',
        status: 503,
        code: 'service.unavailable',
        detail: 'The metrics could not be read from the database.',
      } satisfies ProblemDetails),
    );
  }
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
