import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * The API's version travels in a header rather than in the path, so every existing client and
 * link keeps working: each response names the version that answered it, and a client may pin the
 * version it was written against. Versions and their deprecation are described in the README.
 */
export const API_VERSION_HEADER = 'Overleg-Api-Version';
export const CURRENT_API_VERSION = '1';
/** Versions this server still answers; a retired version is refused rather than guessed at. */
export const SUPPORTED_API_VERSIONS: readonly string[] = [CURRENT_API_VERSION];

export function answerWithApiVersion(app: NestExpressApplication): void {
  app.use((request: Request, response: Response, next: NextFunction) => {
    response.setHeader(API_VERSION_HEADER, CURRENT_API_VERSION);
    const asked = request.header(API_VERSION_HEADER);
    if (asked === undefined || SUPPORTED_API_VERSIONS.includes(asked.trim())) {
      next();
      return;
    }
    const code = 'api.version_unsupported';
    response
      .status(400)
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: `urn:overleg:problem:${code}`,
          title: 'Bad request',
          status: 400,
          detail: `API version ${JSON.stringify(asked)} is not supported; supported: ${SUPPORTED_API_VERSIONS.join(', ')}.`,
          code,
          instance: request.originalUrl,
          supportedVersions: SUPPORTED_API_VERSIONS,
        }),
      );
  });
}
