import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { AccessModule } from '@wc/access';
import { ConfigModule, loadConfig } from '@wc/config';
import { Clock, FakeClock } from '@wc/core';
import { DatabaseModule, dataSourceOptions, runMigrations } from '@wc/database';
import {
  NotificationsWorkerModule,
  notificationsOptions,
  ReminderSweeper,
  type SweepReport,
} from '@wc/notifications';

import { benchDatabase } from './support/bench-database';

/**
 * `npm run bench:reminders`: the reminder sweep over BENCH_DEADLINES open deadlines (100,000)
 * across BENCH_ORGS organisations (1,000), each with a works council, an HR manager, an employer
 * representative, a chair, a secretary and BENCH_MEMBERS further council members (3).
 *
 * Strict dates are spread evenly over 60 days from 1 March 2026; one in ten terms is fatal. The
 * worker first sees the deadlines at 13:00 on 1 March (Amsterdam) and sweeps:
 *  1. at once: every deadline is planned; reminders due within the planning horizon are written;
 *  2. on 2 March at 09:00, as if no sweep ran in between (the worst case): the overdue notices of
 *     terms that ended on 1 March, the 14/7/2/0-day reminders and escalations due that morning,
 *     and the planning of 3 March's reminders, all in one sweep;
 *  3. right after (idle: nothing due; the cost of a sweep that only checks);
 *  4.–6. 3 March as the every-minute cron spreads it: midnight (overdue), 04:00 (planning of
 *     4 March), 09:00 (morning reminders) by two workers side by side (two contexts, two pools).
 * Each sweep is timed and its peak memory sampled; afterwards the database is checked for any
 * reminder, notification, e-mail delivery or job that exists twice, and the number sent is
 * compared with what the deadlines alone say was due.
 *
 * Environment: BENCH_DATABASE_URL (else TEST_DATABASE_URL, DATABASE_URL, else an embedded
 * PostgreSQL), BENCH_ORGS, BENCH_DEADLINES, BENCH_MEMBERS, BENCH_BATCH (dispatch batch, 500), BENCH_CONCURRENCY (dispatch transactions
 * side by side per worker, 3).
 * Results: printed, and written to bench/reminder-sweep-results.md.
 */

const ORGS = int('BENCH_ORGS', 1000);
const DEADLINES = int('BENCH_DEADLINES', 100_000);
const MEMBERS = int('BENCH_MEMBERS', 3);
const BATCH = int('BENCH_BATCH', 500);
const CONCURRENCY = int('BENCH_CONCURRENCY', 3);
const GOAL_SECONDS = 5;
const CASES_PER_ORG = 10;

const SEEN_AT = '2026-03-01T12:00:00Z';
const WAVE_1 = '2026-03-02T08:00:00Z'; // 09:00 Amsterdam (CET)
const MIDNIGHT_2 = '2026-03-02T23:00:00Z'; // 00:00 on 3 March in Amsterdam
const NIGHT_2 = '2026-03-03T03:00:00Z'; // 04:00
const WAVE_2 = '2026-03-03T08:00:00Z'; // 09:00

interface SweepResult {
  name: string;
  at: string;
  seconds: number;
  report: SweepReport;
  rssPeakMb: number;
  heapPeakMb: number;
}

