import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Response } from 'supertest';

import { DocumentsService } from '@wc/documents';
import type { GivenOrganisation } from '@wc/testing';

import { fileCase } from './support/case-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

const MAX_UPLOAD_BYTES = 8192;
const PDF = Buffer.from(
  '%PDF-1.7\n% Adviesaanvraag WarehouseInsight\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n',
  'latin1',
);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01', 'latin1'),
]);
const ELF = Buffer.concat([
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]),
  Buffer.alloc(56),
]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const text = (s: string) => Buffer.from(s, 'utf8');

type Part =
  | { name: string; value: string }
  | { name: string; filename: string; bytes: Buffer; contentType?: string };

/** A multipart body written by hand, so tests control every byte of the file name. */
function multipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `----overleg-${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('bytes' in part) {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`,
          'utf8',
        ),
        part.bytes,
      );
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}`,
          'utf8',
        ),
      );
    }
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Reads a response body as bytes whatever its type (superagent hands parsers the raw message). */
function binary(res: unknown, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('case documents (e2e)', () => {
  let t: TestApp;
  let dataDir: string;
  let org: GivenOrganisation;
  let other: GivenOrganisation;
  let hr: string;
  let chair: string;
  let member: string;
  let expert: string;
  let stranger: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'overleg-documents-e2e-'));
    t = await startTestApp({ DATA_DIR: dataDir, MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) });
    org = await t.given.organisation();
    other = await t.given.organisation();
    [hr, chair, member, expert, stranger] = await Promise.all(
      [org.hr, org.chair, org.member, org.expert, other.hr].map((u) => t.login(u)),
    );
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  function upload(bearer: string, caseId: string, parts: Part[]) {
    const { body, contentType } = multipart(parts);
    return t
      .http()
      .post(`/cases/${caseId}/documents`)
      .set('Authorization', bearer)
      .set('Content-Type', contentType)
      .send(body);
  }
  const file = (filename: string, bytes: Buffer, contentType?: string): Part => ({
    name: 'file',
    filename,
    bytes,
    contentType,
  });
  const field = (name: string, value: string): Part => ({ name, value });

  function addVersion(bearer: string, caseId: string, documentId: string, parts: Part[]) {
    const { body, contentType } = multipart(parts);
    return t
      .http()
      .post(`/cases/${caseId}/documents/${documentId}/versions`)
      .set('Authorization', bearer)
      .set('Content-Type', contentType)
      .send(body);
  }

  function download(bearer: string, caseId: string, documentId: string, seq: number) {
    return t
      .http()
      .get(`/cases/${caseId}/documents/${documentId}/versions/${seq}/content`)
      .set('Authorization', bearer)
      .buffer(true)
      .parse(binary);
  }

  /** Every stored content key with its chunk count: document bytes live in the database. */
  async function storedContent(): Promise<string[]> {
    const rows = await t.db.query<Array<{ storage_key: string; chunks: number }>>(
      `SELECT c.storage_key, (SELECT count(*)::int FROM document_content_chunk k WHERE k.storage_key = c.storage_key) AS chunks
         FROM document_content c ORDER BY c.storage_key`,
    );
    return rows.map((row) => `${row.storage_key} (${row.chunks})`);
  }

  async function rowsOf(caseId: string): Promise<{ documents: number; versions: number }> {
    const [row] = await t.db.query<Array<{ documents: number; versions: number }>>(
      `SELECT (SELECT count(*)::int FROM document WHERE case_id = $1) AS documents,
              (SELECT count(*)::int FROM document_version v JOIN document d ON d.id = v.document_id WHERE d.case_id = $1) AS versions`,
      [caseId],
    );
    return row;
  }

  async function documentEvents(
    caseId: string,
  ): Promise<Array<{ type: string; payload: Record<string, unknown> }>> {
    return t.db.query(
      `SELECT type, payload FROM domain_event WHERE case_id = $1 AND type LIKE 'document.%' ORDER BY case_seq`,
      [caseId],
    );
  }

  async function addExpert(caseId: string, userId: string): Promise<void> {
    const current = await t.http().get(`/cases/${caseId}`).set('Authorization', chair).expect(200);
    await t
      .http()
      .post(`/cases/${caseId}/experts`)
      .set('Authorization', chair)
      .send({ version: current.body.version, userId })
      .expect(201);
  }

  /** Runs a refused upload and proves it left no rows and no bytes behind. */
  async function expectRefused(
    caseId: string,
    attempt: () => Promise<Response>,
    status: number,
    code: string,
  ): Promise<Response> {
    const rowsBefore = await rowsOf(caseId);
    const contentBefore = await storedContent();
    const res = await attempt();
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await rowsOf(caseId)).toEqual(rowsBefore);
    expect(await storedContent()).toEqual(contentBefore);
    return res;
  }

  it('uploads a PDF and downloads the same bytes as an attachment, with audit and events', async () => {
    const { caseId } = await fileCase(t, org, hr);
    const res = await upload(hr, caseId, [
      field('title', 'Adviesaanvraag'),
      field('dossierItem', 'assessment:A1'),
      file('Adviesaanvraag – versie 1.pdf', PDF, 'application/pdf'),
    ]).expect(201);
    const hash = sha256(PDF);
    expect(res.body).toMatchObject({
      caseId,
      title: 'Adviesaanvraag',
      dossierItem: 'assessment:A1',
      origin: 'employer',
      confidential: false,
      confidentiality: null,
      versionCount: 1,
      createdBy: org.hr.id,
      createdAt: '2026-03-02T09:00:00.000Z',
      latestVersion: {
        seq: 1,
        filename: 'Adviesaanvraag – versie 1.pdf',
        mediaType: 'application/pdf',
        sizeBytes: PDF.length,
        sha256: hash,
      },
      versions: [{ seq: 1, sha256: hash, uploadedBy: org.hr.id }],
    });
    expect(await storedContent()).toContain(`sha256/${hash.slice(0, 2)}/${hash} (1)`);
    const [row] = await t.db.query(
      `SELECT storage_key, sha256, size_bytes FROM document_version WHERE document_id = $1`,
      [res.body.id],
    );
    expect(row).toEqual({
      storage_key: `sha256/${hash.slice(0, 2)}/${hash}`,
      sha256: hash,
      size_bytes: PDF.length,
    });

    // The council reads it; the bytes round-trip exactly.
    const got = await download(member, caseId, res.body.id, 1).expect(200);
    expect(sha256(got.body as Buffer)).toBe(hash);
    expect(got.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(PDF.length),
      'content-disposition': `attachment; filename="Adviesaanvraag _ versie 1.pdf"; filename*=UTF-8''Adviesaanvraag%20%E2%80%93%20versie%201.pdf`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      etag: `"${hash}"`,
    });

    const list = await t
      .http()
      .get(`/cases/${caseId}/documents`)
      .set('Authorization', member)
      .expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: res.body.id,
        latestVersion: expect.objectContaining({ seq: 1 }),
      }),
    ]);
    const filtered = await t
      .http()
      .get(`/cases/${caseId}/documents?dossierItem=assessment:B2`)
      .set('Authorization', member)
      .expect(200);
    expect(filtered.body.items).toEqual([]);

    expect(await documentEvents(caseId)).toEqual([
      { type: 'document.uploaded', payload: { documentId: res.body.id, seq: 1 } },
    ]);
    const audit = await t
      .http()
      .get(`/cases/${caseId}/audit`)
      .set('Authorization', chair)
      .expect(200);
    expect(audit.body.items.at(-1)).toMatchObject({
      action: 'document.uploaded',
      actorId: org.hr.id,
      after: expect.objectContaining({ documentId: res.body.id, sha256: hash, seq: 1 }),
    });
  });

  it('adds versions from the submitting side, in sequence, with optimistic locking', async () => {
    const { caseId } = await fileCase(t, org, hr);
    const first = await upload(hr, caseId, [
      field('title', 'DPIA'),
      file('dpia.md', text('# DPIA v1\n')),
    ]).expect(201);
    const id = first.body.id as string;
    expect(first.body.latestVersion.mediaType).toBe('text/markdown; charset=utf-8');

    await expectRefused(
      caseId,
      () => addVersion(chair, caseId, id, [file('dpia.md', text('# DPIA by the council\n'))]),
      403,
      'document.version_not_allowed',
    );

    const v2 = await addVersion(hr, caseId, id, [
      field('version', '1'),
      file('dpia-v2.md', text('# DPIA v2\n')),
    ]).expect(201);
    expect(v2.body).toMatchObject({
      version: 2,
      versionCount: 2,
      latestVersion: { seq: 2, filename: 'dpia-v2.md' },
    });
    expect(v2.body.versions.map((v: { seq: number }) => v.seq)).toEqual([1, 2]);

    const stale = await expectRefused(
      caseId,
      () =>
        addVersion(hr, caseId, id, [
          field('version', '1'),
          file('dpia-v3.md', text('# DPIA v3\n')),
        ]),
      409,
      'document.version_conflict',
    );
    expect(stale.body).toMatchObject({ expectedVersion: 1, currentVersion: 2 });

    // Two versions at once both land, with distinct numbers.
    const [a, b] = await Promise.all([
      addVersion(hr, caseId, id, [file('a.md', text('# A\n'))]),
      addVersion(hr, caseId, id, [file('b.md', text('# B\n'))]),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const detail = await t
      .http()
      .get(`/cases/${caseId}/documents/${id}`)
      .set('Authorization', member)
      .expect(200);
    expect(detail.body.versions.map((v: { seq: number }) => v.seq)).toEqual([1, 2, 3, 4]);

    expect((await download(member, caseId, id, 1).expect(200)).body).toEqual(text('# DPIA v1\n'));
    expect((await download(member, caseId, id, 2).expect(200)).body).toEqual(text('# DPIA v2\n'));
    const missing = await t
      .http()
      .get(`/cases/${caseId}/documents/${id}/versions/9/content`)
      .set('Authorization', member)
      .expect(404);
    expect(missing.body.code).toBe('document_version.not_found');
    expect((await documentEvents(caseId)).map((e) => e.type)).toEqual([
      'document.uploaded',
      'document.version_added',
      'document.version_added',
      'document.version_added',
    ]);
  });

  it('refuses files over the limit with 413 and accepts one exactly at it', async () => {
    const { caseId } = await fileCase(t, org, hr);
    const res = await expectRefused(
      caseId,
      () =>
        upload(hr, caseId, [
          field('title', 'Te groot'),
          file('big.txt', Buffer.alloc(MAX_UPLOAD_BYTES + 1, 'a')),
        ]),
      413,
      'document.too_large',
    );
    expect(res.body).toMatchObject({
      status: 413,
      maxBytes: MAX_UPLOAD_BYTES,
      type: 'urn:overleg:problem:document.too_large',
    });
    // Far over the limit: multer stops reading, and the client still gets the problem, not a reset.
    await expectRefused(
      caseId,
      () =>
        upload(hr, caseId, [
          field('title', 'Veel te groot'),
          file('huge.pdf', Buffer.concat([PDF, Buffer.alloc(2_000_000)])),
        ]),
      413,
      'document.too_large',
    );
    const atLimit = await upload(hr, caseId, [
      field('title', 'Precies goed'),
      file('limit.txt', Buffer.alloc(MAX_UPLOAD_BYTES, 'a')),
    ]).expect(201);
    expect(atLimit.body.latestVersion.sizeBytes).toBe(MAX_UPLOAD_BYTES);
  });

  it('judges the type by the bytes: executables 415, empty files 422, a PNG named .pdf stays a PNG', async () => {
    const { caseId } = await fileCase(t, org, hr);
    await expectRefused(
      caseId,
      () =>
        upload(hr, caseId, [
          field('title', 'Rapport'),
          file('rapport.pdf', ELF, 'application/pdf'),
        ]),
      415,
      'document.unsupported_type',
    );
    await expectRefused(
      caseId,
      () =>
        upload(hr, caseId, [
          field('title', 'Rapport'),
          file('setup.exe', Buffer.from('MZ\x90\0\x03\0\0\0', 'latin1')),
        ]),
      415,
      'document.unsupported_type',
    );
    await expectRefused(
      caseId,
      () =>
        upload(hr, caseId, [
          field('title', 'Pagina'),
          file('page.html', text('<script>alert(1)</script>'), 'text/html'),
        ]),
      415,
      'document.unsupported_type',
    );
    await expectRefused(
      caseId,
      () =>
        upload(hr, caseId, [
          field('title', 'Zip'),
          file('notes.docx', Buffer.from('PK\x03\x04random.txt', 'latin1')),
        ]),
      415,
      'document.unsupported_type',
    );
    const empty = await expectRefused(
      caseId,
      () => upload(hr, caseId, [field('title', 'Leeg'), file('leeg.pdf', Buffer.alloc(0))]),
      422,
      'document.empty',
    );
    expect(empty.body.errors).toEqual([{ path: 'file', message: 'is empty' }]);

    const png = await upload(hr, caseId, [
      field('title', 'Schermafdruk'),
      file('schermafdruk.pdf', PNG, 'application/pdf'),
    ]).expect(201);
    expect(png.body.latestVersion).toMatchObject({
      mediaType: 'image/png',
      filename: 'schermafdruk.pdf',
    });
    const got = await download(hr, caseId, png.body.id, 1).expect(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('reduces path-like and control-character names to a safe base name and stores by hash only', async () => {
    const { caseId } = await fileCase(t, org, hr);
    const contentBefore = await storedContent();
    const traversal = await upload(hr, caseId, [
      field('title', 'Notulen'),
      file('../../../etc/cron.d/notulen.txt', text('Notulen 2 maart\n')),
    ]).expect(201);
    expect(traversal.body.latestVersion.filename).toBe('notulen.txt');
    const windows = await upload(hr, caseId, [
      field('title', 'Planning'),
      file('C:\\Users\\hr\\Desktop\\planning.csv', text('week;taak\n1;training\n')),
    ]).expect(201);
    expect(windows.body.latestVersion.filename).toBe('planning.csv');
    const newline = await upload(hr, caseId, [
      field('title', 'Brief'),
      file('brief%0A%0D.pdf', PDF),
    ]).expect(201);
    expect(newline.body.latestVersion.filename).toBe('brief.pdf');
    const dots = await upload(hr, caseId, [field('title', 'Punten'), file('..', PDF)]).expect(201);
    expect(dots.body.latestVersion.filename).toBe('document.pdf');

    // Nothing outside the content-addressed tree; equal content (the PDF) is stored once.
    const added = (await storedContent()).filter((f) => !contentBefore.includes(f));
    expect(added.length).toBeLessThanOrEqual(3);
    for (const f of added) {
      expect(f).toMatch(/^sha256\/[0-9a-f]{2}\/[0-9a-f]{64} \(1\)$/);
    }
    const names = await t.db.query<Array<{ filename: string }>>(
      `SELECT v.filename FROM document_version v JOIN document d ON d.id = v.document_id WHERE d.case_id = $1 ORDER BY v.uploaded_at, v.filename`,
      [caseId],
    );
    expect(names.map((n) => n.filename).sort()).toEqual([
      'brief.pdf',
      'document.pdf',
      'notulen.txt',
      'planning.csv',
    ]);
  });

  it('asks for the file as a field problem, and refuses a file in another part', async () => {
    const { caseId } = await fileCase(t, org, hr);
    const missing = await expectRefused(
      caseId,
      () => upload(hr, caseId, [field('title', 'Zonder bestand')]),
      400,
      'request.validation_failed',
    );
    expect(missing.body.errors).toEqual([
      { path: 'file', message: expect.stringContaining('required') },
    ]);
    const json = await expectRefused(
      caseId,
      () =>
        t
          .http()
          .post(`/cases/${caseId}/documents`)
          .set('Authorization', hr)
          .send({ title: 'JSON' }),
      400,
      'request.validation_failed',
    );
    expect(json.body.errors).toEqual([{ path: 'file', message: expect.any(String) }]);
    const wrongPart = await expectRefused(
      caseId,
      () =>
        upload(hr, caseId, [
          field('title', 'Verkeerd veld'),
          { name: 'document', filename: 'a.pdf', bytes: PDF },
        ]),
      400,
      'document.bad_multipart',
    );
    expect(wrongPart.body.errors).toEqual([
      { path: 'file', message: expect.stringContaining('Unexpected') },
    ]);
    const badFields = await expectRefused(
      caseId,
      () => upload(hr, caseId, [field('title', ''), field('colour', 'red'), file('a.pdf', PDF)]),
      400,
      'request.validation_failed',
    );
    expect(badFields.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'colour',
      'title',
    ]);
  });

  it('answers 404 to another organisation, the same as for an unknown case, and stores nothing', async () => {
    const { caseId } = await fileCase(t, org, hr);
    const doc = await upload(hr, caseId, [
      field('title', 'Intern'),
      file('intern.pdf', PDF),
    ]).expect(201);
    const unknownCase = randomUUID();
    const strip = (body: Record<string, unknown>) => ({
      ...body,
      instance: undefined,
      correlationId: undefined,
    });
    const foreign = await t
      .http()
      .get(`/cases/${caseId}/documents`)
      .set('Authorization', stranger)
      .expect(404);
    const unknown = await t
      .http()
      .get(`/cases/${unknownCase}/documents`)
      .set('Authorization', stranger)
      .expect(404);
    expect(strip(foreign.body)).toEqual(strip(unknown.body));
    expect(foreign.body.code).toBe('case.not_found');
    await t
      .http()
      .get(`/cases/${caseId}/documents/${doc.body.id}`)
      .set('Authorization', stranger)
      .expect(404);
    await download(stranger, caseId, doc.body.id, 1).expect(404);
    await expectRefused(
      caseId,
      () =>
        upload(stranger, caseId, [
          field('title', 'Indringer'),
          file('x.txt', text('nieuwe inhoud van buiten')),
        ]),
      404,
      'case.not_found',
    );
    await expectRefused(
      caseId,
      () => addVersion(stranger, caseId, doc.body.id, [file('x.txt', text('nog meer van buiten'))]),
      404,
      'case.not_found',
    );
    // A document of another case is not found through this case.
    const { caseId: otherCase } = await fileCase(t, org, hr);
    await t
      .http()
      .get(`/cases/${otherCase}/documents/${doc.body.id}`)
      .set('Authorization', hr)
      .expect(404);
  });

  it('hides an art. 20 confidential document from an expert not admitted to it, and shows it to the parties', async () => {
    const { caseId } = await fileCase(t, org, hr);
    await addExpert(caseId, org.expert.id);
    const open = await upload(hr, caseId, [
      field('title', 'Systeembeschrijving'),
      file('systeem.pdf', PDF),
    ]).expect(201);
    const secret = await upload(hr, caseId, [
      field('title', 'Modelkaart leverancier'),
      field('confidentialScope', 'Model card and pricing of the vendor'),
      field('confidentialUntil', '2026-12-31'),
      file('modelkaart.txt', text('Prijs: geheim\n')),
    ]).expect(201);
    expect(secret.body).toMatchObject({
      confidential: true,
      confidentiality: {
        active: true,
        scope: 'Model card and pricing of the vendor',
        until: '2026-12-31',
        imposedBySide: 'employer',
        imposedBy: org.hr.id,
        exemptedUserIds: [],
        allowedExpertIds: [],
      },
    });

    for (const bearer of [hr, chair, member]) {
      const list = await t
        .http()
        .get(`/cases/${caseId}/documents`)
        .set('Authorization', bearer)
        .expect(200);
      // Same upload instant on the fake clock: the order between the two is by id, so compare as sets.
      expect(
        list.body.items
          .map((d: { id: string; confidential: boolean }) => [d.id, d.confidential])
          .sort(),
      ).toEqual(
        [
          [open.body.id, false],
          [secret.body.id, true],
        ].sort(),
      );
      await download(bearer, caseId, secret.body.id, 1).expect(200);
    }

    // The expert sees the case and the ordinary document, and nothing of the secret one.
    const list = await t
      .http()
      .get(`/cases/${caseId}/documents`)
      .set('Authorization', expert)
      .expect(200);
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([open.body.id]);
    const notFound = await t
      .http()
      .get(`/cases/${caseId}/documents/${secret.body.id}`)
      .set('Authorization', expert)
      .expect(404);
    const neverExisted = await t
      .http()
      .get(`/cases/${caseId}/documents/${randomUUID()}`)
      .set('Authorization', expert)
      .expect(404);
    expect(notFound.body.code).toBe('document.not_found');
    expect(notFound.body.detail).toBe(neverExisted.body.detail);
    await download(expert, caseId, secret.body.id, 1).expect(404);
    await download(expert, caseId, open.body.id, 1).expect(200);
    await t
      .http()
      .delete(`/cases/${caseId}/documents/${secret.body.id}`)
      .set('Authorization', expert)
      .expect(404);
    await t
      .http()
      .put(`/cases/${caseId}/documents/${secret.body.id}/confidentiality`)
      .set('Authorization', expert)
      .send({ version: 1, scope: 'x' })
      .expect(404);
    await t
      .http()
      .delete(`/cases/${caseId}/documents/${secret.body.id}/confidentiality`)
      .set('Authorization', expert)
      .expect(404);
    await expectRefused(
      caseId,
      () => addVersion(expert, caseId, secret.body.id, [file('x.txt', text('expert'))]),
      404,
      'document.not_found',
    );
    await expectRefused(
      caseId,
      () =>
        upload(expert, caseId, [
          field('title', 'Rapport deskundige'),
          file('rapport.txt', text('advies')),
        ]),
      403,
      'document.upload_not_allowed',
    );

    // The export and notification port names it.
    expect(await t.app.get(DocumentsService).confidentialDocumentIds(caseId)).toEqual([
      secret.body.id,
    ]);

    // The employer admits the expert to this item: they see it, and what binds them, not who else is listed.
    const admitted = await t
      .http()
      .put(`/cases/${caseId}/documents/${secret.body.id}/confidentiality`)
      .set('Authorization', hr)
      .send({
        version: secret.body.version,
        scope: 'Model card and pricing of the vendor',
        until: '2026-12-31',
        allowedExpertIds: [org.expert.id],
        exemptedUserIds: [org.chair.id],
      })
      .expect(200);
    expect(admitted.body.confidentiality).toMatchObject({
      allowedExpertIds: [org.expert.id],
      exemptedUserIds: [org.chair.id],
    });
    const seen = await t
      .http()
      .get(`/cases/${caseId}/documents/${secret.body.id}`)
      .set('Authorization', expert)
      .expect(200);
    expect(seen.body).toMatchObject({ confidential: true });
    expect(seen.body.confidentiality).toEqual({
      active: true,
      scope: 'Model card and pricing of the vendor',
      until: '2026-12-31',
      imposedBySide: 'employer',
      imposedAt: '2026-03-02T09:00:00.000Z',
    });
    await download(expert, caseId, secret.body.id, 1).expect(200);

    const events = (await documentEvents(caseId)).filter(
      (e) => e.type === 'document.confidentiality_changed',
    );
    expect(events).toEqual([
      { type: 'document.confidentiality_changed', payload: { documentId: secret.body.id } },
    ]);
  });

  it('lets the employer side or the council board impose secrecy, and only the imposing side change or lift it', async () => {
    const { caseId } = await fileCase(t, org, hr);
    await addExpert(caseId, org.expert.id);
    const doc = await upload(member, caseId, [
      field('title', 'Achterbanraadpleging'),
      file('achterban.csv', text('afdeling;zorgen\nmagazijn;tempo\n')),
    ]).expect(201);
    expect(doc.body.origin).toBe('council');

    const byMember = await t
      .http()
      .put(`/cases/${caseId}/documents/${doc.body.id}/confidentiality`)
      .set('Authorization', member)
      .send({ version: 1, scope: 'Namen van medewerkers' })
      .expect(403);
    expect(byMember.body.code).toBe('document.confidentiality_not_allowed');
    const past = await t
      .http()
      .put(`/cases/${caseId}/documents/${doc.body.id}/confidentiality`)
      .set('Authorization', chair)
      .send({ version: 1, scope: 'Namen', until: '2026-03-01' })
      .expect(422);
    expect(past.body).toMatchObject({
      code: 'document.confidentiality_until_past',
      errors: [{ path: 'until', message: 'must be 2026-03-02 or later' }],
    });
    const stale = await t
      .http()
      .put(`/cases/${caseId}/documents/${doc.body.id}/confidentiality`)
      .set('Authorization', chair)
      .send({ version: 7, scope: 'Namen' })
      .expect(409);
    expect(stale.body.code).toBe('document.version_conflict');

    const imposed = await t
      .http()
      .put(`/cases/${caseId}/documents/${doc.body.id}/confidentiality`)
      .set('Authorization', chair)
      .send({ version: 1, scope: 'Namen van medewerkers', until: '2026-03-31' })
      .expect(200);
    expect(imposed.body).toMatchObject({
      confidential: true,
      version: 2,
      confidentiality: { imposedBySide: 'council', imposedBy: org.chair.id },
    });
    await t
      .http()
      .get(`/cases/${caseId}/documents/${doc.body.id}`)
      .set('Authorization', expert)
      .expect(404);

    const byMemberLift = await t
      .http()
      .delete(`/cases/${caseId}/documents/${doc.body.id}/confidentiality`)
      .set('Authorization', member)
      .expect(403);
    expect(byMemberLift.body.code).toBe('document.confidentiality_not_allowed');
    const byHr = await t
      .http()
      .delete(`/cases/${caseId}/documents/${doc.body.id}/confidentiality`)
      .set('Authorization', hr)
      .expect(403);
    expect(byHr.body.code).toBe('document.confidentiality_not_yours');
    const lifted = await t
      .http()
      .delete(`/cases/${caseId}/documents/${doc.body.id}/confidentiality`)
      .set('Authorization', chair)
      .expect(200);
    expect(lifted.body).toMatchObject({ confidential: false, confidentiality: null, version: 3 });
    await t
      .http()
      .get(`/cases/${caseId}/documents/${doc.body.id}`)
      .set('Authorization', expert)
      .expect(200);
    const audit = await t.db.query<Array<{ action: string }>>(
      `SELECT action FROM audit_entry WHERE case_id = $1 AND action LIKE 'document.%' ORDER BY seq`,
      [caseId],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'document.uploaded',
      'document.confidentiality_imposed',
      'document.confidentiality_lifted',
    ]);
  });

  it('ends the secrecy after its last day', async () => {
    const { caseId } = await fileCase(t, org, hr);
    await addExpert(caseId, org.expert.id);
    const doc = await upload(hr, caseId, [
      field('title', 'Prijzen'),
      field('confidentialScope', 'Prijzen'),
      field('confidentialUntil', '2026-03-10'),
      file('prijzen.txt', text('geheim')),
    ]).expect(201);
    const service = t.app.get(DocumentsService);
    const start = t.clock.now();
    try {
      t.clock.set('2026-03-10T22:59:00Z'); // 23:59 in Amsterdam: still the last day
      const lastDay = await t.login(org.expert);
      await t
        .http()
        .get(`/cases/${caseId}/documents/${doc.body.id}`)
        .set('Authorization', lastDay)
        .expect(404);
      t.clock.set('2026-03-10T23:00:00Z'); // midnight in Amsterdam
      const dayAfter = await t.login(org.expert);
      const after = await t
        .http()
        .get(`/cases/${caseId}/documents/${doc.body.id}`)
        .set('Authorization', dayAfter)
        .expect(200);
      expect(after.body).toMatchObject({
        confidential: false,
        confidentiality: { active: false, until: '2026-03-10' },
      });
      expect(await service.confidentialDocumentIds(caseId)).toEqual([]);
    } finally {
      t.clock.set(start);
    }
  });

  it('soft-deletes for the employer side or the uploader only', async () => {
    const { caseId } = await fileCase(t, org, hr);
    const byHr = await upload(hr, caseId, [
      field('title', 'Oud concept'),
      file('concept.txt', text('concept')),
    ]).expect(201);
    const byMember = await upload(member, caseId, [
      field('title', 'Vragenlijst'),
      file('vragen.txt', text('vragen')),
    ]).expect(201);

    const refused = await t
      .http()
      .delete(`/cases/${caseId}/documents/${byHr.body.id}`)
      .set('Authorization', member)
      .expect(403);
    expect(refused.body.code).toBe('document.delete_not_allowed');
    await t
      .http()
      .delete(`/cases/${caseId}/documents/${byMember.body.id}`)
      .set('Authorization', chair)
      .expect(403);
    await t
      .http()
      .delete(`/cases/${caseId}/documents/${byMember.body.id}`)
      .set('Authorization', member)
      .expect(204);
    await t
      .http()
      .delete(`/cases/${caseId}/documents/${byHr.body.id}`)
      .set('Authorization', hr)
      .expect(204);

    await t
      .http()
      .get(`/cases/${caseId}/documents/${byHr.body.id}`)
      .set('Authorization', hr)
      .expect(404);
    await download(hr, caseId, byHr.body.id, 1).expect(404);
    const list = await t
      .http()
      .get(`/cases/${caseId}/documents`)
      .set('Authorization', hr)
      .expect(200);
    expect(list.body.items).toEqual([]);
    const rows = await t.db.query<Array<{ deleted_at: Date | null }>>(
      `SELECT deleted_at FROM document WHERE case_id = $1`,
      [caseId],
    );
    expect(rows.map((r) => r.deleted_at?.toISOString())).toEqual([
      '2026-03-02T09:00:00.000Z',
      '2026-03-02T09:00:00.000Z',
    ]);
    expect((await documentEvents(caseId)).map((e) => e.type)).toEqual([
      'document.uploaded',
      'document.uploaded',
      'document.deleted',
      'document.deleted',
    ]);
  });

  it('keeps drafts to the employer side: the council cannot upload to a case it cannot see', async () => {
    const { caseId } = await fileCase(t, org, hr, { send: false });
    await upload(hr, caseId, [field('title', 'Concept'), file('concept.pdf', PDF)]).expect(201);
    await expectRefused(
      caseId,
      () => upload(chair, caseId, [field('title', 'Te vroeg'), file('x.txt', text('te vroeg'))]),
      404,
      'case.not_found',
    );
    await t.http().get(`/cases/${caseId}/documents`).set('Authorization', chair).expect(404);
  });
});
