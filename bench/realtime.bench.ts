import 'reflect-metadata';

import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { createClient } from 'redis';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';

import { dataSourceOptions, runMigrations } from '@wc/database';
import type { RealtimeEvent } from '@wc/realtime';
import { freePort, Given, type GivenUser } from '@wc/testing';

import { benchDatabase } from './support/bench-database';
import { int, log, redact, sleep, startNode, stopChild, waitFor } from './support/processes';

/**
 * `npm run bench:realtime`: end-to-end latency of realtime updates, from an HTTP change to its
 * receipt by every subscriber of the case, with CLIENTS sockets spread over ROOMS case rooms.
 *
 * Scenarios (all driven the same way, open loop at fixed rates, one HTTP request per change):
 *  - `overleg`: the real API in its own process (NODE_ENV=production), changes through
 *    `PATCH /cases/:id` (lock, version check, audit entry, outbox, commit), delivered by
 *    NOTIFY → RealtimeRelay → socket.io.
 *  - `overleg-redis`: two API processes with the Redis adapter; sockets and changes alternate
 *    between them (skipped when Redis is not reachable).
 *  - `bare`: a bare socket.io server broadcasting the same payloads on an HTTP POST.
 *
 * Environment: BENCH_DATABASE_URL (else TEST_DATABASE_URL, DATABASE_URL, else an embedded
 * PostgreSQL), REDIS_URL (default redis://127.0.0.1:6379), BENCH_CLIENTS (1000), BENCH_ROOMS (100),
 * BENCH_RATES (changes/s, "50,100,200,400"), BENCH_SECONDS per rate (15), BENCH_SCENARIOS
 * ("overleg,overleg-redis,bare"), BENCH_LOG_LEVEL for the API (info).
 */

const CLIENTS = int('BENCH_CLIENTS', 1000);
const ROOMS = int('BENCH_ROOMS', 100);
const SEATS = Math.ceil(CLIENTS / ROOMS);
const RATES = (process.env.BENCH_RATES ?? '50,100,200,400').split(',').map(Number);
const SECONDS = int('BENCH_SECONDS', 15);
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'overleg,overleg-redis,bare').split(',');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const GOAL = { rate: 50, p99Ms: 100 };

type ClientSocket = Socket<{ event: (event: RealtimeEvent) => void }>;

interface Target {
  name: string;
  /** Socket.io URLs; subscriber i connects to urls[i % n]. */
  urls: string[];
  tokenFor(seat: number): string | undefined;
  caseIdOf(room: number): string;
  /** Makes change number `n` to case `room`, returns once the HTTP response is in. */
  change(room: number, n: number): Promise<void>;
  /** Latency key of the change that the next `change(room)` will produce, and of an event. */
  nextKey(room: number): string;
  keyOf(event: RealtimeEvent): string;
  pids: number[];
  stop(): Promise<void>;
}

interface StepResult {
  scenario: string;
  targetRate: number;
  achievedRate: number;
  changes: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  deliveryP50Ms: number;
  deliveryP99Ms: number;
  httpP50Ms: number;
  httpP99Ms: number;
  missed: number;
  duplicates: number;
  httpErrors: number;
  serverCpuPct: number;
}

async function main(): Promise<void> {
  const db = await benchDatabase('realtime');
  const children: ChildProcess[] = [];
  const results: StepResult[] = [];
  try {
    log(
      `database ${redact(db.url)}; migrating and seeding ${ROOMS} cases, ${SEATS} subscribers per case`,
    );
    await runMigrations(db.url);
    const seed = await seedUsers(db.url);

    for (const scenario of SCENARIOS) {
      if (scenario === 'overleg-redis' && !(await redisReachable())) {
        log(`skipping ${scenario}: no Redis at ${REDIS_URL}`);
        continue;
      }
      const target =
        scenario === 'bare'
          ? await bareTarget(children)
          : await overlegTarget(
              scenario,
              db.url,
              seed,
              scenario === 'overleg-redis' ? 2 : 1,
              children,
            );
      const sockets = await connectSubscribers(target);
      const recorder = new Recorder(target, sockets);
      log(`${scenario}: ${sockets.length} sockets in ${ROOMS} rooms; warming up`);
      await runStep(target, recorder, 50, 3, true);
      for (const rate of RATES) {
        const result = await runStep(target, recorder, rate, SECONDS, false);
        results.push(result);
        log(format(result));
      }
      for (const socket of sockets) {
        socket.disconnect();
      }
      await target.stop();
    }
  } finally {
    for (const child of children) {
      child.kill('SIGTERM');
    }
    await db.drop();
  }
  report(results);
}

