import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Webhook } from 'standardwebhooks';

import {
  type GivenOrganisation,
  type GivenUser,
  startTestWorker,
  type TestWorker,
  waitUntil,
} from '@wc/testing';
import { WebhookRelay } from '@wc/webhooks';
import { WorkerModule } from '@wc/worker';

import { fileCase } from './support/case-fixtures';
import { allItems } from './support/pages';
import { startTestApp, type TestApp } from './support/test-app';

type Json = Record<string, any>;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local receiver: records every request; each path answers what its responder says. */
class Receiver {
  readonly requests: Received[] = [];
  private readonly responders = new Map<string, (n: number) => number>();
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.requests.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString() });
        const n = this.requests.filter((r) => r.path === path).length;
        res.statusCode = (this.responders.get(path) ?? (() => 204))(n);
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  respond(path: string, status: (n: number) => number): void {
    this.responders.set(path, status);
  }

  at(path: string): Received[] {
    return this.requests.filter((r) => r.path === path);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('signed webhooks (e2e)', () => {
  let t: TestApp;
  let worker: TestWorker;
  let relay: WebhookRelay;
  const receiver = new Receiver();
  let org: GivenOrganisation;
  let other: GivenOrganisation;
  let union: { organisationId: string; officer: GivenUser; admin: GivenUser };
  const bearer: Record<string, string> = {};

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({ WEBHOOKS_ALLOW_HTTP: 'true' });
    worker = await startTestWorker(WorkerModule.forRoot(t.config), t.clock);
    relay = worker.module.get(WebhookRelay);
    org = await t.given.organisation();
    other = await t.given.organisation();
    const u = await t.given.union();
    union = { ...u, admin: await t.given.user(u.organisationId, 'org_admin') };
    bearer.admin = await t.login(org.admin);
    bearer.hr = await t.login(org.hr);
    bearer.chair = await t.login(org.chair);
    bearer.otherAdmin = await t.login(other.admin);
    bearer.unionAdmin = await t.login(union.admin);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await receiver.close();
  });

  async function endpoint(
    who: string,
    organisationId: string,
    path: string,
    eventTypes: string[],
  ): Promise<Json> {
    const res = await t
      .http()
      .post(`/organisations/${organisationId}/webhook-endpoints`)
      .set('Authorization', bearer[who])
      .send({ url: `${receiver.url}${path}`, description: path, eventTypes });
    if (res.status !== 201) {
      throw new Error(`endpoint: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body as Json;
  }

  const deliveries = async (who: string, endpointId: string): Promise<Json[]> =>
    (
      await t
        .http()
        .get(`/webhook-endpoints/${endpointId}/deliveries`)
        .set('Authorization', bearer[who])
        .expect(200)
    ).body.items as Json[];

  async function settled(who: string, endpointId: string, attempts: number): Promise<Json> {
    let last: Json[] = [];
    await waitUntil(
      async () => {
        last = await deliveries(who, endpointId);
        return (
          last.length > 0 && last.every((d) => d.status !== 'pending' && d.attempts >= attempts)
        );
      },
      15_000,
      () =>
        `deliveries of ${endpointId} to settle after ${attempts} attempts: ${JSON.stringify(last)}`,
    );
    return last[0];
  }

  /** The receiver's side of the documented check, on the (fake) clock the signature was made at. */
  function verify(secret: string, received: Received): Json {
    const now = jest.spyOn(Date, 'now').mockReturnValue(t.clock.now().getTime());
    try {
      return new Webhook(secret).verify(
        received.body,
        received.headers as Record<string, string>,
      ) as Json;
    } finally {
      now.mockRestore();
    }
  }

  async function upload(caseId: string, title: string, confidentialScope?: string): Promise<Json> {
    const req = t
      .http()
      .post(`/cases/${caseId}/documents`)
      .set('Authorization', bearer.hr)
      .field('title', title);
    return (
      await (confidentialScope ? req.field('confidentialScope', confidentialScope) : req)
        .attach('file', Buffer.from(`${title}\n`), {
          filename: 'stuk.txt',
          contentType: 'text/plain',
        })
        .expect(201)
    ).body as Json;
  }

  it('signs a delivery so that it verifies with the secret shown once, and logs it', async () => {
    const created = await endpoint('admin', org.organisationId, '/employer', ['case.sent']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const listed = await allItems<Json>(
      t,
      `/organisations/${org.organisationId}/webhook-endpoints`,
      bearer.admin,
    );
    expect(listed).toEqual([expect.objectContaining({ id: created.id, enabled: true })]);
    expect(listed[0]).not.toHaveProperty('secret');

    const { caseId } = await fileCase(t, org, bearer.hr);
    await relay.relayPending();
    const delivery = await settled('admin', created.id as string, 1);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 1, responseStatus: 204 });

    const [received] = receiver.at('/employer');
    expect(received.headers['webhook-id']).toBe(delivery.id);
    expect(verify(created.secret as string, received)).toMatchObject({
      type: 'case.sent',
      data: { caseId },
    });
    expect(() =>
      new Webhook(`whsec_${Buffer.from('wrong').toString('base64')}`).verify(
        received.body,
        received.headers as Record<string, string>,
      ),
    ).toThrow();
  });

  it('retries a failing receiver on the schedule, and another endpoint is not held back meanwhile', async () => {
    receiver.respond('/flaky', (n) => (n <= 2 ? 500 : 200));
    const flaky = await endpoint('admin', org.organisationId, '/flaky', ['case.sent']);
    const steady = await endpoint('admin', org.organisationId, '/steady', ['case.sent']);
    const { caseId } = await fileCase(t, org, bearer.hr);

    await relay.relayPending();
    expect(await settled('admin', steady.id as string, 1)).toMatchObject({ status: 'succeeded' });
    const first = await settled('admin', flaky.id as string, 1);
    expect(first).toMatchObject({ status: 'retrying', attempts: 1, responseStatus: 500 });
    expect(first.nextAttemptAt).toBe(new Date(t.clock.now().getTime() + 60_000).toISOString());

    // Not due yet: nothing is sent.
    t.clock.set(new Date(t.clock.now().getTime() + 59_000));
    await relay.relayPending();
    expect(receiver.at('/flaky')).toHaveLength(1);

    t.clock.set(new Date(t.clock.now().getTime() + 1_000));
    await relay.relayPending();
    expect(await settled('admin', flaky.id as string, 2)).toMatchObject({
      status: 'retrying',
      attempts: 2,
    });
    t.clock.advance({ minutes: 5 });
    await relay.relayPending();
    expect(await settled('admin', flaky.id as string, 3)).toMatchObject({
      status: 'succeeded',
      attempts: 3,
      responseStatus: 200,
    });

    const attempts = receiver.at('/flaky');
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
    expect(verify(flaky.secret as string, attempts[2])).toMatchObject({ data: { caseId } });
    expect(receiver.at('/steady')).toHaveLength(1);
  });

  it('redelivers on request, with the same webhook-id', async () => {
    const ep = await endpoint('admin', org.organisationId, '/redeliver', ['case.sent']);
    await fileCase(t, org, bearer.hr);
    await relay.relayPending();
    const delivery = await settled('admin', ep.id as string, 1);

    const res = await t
      .http()
      .post(`/webhook-deliveries/${delivery.id as string}/redeliveries`)
      .set('Authorization', bearer.admin)
      .expect(202);
    expect(res.body).toMatchObject({ id: delivery.id, status: 'retrying' });
    await relay.relayPending();
    expect(await settled('admin', ep.id as string, 2)).toMatchObject({
      status: 'succeeded',
      attempts: 2,
    });
    const sent = receiver.at('/redeliver');
    expect(sent).toHaveLength(2);
    expect(sent[1].headers['webhook-id']).toBe(sent[0].headers['webhook-id']);
    expect(sent[1].body).toBe(sent[0].body);
  });

  it('gives a union endpoint only shared cases, at the share scope, and never a confidential document', async () => {
    const types = ['case.track_transitioned', 'document.uploaded', 'union_share.granted'];
    const unionEndpoint = await endpoint('unionAdmin', union.organisationId, '/union', types);
    const employerEndpoint = await endpoint('admin', org.organisationId, '/documents', [
      'document.uploaded',
    ]);
    const dossier = await fileCase(t, org, bearer.hr);
    const statusOnly = await fileCase(t, org, bearer.hr);
    const unshared = await fileCase(t, org, bearer.hr);
    for (const [caseId, scope] of [
      [dossier.caseId, 'dossier'],
      [statusOnly.caseId, 'status'],
    ]) {
      await t
        .http()
        .post(`/works-councils/${org.worksCouncilId}/union-shares`)
        .set('Authorization', bearer.chair)
        .send({ unionOrganisationId: union.organisationId, caseId, scope })
        .expect(201);
    }
    const open = await upload(dossier.caseId, 'Toelichting');
    const secret = await upload(dossier.caseId, 'Leverancierscontract', 'Prijsafspraken');
    const onStatusShare = await upload(statusOnly.caseId, 'Planning');
    const onUnshared = await upload(unshared.caseId, 'Intern memo');

    await relay.relayPending();
    // The employer's endpoint gets all four: proof that the events were relayed at all.
    await settled('admin', employerEndpoint.id as string, 1);
    expect(await deliveries('admin', employerEndpoint.id as string)).toHaveLength(4);
    await settled('unionAdmin', unionEndpoint.id as string, 1);

    const bodies = receiver.at('/union').map((r) => verify(unionEndpoint.secret as string, r));
    expect(bodies.map((b) => b.type).sort()).toEqual([
      'document.uploaded',
      'union_share.granted',
      'union_share.granted',
    ]);
    expect(bodies.find((b) => b.type === 'document.uploaded')?.data).toMatchObject({
      caseId: dossier.caseId,
      documentId: open.id,
    });
    const everything = JSON.stringify(bodies);
    for (const hidden of [secret.id, onStatusShare.id, onUnshared.id, unshared.caseId]) {
      expect(everything).not.toContain(hidden);
    }
  });

  it("answers 404 for another organisation's endpoints and deliveries, and refuses unsafe URLs", async () => {
    const ep = await endpoint('admin', org.organisationId, '/private', ['case.sent']);
    const [delivery] = await deliveries(
      'admin',
      (await endpoint('admin', org.organisationId, '/x', ['case.sent'])).id as string,
    );
    expect(delivery).toBeUndefined();
    const as = (method: 'get' | 'patch' | 'delete' | 'post', path: string) =>
      t.http()[method](path).set('Authorization', bearer.otherAdmin);
    expect(
      (await as('get', `/organisations/${org.organisationId}/webhook-endpoints`).expect(404)).body
        .code,
    ).toBe('organisation.not_found');
    for (const [method, path] of [
      ['patch', `/webhook-endpoints/${ep.id as string}`],
      ['delete', `/webhook-endpoints/${ep.id as string}`],
      ['post', `/webhook-endpoints/${ep.id as string}/secret-rotations`],
      ['get', `/webhook-endpoints/${ep.id as string}/deliveries`],
    ] as const) {
      const res = await as(method, path).send({ version: 1, enabled: false }).expect(404);
      expect(res.body.code).toBe('webhook_endpoint.not_found');
    }

    const refused = await t
      .http()
      .post(`/organisations/${org.organisationId}/webhook-endpoints`)
      .set('Authorization', bearer.admin)
      .send({ url: 'ftp://example.com/hook', eventTypes: ['case.sent'] })
      .expect(400);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.code).toBe('webhook_endpoint.url_not_allowed');
    await t
      .http()
      .post(`/organisations/${org.organisationId}/webhook-endpoints`)
      .set('Authorization', bearer.admin)
      .send({ url: 'https://example.com/hook', eventTypes: ['internal.vote_opened'] })
      .expect(400);
  });

  it('rotates the secret, and a disabled endpoint receives nothing', async () => {
    const ep = await endpoint('admin', org.organisationId, '/rotated', ['case.sent']);
    const rotated = (
      await t
        .http()
        .post(`/webhook-endpoints/${ep.id as string}/secret-rotations`)
        .set('Authorization', bearer.admin)
        .expect(201)
    ).body as Json;
    expect(rotated.secret).not.toBe(ep.secret);
    const off = await endpoint('admin', org.organisationId, '/off', ['case.sent']);
    await t
      .http()
      .patch(`/webhook-endpoints/${off.id as string}`)
      .set('Authorization', bearer.admin)
      .send({ version: off.version, enabled: false })
      .expect(200);

    await fileCase(t, org, bearer.hr);
    await relay.relayPending();
    await settled('admin', ep.id as string, 1);
    const [received] = receiver.at('/rotated');
    expect(verify(rotated.secret as string, received)).toMatchObject({ type: 'case.sent' });
    expect(() => verify(ep.secret as string, received)).toThrow();
    expect(await deliveries('admin', off.id as string)).toEqual([]);
    expect(receiver.at('/off')).toEqual([]);
  });
});
