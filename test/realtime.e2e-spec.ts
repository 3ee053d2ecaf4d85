import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Test } from '@nestjs/testing';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';

import { ApiModule, configureApp } from '@wc/api';
import { AuthService } from '@wc/auth';
import { loadConfig } from '@wc/config';
import { Clock, FakeClock } from '@wc/core';
import { Outbox, TransactionHost, type DomainEventDraft } from '@wc/database';
import {
  type ClientToServerEvents,
  type PresencePayload,
  type RealtimeAck,
  type RealtimeEvent,
  RealtimeRelay,
  type ServerToClientEvents,
} from '@wc/realtime';
import { createTestDatabase, Given, type GivenOrganisation, type GivenUser } from '@wc/testing';

import { fileCase } from './support/case-fixtures';
import { itemsOf } from './support/pages';
import { startTestApp, type TestApp } from './support/test-app';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Socket.io client options as the web app uses them: websocket only, token in `auth`. */
function connect(
  url: string,
  options: { token?: string; query?: Record<string, string> } = {},
): ClientSocket {
  return io(url, {
    path: '/ws',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(options.token !== undefined ? { auth: { token: options.token } } : {}),
    ...(options.query ? { query: options.query } : {}),
  });
}

function connected(socket: ClientSocket): Promise<ClientSocket> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

function refusal(socket: ClientSocket): Promise<{ message: string; data?: { code: string } }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('the handshake was accepted')));
    socket.once('connect_error', (error) => resolve(error as Error & { data?: { code: string } }));
  });
}

function request(
  socket: ClientSocket,
  message: keyof ClientToServerEvents,
  body: unknown,
): Promise<RealtimeAck> {
  return (
    socket.timeout(5000) as unknown as {
      emitWithAck: (m: string, b: unknown) => Promise<RealtimeAck>;
    }
  ).emitWithAck(message, body);
}

/** Everything a socket receives, for asserting arrival and absence. */
class Inbox {
  readonly events: RealtimeEvent[] = [];
  readonly presence: PresencePayload[] = [];

  constructor(socket: ClientSocket) {
    socket.on('event', (event) => this.events.push(event));
    socket.on('presence', (presence) => this.presence.push(presence));
  }

  ofType(type: string): RealtimeEvent[] {
    return this.events.filter((e) => e.type === type);
  }