// ---------------------------------------------------------------------------------------------
// Targets

interface Seed {
  organisationId: string;
  worksCouncilId: string;
  driver: GivenUser;
  subscribers: GivenUser[];
}

async function seedUsers(url: string): Promise<Seed> {
  const ds = new DataSource(dataSourceOptions({ url, poolSize: 2 }));
  await ds.initialize();
  try {
    const given = new Given(ds);
    const org = await given.organisation('Bench B.V.');
    const subscribers: GivenUser[] = [];
    for (let i = 0; i < SEATS; i++) {
      // Employer-side users see drafts, so PATCHing a draft case reaches all of them.
      subscribers.push(await given.user(org.organisationId, 'employer_representative'));
    }
    return {
      organisationId: org.organisationId,
      worksCouncilId: org.worksCouncilId,
      driver: org.hr,
      subscribers,
    };
  } finally {
    await ds.destroy();
  }
}

async function overlegTarget(
  name: string,
  databaseUrl: string,
  seed: Seed,
  instances: number,
  children: ChildProcess[],
): Promise<Target> {
  const jwtSecret = randomBytes(32).toString('hex');
  const urls: string[] = [];
  const procs: ChildProcess[] = [];
  for (let i = 0; i < instances; i++) {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: jwtSecret,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      ACCESS_TOKEN_TTL_SECONDS: '7200',
      LOGIN_IP_MAX_FAILURES: '100000',
    };
    delete env.REDIS_URL;
    if (instances > 1) {
      env.REDIS_URL = REDIS_URL;
    }
    const child = startNode('apps/api/src/main.ts', env);
    children.push(child);
    procs.push(child);
    const url = `http://127.0.0.1:${port}`;
    await waitFor(`${url}/health/ready`, child);
    urls.push(url);
  }
  const login = async (user: GivenUser) => {
    const res = await fetch(`${urls[0]}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    if (!res.ok) {
      throw new Error(`login failed: ${res.status} ${await res.text()}`);
    }
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const driver = await login(seed.driver);
  const tokens = await Promise.all(seed.subscribers.map(login));
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${driver}` };

  // The AI system and cases are made over HTTP like any client would; drafts, so no triage needed.
  const system = await json(
    await fetch(`${urls[0]}/organisations/${seed.organisationId}/ai-systems`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'BenchSystem',
        vendor: 'Acme',
        purpose: 'Benchmark',
        primaryPurpose: 'support',
      }),
    }),
  );
  const cases: Array<{ id: string; version: number }> = [];
  for (let room = 0; room < ROOMS; room++) {
    const created = await json(
      await fetch(`${urls[0]}/cases`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          aiSystemId: system.id,
          worksCouncilId: seed.worksCouncilId,
          title: `Bench case ${room}`,
        }),
      }),
    );
    cases.push({ id: created.id as string, version: created.version as number });
  }
  return {
    name,
    urls,
    tokenFor: (seat) => tokens[seat],
    caseIdOf: (room: number) => cases[room].id,
    nextKey: (room) => `${cases[room].id}:${cases[room].version + 1}`,
    keyOf: (event) => `${event.caseId}:${String(event.version)}`,
    change: async (room, n) => {
      const aiCase = cases[room];
      const res = await fetch(`${urls[n % urls.length]}/cases/${aiCase.id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ version: aiCase.version, title: `Bench case ${room} #${n}` }),
      });
      const body = (await res.json()) as { version?: number };
      if (!res.ok || typeof body.version !== 'number') {
        throw new Error(`PATCH ${res.status} ${JSON.stringify(body)}`);
      }
      aiCase.version = body.version;
    },
    pids: procs.map((p) => p.pid!),
    stop: () => Promise.all(procs.map(stopChild)).then(() => undefined),
  };
}

