import { AuditService } from '@wc/audit';
import { TransactionHost } from '@wc/database';

import { fileCase } from './support/case-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/** The one pagination convention (issue #21): `?limit=&cursor=` → `{ items, nextCursor }`. */
describe('cursor pagination (e2e)', () => {
  let t: TestApp;
  let caseId: string;
  let chair: string;
  let existing: number;

  beforeAll(async () => {
    t = await startTestApp();
    const org = await t.given.organisation();
    const hr = await t.login(org.hr);
    chair = await t.login(org.chair);
    ({ caseId } = await fileCase(t, org, hr));
    existing = (
      await t.ownerQuery<{ n: string }>(
        `SELECT count(*) AS n FROM audit_entry WHERE case_id = $1`,
        [caseId],
      )
    ).map((r) => Number(r.n))[0];
    // Grow the trail to 600 entries through the real audit service (hash-chained, row-locked seq).
    const audit = t.app.get(AuditService);
    const tx = t.app.get(TransactionHost);
    await tx.run(async () => {
      for (let i = existing; i < 600; i += 1) {
        await audit.record({
          caseId,
          actorId: org.hr.id,
          action: 'case.updated',
          after: { note: i },
        });
      }
    });
  });
  afterAll(() => t.close());

  const auditPage = (query: Record<string, string | number>) =>
    t.http().get(`/cases/${caseId}/audit`).query(query).set('Authorization', chair);

  it('pages a case audit trail of 600 entries in order, each entry once, and ends with nextCursor null', async () => {
    expect(existing).toBeGreaterThan(0);
    const seqs: number[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const res = await auditPage(cursor ? { limit: 200, cursor } : { limit: 200 }).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(200);
      seqs.push(...(res.body.items as Array<{ seq: number }>).map((e) => e.seq));
      cursor = res.body.nextCursor as string | null;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seqs).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
  });

  it('gives a default page of 50 with a cursor to the next', async () => {
    const first = await auditPage({}).expect(200);
    expect(first.body.items).toHaveLength(50);
    expect(typeof first.body.nextCursor).toBe('string');
    const second = await auditPage({ cursor: first.body.nextCursor as string }).expect(200);
    expect(second.body.items[0].seq).toBe(51);
  });

  it('refuses a limit above the maximum with 400 pagination.limit_too_large', async () => {
    const refused = await auditPage({ limit: 201 }).expect(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      status: 400,
      code: 'pagination.limit_too_large',
      maxLimit: 200,
      errors: [{ path: 'limit' }],
    });
  });

  it('refuses a limit below 1 and a forged cursor', async () => {
    expect((await auditPage({ limit: 0 }).expect(400)).body.code).toBe('request.validation_failed');
    expect((await auditPage({ cursor: 'not-a-cursor' }).expect(400)).body.code).toBe(
      'pagination.cursor_invalid',
    );
    const forged = Buffer.from(JSON.stringify({ seq: 'x' })).toString('base64url');
    expect((await auditPage({ cursor: forged }).expect(400)).body.code).toBe(
      'pagination.cursor_invalid',
    );
  });

  it('exports the whole trail as CSV by following the pages', async () => {
    const csv = await t
      .http()
      .get(`/cases/${caseId}/audit.csv`)
      .set('Authorization', chair)
      .expect(200);
    const lines = String(csv.text).trim().split(/\r?\n/);
    expect(lines).toHaveLength(601); // header + 600 entries
  });
});
