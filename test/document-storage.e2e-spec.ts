import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import S3rver from 's3rver';
import request from 'supertest';

import { ApiModule, configureApp } from '@wc/api';
import { loadConfig } from '@wc/config';
import { Clock, FakeClock } from '@wc/core';
import { DocumentStorage, storageKeyFor } from '@wc/documents';
import type { GivenOrganisation } from '@wc/testing';

import { fileCase } from './support/case-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A PDF of `size` deterministic bytes (a fixed-seed xorshift), larger than one 512 KiB chunk. */
function pdfOf(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  Buffer.from('%PDF-1.7\n').copy(bytes);
  return bytes;
}

/** Reads a response body as bytes whatever its type. */
function binary(res: unknown, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

interface Replica {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
}

/** A second API process on the first one's database, as another compose replica would be. */
async function startReplica(t: TestApp, env: Record<string, string>): Promise<Replica> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: t.config.database.url, ...env });
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(new FakeClock('2026-03-02T09:00:00Z'))
    .compile();
  const app = configureApp(moduleRef.createNestApplication());
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, http: () => request(url) };
}

/** Uploads through `a`, downloads through `b`: the bytes must be the same. */
async function uploadThroughOneDownloadThroughOther(
  a: TestApp,
  b: Replica,
  org: GivenOrganisation,
  bytes: Buffer,
): Promise<{ documentId: string }> {
  const hr = await a.login(org.hr);
  const { caseId } = await fileCase(a, org, hr);
  const uploaded = await a
    .http()
    .post(`/cases/${caseId}/documents`)
    .set('Authorization', hr)
    .field('title', 'Adviesaanvraag')
    .attach('file', bytes, { filename: 'adviesaanvraag.pdf', contentType: 'application/pdf' })
    .expect(201);
  expect(uploaded.body.latestVersion).toMatchObject({
    sizeBytes: bytes.length,
    sha256: sha256(bytes),
  });
  const member = await a.login(org.member);
  const got = await b
    .http()
    .get(`/cases/${caseId}/documents/${uploaded.body.id}/versions/1/content`)
    .set('Authorization', member)
    .buffer(true)
    .parse(binary)
    .expect(200);
  expect(Buffer.compare(got.body as Buffer, bytes)).toBe(0);
  return { documentId: uploaded.body.id as string };
}

