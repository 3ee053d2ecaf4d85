import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { DataSource } from 'typeorm';

import { dataSourceOptions } from '@wc/database';
import { createTestDatabase, TEST_PASSWORD, SmtpSink, waitUntil } from '@wc/testing';

const ROOT = join(__dirname, '..', '..');
/** The worker as apps/worker runs it (NotificationsWorkerModule: pg-boss cron + start-up sweep, mail worker), on a fixed clock. */
const WORKER_SCRIPT = join(ROOT, 'libs/testing/src/worker-process.ts');

/**
 * Issue #10, faults: the worker is killed with SIGKILL at random points of a reminder sweep over
 * many deadlines and restarted, again and again; afterwards every reminder has reached the SMTP
 * server, once. npm test runs a short loop; PROOF_CRASH_FULL=1 runs the full one (10,000 deadlines,
 * 10 kills). PROOF_CRASH_DEADLINES, PROOF_CRASH_KILLS and PROOF_CRASH_SEED override.
 *
 * "Once" is checked per Message-ID (the delivery id): no reminder lost, none sent as two different
 * messages. A kill between the SMTP server's 250 and the commit of `sent` can make the restarted
 * worker transmit that same message again (libs/notifications documents this gap; no SMTP client
 * can close it); such retransmissions are counted and reported, and bounded by the messages in flight.
 */
const FULL = process.env.PROOF_CRASH_FULL === '1';
const DEADLINES = Number(process.env.PROOF_CRASH_DEADLINES ?? (FULL ? 10_000 : 2_000));
const KILLS = Number(process.env.PROOF_CRASH_KILLS ?? (FULL ? 10 : 3));
const SEED = Number(process.env.PROOF_CRASH_SEED ?? Date.now() % 1_000_000);
/** How long the last worker may take to send what is left; a job of a killed worker must not wait for pg-boss's expiry. */
const MAIL_WAIT_MS = Number(process.env.PROOF_CRASH_MAIL_WAIT_MS ?? 120_000);
/** nodemailer's pool in MailSender: at most this many messages in flight per worker. */
const SMTP_CONNECTIONS = 5;

