import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { type AppConfig, loadConfig } from '@wc/config';
import { Clock, FakeClock } from '@wc/core';
import { createTestDatabase, Given } from '@wc/testing';

import { ApiModule, configureApp } from '@wc/api';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  url: string;
  clock: FakeClock;
  /** The app's own connection pool: the runtime role. */
  db: DataSource;
  /** The URL of the owner of the tables (here the server's superuser). */
  ownerUrl: string;
  /** One query as the owner of the tables (here the server's superuser), e.g. to simulate tampering. */
  ownerQuery: <T = Record<string, unknown>>(sql: string, parameters?: unknown[]) => Promise<T[]>;
  given: Given;
  http: () => ReturnType<typeof request>;
  /** Logs in and returns the bearer header value. */
  login: (user: { email: string; password: string }) => Promise<string>;
  close: () => Promise<void>;
}

/** The real API on a fresh database, listening on a free port, with a fake clock; `ownerMigrates` also configures the owner as MIGRATION_DATABASE_URL. */
export async function startTestApp(
  env: Record<string, string> = {},
  { ownerMigrates = false }: { ownerMigrates?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  // Tests log in far more often than people; rate-limit tests set their own limit.
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    // What deletes as the owner (the organisation deletion sweep) needs the owner's URL.
    ...(ownerMigrates ? { MIGRATION_DATABASE_URL: database.ownerUrl } : {}),
    RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
  });
  const clock = new FakeClock('2026-03-02T09:00:00Z');
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = configureApp(moduleRef.createNestApplication());
  // A free port unless the test fixed one (PORT), e.g. to know PUBLIC_URL before start.
  await app.listen(env.PORT ? config.app.port : 0, '127.0.0.1');
  const url = await app.getUrl();
  const db = app.get(DataSource);
  const http = () => request(url.replace('[::1]', '127.0.0.1'));
  return {
    app,
    config,
    url,
    clock,
    db,
    ownerUrl: database.ownerUrl,
    ownerQuery: async <T>(sql: string, parameters: unknown[] = []) => {
      const client = new Client({ connectionString: database.ownerUrl });
      await client.connect();
      try {
        return (await client.query(sql, parameters)).rows as T[];
      } finally {
        await client.end();
      }
    },
    given: new Given(db),
    http,
    login: async (user) => {
      const res = await http()
        .post('/auth/login')
        .send({ email: user.email, password: user.password })
        .expect(200);
      return `Bearer ${(res.body as { accessToken: string }).accessToken}`;
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
