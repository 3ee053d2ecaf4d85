import request from 'supertest';

import { MetricsServer } from '@wc/metrics';
import {
  freePort,
  type GivenOrganisation,
  waitUntil,
  startTestWorker,
  type TestWorker,
} from '@wc/testing';
import { WorkerModule } from '@wc/worker';

import { fileCase } from './support/case-fixtures';
import { Listener } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';

const TOKEN = 'metrics-token-for-the-e2e-test';

/** The value of one sample line, e.g. `overleg_socket_connections` or `name{label="x"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics (e2e)', () => {
  describe('on the API port behind a token', () => {
    let t: TestApp;
    let org: GivenOrganisation;
    const listeners: Listener[] = [];

    beforeAll(async () => {
      t = await startTestApp({ METRICS_TOKEN: TOKEN });
      org = await t.given.organisation();
    });
    afterAll(async () => {
      for (const listener of listeners) {
        listener.socket.disconnect();
      }
      await t.close();
    });

    it('refuses a scrape without the token, or with a wrong one: 401 problem', async () => {
      for (const authorization of [
        undefined,
        'Bearer wrong-token-of-the-same-size!',
        `Basic ${TOKEN}`,
      ]) {
        const req = t.http().get('/metrics');
        const res = await (authorization ? req.set('Authorization', authorization) : req).expect(
          401,
        );
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({ status: 401, code: 'metrics.token_required' });
        expect(res.text).not.toContain('overleg_');
      }
    });

    it('exposes HTTP latency by route pattern, open sockets, relay lag and the outbox backlog', async () => {
      const hr = await t.login(org.hr);
      const { caseId } = await fileCase(t, org, hr);
      await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
      const listener = await Listener.connect(t.url, hr.replace(/^Bearer /, ''));
      listeners.push(listener);
      // One event through the relay, seen by the socket: the lag histogram has it.
      await t
        .http()
        .patch(`/cases/${caseId}`)
        .set('Authorization', hr)
        .send({
          version: (await t.http().get(`/cases/${caseId}`).set('Authorization', hr)).body.version,
          title: 'Nieuwe titel',
        })
        .expect(200);
      await waitUntil(
        async () =>
          (await t.db.query(`SELECT count(*)::int AS n FROM realtime_delivery`))[0].n === 0,
        10_000,
        () => 'the relay to drain',
      );

      const res = await t
        .http()
        .get('/metrics')
        .set('Authorization', `Bearer ${TOKEN}`)
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = res.text;
      expect(
        sample(
          text,
          'overleg_http_request_duration_seconds_count{method="POST",route="/auth/login",status="200"}',
        ),
      ).toBe(1);
      expect(
        sample(
          text,
          'overleg_http_request_duration_seconds_count{method="GET",route="/cases/:caseId",status="200"}',
        ),
      ).toBeGreaterThanOrEqual(2);
      expect(text).not.toContain(caseId); // route patterns, never ids
      expect(sample(text, 'overleg_socket_connections')).toBe(1);
      expect(sample(text, 'overleg_realtime_relay_lag_seconds_count')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'overleg_outbox_backlog{consumer="realtime"}')).toBe(0);
      expect(sample(text, 'overleg_process_resident_memory_bytes')).toBeGreaterThan(0);

      listener.socket.disconnect();
      await waitUntil(
        async () =>
          sample(
            (await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).text,
            'overleg_socket_connections',
          ) === 0,
        5_000,
        () => 'the socket to be counted closed',
      );
    });
  });

  describe('on separate ports, for the API and the worker', () => {
    let t: TestApp;
    let worker: TestWorker;
    let apiPort: number;
    let workerPort: number;

    beforeAll(async () => {
      [apiPort, workerPort] = await Promise.all([freePort(), freePort()]);
      // An SMTP port nobody listens on: every e-mail attempt fails.
      const deadSmtp = `smtp://127.0.0.1:${await freePort()}`;
      t = await startTestApp({
        METRICS_PORT: String(apiPort),
        WORKER_METRICS_PORT: String(workerPort),
        SMTP_URL: deadSmtp,
        PUBLIC_URL: 'https://overleg.test',
      });
      worker = await startTestWorker(WorkerModule.forRoot(t.config), t.clock);
    });
    afterAll(async () => {
      await worker?.close();
      await t?.close();
    });

    it('serves the API metrics on METRICS_PORT only, without a token', async () => {
      expect(t.app.get(MetricsServer).boundPort).toBe(apiPort);
      const res = await request(`http://127.0.0.1:${apiPort}`).get('/metrics').expect(200);
      expect(res.text).toContain('overleg_http_request_duration_seconds');
      expect(res.text).not.toContain('overleg_reminder_sweep_duration_seconds_count 1');
      await request(`http://127.0.0.1:${apiPort}`).get('/cases').expect(404);
      await t.http().get('/metrics').expect(404);
    });

    it('serves the worker metrics: sweep duration, mail queue and mail failures', async () => {
      const org = await t.given.organisation();
      const hr = await t.login(org.hr);
      // Sending the case notifies the council at once by e-mail: the mail that will fail.
      await fileCase(t, org, hr);
      await waitUntil(
        async () =>
          (
            await t.db.query(
              `SELECT count(*)::int AS n FROM mail_delivery WHERE status IN ('queued', 'retrying')`,
            )
          )[0].n > 0,
        10_000,
        () => 'an e-mail to be queued',
      );
      await worker.sweeper.sweepOnce();
      const scrape = async () =>
        (await request(`http://127.0.0.1:${workerPort}`).get('/metrics').expect(200)).text;
      await waitUntil(
        async () =>
          (sample(await scrape(), 'overleg_mail_delivery_failures_total{final="false"}') ?? 0) >= 1,
        15_000,
        () => 'a failed e-mail attempt to be counted',
      );
      const text = await scrape();
      expect(sample(text, 'overleg_reminder_sweep_duration_seconds_count')).toBe(1);
      expect(sample(text, 'overleg_mail_queue_size')).toBeGreaterThanOrEqual(1);
      expect(
        sample(text, 'overleg_outbox_backlog{consumer="notification"}'),
      ).toBeGreaterThanOrEqual(0);
      expect(text).not.toContain('overleg_http_request_duration_seconds_count');
    });
  });
});