describe('reminder sweep under repeated SIGKILL (e2e)', () => {
  let smtp: SmtpSink;
  let database: { url: string; drop: () => Promise<void> };
  let db: DataSource;
  let recipient: string;
  const workers: ChildProcess[] = [];
  const smtpResets: string[] = [];

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    // A worker killed mid-message resets its SMTP connection, which smtp-server reports as an
    // 'error' event on the server; unheard, it would crash this test process.
    (
      smtp as unknown as { server: { on(event: 'error', listener: (error: Error) => void): void } }
    ).server.on('error', (error) => smtpResets.push(error.message));
    database = await createTestDatabase();
    db = await new DataSource(dataSourceOptions({ url: database.url, poolSize: 4 })).initialize();
    recipient = await seed(db, DEADLINES);
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) {
      if (worker.exitCode === null && worker.signalCode === null) {
        worker.kill('SIGKILL');
      }
    }
    await db?.destroy();
    await database?.drop();
    await smtp?.close();
  });

  const count = async (sql: string) => (await db.query<Array<{ n: number }>>(sql))[0].n;
  /** Where the e-mails are: delivery rows by status, pg-boss mail jobs by state. */
  const mailState = async () => {
    const rows = await db.query<Array<{ what: string; n: number }>>(
      `SELECT 'delivery ' || status AS what, count(*)::int AS n FROM mail_delivery GROUP BY status
       UNION ALL SELECT 'job ' || state, count(*)::int FROM pgboss.job WHERE name = 'notification_mail' GROUP BY state`,
    );
    return rows.map((r) => `${r.what} ${r.n}`).join(', ');
  };

  it(`delivers every reminder once although the worker is killed ${KILLS} times`, async () => {
    const random = lcg(SEED);
    // A mail job of a killed worker is retried after 10 s (MAIL_EXPIRE_SECONDS) plus pg-boss's maintenance interval (30 s).
    const env = {
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://overleg.test',
      BATCH_SIZE: '50',
      MAIL_WORKER: '1',
      MAIL_EXPIRE_SECONDS: '10',
      FAKE_NOW: '2026-03-13T08:01:00Z',
    };
    const kills: Array<{ after: number; reminders: number; smtp: number }> = [];
    for (let k = 0; k < KILLS; k++) {
      const worker = await startWorker(env);
      workers.push(worker.child);
      // A random point: somewhere in the sweep or the sending that follows it.
      const delay = 100 + Math.floor(random() * (FULL ? 4000 : 1500));
      await new Promise((resolve) => setTimeout(resolve, delay));
      worker.child.kill('SIGKILL');
      await worker.exited;
      kills.push({
        after: delay,
        reminders: await count(`SELECT count(*)::int AS n FROM reminder WHERE status = 'sent'`),
        smtp: smtp.messages.length,
      });
    }
    const last = await startWorker(env);
    workers.push(last.child);
    await waitUntil(
      async () =>
        (await count(`SELECT count(*)::int AS n FROM reminder WHERE status = 'sent'`)) ===
        DEADLINES,
      600_000,
      () => 'every reminder marked sent',
    );
    let diagnosis = '';
    await waitUntil(
      async () => {
        diagnosis = await mailState();
        return (
          (await count(`SELECT count(*)::int AS n FROM mail_delivery WHERE status = 'sent'`)) ===
          DEADLINES
        );
      },
      MAIL_WAIT_MS,
      () => `every e-mail marked sent; now: ${diagnosis}`,
    );
    await waitUntil(
      () => new Set(smtp.messages.map((m) => m.messageId)).size >= DEADLINES,
      60_000,
      () => `${DEADLINES} distinct messages at the SMTP server`,
    );
    last.child.kill('SIGTERM');
    await last.exited;

    const deliveries = await db.query<Array<{ message_id: string }>>(
      `SELECT message_id FROM mail_delivery ORDER BY message_id`,
    );
    const received = new Map<string, number>();
    for (const message of smtp.messages) {
      received.set(message.messageId, (received.get(message.messageId) ?? 0) + 1);
    }
    const retransmitted = [...received.values()].reduce((sum, n) => sum + n - 1, 0);
    console.log(
      `crash loop (seed ${SEED}): ${DEADLINES} deadlines, ${KILLS} SIGKILLs at ${kills.map((k) => `${k.after} ms (${k.reminders} sent, ${k.smtp} at SMTP)`).join(', ')}; ` +
        `${smtp.messages.length} SMTP transactions for ${received.size} messages, ${retransmitted} retransmitted, ${smtpResets.length} SMTP connections reset by a kill`,
    );

    // Every reminder once: one notification and one delivery each, every delivery's message at the SMTP server.
    expect(await count(`SELECT count(*)::int AS n FROM reminder`)).toBe(DEADLINES);
    expect(await count(`SELECT count(*)::int AS n FROM notification`)).toBe(DEADLINES);
    expect(deliveries).toHaveLength(DEADLINES);
    expect([...received.keys()].sort()).toEqual(deliveries.map((d) => d.message_id));
    expect(smtp.messages.every((m) => m.to.length === 1 && m.to[0] === recipient)).toBe(true);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM (SELECT deadline_id FROM notification GROUP BY deadline_id HAVING count(*) > 1) d`,
      ),
    ).toBe(0);
    expect(retransmitted).toBeLessThanOrEqual(KILLS * SMTP_CONNECTIONS);
  }, 1_800_000);
});

/** One employer, its council, one chair (the one recipient), a case and `n` deadlines whose 7-day reminder is due. */
async function seed(db: DataSource, n: number): Promise<string> {
  const [{ id: organisationId }] = await db.query<Array<{ id: string }>>(
    `INSERT INTO organisation (name, kind, headcount) VALUES ('Crash B.V.', 'employer', 250) RETURNING id`,
  );
  const [{ id: worksCouncilId }] = await db.query<Array<{ id: string }>>(
    `INSERT INTO works_council (organisation_id, name, kind) VALUES ($1, 'OR', 'or') RETURNING id`,
    [organisationId],
  );
  const email = `chair-${organisationId.slice(0, 8)}@example.test`;
  const [{ id: userId }] = await db.query<Array<{ id: string }>>(
    `INSERT INTO app_user (email, display_name, password_hash, organisation_id) VALUES ($1, 'Voorzitter', $2, $3) RETURNING id`,
    [email, `unused:${TEST_PASSWORD.length}`, organisationId],
  );
  await db.query(
    `INSERT INTO membership (user_id, organisation_id, works_council_id, role) VALUES ($1, $2, $3, 'council_chair')`,
    [userId, organisationId, worksCouncilId],
  );
  const [{ id: aiSystemId }] = await db.query<Array<{ id: string }>>(
    `INSERT INTO ai_system (organisation_id, name, vendor, purpose, primary_purpose, version) VALUES ($1, 'Planner', 'Acme', 'Roosters', 'automate_task', 1) RETURNING id`,
    [organisationId],
  );
  const [{ id: caseId }] = await db.query<Array<{ id: string }>>(
    `INSERT INTO ai_case (organisation_id, works_council_id, ai_system_id, title, status, created_by, version) VALUES ($1, $2, $3, 'Roosterplanning', 'sent', $4, 1) RETURNING id`,
    [organisationId, worksCouncilId, aiSystemId, userId],
  );
  // Known on 10 March; the 7-day reminder of each falls due on 13 March, 09:00 Amsterdam.
  await db.query(
    `INSERT INTO deadline (case_id, organisation_id, works_council_id, track_kind, rule_id, source, statutory, fatal, trigger_date, strict_date, extended_date, due_at, status, created_at)
     SELECT $1, $2, $3, 'advice', 'advice_response_term', 'test', false, false, '2026-03-10', '2026-03-20', '2026-03-20', '2026-03-20T22:59:59.999Z', 'open', '2026-03-10T09:00:00Z'
       FROM generate_series(1, $4::int)`,
    [caseId, organisationId, worksCouncilId, n],
  );
  return email;
}

function startWorker(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; exited: Promise<unknown> }> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', WORKER_SCRIPT],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.includes('"event":"ready"')) {
        resolve({ child, exited });
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`worker exited (${code}) before it was ready: ${stderr}`)),
    );
  });
}

/** A small seeded generator, so a failing run can be replayed with PROOF_CRASH_SEED. */
function lcg(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
