import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createClient } from 'redis';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { ApiModule, configureApp } from '@wc/api';
import { loadConfig } from '@wc/config';
import { dataSourceOptions } from '@wc/database';
import {
  createTestDatabase,
  freePort,
  Given,
  type GivenOrganisation,
  TEST_SERVER_ENV,
} from '@wc/testing';

import { FULL_CONTENTS, monitoringTriageAnswers } from '../support/case-fixtures';
import { TcpProxy } from './support/tcp-proxy';

const ROOT = join(__dirname, '..', '..');

/**
 * Issue #10, faults: the database connection drops during a request and comes back; an API
 * instance dies while clients are connected. (The reminder-worker crash loop is in
 * ./reminder-crash-loop.e2e-spec.ts.)
 */
describe('faults (e2e)', () => {
  describe('the database connection drops during a request and comes back', () => {
    let database: { url: string; drop: () => Promise<void> };
    let proxy: TcpProxy;
    let app: INestApplication;
    let http: () => ReturnType<typeof request>;
    let hr: string;
    let caseId: string;

    beforeAll(async () => {
      database = await createTestDatabase();
      const server = new URL(process.env[TEST_SERVER_ENV]!);
      proxy = await TcpProxy.start({ host: server.hostname, port: Number(server.port || 5432) });
      const config = loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: proxy.urlFor(database.url),
        LOG_LEVEL: 'fatal',
      });
      const moduleRef = await Test.createTestingModule({
        imports: [ApiModule.forRoot(config)],
      }).compile();
      app = configureApp(moduleRef.createNestApplication());
      await app.listen(0, '127.0.0.1');
      const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
      http = () => request(url);
      const org = await new Given(app.get(DataSource)).organisation();
      hr = `Bearer ${(await http().post('/auth/login').send({ email: org.hr.email, password: org.hr.password }).expect(200)).body.accessToken}`;
      caseId = (await fileCaseOver(http, org, hr)).caseId;
    });
    afterAll(async () => {
      proxy?.restore();
      await app?.close();
      await proxy?.close();
      await database?.drop();
    });

    it('fails the request cleanly, reports the outage on /health/ready, and recovers without a restart', async () => {
      await http().get('/health/ready').expect(200);
      await http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);

      // A request is on the wire to PostgreSQL when the connection drops.
      proxy.stall();
      const inFlight = http()
        .get(`/cases/${caseId}`)
        .set('Authorization', hr)
        .then((r) => r);
      await waitUntil(() => proxy.heldBytes > 0, 5_000, 'the request to reach the database');
      proxy.cut();
      const failed = await inFlight;
      expect(failed.status).toBeGreaterThanOrEqual(500);
      expect(failed.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(failed.body).toMatchObject({ status: failed.status, code: expect.any(String) });
      expect(JSON.stringify(failed.body)).not.toMatch(
        /ECONNRESET|Connection terminated|stack|at \//,
      );

      // While it lasts: readiness says so, liveness does not, requests fail fast and cleanly.
      const ready = await http().get('/health/ready').expect(503);
      expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
      await http().get('/health/live').expect(200);
      const during = await http().get('/cases').set('Authorization', hr);
      expect(during.status).toBeGreaterThanOrEqual(500);
      expect(during.headers['content-type']).toMatch(/^application\/problem\+json/);

      // Back: the same process serves again, reads and writes.
      proxy.restore();
      await waitUntil(
        async () => (await http().get('/health/ready')).status === 200,
        15_000,
        '/health/ready to recover',
      );
      const current = await http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
      await http()
        .patch(`/cases/${caseId}`)
        .set('Authorization', hr)
        .send({ version: current.body.version, title: 'Na de storing' })
        .expect(200);
      expect(
        (await http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200)).body.title,
      ).toBe('Na de storing');
    });
  });

  describe('an API instance dies while clients are connected', () => {
    const CHANGES = 30;
    const KILL_AFTER = 10;
    let database: { url: string; drop: () => Promise<void> };
    let ds: DataSource;
    let org: GivenOrganisation;
    const instances: Array<{ url: string; child: ChildProcess }> = [];

    beforeAll(async () => {
      database = await createTestDatabase();
      ds = await new DataSource(dataSourceOptions({ url: database.url, poolSize: 2 })).initialize();
      org = await new Given(ds).organisation();
      const redisUrl = (await redisReachable()) ? 'redis://127.0.0.1:6379' : undefined;
      const secret = randomBytes(32).toString('hex');
      for (let i = 0; i < 2; i++) {
        instances.push(await startApiProcess(database.url, secret, redisUrl));
      }
    }, 90_000);
    afterAll(async () => {
      for (const { child } of instances) {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGKILL');
        }
      }
      await ds?.destroy();
      await database?.drop();
    });

    it('clients reconnect to the other instance and catch up from the event log with nothing missed', async () => {
      const [a, b] = instances;
      const viaB = () => request(b.url);
      const tokens = new Map<string, string>();
      for (const user of [org.hr, org.employerRep, org.chair, org.member]) {
        tokens.set(
          user.id,
          (
            await viaB()
              .post('/auth/login')
              .send({ email: user.email, password: user.password })
              .expect(200)
          ).body.accessToken,
        );
      }
      const hr = `Bearer ${tokens.get(org.hr.id)}`;
      const { caseId } = await fileCaseOver(viaB, org, hr);

      const clients = [...tokens.values()].map(
        (token) =>
          new CatchingUpClient(caseId, token, [a.url, b.url], (url, path) =>
            request(url).get(path).set('Authorization', `Bearer ${token}`),
          ),
      );
      await Promise.all(clients.map((c) => c.start()));

      for (let n = 1; n <= CHANGES; n++) {
        const current = await viaB().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
        await viaB()
          .patch(`/cases/${caseId}`)
          .set('Authorization', hr)
          .send({ version: current.body.version, title: `Wijziging ${n}` })
          .expect(200);
        if (n === KILL_AFTER) {
          a.child.kill('SIGKILL');
        }
      }
      const [{ last }] = await ds.query<Array<{ last: number }>>(
        `SELECT max(case_seq)::int AS last FROM domain_event WHERE case_id = $1`,
        [caseId],
      );
      await waitUntil(
        () => clients.every((c) => c.contiguousUpTo() >= last),
        30_000,
        () =>
          `every client to reach caseSeq ${last}: ${clients.map((c) => c.contiguousUpTo()).join(', ')}`,
      );
      for (const client of clients) {
        expect(client.reconnects).toBeGreaterThanOrEqual(1);
        expect([...client.seqs].sort((x, y) => x - y)).toEqual(
          Array.from({ length: last }, (_, i) => i + 1),
        );
        client.close();
      }
      console.log(
        `instance death: ${clients.length} clients, ${last} case events, ${clients.map((c) => `${c.live} live + ${c.caughtUp} caught up`).join('; ')}`,
      );
    }, 120_000);
  });
});

