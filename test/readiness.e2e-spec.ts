import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';

import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';

import { ApiModule, configureApp } from '@wc/api';
import { AuthService } from '@wc/auth';
import { loadConfig } from '@wc/config';
import { ALL_MIGRATIONS } from '@wc/migrations';
import { adminQuery, createTestDatabase, Given, TEST_SERVER_ENV, withDatabase } from '@wc/testing';
import { DataSource } from 'typeorm';

import { Listener } from './support/sockets';

const PROBLEM_JSON = /^application\/problem\+json/;

async function startApp(
  env: Record<string, string>,
): Promise<{ app: INestApplication; url: string; http: () => ReturnType<typeof request> }> {
  const moduleRef = await Test.createTestingModule({
    imports: [ApiModule.forRoot(loadConfig({ NODE_ENV: 'test', ...env }))],
  }).compile();
  const app = configureApp(moduleRef.createNestApplication());
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, http: () => request(url) };
}

/** A TCP relay to the real Redis that the test can cut, as a network partition would, and heal. */
async function redisProxy(): Promise<{
  url: string;
  cut: () => void;
  heal: () => Promise<void>;
  close: () => Promise<void>;
}> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(6379, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const cut = () => {
    server.close();
    for (const socket of sockets) {
      socket.destroy();
    }
  };
  const heal = () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `redis://127.0.0.1:${port}`,
    cut,
    heal,
    close: () =>
      new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
  };
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('/health/ready tells the truth (e2e)', () => {
  it('is not ready on an unmigrated database: 503 problem saying what to do', async () => {
    const serverUrl = process.env[TEST_SERVER_ENV]!;
    const name = `wc_unmigrated_${randomBytes(4).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    const { app, http } = await startApp({ DATABASE_URL: withDatabase(serverUrl, name) });
    try {
      const res = await http().get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({
        status: 503,
        code: 'service.unavailable',
        detail: `The database schema is behind the code: ${ALL_MIGRATIONS.length} migration(s) not applied (run the migrations).`,
      });
      await http().get('/health/live').expect(200);
    } finally {
      await app.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });

  it('is ready on a migrated database, and not ready once Redis is cut', async () => {
    const database = await createTestDatabase();
    const proxy = await redisProxy();
    const { app, http } = await startApp({ DATABASE_URL: database.url, REDIS_URL: proxy.url });
    try {
      const ok = await http().get('/health/ready').expect(200);
      expect(ok.body).toEqual({ status: 'ok', database: 'up' });
      proxy.cut();
      await eventually(async () => (await http().get('/health/ready')).status === 503);
      const res = await http().get('/health/ready');
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({
        status: 503,
        code: 'service.unavailable',
        detail: 'Redis is not reachable: socket events of this instance reach no other instance.',
      });
      await proxy.heal();
      await eventually(async () => (await http().get('/health/ready')).status === 200);
    } finally {
      await app.close();
      await proxy.close();
      await database.drop();
    }
  });

  it('disconnects the sockets of an instance that lost Redis and refuses new ones until it is back, while the other instance keeps its own', async () => {
    const database = await createTestDatabase();
    const proxy = await redisProxy();
    const cutOff = await startApp({ DATABASE_URL: database.url, REDIS_URL: proxy.url });
    const healthy = await startApp({
      DATABASE_URL: database.url,
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    const listeners: Listener[] = [];
    try {
      const org = await new Given(cutOff.app.get(DataSource)).organisation();
      const { accessToken } = await cutOff.app.get(AuthService).issueSession(org.member.id);
      const onCutOff = await Listener.connect(cutOff.url, accessToken);
      const onHealthy = await Listener.connect(healthy.url, accessToken);
      listeners.push(onCutOff, onHealthy);
      const disconnected = new Promise<string>((resolve, reject) => {
        onCutOff.socket.once('disconnect', resolve);
        setTimeout(
          () => reject(new Error('the socket was not disconnected within 5 s')),
          5_000,
        ).unref();
      });

      proxy.cut();
      // Told at once, by the server (so a client reconnects, through the load balancer, elsewhere).
      await expect(disconnected).resolves.toBe('io server disconnect');
      await eventually(async () => (await cutOff.http().get('/health/ready')).status === 503);
      const refused = await Listener.connect(cutOff.url, accessToken).then(
        (listener) => (listeners.push(listener), 'connected'),
        (error: { data?: { code?: string } }) => error.data?.code,
      );
      expect(refused).toBe('service.unavailable');
      expect(onHealthy.socket.connected).toBe(true);
      await healthy.http().get('/health/ready').expect(200);

      await proxy.heal();
      await eventually(async () => (await cutOff.http().get('/health/ready')).status === 200);
      listeners.push(await Listener.connect(cutOff.url, accessToken));
    } finally {
      for (const listener of listeners) {
        listener.socket.disconnect();
      }
      await cutOff.app.close();
      await healthy.app.close();
      await proxy.close();
      await database.drop();
    }
  });
});
