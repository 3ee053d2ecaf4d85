import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import request from 'supertest';
import { extract } from 'tar';

import { ApiModule, configureApp } from '@wc/api';
import { loadConfig } from '@wc/config';
import type { BackupManifest } from '@wc/database';
import { adminQuery, freePort, TEST_SERVER_ENV, withDatabase } from '@wc/testing';

import { fileCase } from './support/case-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

const REPO = join(__dirname, '..');

/** Runs `npm run backup` / `npm run restore` (their scripts) as a child process, as an operator would. */
function run(
  script: 'backup' | 'restore',
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  const full: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' };
  delete full.DATABASE_URL;
  delete full.MIGRATION_DATABASE_URL;
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', `scripts/${script}.ts`, ...args],
    { cwd: REPO, env: { ...full, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => (clearTimeout(killer), resolve({ code, output }))),
  );
}

/** Every application table with its row count and a digest of its rows, straight from SQL. */
async function tableDigests(ownerUrl: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`SET TimeZone = 'UTC'`);
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' AND relname <> 'schema_migration' ORDER BY 1`,
    );
    const digests: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = (
        await client.query<{ n: number; digest: string | null }>(
          `SELECT count(*)::int AS n, md5(string_agg(to_jsonb(t)::text, E'\\n' ORDER BY to_jsonb(t)::text COLLATE "C")) AS digest FROM "${name}" t`,
        )
      ).rows;
      digests[name] = `${row.n}:${row.digest ?? '-'}`;
    }
    return digests;
  } finally {
    await client.end();
  }
}

async function manifestOf(file: string): Promise<BackupManifest> {
  const dir = await mkdtemp(join(tmpdir(), 'overleg-manifest-'));
  try {
    await extract({ file, cwd: dir }, ['manifest.json']);
    return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function binary(res: unknown, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('npm run backup / npm run restore (e2e)', () => {
  let t: TestApp;
  let dir: string;
  let fresh: string;
  const serverUrl = () => process.env[TEST_SERVER_ENV]!;
  // 700 kB of fixed bytes behind a PDF header: two content chunks.
  const pdf = Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    createHash('sha512').update('seed').digest(),
    Buffer.alloc(700_000, 0x2a),
  ]);
  let documentUrl: string;
  let memberLogin: { email: string; password: string };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'overleg-backup-e2e-'));
    t = await startTestApp();
    const org = await t.given.organisation();
    memberLogin = org.member;
    const hr = await t.login(org.hr);
    const { caseId } = await fileCase(t, org, hr);
    const uploaded = await t
      .http()
      .post(`/cases/${caseId}/documents`)
      .set('Authorization', hr)
      .field('title', 'Adviesaanvraag')
      .attach('file', pdf, { filename: 'adviesaanvraag.pdf', contentType: 'application/pdf' })
      .expect(201);
    documentUrl = `/cases/${caseId}/documents/${uploaded.body.id}/versions/1/content`;
    fresh = `wc_restored_${randomBytes(4).toString('hex')}`;
    await adminQuery(serverUrl(), `CREATE DATABASE "${fresh}"`);
  });
  afterAll(async () => {
    await t?.close();
    await adminQuery(serverUrl(), `DROP DATABASE IF EXISTS "${fresh}" WITH (FORCE)`);
    await rm(dir, { recursive: true, force: true });
  });

  it('restores an external PostgreSQL backup into a fresh database: the same rows, and the document downloads byte for byte', async () => {
    const file = join(dir, 'external.tar');
    const backup = await run('backup', [file], {
      DATABASE_URL: t.config.database.url,
      MIGRATION_DATABASE_URL: t.ownerUrl,
    });
    expect({ code: backup.code, output: backup.code === 0 ? '' : backup.output }).toEqual({
      code: 0,
      output: '',
    });
    expect(backup.output).toMatch(
      /^Backed up .+: \d+ tables, \d+ rows, schema at \S+ → .+external\.tar\n$/,
    );

    const freshOwner = withDatabase(serverUrl(), fresh);
    const freshApp = withDatabase(t.config.database.url!, fresh);
    const restore = await run('restore', [file], {
      DATABASE_URL: freshApp,
      MIGRATION_DATABASE_URL: freshOwner,
    });
    expect(restore).toMatchObject({ code: 0 });
    expect(await tableDigests(freshOwner)).toEqual(await tableDigests(t.ownerUrl));

    // The restored database serves: login, and the document's bytes, as the runtime role.
    const moduleRef = await Test.createTestingModule({
      imports: [ApiModule.forRoot(loadConfig({ NODE_ENV: 'test', DATABASE_URL: freshApp }))],
    }).compile();
    const app = configureApp(moduleRef.createNestApplication());
    await app.listen(0, '127.0.0.1');
    try {
      const http = () => request(app.getHttpServer() as import('node:http').Server);
      const login = await http()
        .post('/auth/login')
        .send({ email: memberLogin.email, password: memberLogin.password })
        .expect(200);
      const got = await http()
        .get(documentUrl)
        .set('Authorization', `Bearer ${login.body.accessToken}`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(Buffer.compare(got.body as Buffer, pdf)).toBe(0);
      await http().get('/health/ready').expect(200);
    } finally {
      await app.close();
    }

    // A second restore into the now filled database is refused, and changes nothing.
    const again = await run('restore', [file], {
      DATABASE_URL: freshApp,
      MIGRATION_DATABASE_URL: freshOwner,
    });
    expect(again.code).toBe(1);
    expect(again.output.trim()).toBe(
      'Restore failed: The target database already holds an Overleg schema: restore into a new, empty database (or pass --replace).',
    );
  });

  it('round-trips through the embedded default: restore into it, back it up again, the same tables and checksums', async () => {
    const file = join(dir, 'external.tar');
    const embeddedEnv = {
      DATA_DIR: join(dir, 'embedded'),
      EMBEDDED_PG_PORT: String(await freePort()),
    };
    const restore = await run('restore', [file], embeddedEnv);
    expect(restore).toMatchObject({ code: 0 });
    expect(restore.output).toContain('into the embedded PostgreSQL in');
    const second = join(dir, 'embedded.tar');
    const backup = await run('backup', [second], embeddedEnv);
    expect({ code: backup.code, output: backup.code === 0 ? '' : backup.output }).toEqual({
      code: 0,
      output: '',
    });
    const [original, roundTripped] = await Promise.all([manifestOf(file), manifestOf(second)]);
    expect(roundTripped.migrations).toEqual(original.migrations);
    expect(roundTripped.tables).toEqual(original.tables);
    expect(
      roundTripped.tables.find((table) => table.name === 'document_content_chunk')?.rows,
    ).toBeGreaterThanOrEqual(2);
    // Backed up again by the embedded PostgreSQL 18, whatever server the suite itself runs on (the
    // machine's, or, without TEST_DATABASE_URL, an embedded one of the same version).
    expect(roundTripped.serverVersion).toMatch(/^18\./);
    expect(original.serverVersion).toMatch(/^\d+\.\d+/);
  }, 180_000);
});
