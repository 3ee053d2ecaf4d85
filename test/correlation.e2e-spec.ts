import { WorkerModule } from '@wc/worker';

import { SmtpSink, waitUntil, startTestWorker, type TestWorker } from '@wc/testing';
import { FULL_CONTENTS, monitoringTriageAnswers } from './support/case-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

const CORRELATION_ID = 'req-send-case-0001';

describe('correlation id from a request into the worker jobs it causes (e2e)', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let worker: TestWorker;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://overleg.test' });
    worker = await startTestWorker(WorkerModule.forRoot(t.config), t.clock);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('stores the id of the request on its events, and the e-mail job the worker queues for them carries it', async () => {
    const org = await t.given.organisation();
    const hr = await t.login(org.hr);
    const system = await t
      .http()
      .post(`/organisations/${org.organisationId}/ai-systems`)
      .set('Authorization', hr)
      .send({
        name: 'WarehouseInsight',
        vendor: 'Acme AI',
        purpose: 'Route planning',
        primaryPurpose: 'control_monitor',
        monitoringCapability: true,
      })
      .expect(201);
    const created = await t
      .http()
      .post('/cases')
      .set('Authorization', hr)
      .send({
        aiSystemId: system.body.id,
        worksCouncilId: org.worksCouncilId,
        title: 'Introductie WarehouseInsight',
        contents: FULL_CONTENTS,
      })
      .expect(201);
    const triaged = await t
      .http()
      .put(`/cases/${created.body.id}/triage`)
      .set('Authorization', hr)
      .send({ version: created.body.version, answers: monitoringTriageAnswers() })
      .expect(200);

    const [{ last }] = await t.db.query<Array<{ last: string }>>(
      `SELECT coalesce(max(id), 0)::text AS last FROM domain_event`,
    );
    // Sending notifies the council at once by e-mail (case.sent, issue #16).
    const sent = await t
      .http()
      .post(`/cases/${created.body.id}/sending`)
      .set('Authorization', hr)
      .set('X-Correlation-Id', CORRELATION_ID)
      .send({ version: triaged.body.version })
      .expect(201);
    expect(sent.headers['x-correlation-id']).toBe(CORRELATION_ID);

    const events = await t.db.query<
      Array<{ type: string; correlation_id: string | null; by_send: boolean }>
    >(
      `SELECT type, correlation_id, id > $2::bigint AS by_send FROM domain_event WHERE case_id = $1 ORDER BY id`,
      [created.body.id, last],
    );
    const bySend = events.filter((e) => e.by_send);
    expect(bySend.map((e) => e.type)).toContain('case.sent');
    expect(bySend.every((e) => e.correlation_id === CORRELATION_ID)).toBe(true);
    // The earlier requests had ids of their own (pino-http's, one per request).
    const earlier = events.filter((e) => !e.by_send);
    expect(earlier.length).toBeGreaterThan(0);
    expect(
      earlier.every(
        (e) => typeof e.correlation_id === 'string' && e.correlation_id !== CORRELATION_ID,
      ),
    ).toBe(true);

    let jobs: Array<{ data: { deliveryIds: string[]; correlationIds?: string[] } }> = [];
    await waitUntil(
      async () =>
        (jobs = await t.ownerQuery(
          `SELECT data FROM pgboss.job WHERE name = 'notification_mail' AND data->'correlationIds' ? $1`,
          [CORRELATION_ID],
        )).length > 0,
      10_000,
      () => 'a mail job carrying the correlation id',
    );
    const [{ n: mailsOfCase }] = await t.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM mail_delivery md JOIN notification n ON n.id = md.notification_id JOIN domain_event e ON e.id = n.source_event_id WHERE e.case_id = $1`,
      [created.body.id],
    );
    expect(mailsOfCase).toBeGreaterThan(0);
    expect(jobs.flatMap((j) => j.data.deliveryIds)).toHaveLength(mailsOfCase);
    expect(jobs.every((j) => j.data.correlationIds?.includes(CORRELATION_ID))).toBe(true);
  });
});