async function bareTarget(children: ChildProcess[]): Promise<Target> {
  const port = await freePort();
  const child = startNode('bench/realtime-bare-server.ts', { ...process.env, PORT: String(port) });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/health`, child);
  const caseIds = Array.from({ length: ROOMS }, () => randomUUID());
  const versions = caseIds.map(() => 1);
  let eventId = 0;
  return {
    name: 'bare',
    urls: [url],
    tokenFor: () => undefined,
    caseIdOf: (room: number) => caseIds[room],
    nextKey: (room) => `${caseIds[room]}:${versions[room] + 1}`,
    keyOf: (event) => `${event.caseId}:${String(event.version)}`,
    change: async (room) => {
      const version = versions[room] + 1;
      // The same shape and size as Overleg's `case.updated` event.
      const event: RealtimeEvent = {
        action: 'case.updated',
        version,
        status: 'draft',
        type: 'case.updated',
        eventId: String(++eventId),
        caseId: caseIds[room],
        caseSeq: version,
        organisationId: randomUUID(),
        worksCouncilId: randomUUID(),
        userId: null,
        occurredAt: new Date().toISOString(),
      };
      const res = await fetch(`${url}/broadcast`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ room: `case:${caseIds[room]}`, event }),
      });
      if (res.status !== 204) {
        throw new Error(`broadcast ${res.status}`);
      }
      versions[room] = version;
    },
    pids: [child.pid!],
    stop: () => stopChild(child),
  };
}

// ---------------------------------------------------------------------------------------------
// Clients and measurement

async function connectSubscribers(target: Target): Promise<ClientSocket[]> {
  const sockets: ClientSocket[] = [];
  const jobs = Array.from({ length: CLIENTS }, (_, i) => i);
  // A bounded number of concurrent handshakes, as a real reconnect storm would be spread out.
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      for (let i = jobs.shift(); i !== undefined; i = jobs.shift()) {
        const room = i % ROOMS;
        const seat = Math.floor(i / ROOMS);
        const token = target.tokenFor(seat);
        const socket: ClientSocket = io(target.urls[i % target.urls.length], {
          path: '/ws',
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          ...(token ? { auth: { token } } : {}),
        });
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        const ack = (await (
          socket.timeout(10_000) as unknown as {
            emitWithAck: (m: string, b: unknown) => Promise<{ ok: boolean }>;
          }
        ).emitWithAck('subscribe', { caseId: target.caseIdOf(room) })) as {
          ok: boolean;
          code?: string;
        };
        if (!ack.ok) {
          throw new Error(`subscribe refused: ${JSON.stringify(ack)}`);
        }
        sockets.push(socket);
      }
    }),
  );
  return sockets;
}

interface Pending {
  sentAt: number;
  remaining: number;
  completedMs?: number;
}

class Recorder {
  pending = new Map<string, Pending>();
  deliveries: number[] = [];
  duplicates = 0;
  unexpected = 0;

  constructor(
    private readonly target: Target,
    sockets: ClientSocket[],
  ) {
    const seen = new Map<string, Set<ClientSocket>>();
    for (const socket of sockets) {
      socket.on('event', (event) => {
        const now = performance.now();
        const key = this.target.keyOf(event);
        const change = this.pending.get(key);
        if (!change) {
          this.unexpected++;
          return;
        }
        let by = seen.get(key);
        if (!by) {
          seen.set(key, (by = new Set()));
        }
        if (by.has(socket)) {
          this.duplicates++;
          return;
        }
        by.add(socket);
        this.deliveries.push(now - change.sentAt);
        change.remaining--;
        if (change.remaining === 0) {
          change.completedMs = now - change.sentAt;
          seen.delete(key);
        }
      });
    }
  }

  reset(): void {
    this.pending.clear();
    this.deliveries = [];
    this.duplicates = 0;
    this.unexpected = 0;
  }
}

async function runStep(
  target: Target,
  recorder: Recorder,
  rate: number,
  seconds: number,
  warmup: boolean,
): Promise<StepResult> {
  recorder.reset();
  const busy = new Set<number>();
  let sent = 0;
  let next = 0;
  let httpErrors = 0;
  const httpMs: number[] = [];
  const cpuBefore = cpuTicks(target.pids);
  const started = performance.now();
  for (;;) {
    const elapsed = performance.now() - started;
    if (elapsed >= seconds * 1000) {
      break;
    }
    const due = Math.floor((elapsed / 1000) * rate);
    while (sent < due) {
      let tries = 0;
      while (busy.has(next % ROOMS) && tries < ROOMS) {
        next++;
        tries++;
      }
      if (tries === ROOMS) {
        break; // every case has a change in flight: the server is behind; the achieved rate shows it
      }
      const room = next++ % ROOMS;
      busy.add(room);
      recorder.pending.set(target.nextKey(room), { sentAt: performance.now(), remaining: SEATS });
      const n = sent++;
      const requestedAt = performance.now();
      target.change(room, n).then(
        () => {
          httpMs.push(performance.now() - requestedAt);
          busy.delete(room);
        },
        (error: unknown) => {
          httpErrors++;
          busy.delete(room);
          if (httpErrors <= 3) {
            log(`change failed: ${String(error)}`);
          }
        },
      );
    }
    await sleep(1);
  }
  const sendSeconds = (performance.now() - started) / 1000;
  // Let the last changes arrive; anything still missing after this is reported as missed.
  const drainUntil = performance.now() + 5000;
  while (
    performance.now() < drainUntil &&
    (busy.size > 0 || [...recorder.pending.values()].some((p) => p.remaining > 0))
  ) {
    await sleep(20);
  }
  const cpuSeconds = (cpuTicks(target.pids) - cpuBefore) / 100;
  const changes = [...recorder.pending.values()];
  const complete = changes.filter((c) => c.completedMs !== undefined).map((c) => c.completedMs!);
  const result: StepResult = {
    scenario: target.name,
    targetRate: rate,
    achievedRate: round(sent / sendSeconds),
    changes: sent,
    p50Ms: round(percentile(complete, 50)),
    p99Ms: round(percentile(complete, 99)),
    maxMs: round(Math.max(0, ...complete)),
    deliveryP50Ms: round(percentile(recorder.deliveries, 50)),
    deliveryP99Ms: round(percentile(recorder.deliveries, 99)),
    httpP50Ms: round(percentile(httpMs, 50)),
    httpP99Ms: round(percentile(httpMs, 99)),
    missed: changes.reduce((sum, c) => sum + c.remaining, 0),
    duplicates: recorder.duplicates,
    httpErrors,
    serverCpuPct: round((cpuSeconds / sendSeconds) * 100),
  };
  if (warmup) {
    recorder.reset();
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Reporting

function report(results: StepResult[]): void {
  const lines = [
    `# Realtime benchmark`,
    '',
    `${new Date().toISOString()}; ${cpus().length} × ${cpus()[0]?.model.trim()}; Node ${process.version}; ${CLIENTS} sockets over ${ROOMS} case rooms (${SEATS} per room); ${SECONDS} s per rate.`,
    'Latency: from sending the HTTP change to its receipt by *every* subscriber of the case (p50/p99/max over changes);',
    '"delivery" is per socket; "HTTP" is the change request alone (until its response). Missed = deliveries that never',
    'arrived; server CPU = the API process(es) (or the bare server), % of one core.',
    '',
    '| scenario | target/s | achieved/s | changes | p50 ms | p99 ms | max ms | delivery p50 | delivery p99 | HTTP p50 | HTTP p99 | missed | dup | http errors | server CPU % |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.scenario} | ${r.targetRate} | ${r.achievedRate} | ${r.changes} | ${r.p50Ms} | ${r.p99Ms} | ${r.maxMs} | ${r.deliveryP50Ms} | ${r.deliveryP99Ms} | ${r.httpP50Ms} | ${r.httpP99Ms} | ${r.missed} | ${r.duplicates} | ${r.httpErrors} | ${r.serverCpuPct} |`,
    ),
    '',
  ];
  for (const scenario of new Set(results.map((r) => r.scenario))) {
    const steps = results.filter((r) => r.scenario === scenario);
    const sustained = steps.filter(
      (r) =>
        r.achievedRate >= r.targetRate * 0.95 &&
        r.missed === 0 &&
        r.httpErrors === 0 &&
        r.p99Ms < GOAL.p99Ms,
    );
    lines.push(
      `- **${scenario}**: highest rate sustained with p99 < ${GOAL.p99Ms} ms and nothing missed: ${sustained.length ? `${Math.max(...sustained.map((r) => r.targetRate))}/s` : 'none of the tested rates'}.`,
    );
  }
  const bare = results.filter((r) => r.scenario === 'bare');
  for (const scenario of ['overleg', 'overleg-redis']) {
    for (const r of results.filter((x) => x.scenario === scenario)) {
      const base = bare.find((b) => b.targetRate === r.targetRate);
      if (base) {
        lines.push(
          `- ${scenario} at ${r.targetRate}/s vs bare socket.io: p50 ×${round(r.p50Ms / base.p50Ms)}, p99 ×${round(r.p99Ms / base.p99Ms)}.`,
        );
      }
    }
  }
  const goal = results.find((r) => r.scenario === 'overleg' && r.targetRate === GOAL.rate);
  if (goal) {
    const met = goal.p99Ms < GOAL.p99Ms && goal.missed === 0;
    lines.push(
      '',
      `Goal (p99 < ${GOAL.p99Ms} ms at ${GOAL.rate} changes/s, nothing missed): **${met ? 'met' : 'NOT met'}** (p99 ${goal.p99Ms} ms, missed ${goal.missed}).`,
    );
  }
  const text = lines.join('\n') + '\n';
  writeFileSync(join(__dirname, 'realtime-results.md'), text);
  console.log(`\n${text}`);
}

function format(r: StepResult): string {
  return `${r.scenario} @${r.targetRate}/s: achieved ${r.achievedRate}/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, max ${r.maxMs} ms, HTTP p50 ${r.httpP50Ms} ms, missed ${r.missed}, dup ${r.duplicates}, http errors ${r.httpErrors}, server CPU ${r.serverCpuPct}%`;
}

// ---------------------------------------------------------------------------------------------
// Plumbing

async function redisReachable(): Promise<boolean> {
  const client = createClient({
    url: REDIS_URL,
    socket: { reconnectStrategy: false, connectTimeout: 1000 },
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    await client.close();
    return true;
  } catch {
    return false;
  }
}

/** User + system CPU of the processes, in clock ticks (1/100 s on Linux); 0 elsewhere. */
function cpuTicks(pids: number[]): number {
  return pids.reduce((sum, pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return sum + Number(fields[11]) + Number(fields[12]);
    } catch {
      return sum;
    }
  }, 0);
}

async function json(res: Response): Promise<Record<string, unknown>> {
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) {
    throw new Error(`${res.status} ${JSON.stringify(body)}`);
  }
  return body;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) {
    return NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (n: number) => Math.round(n * 10) / 10;

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