  async waitFor<T>(find: () => T | undefined, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) {
        return found;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `nothing arrived within ${timeoutMs} ms; got ${JSON.stringify({ events: this.events, presence: this.presence })}`,
        );
      }
      await sleep(10);
    }
  }

  event(type: string, timeoutMs?: number): Promise<RealtimeEvent> {
    return this.waitFor(() => this.events.find((e) => e.type === type), timeoutMs);
  }

  presenceOf(caseId: string, userIds: string[]): Promise<PresencePayload> {
    const wanted = JSON.stringify([...userIds].sort());
    return this.waitFor(() =>
      this.presence.findLast((p) => p.caseId === caseId && JSON.stringify(p.userIds) === wanted),
    );
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How long "nothing arrives" is watched for: the relay answers a NOTIFY in a few milliseconds. */
const QUIET_MS = 400;

/** A case row straight in the database; the policy under test is the real `CaseService` one. */
async function givenCase(
  db: DataSource,
  org: GivenOrganisation,
  status: 'draft' | 'sent' = 'sent',
): Promise<string> {
  const [{ id: systemId }] = await db.query<Array<{ id: string }>>(
    `INSERT INTO ai_system (organisation_id, name, vendor, purpose, primary_purpose, version) VALUES ($1, 'Roster AI', 'Acme', 'Rostering', 'support', 1) RETURNING id`,
    [org.organisationId],
  );
  const [{ id }] = await db.query<Array<{ id: string }>>(
    `INSERT INTO ai_case (organisation_id, works_council_id, ai_system_id, title, status, created_by, version) VALUES ($1, $2, $3, 'Roster AI', $4, $5, 1) RETURNING id`,
    [org.organisationId, org.worksCouncilId, systemId, status, org.hr.id],
  );
  return id;
}

/** The event most specs here relay: a case's assessment saved at `version`. */
function assessmentUpdated(
  org: GivenOrganisation,
  caseId: string,
  version: number,
): DomainEventDraft {
  return {
    type: 'assessment.updated',
    caseId,
    organisationId: org.organisationId,
    worksCouncilId: org.worksCouncilId,
    payload: { version },
  };
}

function outboxOf(t: { app: INestApplication }) {
  const tx = t.app.get(TransactionHost);
  const outbox = t.app.get(Outbox);
  return {
    append: (events: DomainEventDraft[]) => tx.run(() => outbox.append(events, null)),
    /** Appends, then holds the transaction open until `commit()` (or rolls back on `rollback()`). */
    hold: async (events: DomainEventDraft[]) => {
      let finish!: (outcome: 'commit' | 'rollback') => void;
      const decided = new Promise<'commit' | 'rollback'>((resolve) => (finish = resolve));
      let appended!: () => void;
      const ready = new Promise<void>((resolve) => (appended = resolve));
      const done = tx.run(async () => {
        await outbox.append(events, null);
        appended();
        if ((await decided) === 'rollback') {
          throw new Error('rolled back on purpose');
        }
      });
      await ready;
      return {
        commit: async () => {
          finish('commit');
          await done;
        },
        rollback: async () => {
          finish('rollback');
          await done.catch(() => undefined);
        },
      };
    },
  };
}

describe('realtime (e2e, one instance)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  let other: GivenOrganisation;
  const tokens = new Map<string, string>();
  const sockets: ClientSocket[] = [];

  async function tokenOf(user: GivenUser): Promise<string> {
    if (!tokens.has(user.id)) {
      tokens.set(user.id, (await t.login(user)).replace(/^Bearer /, ''));
    }
    return tokens.get(user.id)!;
  }

  async function socketOf(user: GivenUser): Promise<{ socket: ClientSocket; inbox: Inbox }> {
    const socket = connect(t.url, { token: await tokenOf(user) });
    sockets.push(socket);
    const inbox = new Inbox(socket);
    await connected(socket);
    return { socket, inbox };
  }

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
    other = await t.given.organisation();
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) {
      socket.disconnect();
    }
  });
  afterAll(() => t.close());

  describe('handshake', () => {
    it('accepts a valid access token in auth.token', async () => {
      const { socket } = await socketOf(org.member);
      expect(socket.connected).toBe(true);
    });

    it('refuses a connection without a token', async () => {
      const socket = connect(t.url);
      sockets.push(socket);
      const error = await refusal(socket);
      expect(error.data).toMatchObject({ code: 'auth.unauthenticated' });
    });

    it('refuses a bad token', async () => {
      const socket = connect(t.url, {
        token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.not-a-signature',
      });
      sockets.push(socket);
      expect((await refusal(socket)).data).toMatchObject({ code: 'auth.invalid_token' });
    });

    it('refuses a token sent in the query string, even a valid one', async () => {
      const token = await tokenOf(org.member);
      const queryOnly = connect(t.url, { query: { token } });
      const both = connect(t.url, { token, query: { access_token: token } });
      sockets.push(queryOnly, both);
      expect((await refusal(queryOnly)).data).toMatchObject({ code: 'auth.token_in_query' });
      expect((await refusal(both)).data).toMatchObject({ code: 'auth.token_in_query' });
    });

    it('disconnects the socket when its token expires (real timer, measured from the Clock)', async () => {
      // A token minted to live 2 s; the timer then runs in real time.
      const jwt = t.app.get(JwtService, { strict: false });
      const iat = Math.floor(t.clock.now().getTime() / 1000);
      // With the session (`sid`) of a real login: a token without one is refused (issue #14).
      const login = await t
        .http()
        .post('/auth/login')
        .send({ email: org.member.email, password: org.member.password })
        .expect(200);
      const { sid } = jwt.decode<{ sid: string }>(login.body.accessToken as string);
      const token = await jwt.signAsync({ sub: org.member.id, sid, iat, exp: iat + 2 });
      const socket = connect(t.url, { token });
      sockets.push(socket);
      const expired = new Promise<unknown>((resolve) => socket.once('session-expired', resolve));
      const closed = new Promise<string>((resolve) =>
        socket.once('disconnect', (reason) => resolve(reason)),
      );
      await connected(socket);
      const started = Date.now();
      await expect(expired).resolves.toEqual({
        code: 'auth.token_expired',
        detail: expect.any(String),
      });
      expect(await closed).toBe('io server disconnect');
      expect(Date.now() - started).toBeGreaterThan(1000);
      expect(Date.now() - started).toBeLessThan(4000);
    });

    it('refuses a message sent after expiry by the Clock and closes the socket', async () => {
      const { socket } = await socketOf(org.member);
      const caseId = await givenCase(t.db, org);
      const now = t.clock.now();
      const closed = new Promise<string>((resolve) =>
        socket.once('disconnect', (reason) => resolve(reason)),
      );
      t.clock.advance({ hours: 1 });
      try {
        await expect(request(socket, 'subscribe', { caseId })).resolves.toMatchObject({
          ok: false,
          code: 'auth.token_expired',
        });
        expect(await closed).toBe('io server disconnect');
      } finally {
        t.clock.set(now);
        tokens.clear();
      }
    });
  });

  describe('rooms', () => {
    it('puts council members in their council room and everyone in their user room', async () => {
      const member = await socketOf(org.member);
      const hr = await socketOf(org.hr);
      const stranger = await socketOf(other.member);
      await outboxOf(t).append([
        {
          type: 'meeting.scheduled',
          organisationId: org.organisationId,
          worksCouncilId: org.worksCouncilId,
          payload: {
            meetingId: '6f1d0c55-51a4-4a4e-9ad3-0c38a1d8f3a1',
            kind: 'consultation',
            status: 'scheduled',
            version: 1,
          },
        },
        {
          type: 'notification.created',
          userId: org.hr.id,
          payload: { notificationIds: ['0d4a3c8e-1f43-4b7e-8f77-2a9f0f1b2c3d'] },
        },
      ]);
      const council = await member.inbox.event('meeting.scheduled');
      expect(council).toMatchObject({
        worksCouncilId: org.worksCouncilId,
        meetingId: '6f1d0c55-51a4-4a4e-9ad3-0c38a1d8f3a1',
        caseId: null,
        eventId: expect.any(String),
      });
      await hr.inbox.event('notification.created');
      await sleep(QUIET_MS);
      expect(hr.inbox.ofType('meeting.scheduled')).toEqual([]);
      expect(member.inbox.ofType('notification.created')).toEqual([]);
      expect(stranger.inbox.events).toEqual([]);
    });

    it('joins a case room after the case policy allows it, and only then delivers its events', async () => {
      const caseId = await givenCase(t.db, org);
      const chair = await socketOf(org.chair);
      const hr = await socketOf(org.hr);
      const stranger = await socketOf(other.chair);
      await expect(request(chair.socket, 'subscribe', { caseId })).resolves.toEqual({ ok: true });
      await expect(request(hr.socket, 'subscribe', { caseId })).resolves.toEqual({ ok: true });
      await expect(request(stranger.socket, 'subscribe', { caseId })).resolves.toEqual({
        ok: false,
        code: 'case.not_found',
        detail: expect.any(String),
      });

      await outboxOf(t).append([assessmentUpdated(org, caseId, 2)]);
      const event = await chair.inbox.event('assessment.updated');
      expect(event).toMatchObject({
        type: 'assessment.updated',
        caseId,
        caseSeq: 1,
        version: 2,
        eventId: expect.any(String),
        occurredAt: expect.any(String),
      });
      await hr.inbox.event('assessment.updated');
      await sleep(QUIET_MS);
      expect(stranger.inbox.events).toEqual([]);
      expect(chair.inbox.ofType('assessment.updated')).toHaveLength(1);
    });

    it('hides a draft from the council, as HTTP does', async () => {
      const caseId = await givenCase(t.db, org, 'draft');
      const member = await socketOf(org.member);
      await expect(request(member.socket, 'subscribe', { caseId })).resolves.toMatchObject({
        ok: false,
        code: 'case.not_found',
      });
      const hr = await socketOf(org.hr);
      await expect(request(hr.socket, 'subscribe', { caseId })).resolves.toEqual({ ok: true });
    });

    it('validates messages and answers with an error ack, keeping the socket open', async () => {
      const { socket } = await socketOf(org.member);
      const notUuid = await request(socket, 'subscribe', { caseId: 'case-1' });
      expect(notUuid).toEqual({
        ok: false,
        code: 'request.validation_failed',
        detail: expect.any(String),
        errors: [{ path: 'caseId', message: expect.stringMatching(/UUID/) }],
      });
      const extra = await request(socket, 'subscribe', {
        caseId: '6f1d0c55-51a4-4a4e-9ad3-0c38a1d8f3a1',
        room: 'council:x',
      });
      expect(extra).toMatchObject({
        ok: false,
        code: 'request.validation_failed',
        errors: [{ path: 'room' }],
      });
      expect(await request(socket, 'subscribe', 'nope')).toMatchObject({
        ok: false,
        code: 'request.validation_failed',
      });
      expect(socket.connected).toBe(true);
    });

    it('lets only council members follow the council-internal room, and keeps internal events out of the case room', async () => {
      const caseId = await givenCase(t.db, org);
      const hr = await socketOf(org.hr);
      const member = await socketOf(org.member);
      const union = await t.given.union();
      const officer = await socketOf(union.officer);
      await request(hr.socket, 'subscribe', { caseId });
      await request(member.socket, 'subscribe', { caseId });

      await expect(request(hr.socket, 'subscribe-internal', { caseId })).resolves.toEqual({
        ok: false,
        code: 'realtime.internal_not_allowed',
        detail: expect.any(String),
      });
      await expect(
        request(officer.socket, 'subscribe-internal', { caseId }),
      ).resolves.toMatchObject({ ok: false, code: 'case.not_found' });
      await expect(request(member.socket, 'subscribe-internal', { caseId })).resolves.toEqual({
        ok: true,
      });

      await outboxOf(t).append([
        {
          type: 'internal.note_added',
          caseId,
          organisationId: org.organisationId,
          worksCouncilId: org.worksCouncilId,
          payload: { noteId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b0a', kind: 'note', version: 1 },
        },
      ]);
      await outboxOf(t).append([assessmentUpdated(org, caseId, 3)]);
      expect(await member.inbox.event('internal.note_added')).toMatchObject({
        caseId,
        caseSeq: 1,
        noteId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b0a',
      });
      // The case event is relayed after the internal one: once it is in, the internal one would have been too.
      await hr.inbox.event('assessment.updated');
      expect(hr.inbox.ofType('internal.note_added')).toEqual([]);
      expect(member.inbox.ofType('assessment.updated')).toHaveLength(1);
    });

    it('stops delivering a case after unsubscribe', async () => {
      const caseId = await givenCase(t.db, org);
      const member = await socketOf(org.member);
      await request(member.socket, 'subscribe', { caseId });
      await expect(request(member.socket, 'unsubscribe', { caseId })).resolves.toEqual({
        ok: true,
      });
      await outboxOf(t).append([assessmentUpdated(org, caseId, 1)]);
      await sleep(QUIET_MS);
      expect(member.inbox.ofType('assessment.updated')).toEqual([]);
    });

    it('applies the messages of one socket in the order sent, however long each takes', async () => {
      // A case page that learns the reader is a council member re-subscribes with the internal
      // room: subscribe, unsubscribe, subscribe, sent at once. Each awaits the database; the
      // unsubscribe (one read) would otherwise finish before the subscribe (four) it follows.
      const caseId = await givenCase(t.db, org);
      const left = await socketOf(org.member);
      const joined = await socketOf(org.chair);
      const order: string[] = [];
      const sent = (socket: ClientSocket, message: 'subscribe' | 'unsubscribe', name: string) =>
        request(socket, message, { caseId }).then((ack) => {
          order.push(name);
          return ack;
        });
      await Promise.all([
        sent(left.socket, 'subscribe', 'left:subscribe'),
        sent(left.socket, 'unsubscribe', 'left:unsubscribe'),
        sent(joined.socket, 'subscribe', 'joined:subscribe'),
        sent(joined.socket, 'unsubscribe', 'joined:unsubscribe'),
        sent(joined.socket, 'subscribe', 'joined:subscribe again'),
      ]);
      expect(order.filter((name) => name.startsWith('left:'))).toEqual([
        'left:subscribe',
        'left:unsubscribe',
      ]);
      expect(order.filter((name) => name.startsWith('joined:'))).toEqual([
        'joined:subscribe',
        'joined:unsubscribe',
        'joined:subscribe again',
      ]);

      await outboxOf(t).append([assessmentUpdated(org, caseId, 1)]);
      await joined.inbox.event('assessment.updated');
      await sleep(QUIET_MS);
      expect(left.inbox.ofType('assessment.updated')).toEqual([]);
    });
  });

  describe('delivery', () => {
    it('delivers an event only after its transaction commits', async () => {
      const caseId = await givenCase(t.db, org);
      const member = await socketOf(org.member);
      await request(member.socket, 'subscribe', { caseId });
      const open = await outboxOf(t).hold([assessmentUpdated(org, caseId, 2)]);
      await sleep(QUIET_MS);
      expect(member.inbox.events).toEqual([]);
      await open.commit();
      await expect(member.inbox.event('assessment.updated')).resolves.toMatchObject({
        caseId,
        caseSeq: 1,
      });
    });

    it('never delivers the event of a rolled-back transaction', async () => {
      const caseId = await givenCase(t.db, org);
      const member = await socketOf(org.member);
      await request(member.socket, 'subscribe', { caseId });
      const doomed = await outboxOf(t).hold([assessmentUpdated(org, caseId, 1)]);
      await doomed.rollback();
      await outboxOf(t).append([assessmentUpdated(org, caseId, 1)]);
      await member.inbox.event('assessment.updated');
      await sleep(QUIET_MS);
      expect(member.inbox.events.map((e) => [e.type, e.caseSeq])).toEqual([
        ['assessment.updated', 1],
      ]);
    });

    it('delivers events whose ids commit out of order (no "last id" cursor)', async () => {
      const first = await givenCase(t.db, org);
      const second = await givenCase(t.db, org);
      const member = await socketOf(org.member);
      await request(member.socket, 'subscribe', { caseId: first });
      await request(member.socket, 'subscribe', { caseId: second });
      // The lower id stays uncommitted while a higher one commits and is relayed.
      const slow = await outboxOf(t).hold([assessmentUpdated(org, first, 1)]);
      await outboxOf(t).append([assessmentUpdated(org, second, 1)]);
      await member.inbox.waitFor(() => member.inbox.events.find((e) => e.caseId === second));
      await slow.commit();
      await member.inbox.waitFor(() => member.inbox.events.find((e) => e.caseId === first));
      const [a, b] = member.inbox.events;
      expect(Number(a.eventId)).toBeGreaterThan(Number(b.eventId));
    });

    it('reconnects the relay after its database connection drops, and relays what committed meanwhile', async () => {
      const caseId = await givenCase(t.db, org);
      const member = await socketOf(org.member);
      await request(member.socket, 'subscribe', { caseId });
      const [killed] = await t.db.query<Array<{ pg_terminate_backend: boolean }>>(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'overleg-realtime-relay' AND datname = current_database()`,
      );
      expect(killed?.pg_terminate_backend).toBe(true);
      // Committed while nobody listens: no NOTIFY reaches the relay, the pending row waits for it.
      await outboxOf(t).append([assessmentUpdated(org, caseId, 1)]);
      await expect(member.inbox.event('assessment.updated', 10_000)).resolves.toMatchObject({
        caseId,
        caseSeq: 1,
      });
      expect(t.app.get(RealtimeRelay).isLeader).toBe(true);
    });

    it('pushes a change made over HTTP to the case room, ids and version only, with the cursor for the event log', async () => {
      const hrBearer = await t.login(org.hr);
      const { caseId, version } = await fileCase(t, org, hrBearer);
      const chair = await socketOf(org.chair);
      await request(chair.socket, 'subscribe', { caseId });
      const confidential = 'Ontslagronde magazijn Q3 (vertrouwelijk)';
      await t
        .http()
        .patch(`/cases/${caseId}`)
        .set('Authorization', hrBearer)
        .send({ version, title: confidential })
        .expect(200);

      const event = await chair.inbox.event('case.updated');
      expect(event).toMatchObject({ caseId, caseSeq: expect.any(Number), version: version + 1 });
      expect(JSON.stringify(event)).not.toContain(confidential);
      // A reconnecting client asks for everything after the last caseSeq it saw.
      const log = await t
        .http()
        .get(`/cases/${caseId}/events?after=${event.caseSeq! - 1}`)
        .set('Authorization', `Bearer ${await tokenOf(org.chair)}`)
        .expect(200);
      expect(itemsOf(log)).toEqual([
        expect.objectContaining({ caseSeq: event.caseSeq, type: 'case.updated' }),
      ]);
    });
  });

  describe('presence', () => {
    it('tells the case room who is looking, and updates on leave', async () => {
      const caseId = await givenCase(t.db, org);
      const chair = await socketOf(org.chair);
      const hr = await socketOf(org.hr);
      await request(chair.socket, 'subscribe', { caseId });
      await chair.inbox.presenceOf(caseId, [org.chair.id]);
      await request(hr.socket, 'subscribe', { caseId });
      await chair.inbox.presenceOf(caseId, [org.chair.id, org.hr.id]);
      await hr.inbox.presenceOf(caseId, [org.chair.id, org.hr.id]);
      // A second tab of the same user counts once.
      const secondTab = await socketOf(org.chair);
      await request(secondTab.socket, 'subscribe', { caseId });
      await secondTab.inbox.presenceOf(caseId, [org.chair.id, org.hr.id]);

      hr.socket.disconnect();
      await chair.inbox.presenceOf(caseId, [org.chair.id]);
    });
  });
});

describe('realtime (e2e, two API instances on one PostgreSQL and Redis)', () => {
  const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let database: { url: string; drop: () => Promise<void> };
  let a: Instance;
  let b: Instance;
  let org: GivenOrganisation;
  const sockets: ClientSocket[] = [];

  interface Instance {
    app: INestApplication;
    url: string;
    closed: boolean;
  }

  /** A full API process as `startTestApp` builds one, but on a shared database. */
  async function startInstance(): Promise<Instance> {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, REDIS_URL });
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] })
      .overrideProvider(Clock)
      .useValue(new FakeClock('2026-03-02T09:00:00Z'))
      .compile();
    const app = configureApp(moduleRef.createNestApplication());
    await app.listen(0, '127.0.0.1');
    return { app, url: await app.getUrl(), closed: false };
  }

  async function socketOn(
    instance: Instance,
    user: GivenUser,
  ): Promise<{ socket: ClientSocket; inbox: Inbox }> {
    const { accessToken } = await instance.app.get(AuthService).issueSession(user.id);
    const socket = connect(instance.url, { token: accessToken });
    sockets.push(socket);
    const inbox = new Inbox(socket);
    await connected(socket);
    return { socket, inbox };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await startInstance();
    b = await startInstance();
    org = await new Given(a.app.get(DataSource)).organisation();
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) {
      socket.disconnect();
    }
  });
  afterAll(async () => {
    for (const instance of [a, b]) {
      if (instance && !instance.closed) {
        await instance.app.close();
      }
    }
    await database?.drop();
  });

  it('runs one relay for the database', () => {
    expect([a, b].map((i) => i.app.get(RealtimeRelay).isLeader).sort()).toEqual([false, true]);
  });

  it('delivers a change made through one instance to clients on both, exactly once', async () => {
    const caseId = await givenCase(a.app.get(DataSource), org);
    const onA = await socketOn(a, org.chair);
    const onB = await socketOn(b, org.member);
    await expect(request(onA.socket, 'subscribe', { caseId })).resolves.toEqual({ ok: true });
    await expect(request(onB.socket, 'subscribe', { caseId })).resolves.toEqual({ ok: true });

    await outboxOf(b).append([assessmentUpdated(org, caseId, 2)]);
    await outboxOf(a).append([assessmentUpdated(org, caseId, 3)]);
    await onA.inbox.waitFor(() =>
      onA.inbox.ofType('assessment.updated').length === 2 ? true : undefined,
    );
    await onB.inbox.waitFor(() =>
      onB.inbox.ofType('assessment.updated').length === 2 ? true : undefined,
    );
    await sleep(QUIET_MS);
    for (const { inbox } of [onA, onB]) {
      expect(inbox.ofType('assessment.updated').map((e) => [e.caseSeq, e.version])).toEqual([
        [1, 2],
        [2, 3],
      ]);
    }
  });

  it('counts presence across instances', async () => {
    const caseId = await givenCase(a.app.get(DataSource), org);
    const onA = await socketOn(a, org.chair);
    const onB = await socketOn(b, org.hr);
    await request(onA.socket, 'subscribe', { caseId });
    await request(onB.socket, 'subscribe', { caseId });
    await onA.inbox.presenceOf(caseId, [org.chair.id, org.hr.id]);
    await onB.inbox.presenceOf(caseId, [org.chair.id, org.hr.id]);
    onB.socket.disconnect();
    await onA.inbox.presenceOf(caseId, [org.chair.id]);
  });

  it('hands the relay over when the active instance stops', async () => {
    const [leader, standby] = a.app.get(RealtimeRelay).isLeader ? [a, b] : [b, a];
    const caseId = await givenCase(standby.app.get(DataSource), org);
    const client = await socketOn(standby, org.member);
    await request(client.socket, 'subscribe', { caseId });

    await leader.app.close();
    leader.closed = true;
    await outboxOf(standby).append([assessmentUpdated(org, caseId, 1)]);
    await expect(client.inbox.event('assessment.updated')).resolves.toMatchObject({
      caseId,
      caseSeq: 1,
    });
    expect(standby.app.get(RealtimeRelay).isLeader).toBe(true);
  });
});
