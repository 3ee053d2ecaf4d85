import { randomBytes } from 'node:crypto';

import { Client } from 'pg';

import {
  DEFAULT_APP_PASSWORD,
  DEFAULT_APP_USER,
  provisionAppRole,
  withCredentials,
} from '@wc/database';

/** Set by the Jest global setup for every worker. */
export const TEST_SERVER_ENV = 'WC_TEST_SERVER_URL';
export const TEST_TEMPLATE_ENV = 'WC_TEST_TEMPLATE';

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export interface TestDatabase {
  /** As the application's runtime role, as the app under test connects. */
  url: string;
  /** As the owner (the server's superuser here): for migrations and for tests that tamper. */
  ownerUrl: string;
  drop: () => Promise<void>;
}

/**
 * A fresh database for one test file, copied from the migrated template: tests never share
 * rows, so none needs truncation or an empty table. The template carries the table privileges;
 * the database-level ones are granted per copy.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env[TEST_SERVER_ENV];
  const template = process.env[TEST_TEMPLATE_ENV];
  if (!serverUrl || !template) {
    throw new Error('The Jest global setup did not run: no test database server');
  }
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const ownerUrl = withDatabase(serverUrl, name);
  const url = withCredentials(ownerUrl, DEFAULT_APP_USER, DEFAULT_APP_PASSWORD);
  await provisionAppRole(ownerUrl, url);
  return {
    url,
    ownerUrl,
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
