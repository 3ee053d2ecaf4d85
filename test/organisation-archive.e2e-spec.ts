import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';

import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import request from 'supertest';
import { extract } from 'tar';

import { ApiModule, configureApp } from '@wc/api';
import { loadConfig } from '@wc/config';
import { OrganisationDeletionSweep, organisationArchiveRoot, PlatformService } from '@wc/councils';
import {
  type OrganisationArchiveManifest,
  provisionAppRole,
  runMigrations,
  writeOrganisationArchive,
} from '@wc/database';
import type { GivenOrganisation } from '@wc/testing';

import { fileCase } from './support/case-fixtures';
import { admin, emptyDatabase, type EmptyDatabase } from './support/admin-command';
import { startTestApp, type TestApp } from './support/test-app';

const pdf = (title: string) =>
  Buffer.from(`%PDF-1.7\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`, 'latin1');
const SHARED_PDF = pdf('Modelconvenant');
const OWN_PDF = pdf('Adviesaanvraag WarehouseInsight');

function binary(res: unknown, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

async function query<T>(url: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET TimeZone = 'UTC'`); // as the archive writes timestamps
    return (await client.query(sql, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The archive's manifest and its rows, table by table (each row as its JSON text). */
async function readArchive(
  file: string,
): Promise<{ manifest: OrganisationArchiveManifest; rows: Map<string, string[]> }> {
  const dir = await mkdtemp(join(tmpdir(), 'overleg-archive-'));
  try {
    await extract({ file, cwd: dir });
    const manifest = JSON.parse(
      await readFile(join(dir, 'manifest.json'), 'utf8'),
    ) as OrganisationArchiveManifest;
    const rows = new Map<string, string[]>();
    for (const table of manifest.tables) {
      const gz = await readFile(join(dir, 'tables', `${table.name}.jsonl.gz`));
      const lines = (await text(Readable.from(gz).pipe(createGunzip()))).split('\n');
      rows.set(
        table.name,
        lines.filter((l) => l !== ''),
      );
    }
    return { manifest, rows };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** How many of these exported rows (matched on their primary key) the database still holds. */
async function stillThere(url: string, table: string, lines: string[]): Promise<number> {
  if (lines.length === 0) {
    return 0;
  }
  const [{ n }] = await query<{ n: number }>(
    url,
    `WITH pk AS (
       SELECT array_agg(a.attname) AS columns FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = $1::regclass AND i.indisprimary)
     SELECT count(*)::int AS n FROM jsonb_array_elements($2::jsonb) e, pk
      WHERE EXISTS (
        SELECT 1 FROM ${`"${table}"`} t
         WHERE (SELECT bool_and(to_jsonb(t) -> c = e.value -> c) FROM unnest(pk.columns) c))`,
    [table, `[${lines.join(',')}]`],
  );
  return n;
}

describe('leaving: an organisation exported, imported elsewhere and deleted (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  let other: GivenOrganisation;
  let work: string;
  let archiveFile: string;
  let caseId: string;
  const documents: Array<{ id: string; bytes: Buffer }> = [];

  async function upload(bearer: string, onCase: string, title: string, bytes: Buffer) {
    const res = await t
      .http()
      .post(`/cases/${onCase}/documents`)
      .set('Authorization', bearer)
      .field('title', title)
      .attach('file', bytes, { filename: `${title}.pdf`, contentType: 'application/pdf' })
      .expect(201);
    return res.body.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp({}, { ownerMigrates: true });
    work = await mkdtemp(join(tmpdir(), 'overleg-leaving-'));
    archiveFile = join(work, 'organisation.tar');
    org = await t.given.organisation('Vertrekkend Bedrijf B.V.');
    other = await t.given.organisation('Blijvend Bedrijf B.V.');
    const hr = await t.login(org.hr);
    const chair = await t.login(org.chair);
    caseId = (await fileCase(t, org, hr)).caseId;
    for (const [title, bytes] of [
      ['adviesaanvraag', OWN_PDF],
      ['modelconvenant', SHARED_PDF],
    ] as const) {
      documents.push({ id: await upload(hr, caseId, title, bytes), bytes });
    }
    await t
      .http()
      .post(`/cases/${caseId}/comments`)
      .set('Authorization', chair)
      .send({ body: 'De OR wil de DPIA zien.' })
      .expect(201);
    // The other organisation holds the same file: its content is stored once, for both.
    const otherHr = await t.login(other.hr);
    const otherCase = (await fileCase(t, other, otherHr)).caseId;
    await upload(otherHr, otherCase, 'modelconvenant', SHARED_PDF);
    // The export, as its admin downloads it.
    const res = await t
      .http()
      .get(`/organisations/${org.organisationId}/export`)
      .set('Authorization', await t.login(org.admin))
      .buffer(true)
      .parse(binary)
      .expect(200)
      .expect('Content-Type', 'application/x-tar');
    await writeFile(archiveFile, res.body as Buffer);
  });
  afterAll(async () => {
    await t.close();
    await rm(work, { recursive: true, force: true });
  });

  it('lets only its own admin export it', async () => {
    await t
      .http()
      .get(`/organisations/${org.organisationId}/export`)
      .set('Authorization', await t.login(org.hr))
      .expect(403);
    await t
      .http()
      .get(`/organisations/${org.organisationId}/export`)
      .set('Authorization', await t.login(other.admin))
      .expect(404);
  });

  it('is deleted by the sweep after the grace period, leaving no row of it, and the other organisation whole', async () => {
    const { rows } = await readArchive(archiveFile);
    const otherBefore = join(work, 'other-before.tar');
    const otherAfter = join(work, 'other-after.tar');
    await writeOrganisationArchive(
      t.ownerUrl,
      organisationArchiveRoot(other.organisationId),
      otherBefore,
      t.clock.now(),
    );

    const platform = t.app.get(PlatformService);
    const scheduled = await platform.scheduleDeletion(null, org.organisationId);
    expect(scheduled.status).toBe('deletion_scheduled');
    // Suspended at once: nobody signs in during the grace period.
    const refused = await t
      .http()
      .post('/auth/login')
      .send({ email: org.hr.email, password: org.hr.password });
    expect({ status: refused.status, body: refused.body }).toEqual({
      status: 401,
      body: expect.anything(),
    });
    const sweep = t.app.get(OrganisationDeletionSweep);
    t.clock.advance({ days: 29 });
    await expect(sweep.sweepOnce()).resolves.toEqual([]);
    t.clock.advance({ days: 2 });
    await expect(sweep.sweepOnce()).resolves.toEqual([org.organisationId]);

    for (const [table, lines] of rows) {
      // The content of the file the other organisation holds too stays for it.
      const expected = ['document_content', 'document_content_chunk'].includes(table)
        ? lines.filter((l) => l.includes(createHash('sha256').update(SHARED_PDF).digest('hex')))
            .length
        : 0;
      expect({ table, left: await stillThere(t.ownerUrl, table, lines) }).toEqual({
        table,
        left: expected,
      });
    }
    await expect(
      writeOrganisationArchive(
        t.ownerUrl,
        organisationArchiveRoot(org.organisationId),
        join(work, 'gone.tar'),
        t.clock.now(),
      ),
    ).resolves.toBeNull();
    await writeOrganisationArchive(
      t.ownerUrl,
      organisationArchiveRoot(other.organisationId),
      otherAfter,
      t.clock.now(),
    );
    const before = (await readArchive(otherBefore)).manifest.tables;
    const after = (await readArchive(otherAfter)).manifest.tables;
    expect(after).toEqual(before);
  });

  // Last: closing a second API in this process ends the first one's database connection.
  it('imports into a fresh instance with the same records, table by table, and the same document bytes', async () => {
    const { manifest, rows } = await readArchive(archiveFile);
    expect(manifest.organisation).toEqual({
      id: org.organisationId,
      name: 'Vertrekkend Bedrijf B.V.',
      kind: 'employer',
    });
    expect(manifest.documents.files).toBe(2);
    const count = (table: string) => manifest.tables.find((x) => x.name === table)?.rows;
    expect(count('organisation')).toBe(1);
    expect(count('app_user')).toBe(8);
    expect(count('ai_case')).toBe(1);
    expect(count('document_version')).toBe(2);
    expect(count('comment')).toBe(1);
    expect(count('audit_entry')).toBeGreaterThan(0);
    // Nothing of the other organisation came along.
    for (const lines of rows.values()) {
      expect(lines.join('\n')).not.toContain(other.organisationId);
    }

    const target: EmptyDatabase = await emptyDatabase();
    try {
      await runMigrations(target.ownerUrl);
      await provisionAppRole(target.ownerUrl, target.appUrl);
      const output = await admin(['import', archiveFile], target.env);
      expect(output).toContain(
        `Imported employer "Vertrekkend Bedrijf B.V." (${org.organisationId})`,
      );

      // Table by table: the fresh instance holds exactly the exported rows.
      for (const table of manifest.tables) {
        const imported = await query<{ line: string }>(
          target.ownerUrl,
          `SELECT to_jsonb(t)::text AS line FROM "${table.name}" t ORDER BY to_jsonb(t)::text COLLATE "C"`,
        );
        const sha = createHash('sha256');
        for (const { line } of imported) {
          sha.update(line).update('\n');
        }
        expect({ table: table.name, rows: imported.length, sha256: sha.digest('hex') }).toEqual({
          table: table.name,
          rows: table.rows,
          sha256: table.sha256,
        });
      }
      // A working tenant there: its admin signs in and downloads the same bytes.
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: target.appUrl });
      const moduleRef = await Test.createTestingModule({
        imports: [ApiModule.forRoot(config)],
      }).compile();
      const app = configureApp(moduleRef.createNestApplication());
      await app.listen(0, '127.0.0.1');
      try {
        const http = () => request(app.getHttpServer());
        const login = await http()
          .post('/auth/login')
          .send({ email: org.admin.email, password: org.admin.password })
          .expect(200);
        const hr = await http()
          .post('/auth/login')
          .send({ email: org.hr.email, password: org.hr.password })
          .expect(200);
        expect(login.body.accessToken).toBeDefined();
        for (const document of documents) {
          const content = await http()
            .get(`/cases/${caseId}/documents/${document.id}/versions/1/content`)
            .set('Authorization', `Bearer ${hr.body.accessToken}`)
            .buffer(true)
            .parse(binary)
            .expect(200);
          expect(Buffer.compare(content.body as Buffer, document.bytes)).toBe(0);
        }
      } finally {
        await app.close();
      }
      // Importing twice is refused, and changes nothing.
      await expect(admin(['import', archiveFile], target.env)).rejects.toThrow(
        'is already on this instance',
      );
    } finally {
      await target.drop();
    }
  });
});
