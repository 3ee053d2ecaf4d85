import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { buildOpenApiDocument } from '@wc/api';
import { dataSourceOptions } from '@wc/database';
import { createTestDatabase } from '@wc/testing';

import { generateOpenApi } from '../scripts/generate-openapi';
import {
  generateSwaggerMetadata,
  METADATA_DIR,
  METADATA_FILE,
} from '../scripts/generate-swagger-metadata';
import { startTestApp, type TestApp } from './support/test-app';

const OPENAPI_FILE = join(__dirname, '..', 'openapi.json');

/** Everything a migration can create, in a stable order, to compare two databases' schemas. */
async function schemaFingerprint(db: DataSource): Promise<Record<string, unknown[]>> {
  const q = (sql: string) => db.query<unknown[]>(sql);
  return {
    tables: await q(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
    ),
    columns: await q(`
      SELECT table_name, column_name, data_type, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1, 2`),
    constraints: await q(`
      SELECT c.conrelid::regclass::text AS table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) AS definition
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = current_schema() ORDER BY 1, 2`),
    indexes: await q(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1, 2`,
    ),
    functions: await q(`
      SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS args
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema() ORDER BY 1, 2`),
    triggers: await q(`
      SELECT event_object_table, trigger_name, action_timing, event_manipulation
      FROM information_schema.triggers WHERE trigger_schema = current_schema() ORDER BY 1, 2, 4`),
    sequences: await q(
      `SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = current_schema() ORDER BY 1`,
    ),
    types: await q(`
      SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'd', 'c') AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid)
      ORDER BY 1`),
  };
}

/** JSON paths where two documents differ, one line each, for a readable failure. */
function jsonDifferences(expected: unknown, actual: unknown, path = '$'): string[] {
  if (isPlainObject(expected) && isPlainObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    return keys.flatMap((key) =>
      jsonDifferences(expected[key], actual[key], `${path}[${JSON.stringify(key)}]`),
    );
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return Array.from({ length: Math.max(expected.length, actual.length) }, (_, i) =>
      jsonDifferences(expected[i], actual[i], `${path}[${i}]`),
    ).flat();
  }
  if (JSON.stringify(expected) === JSON.stringify(actual)) {
    return [];
  }
  const show = (value: unknown) =>
    value === undefined ? '(missing)' : JSON.stringify(value).slice(0, 120);
  return [`  ${path}: ${show(expected)} -> ${show(actual)}`];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

describe('schema and API documentation drift (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has no drift between the entities and the migrated schema', async () => {
    const sql = await t.db.driver.createSchemaBuilder().log();
    const statements = sql.upQueries.map((q) => `${q.query};`);
    if (statements.length > 0) {
      throw new Error(
        `The entities and the migrations disagree. A migration that makes the schema match the entities would run:\n\n${statements.join('\n')}\n\n` +
          'Fix the entity or add a migration (house style B.6: generate a draft, then name the constraints).',
      );
    }
    expect(statements).toEqual([]);
  });

  it('reverts every migration and re-applies them to the same schema', async () => {
    const database = await createTestDatabase();
    const dataSource = new DataSource({
      ...dataSourceOptions({ url: database.ownerUrl, poolSize: 2 }),
      migrationsTransactionMode: 'each',
    });
    await dataSource.initialize();
    try {
      const migrated = await schemaFingerprint(dataSource);
      const applied = (
        await dataSource.query<Array<{ name: string }>>(
          `SELECT name FROM schema_migration ORDER BY timestamp`,
        )
      ).map((r) => r.name);
      expect(applied).toEqual(dataSource.migrations.map((m) => m.name ?? m.constructor.name));

      const appliedCount = async () =>
        (
          await dataSource.query<Array<{ n: number }>>(
            `SELECT count(*)::int AS n FROM schema_migration`,
          )
        )[0].n;
      const reverted: string[] = [];
      while ((await appliedCount()) > 0 && reverted.length <= applied.length) {
        const [last] = await dataSource.query<Array<{ name: string }>>(
          `SELECT name FROM schema_migration ORDER BY timestamp DESC LIMIT 1`,
        );
        await dataSource.undoLastMigration({ transaction: 'each' });
        reverted.push(last.name);
      }
      expect(reverted).toEqual([...applied].reverse());

      // Nothing but the bookkeeping table survives a full revert.
      const empty = await schemaFingerprint(dataSource);
      expect(empty.tables).toEqual([{ table_name: 'schema_migration' }]);
      expect({ functions: empty.functions, triggers: empty.triggers, types: empty.types }).toEqual({
        functions: [],
        triggers: [],
        types: [],
      });

      const reapplied = await dataSource.runMigrations({ transaction: 'each' });
      expect(reapplied.map((m) => m.name)).toEqual(applied);
      expect(await schemaFingerprint(dataSource)).toEqual(migrated);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });

  it('serves the OpenAPI document committed as openapi.json', async () => {
    // Through JSON, as the file was written: undefined members vanish there.
    const actual = JSON.parse(JSON.stringify(await buildOpenApiDocument(t.app))) as unknown;
    const committed = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as unknown;
    const differences = jsonDifferences(committed, actual);
    if (differences.length > 0) {
      throw new Error(
        `openapi.json is out of date: run \`npm run openapi\` and commit the result.\n` +
          `Differences (committed -> served), first ${Math.min(differences.length, 40)} of ${differences.length}:\n` +
          differences.slice(0, 40).join('\n'),
      );
    }
    expect(actual).toEqual(committed);
  });

  it('generates the same document without a database (npm run openapi uses preview mode)', async () => {
    const generated = JSON.parse(await generateOpenApi()) as unknown;
    expect(generated).toEqual(await buildOpenApiDocument(t.app));
  });

  it('has swagger metadata generated from the current DTOs and controllers', () => {
    // The plugin metadata feeds the document; regenerate it beside the committed one and compare.
    const check = 'swagger-metadata.check.ts';
    try {
      generateSwaggerMetadata(METADATA_DIR, check);
      const fresh = readFileSync(join(METADATA_DIR, check), 'utf8');
      const committed = readFileSync(join(METADATA_DIR, METADATA_FILE), 'utf8');
      if (fresh !== committed) {
        throw new Error(
          'apps/api/src/swagger-metadata.ts is out of date: run `npm run openapi` and commit the result.',
        );
      }
      expect(fresh).toBe(committed);
    } finally {
      rmSync(join(METADATA_DIR, check), { force: true });
    }
  }, 120_000);
});