/**
 * A client as libs/realtime/README.md prescribes: keeps the last caseSeq, and on (re)connect or a
 * gap fetches `GET /cases/:id/events?after=<last>` from whichever instance it is connected to.
 */
class CatchingUpClient {
  readonly seqs = new Set<number>();
  reconnects = 0;
  live = 0;
  caughtUp = 0;
  private socket?: Socket;
  private urlIndex = 0;
  private closed = false;

  constructor(
    private readonly caseId: string,
    private readonly token: string,
    private readonly urls: string[],
    private readonly get: (
      url: string,
      path: string,
    ) => PromiseLike<{
      status: number;
      body: { items: Array<{ caseSeq: number }>; nextCursor: string | null };
    }>,
  ) {}

  contiguousUpTo(): number {
    let n = 0;
    while (this.seqs.has(n + 1)) {
      n++;
    }
    return n;
  }

  async start(): Promise<void> {
    await this.connect();
  }

  close(): void {
    this.closed = true;
    this.socket?.disconnect();
  }

  private async connect(): Promise<void> {
    const url = this.urls[this.urlIndex];
    const socket = io(url, {
      path: '/ws',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { token: this.token },
    });
    this.socket = socket;
    socket.on('event', (event: { caseId?: string; caseSeq?: number | null }) => {
      if (event.caseId !== this.caseId || typeof event.caseSeq !== 'number') {
        return;
      }
      const gap = event.caseSeq > this.contiguousUpTo() + 1;
      if (!this.seqs.has(event.caseSeq)) {
        this.seqs.add(event.caseSeq);
        this.live++;
      }
      if (gap) {
        void this.catchUp();
      }
    });
    socket.on('disconnect', () => {
      if (!this.closed) {
        // The instance is gone: go to the next one.
        this.reconnects++;
        this.urlIndex = (this.urlIndex + 1) % this.urls.length;
        void this.connect();
      }
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const ack = (await socket.timeout(5000).emitWithAck('subscribe', { caseId: this.caseId })) as {
      ok: boolean;
    };
    if (!ack.ok) {
      throw new Error(`subscribe refused: ${JSON.stringify(ack)}`);
    }
    await this.catchUp();
  }

  /** Reads the event log from the first gap on, page by page (issue #21). */
  private async catchUp(): Promise<void> {
    const after = `/cases/${this.caseId}/events?after=${this.contiguousUpTo()}`;
    let cursor: string | null = null;
    do {
      const res = await this.get(
        this.urls[this.urlIndex],
        cursor ? `${after}&cursor=${encodeURIComponent(cursor)}` : after,
      );
      if (res.status !== 200) {
        return; // the next event or reconnect tries again
      }
      const page = res.body;
      for (const event of page.items) {
        if (!this.seqs.has(event.caseSeq)) {
          this.seqs.add(event.caseSeq);
          this.caughtUp++;
        }
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
}

async function fileCaseOver(
  http: () => ReturnType<typeof request>,
  org: GivenOrganisation,
  hr: string,
): Promise<{ caseId: string }> {
  const system = await http()
    .post(`/organisations/${org.organisationId}/ai-systems`)
    .set('Authorization', hr)
    .send({
      name: 'WarehouseInsight',
      vendor: 'Acme AI',
      purpose: 'Routes',
      primaryPurpose: 'control_monitor',
    })
    .expect(201);
  const created = await http()
    .post('/cases')
    .set('Authorization', hr)
    .send({
      aiSystemId: system.body.id,
      worksCouncilId: org.worksCouncilId,
      title: 'Introductie',
      contents: FULL_CONTENTS,
    })
    .expect(201);
  const triaged = await http()
    .put(`/cases/${created.body.id}/triage`)
    .set('Authorization', hr)
    .send({ version: created.body.version, answers: monitoringTriageAnswers() })
    .expect(200);
  await http()
    .post(`/cases/${created.body.id}/sending`)
    .set('Authorization', hr)
    .send({ version: triaged.body.version })
    .expect(201);
  return { caseId: created.body.id as string };
}

async function startApiProcess(
  databaseUrl: string,
  jwtSecret: string,
  redisUrl: string | undefined,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: jwtSecret,
    PUBLIC_URL: 'https://overleg.test',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ACCESS_TOKEN_TTL_SECONDS: '3600',
  };
  delete env.REDIS_URL;
  if (redisUrl) {
    env.REDIS_URL = redisUrl;
  }
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
    { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(
    async () =>
      (await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )) || child.exitCode !== null,
    60_000,
    'the API instance to start',
  );
  if (child.exitCode !== null) {
    throw new Error(`API instance exited: ${stderr}`);
  }
  return { url, child };
}

async function redisReachable(): Promise<boolean> {
  const client = createClient({
    url: 'redis://127.0.0.1:6379',
    socket: { reconnectStrategy: false, connectTimeout: 500 },
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.close();
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string | (() => string),
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
