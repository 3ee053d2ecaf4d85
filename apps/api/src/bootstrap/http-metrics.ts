import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

import type { AppConfig } from '@wc/config';
import { answerScrape, Metrics } from '@wc/metrics';

/**
 * Times every HTTP request by its route pattern (`/cases/:caseId`, never the ids, so the series
 * stay few), and, with METRICS_TOKEN set, answers `GET /metrics` on the API's own port to holders
 * of that token. With only METRICS_PORT, the numbers are on that port and not here.
 */
export function instrumentHttp(express: NestExpressApplication, config: AppConfig): void {
  const metrics = express.get(Metrics);
  express.use((req: Request, res: Response, next: NextFunction) => {
    const end = metrics.httpRequestDuration.startTimer();
    res.once('finish', () =>
      end({ method: req.method, route: routeOf(req), status: String(res.statusCode) }),
    );
    next();
  });
  const token = config.metrics.token;
  if (token !== undefined) {
    express.use('/metrics', (req: Request, res: Response, next: NextFunction) =>
      req.method === 'GET' ? void answerScrape(metrics, token, req, res) : next(),
    );
  }
}

function routeOf(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  return typeof route?.path === 'string' ? `${req.baseUrl}${route.path}` : 'unmatched';
}
