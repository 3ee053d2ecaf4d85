import { AuthService } from '@wc/auth';
import { TrackTransitionService } from '@wc/cases';
import type { GivenOrganisation } from '@wc/testing';

import { completeDossier, fileCase } from './support/case-fixtures';
import { StatementCounter } from './support/statement-counter';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Recording a council position reads the case once and its tracks once (issue #13): the lock,
 * the change and the response share what was read. Statements are counted at the pg client for
 * the service call only.
 */
describe('a council position costs a bounded number of SQL statements (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  const bearer: Record<string, string> = {};
  const counter = new StatementCounter();

  beforeAll(async () => {
    counter.install();
    t = await startTestApp();
    org = await t.given.organisation();
    bearer.hr = await t.login(org.hr);
    bearer.chair = await t.login(org.chair);
  });
  afterAll(async () => {
    counter.uninstall();
    await t.close();
  });

  async function act(who: string, caseId: string, action: Record<string, unknown>) {
    const { body } = await t
      .http()
      .get(`/cases/${caseId}`)
      .set('Authorization', bearer[who])
      .expect(200);
    await t
      .http()
      .post(`/cases/${caseId}/tracks/advice/transitions`)
      .set('Authorization', bearer[who])
      .send({ version: (body as { version: number }).version, action })
      .expect(201);
  }

  it('records a positive advice in at most 21 statements, reading the case and its tracks once', async () => {
    const { caseId } = await fileCase(t, org, bearer.hr);
    await completeDossier(t, caseId, bearer.hr);
    await act('hr', caseId, { type: 'request_consultation', reasons: 'Voorgenomen besluit' });
    await act('chair', caseId, { type: 'record_consultation_held', heldOn: '2026-03-02' });
    await act('hr', caseId, { type: 'submit_request' });
    const chair = (await t.app.get(AuthService).actorFor(org.chair.id))!;
    const { version } = (
      await t.http().get(`/cases/${caseId}`).set('Authorization', bearer.chair).expect(200)
    ).body as { version: number };

    const { result, statements } = await counter.statementsOf(() =>
      t.app.get(TrackTransitionService).transition(chair, caseId, 'advice', {
        version,
        action: { type: 'record_council_position', position: 'positive' },
      }),
    );

    expect(result.tracks.find((tr) => tr.kind === 'advice')?.stage).toBe('council_position');
    // The outbox's per-case lock (`SELECT id … FOR NO KEY UPDATE`) reads no data: not a case read.
    const lockOnly =
      /^\s*SELECT id FROM ai_case WHERE id = ANY\(\$1::uuid\[\]\) ORDER BY id FOR NO KEY UPDATE/i;
    const reads = (table: string) =>
      statements.filter(
        (s) =>
          !lockOnly.test(s) &&
          new RegExp(`^\\s*SELECT[\\s\\S]*\\bFROM "?${table}"?\\b`, 'i').test(s),
      ).length;
    expect({ caseReads: reads('ai_case'), trackReads: reads('case_track') }).toEqual({
      caseReads: 1,
      trackReads: 1,
    });
    // 31 before the split (the case read twice, its tracks six times, three outbox round trips).
    // 18 after the split, plus the outbox's own case lock (it locks for every caller, B.21), the
    // council's confirmed convenant (agreed terms) and its information requests (stop-the-clock).
    expect(statements.length).toBeLessThanOrEqual(21);
  });
});