describe('documents every replica can serve (e2e)', () => {
  describe('in PostgreSQL (the default)', () => {
    let a: TestApp;
    let b: Replica;
    let dataDir: string;

    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'overleg-storage-'));
      a = await startTestApp({
        MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
        DATA_DIR: join(dataDir, 'a'),
      });
      b = await startReplica(a, {
        MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
        DATA_DIR: join(dataDir, 'b'),
      });
    });
    afterAll(async () => {
      await b?.app.close();
      await a?.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('serves through replica B what was uploaded through replica A, stored in chunk rows and on no disk', async () => {
      const bytes = pdfOf(1_300_000, 20);
      const org = await a.given.organisation();
      await uploadThroughOneDownloadThroughOther(a, b, org, bytes);
      const key = storageKeyFor(sha256(bytes));
      const rows = await a.db.query<
        Array<{ size_bytes: string; chunk_count: number; chunks: number; total: string }>
      >(
        `SELECT c.size_bytes, c.chunk_count, count(k.*)::int AS chunks, sum(octet_length(k.bytes))::text AS total
           FROM document_content c JOIN document_content_chunk k USING (storage_key) WHERE c.storage_key = $1 GROUP BY 1, 2`,
        [key],
      );
      expect(rows).toEqual([
        {
          size_bytes: String(bytes.length),
          chunk_count: 3,
          chunks: 3,
          total: String(bytes.length),
        },
      ]);
      expect(await readdir(dataDir, { recursive: true })).toEqual([]); // and nothing on disk
    });

    it('stores equal content once even when two replicas put it at the same moment', async () => {
      const bytes = pdfOf(600_000, 7);
      const key = storageKeyFor(sha256(bytes));
      await Promise.all([
        a.app.get(DocumentStorage).put(key, bytes),
        b.app.get(DocumentStorage).put(key, bytes),
      ]);
      const [{ chunks }] = await a.db.query<Array<{ chunks: number }>>(
        `SELECT count(*)::int AS chunks FROM document_content_chunk WHERE storage_key = $1`,
        [key],
      );
      expect(chunks).toBe(2);
    });

    it('moves the files an older release kept on the local disk into the database at start-up', async () => {
      // A version whose bytes an older release kept on disk: uploaded, then its content row removed.
      const legacy = pdfOf(700_000, 99);
      const hash = sha256(legacy);
      const org = await a.given.organisation();
      const hr = await a.login(org.hr);
      const { caseId } = await fileCase(a, org, hr);
      const uploaded = await a
        .http()
        .post(`/cases/${caseId}/documents`)
        .set('Authorization', hr)
        .field('title', 'Oud')
        .attach('file', legacy, { filename: 'oud.pdf', contentType: 'application/pdf' })
        .expect(201);
      await a.ownerQuery(`DELETE FROM document_content WHERE storage_key = $1`, [
        storageKeyFor(hash),
      ]);
      const legacyDir = join(dataDir, 'legacy');
      await mkdir(join(legacyDir, 'documents', 'sha256', hash.slice(0, 2)), { recursive: true });
      await writeFile(join(legacyDir, 'documents', 'sha256', hash.slice(0, 2), hash), legacy);
      await writeFile(
        join(legacyDir, 'documents', 'sha256', hash.slice(0, 2), '.tmp-unfinished'),
        'half',
      );

      const upgraded = await startReplica(a, {
        DATA_DIR: legacyDir,
        MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
      });
      try {
        const got = await upgraded
          .http()
          .get(`/cases/${caseId}/documents/${uploaded.body.id}/versions/1/content`)
          .set('Authorization', hr)
          .buffer(true)
          .parse(binary)
          .expect(200);
        expect(Buffer.compare(got.body as Buffer, legacy)).toBe(0);
        // Kept for the operator to check and remove, under a name that is not imported again.
        expect(await readdir(legacyDir)).toEqual(['documents.imported-2026-03-02T09-00-00-000Z']);
      } finally {
        await upgraded.app.close();
      }
    });

    it('leaves a documents directory alone that this database refers to nothing in', async () => {
      const stray = pdfOf(2_000, 5);
      const hash = sha256(stray);
      const otherDir = join(dataDir, 'someone-elses');
      await mkdir(join(otherDir, 'documents', 'sha256', hash.slice(0, 2)), { recursive: true });
      await writeFile(join(otherDir, 'documents', 'sha256', hash.slice(0, 2), hash), stray);
      const replica = await startReplica(a, { DATA_DIR: otherDir });
      await replica.app.close();
      expect(await readdir(join(otherDir, 'documents', 'sha256', hash.slice(0, 2)))).toEqual([
        hash,
      ]);
      expect(
        await a.db.query(`SELECT 1 FROM document_content WHERE storage_key = $1`, [
          storageKeyFor(hash),
        ]),
      ).toEqual([]);
    });
  });

  describe('in S3 (a real local S3 server)', () => {
    let s3: S3rver;
    let endpoint: string;
    let s3Dir: string;
    let a: TestApp;
    let b: Replica;
    const env = (): Record<string, string> => ({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: 'overleg-documents',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
    });

    beforeAll(async () => {
      s3Dir = await mkdtemp(join(tmpdir(), 'overleg-s3rver-'));
      s3 = new S3rver({
        address: '127.0.0.1',
        port: 0,
        silent: true,
        directory: s3Dir,
        configureBuckets: [{ name: 'overleg-documents' }],
      });
      const { port } = await s3.run();
      endpoint = `http://127.0.0.1:${port}`;
      a = await startTestApp(env());
      b = await startReplica(a, env());
    });
    afterAll(async () => {
      await b?.app.close();
      await a?.close();
      await s3?.close();
      await rm(s3Dir, { recursive: true, force: true });
    });

    it('serves through replica B what was uploaded through replica A, from the bucket and not the database', async () => {
      const bytes = pdfOf(900_000, 3);
      const org = await a.given.organisation();
      await uploadThroughOneDownloadThroughOther(a, b, org, bytes);
      const key = storageKeyFor(sha256(bytes));
      const client = new S3Client({
        endpoint,
        forcePathStyle: true,
        region: 'us-east-1',
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      });
      const object = await client.send(
        new GetObjectCommand({ Bucket: 'overleg-documents', Key: key }),
      );
      expect(Buffer.compare(Buffer.from(await object.Body!.transformToByteArray()), bytes)).toBe(0);
      client.destroy();
      expect(
        await a.db.query(`SELECT storage_key FROM document_content WHERE storage_key = $1`, [key]),
      ).toEqual([]);
    });

    it('is ready while the bucket answers, and 503 naming the bucket when it does not exist', async () => {
      await a.http().get('/health/ready').expect(200);
      const wrong = await startReplica(a, { ...env(), S3_BUCKET: 'no-such-bucket' });
      try {
        const res = await wrong.http().get('/health/ready').expect(503);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({
          code: 'service.unavailable',
          detail:
            'The document bucket "no-such-bucket" is not reachable (NotFound): uploads and downloads fail.',
        });
      } finally {
        await wrong.app.close();
      }
    });
  });
});