async function main(): Promise<void> {
  const database = await benchDatabase('reminders');
  const contexts: INestApplicationContext[] = [];
  try {
    log(`database ${redact(database.url)}; migrating`);
    await runMigrations(database.url);
    const seedStarted = performance.now();
    await seed(database.url);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(
      `seeded ${ORGS} organisations, ${ORGS * (4 + MEMBERS)} users, ${ORGS * CASES_PER_ORG} cases, ${DEADLINES} open deadlines in ${seedSeconds.toFixed(1)} s`,
    );

    const clock = new FakeClock(SEEN_AT);
    const worker = await startWorker(database.url, clock);
    contexts.push(worker);
    const sweeper = worker.get(ReminderSweeper);
    const results: SweepResult[] = [];

    results.push(
      await timed('1. first sight of all deadlines (1 Mar 13:00)', SEEN_AT, () =>
        sweeper.sweepOnce(),
      ),
    );
    clock.set(WAVE_1);
    results.push(
      await timed(
        '2. a whole day in one sweep (2 Mar 09:00: overdue + morning reminders + planning 3 Mar)',
        WAVE_1,
        () => sweeper.sweepOnce(),
      ),
    );
    results.push(
      await timed('3. idle sweep right after (nothing due)', WAVE_1, () => sweeper.sweepOnce()),
    );
    clock.set(MIDNIGHT_2);
    results.push(
      await timed('4. midnight sweep (3 Mar 00:00: overdue notices)', MIDNIGHT_2, () =>
        sweeper.sweepOnce(),
      ),
    );
    clock.set(NIGHT_2);
    results.push(
      await timed('5. night sweep (3 Mar 04:00: plans 4 Mar)', NIGHT_2, () => sweeper.sweepOnce()),
    );

    const second = await startWorker(database.url, clock);
    contexts.push(second);
    clock.set(WAVE_2);
    const pair = await timed(
      '6. morning reminders (3 Mar 09:00), two workers side by side',
      WAVE_2,
      async () => {
        const [a, b] = await Promise.all([
          sweeper.sweepOnce(),
          second.get(ReminderSweeper).sweepOnce(),
        ]);
        return {
          planned: a.planned + b.planned,
          dispatched: a.dispatched + b.dispatched,
          notifications: a.notifications + b.notifications,
          emails: a.emails + b.emails,
          digests: a.digests + b.digests,
        };
      },
    );
    results.push(pair);

    const checks = await verify(database.url);
    printAndRecord(results, checks, seedSeconds);
  } finally {
    for (const context of contexts) {
      await context.close();
    }
    await database.drop();
  }
}

/** The worker's notification modules on the fake clock; no cron, no e-mail consumer (jobs are only queued). */
async function startWorker(url: string, clock: FakeClock): Promise<INestApplicationContext> {
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: url,
    JWT_SECRET: 'x'.repeat(40),
    PUBLIC_URL: 'https://overleg.example',
    DATABASE_POOL_SIZE: '10',
    LOG_LEVEL: 'warn',
  });
  const options = notificationsOptions({
    sweep: { scheduled: false, dispatchBatchSize: BATCH, dispatchConcurrency: CONCURRENCY },
    mail: { worker: false },
  });

  @Global()
  @Module({ providers: [{ provide: Clock, useValue: clock }], exports: [Clock] })
  class BenchClockModule {}

  @Module({
    imports: [
      ConfigModule.forRoot(config),
      BenchClockModule,
      DatabaseModule,
      // As in the worker: the outbox locks cases, and the sweep asks who hears of each term.
      AccessModule,
      NotificationsWorkerModule.forRoot(options),
    ],
  })
  class BenchWorkerModule {}

  const app = await Test.createTestingModule({ imports: [BenchWorkerModule] }).compile();
  app.useLogger(['error', 'warn']);
  await app.init();
  return app;
}

async function timed(
  name: string,
  at: string,
  sweep: () => Promise<SweepReport>,
): Promise<SweepResult> {
  global.gc?.();
  let rssPeak = process.memoryUsage().rss;
  let heapPeak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    rssPeak = Math.max(rssPeak, usage.rss);
    heapPeak = Math.max(heapPeak, usage.heapUsed);
  }, 20);
  const started = performance.now();
  const report = await sweep();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const usage = process.memoryUsage();
  const result = {
    name,
    at,
    seconds,
    report,
    rssPeakMb: mb(Math.max(rssPeak, usage.rss)),
    heapPeakMb: mb(Math.max(heapPeak, usage.heapUsed)),
  };
  log(
    `${name}: ${seconds.toFixed(2)} s, ${JSON.stringify(report)}, peak RSS ${result.rssPeakMb} MB`,
  );
  return result;
}

interface Checks {
  reminders: number;
  sentReminders: number;
  expectedSent: number;
  duplicateNotifications: number;
  duplicateDeliveries: number;
  notifications: number;
  deliveries: number;
  mailJobs: number;
  queuedDeliveries: number;
  distinctQueuedDeliveries: number;
  outboxEvents: number;
}

