import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

import type { AppConfig } from '@wc/config';

/** The web app needs nothing from elsewhere: no inline script or style, no third-party origin. */
const APP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  // 'self' covers the socket (ws/wss on the same host) in CSP level 3 browsers.
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Swagger UI (/api/docs) writes inline styles and data: images; it runs no inline script. */
const DOCS_DIRECTIVES = { ...APP_DIRECTIVES, styleSrc: ["'self'", "'unsafe-inline'"] };

const DOCS = /^\/api\/docs(\/|$)/;

/**
 * helmet on every response: nosniff, frame-ancestors 'none' (and X-Frame-Options), a strict CSP,
 * no referrer off-site, and HSTS only when PUBLIC_URL is https (on plain http it would lock a
 * browser out of a development server). Everything is `Cache-Control: no-store` unless a route
 * says otherwise (the web app's files, the calendar feed): API answers carry tokens and case data
 * that must not stay in a shared or browser cache.
 */
export function useSecurityHeaders(app: NestExpressApplication, config: AppConfig): void {
  const https = new URL(config.app.publicUrl).protocol === 'https:';
  const options = (directives: typeof APP_DIRECTIVES) =>
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives },
      strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'same-origin' },
      xFrameOptions: { action: 'deny' },
    });
  const forApp = options(APP_DIRECTIVES);
  const forDocs = options(DOCS_DIRECTIVES);
  app.use((req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    (DOCS.test(req.path) ? forDocs : forApp)(req, res, next);
  });
}
