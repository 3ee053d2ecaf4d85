import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { DataSource } from 'typeorm';

import { dataSourceOptions } from '@wc/database';
import {
  createTestDatabase,
  Given,
  type GivenOrganisation,
  DeadlineFixtures,
  SmtpSink,
  waitUntil,
} from '@wc/testing';

const ROOT = join(__dirname, '..');
const WORKER_SCRIPT = join(ROOT, 'libs/testing/src/worker-process.ts');

interface WorkerProcess {
  child: ChildProcess;
  events: Array<Record<string, unknown>>;
  stderr: string[];
  exited: Promise<number | null>;
  waitFor(event: string, timeoutMs?: number): Promise<Record<string, unknown>>;
}

/** Starts apps/worker's notification modules as a separate Node process (TypeScript via swc). */
function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', WORKER_SCRIPT],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const events: Array<Record<string, unknown>> = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      events.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      stderr.push(line);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    child,
    events,
    stderr,
    exited,
    async waitFor(event, timeoutMs = 30_000) {
      await waitUntil(
        () => events.some((e) => e.event === event) || child.exitCode !== null,
        timeoutMs,
        () => `worker event "${event}"; stderr: ${stderr.join('')}`,
      );
      const found = events.find((e) => e.event === event);
      if (!found) {
        throw new Error(`worker exited (${child.exitCode}) before "${event}": ${stderr.join('')}`);
      }
      return found;
    },
  };
}

/**
 * The crash test of issue #7: a worker is SIGKILLed in the middle of a sweep, with a dispatch
 * transaction open; a restarted worker finishes the job. Every reminder reaches every recipient
 * exactly once: in the inbox, in the e-mail log and at the SMTP server.
 */
describe('reminders survive a worker crash (e2e)', () => {
  let smtp: SmtpSink;
  let database: { url: string; drop: () => Promise<void> };
  let db: DataSource;
  let fixtures: DeadlineFixtures;
  const running: WorkerProcess[] = [];
  const deadlineIds: string[] = [];
  const orgs: GivenOrganisation[] = [];

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    database = await createTestDatabase();
    db = await new DataSource(dataSourceOptions({ url: database.url, poolSize: 4 })).initialize();
    fixtures = new DeadlineFixtures(db);
    const given = new Given(db);
    for (let o = 0; o < 3; o++) {
      const org = await given.organisation();
      orgs.push(org);
      const caseId = await fixtures.aiCase(org, { title: `Crashzaak ${o}` });
      for (let d = 0; d < 10; d++) {
        // Known on 10 March; the 7-day reminder of all thirty falls due on 13 March, 09:00 Amsterdam.
        deadlineIds.push(
          await fixtures.deadline(org, {
            caseId,
            strictDate: '2026-03-20',
            createdAt: new Date('2026-03-10T09:00:00Z'),
          }),
        );
      }
    }
  });
  afterAll(async () => {
    for (const worker of running) {
      if (worker.child.exitCode === null) {
        worker.child.kill('SIGKILL');
        await worker.exited;
      }
    }
    await db?.destroy();
    await database?.drop();
    await smtp?.close();
  });

  const count = async (sql: string, params: unknown[] = []) =>
    (await db.query<Array<{ n: number }>>(sql, params))[0].n;
  const sentReminders = () =>
    count(
      `SELECT count(*)::int AS n FROM reminder WHERE status = 'sent' AND deadline_id = ANY($1::uuid[])`,
      [deadlineIds],
    );
  const notifications = () =>
    count(`SELECT count(*)::int AS n FROM notification WHERE deadline_id = ANY($1::uuid[])`, [
      deadlineIds,
    ]);

  it('kills a worker mid-sweep, restarts it, and counts every reminder exactly once', async () => {
    const common = {
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://overleg.test',
      BATCH_SIZE: '4',
    };

    // 1. A worker starts at 09:01 and stops dead inside its third dispatch batch.
    const first = startWorkerProcess({
      ...common,
      FAKE_NOW: '2026-03-13T08:01:00Z',
      STALL_AT_BATCH: '3',
      MAIL_WORKER: '0',
    });
    running.push(first);
    await first.waitFor('stalled');
    expect(first.events.filter((e) => e.event === 'committed').map((e) => e.reminders)).toEqual([
      4, 4,
    ]);
    expect(await sentReminders()).toBe(8);
    expect(await notifications()).toBe(8 * 6);

    // 2. SIGKILL: no shutdown hook runs; PostgreSQL rolls the open batch back when the connection dies.
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    await waitUntil(
      async () =>
        (await count(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
        )) === 0,
      10_000,
      () => 'the killed worker’s transaction to be rolled back',
    );
    expect(await sentReminders()).toBe(8);
    expect(await notifications()).toBe(8 * 6);

    // 3. A restarted worker, three hours later: its start-up sweep sends the rest, marked late.
    const second = startWorkerProcess({
      ...common,
      FAKE_NOW: '2026-03-13T11:00:00Z',
      MAIL_WORKER: '1',
    });
    running.push(second);
    await second.waitFor('ready');
    await waitUntil(
      async () => (await sentReminders()) === 30,
      30_000,
      () => 'all thirty reminders sent after the restart',
    );
    await waitUntil(
      async () =>
        (await count(`SELECT count(*)::int AS n FROM mail_delivery WHERE status = 'sent'`)) ===
        30 * 6,
      30_000,
      () => 'all e-mails sent',
    );
    second.child.kill('SIGTERM');
    await second.exited;

    const perReminderAndUser = await fixtures.notificationCounts(deadlineIds);
    expect(perReminderAndUser).toHaveLength(30 * 6);
    expect(perReminderAndUser.every((row) => row.count === 1)).toBe(true);
    expect(await count(`SELECT count(*)::int AS n FROM mail_delivery`)).toBe(30 * 6);
    expect(smtp.messages).toHaveLength(30 * 6);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(30 * 6);
    for (const org of orgs) {
      for (const user of [
        org.hr,
        org.employerRep,
        org.chair,
        org.secretary,
        org.member,
        org.committeeMember,
      ]) {
        expect(smtp.to(user.email)).toHaveLength(10);
      }
    }
    const lateness = await db.query<Array<{ late: boolean; n: number }>>(
      `SELECT late, count(*)::int AS n FROM reminder WHERE deadline_id = ANY($1::uuid[]) AND kind = '7d' GROUP BY late ORDER BY late`,
      [deadlineIds],
    );
    expect(lateness).toEqual([
      { late: false, n: 8 },
      { late: true, n: 22 },
    ]);
  });
});
