import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { NestFactory } from '@nestjs/core';

import { ApiModule, buildOpenApiDocument } from '@wc/api';
import { loadConfig } from '@wc/config';

/**
 * `npm run openapi`: writes openapi.json at the repository root from the controllers and DTOs.
 * Preview mode builds the module graph without instantiating providers, so this needs no
 * database, no listening server and no secrets; a test compares the file with the running app.
 */
export const OPENAPI_FILE = join(__dirname, '..', 'openapi.json');

export async function generateOpenApi(): Promise<string> {
  const app = await NestFactory.create(ApiModule.forRoot(loadConfig({ NODE_ENV: 'development' })), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return `${JSON.stringify(await buildOpenApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  generateOpenApi()
    .then((json) => {
      writeFileSync(OPENAPI_FILE, json);
      console.log(`Wrote ${OPENAPI_FILE}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