/** Nothing twice, and exactly what should have gone out did. */
async function verify(url: string): Promise<Checks> {
  const db = await new DataSource(dataSourceOptions({ url, poolSize: 2 })).initialize();
  try {
    const one = async (sql: string) => Number((await db.query<Array<{ n: string }>>(sql))[0].n);
    // Computed from the deadlines alone, independent of the planner: reminders due by 3 March 09:00.
    const expectedSent = await one(`
      SELECT (SELECT count(*) FROM deadline WHERE strict_date <= date '2026-03-02')                              -- overdue notices
           + (SELECT count(*) FROM deadline d, unnest(array[14, 7, 2, 0]) AS lead(days)
               WHERE d.strict_date - lead.days IN (date '2026-03-02', date '2026-03-03'))                       -- day reminders
           + (SELECT count(*) FROM deadline WHERE fatal AND strict_date - 2 IN (date '2026-03-02', date '2026-03-03')) AS n`);
    return {
      reminders: await one(`SELECT count(*) AS n FROM reminder`),
      sentReminders: await one(`SELECT count(*) AS n FROM reminder WHERE status = 'sent'`),
      expectedSent,
      duplicateNotifications: await one(
        `SELECT count(*) AS n FROM (SELECT 1 FROM notification GROUP BY reminder_id, reminder_revision, user_id HAVING count(*) > 1) d`,
      ),
      duplicateDeliveries: await one(
        `SELECT count(*) AS n FROM (SELECT 1 FROM mail_delivery GROUP BY notification_id HAVING count(*) > 1) d`,
      ),
      notifications: await one(`SELECT count(*) AS n FROM notification`),
      deliveries: await one(`SELECT count(*) AS n FROM mail_delivery`),
      mailJobs: await one(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'notification_mail'`),
      queuedDeliveries: await one(
        `SELECT coalesce(sum(jsonb_array_length(data->'deliveryIds')), 0) AS n FROM pgboss.job WHERE name = 'notification_mail'`,
      ),
      distinctQueuedDeliveries: await one(
        `SELECT count(DISTINCT d) AS n FROM pgboss.job, jsonb_array_elements_text(data->'deliveryIds') AS d WHERE name = 'notification_mail'`,
      ),
      outboxEvents: await one(
        `SELECT count(*) AS n FROM domain_event WHERE type = 'notification.created'`,
      ),
    };
  } finally {
    await db.destroy();
  }
}

function printAndRecord(results: SweepResult[], checks: Checks, seedSeconds: number): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  const rows = results.map((r) => {
    const perSecond = r.report.dispatched > 0 ? Math.round(r.report.dispatched / r.seconds) : 0;
    const notificationsPerSecond =
      r.report.notifications > 0 ? Math.round(r.report.notifications / r.seconds) : 0;
    return `| ${r.name} | ${r.seconds.toFixed(2)} | ${r.report.planned} | ${r.report.dispatched} | ${perSecond} | ${r.report.notifications} | ${notificationsPerSecond} | ${r.report.emails} | ${r.rssPeakMb} | ${r.heapPeakMb} |`;
  });
  const wave = results[1];
  const slowest = results.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  const noDuplicates =
    checks.duplicateNotifications === 0 &&
    checks.duplicateDeliveries === 0 &&
    checks.deliveries === checks.queuedDeliveries &&
    checks.queuedDeliveries === checks.distinctQueuedDeliveries &&
    checks.sentReminders === checks.expectedSent;
  const met = slowest.seconds < GOAL_SECONDS && noDuplicates;
  const text = [
    '# Reminder sweep benchmark',
    '',
    `${new Date().toISOString()}; ${cpus().length} × ${cpu}; Node ${process.version}; ${ORGS} organisations, ${DEADLINES} open deadlines ` +
      `(${ORGS * CASES_PER_ORG} cases, 10% fatal), ${4 + MEMBERS} recipients per organisation; dispatch batches of ${BATCH}, ${CONCURRENCY} side by side per worker; seeding took ${seedSeconds.toFixed(1)} s; ` +
      `load average at the end (1/5/15 min): ${load} (other jobs share this machine).`,
    'A sweep = reconcile (plan new/moved/closed deadlines) + dispatch every due reminder (inbox rows, e-mail deliveries, pg-boss jobs,',
    'outbox events, reminder marked sent, one transaction per batch) + daily digests. E-mail jobs are queued, not sent (SMTP is a separate consumer).',
    '',
    '| sweep | seconds | deadlines planned | reminders sent | reminders/s | notifications | notifications/s | e-mails queued | peak RSS MB | peak heap MB |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Checks: ${checks.reminders} reminders in the ledger, ${checks.sentReminders} sent (expected from the deadlines alone: ${checks.expectedSent}); ` +
      `${checks.notifications} notifications, ${checks.deliveries} e-mail deliveries queued in ${checks.mailJobs} mail jobs (${checks.distinctQueuedDeliveries} distinct), ${checks.outboxEvents} notification.created events; ` +
      `duplicates: ${checks.duplicateNotifications} notifications, ${checks.duplicateDeliveries} deliveries.`,
    '',
    `Goal (a full sweep under ${GOAL_SECONDS} s, no reminder sent twice): **${met ? 'met' : 'not met'}** ` +
      `(slowest sweep ${slowest.seconds.toFixed(2)} s: "${slowest.name}"; a whole day in one sweep ${wave.seconds.toFixed(2)} s at ` +
      `${Math.round(wave.report.dispatched / wave.seconds)} reminders/s; ${noDuplicates ? 'nothing twice, nothing missing' : 'DUPLICATES OR MISSING'}).`,
    '',
  ].join('\n');
  console.log(`\n${text}`);
  writeFileSync(join(__dirname, 'reminder-sweep-results.md'), text);
  if (!noDuplicates) {
    process.exitCode = 1;
  }
}

async function seed(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const roles = [
    'hr_manager',
    'employer_representative',
    'council_chair',
    'council_secretary',
    ...Array.from({ length: MEMBERS }, () => 'council_member'),
  ];
  try {
    await client.query('BEGIN');
    await client.query(
      `CREATE TEMP TABLE bench_org ON COMMIT DROP AS SELECT g AS n, gen_random_uuid() AS org_id, gen_random_uuid() AS council_id, gen_random_uuid() AS system_id FROM generate_series(1, $1) g`,
      [ORGS],
    );
    await client.query(
      `INSERT INTO organisation (id, name, kind, headcount) SELECT org_id, 'Bench ' || n, 'employer', 250 FROM bench_org`,
    );
    await client.query(
      `INSERT INTO works_council (id, organisation_id, name, kind) SELECT council_id, org_id, 'Ondernemingsraad', 'or' FROM bench_org`,
    );
    await client.query(
      `CREATE TEMP TABLE bench_user ON COMMIT DROP AS
         SELECT gen_random_uuid() AS id, o.n, o.org_id, o.council_id, r.role, r.i FROM bench_org o CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS r(role, i)`,
      [roles],
    );
    await client.query(
      `INSERT INTO app_user (id, email, display_name, password_hash, organisation_id, language)
       SELECT id, 'bench-' || n || '-' || i || '@bench.test', 'Bench user', 'not-a-hash', org_id, CASE WHEN i % 3 = 0 THEN 'en' ELSE 'nl' END FROM bench_user`,
    );
    await client.query(
      `INSERT INTO membership (user_id, organisation_id, works_council_id, role)
       SELECT id, org_id, CASE WHEN role LIKE 'council%' THEN council_id END, role FROM bench_user`,
    );
    await client.query(
      `INSERT INTO ai_system (id, organisation_id, name, vendor, purpose, primary_purpose, version)
       SELECT system_id, org_id, 'Planner', 'Acme', 'Rosters', 'automate_task', 1 FROM bench_org`,
    );
    await client.query(
      `CREATE TEMP TABLE bench_case ON COMMIT DROP AS SELECT gen_random_uuid() AS id, o.n, o.org_id, o.council_id, o.system_id, c FROM bench_org o, generate_series(1, $1) c`,
      [CASES_PER_ORG],
    );
    await client.query(
      `INSERT INTO ai_case (id, organisation_id, works_council_id, ai_system_id, title, status, created_by, version)
       SELECT c.id, c.org_id, c.council_id, c.system_id, 'Zaak ' || c.n || '-' || c.c, 'sent', u.id, 1
         FROM bench_case c JOIN bench_user u ON u.org_id = c.org_id AND u.i = 1`,
    );
    const perCase = Math.ceil(DEADLINES / (ORGS * CASES_PER_ORG));
    await client.query(
      `WITH spread AS (
         SELECT c.*, k, row_number() OVER (ORDER BY c.n, c.c, k) AS idx FROM bench_case c, generate_series(1, $1) k
       ), dated AS (
         SELECT *, date '2026-03-01' + (idx % 60)::int AS strict, idx % 10 = 0 AS fatal FROM spread WHERE idx <= $2
       )
       INSERT INTO deadline (case_id, organisation_id, works_council_id, track_kind, rule_id, source, statutory, fatal, trigger_date, strict_date, extended_date, due_at, status, created_at)
       SELECT id, org_id, council_id, 'advice',
              CASE WHEN fatal THEN 'appeal_term' ELSE (array['advice_response_term', 'consent_response_term', 'information_response_term', 'employer_decision_sla'])[1 + idx % 4] END,
              'bench', fatal, fatal, strict - 30, strict, strict,
              ((strict + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') - interval '1 millisecond', 'open', $3
         FROM dated`,
      [perCase, DEADLINES, SEEN_AT],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

function int(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const redact = (url: string) => url.replace(/\/\/[^@]*@/, '//***@');
const log = (message: string) => console.log(`[bench] ${message}`);

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
