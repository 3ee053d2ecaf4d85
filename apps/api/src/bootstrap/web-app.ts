import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Where `scripts/build-web.ts` puts the built web app (apps/web/dist). */
export const WEB_DIST = join(__dirname, '..', '..', '..', 'web', 'dist');

// Screens people reach from links in e-mails and invitations. These paths also name API routes
// (GET /cases/:id answers JSON), so only a browser navigating without a bearer token gets the app.
const APP_PATHS =
  /^\/(cases|settings|notifications|ai-systems|meetings|invitations\/accept|password-reset|survey|sso\/callback)(\/|$)/;

/** Caching only: the security headers (CSP, nosniff, …) are set for every response (security-headers.ts). */
function appHeaders(res: Response, isHtml: boolean): void {
  if (isHtml) {
    res.setHeader('Cache-Control', 'no-cache');
  } else {
    // Vite names assets by content hash, so they never change under one name.
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  }
}

function isBrowserNavigation(req: Request): boolean {
  if (req.method !== 'GET' || req.headers.authorization) {
    return false;
  }
  const dest = req.headers['sec-fetch-dest'];
  return dest ? dest === 'document' : req.accepts(['json', 'html']) === 'html';
}

/**
 * Serves the built web app from the API itself, so production runs one server: `/` is the app,
 * `/assets/*` its files, and e-mail deep links (`/cases/<id>`) open the app, which moves them
 * behind its `#`. Nothing else looks at the disk: a static handler at `/` would stat a file for
 * every API request (3% of the API's CPU under load, bench:http). Does nothing when the app has
 * not been built.
 */
export function serveWebApp(app: NestExpressApplication, dist = WEB_DIST): boolean {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) {
    return false;
  }
  app.use((req: Request, res: Response, next: NextFunction) => {
    const home =
      (req.method === 'GET' || req.method === 'HEAD') &&
      (req.path === '/' || req.path === '/index.html');
    if (home || (APP_PATHS.test(req.path) && isBrowserNavigation(req))) {
      appHeaders(res, true);
      res.sendFile(index);
      return;
    }
    next();
  });
  app.useStaticAssets(join(dist, 'assets'), {
    prefix: '/assets/',
    index: false,
    dotfiles: 'ignore',
    setHeaders: (res: Response) => appHeaders(res, false),
  });
  return true;
}
