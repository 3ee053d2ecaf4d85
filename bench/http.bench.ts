import 'reflect-metadata';

import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import autocannon from 'autocannon';
import { DataSource } from 'typeorm';

import { dataSourceOptions, runMigrations } from '@wc/database';
import {
  freePort,
  FULL_CONTENTS,
  Given,
  type GivenOrganisation,
  type GivenUser,
  monitoringTriageAnswers,
} from '@wc/testing';

import { benchDatabase } from './support/bench-database';
import { int, log, mb, memoryOf, redact, startNode, stopChild, waitFor } from './support/processes';

/**
 * `npm run bench:http`: throughput and latency of the read paths people open most, side by side
 * with a bare Node route that runs the same SQL through pg (the floor for this stack, see
 * bench/http-bare-server.ts), in one run on one machine. Then the API's resident memory.
 *
 * - the case list (`GET /cases`) and case detail (`GET /cases/:id`) as the HR manager, at
 *   BENCH_CONNECTIONS concurrent connections ("100,10": the load, then one below saturation);
 * - the council dashboard, the personal agenda and search as the council chair, and the union
 *   dashboard as a union officer, at BENCH_READ_CONNECTIONS (10).
 *
 * Data: BENCH_CASES (10,000) cases over BENCH_ORGS (10) employers; the HR manager and the chair
 * belong to the first, and see its BENCH_CASES / BENCH_ORGS cases (the HR manager drafts included).
 * The detail case is a real one, filed, triaged, sent and advanced over HTTP (tracks, deadlines,
 * audit); the others are copies of it. BENCH_UNION_ORGS (1,000) more employers with
 * BENCH_UNION_CASES (10,000) cases in all share everything with one union. Comments on the first
 * employer's cases fill the search index up to BENCH_SEARCH_ITEMS (100,000) items.
 *
 * Environment: BENCH_DATABASE_URL (else TEST_DATABASE_URL, DATABASE_URL, else an embedded
 * PostgreSQL), BENCH_SECONDS per run (20), BENCH_CONNECTIONS ("100,10"), BENCH_LOG_LEVEL for the API
 * (info, as in production), BENCH_KEEP_DB=1 to keep the database for profiling, BENCH_API_NODE_ARGS
 * for the measured API process (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
 */
const CASES = int('BENCH_CASES', 10_000);
const ORGS = int('BENCH_ORGS', 10);
const UNION_ORGS = int('BENCH_UNION_ORGS', 1_000);
const UNION_CASES = int('BENCH_UNION_CASES', 10_000);
const SEARCH_ITEMS = int('BENCH_SEARCH_ITEMS', 100_000);
const SECONDS = int('BENCH_SECONDS', 20);
/** The first is the load; later ones show latency below saturation. */
const CONNECTIONS = connectionsOf('BENCH_CONNECTIONS', '100,10');
const READ_CONNECTIONS = connectionsOf('BENCH_READ_CONNECTIONS', '10');
/** The word searched for: in one comment of fifty, as a topic a council would look up. */
const SEARCH_WORD = 'camerabewaking';

/** What each route must reach (issue #13): a share of the bare route's throughput, or a p99. */
interface Goal {
  throughputShare?: number;
  p99Ms?: number;
  /** The connection count the goal is stated for. */
  connections: number;
}

interface BenchRoute {
  name: string;
  /** The route as documented, ids left as parameters. */
  label: string;
  path: string;
  token: string;
  connections: number[];
  goal: Goal;
}
/** Statements the API runs in the background, not for the request being captured. */
const BACKGROUND = /LISTEN|NOTIFY|pg_try_advisory|pg_advisory|realtime_delivery|^SELECT 1$/i;

interface Run {
  route: string;
  goal: Goal;
  connections: number;
  target: 'overleg' | 'bare';
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

const loadBefore = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');

async function main(): Promise<void> {
  const db = await benchDatabase('http');
  const children: ChildProcess[] = [];
  const runs: Run[] = [];
  const memory = { before: 0, after: 0, peak: 0 };
  const statements: Record<string, Array<{ text: string }>> = {};
  try {
    log(`database ${redact(db.url)}; migrating`);
    await runMigrations(db.url);
    const ds = new DataSource(dataSourceOptions({ url: db.url, poolSize: 2 }));
    await ds.initialize();
    const given = new Given(ds);
    const org = await given.organisation('Bench Logistiek B.V.');
    const union = await given.union('Bench Vakbond');
    const jwtSecret = randomBytes(32).toString('hex');

    // 1. Real cases over HTTP, for the detail route and as templates.
    const seeder = await startApi(db.url, jwtSecret, children);
    const token = await login(seeder.url, org.hr);
    const detailId = await fileRealCases(seeder.url, token, org, 5);
    await stopChild(seeder.child);

    // 2. The rest in bulk, copied from a real case: ORGS employers, then the union's employers,
    //    then comments until the search index holds SEARCH_ITEMS items.
    await bulkCases(ds, org, detailId, CASES - 5);
    await sharedWithUnion(ds, union.organisationId, org.chair.id, detailId);
    await copyTracksAndTerms(ds, detailId);
    const searchItems = await fillSearchIndex(ds, org, SEARCH_ITEMS);
    log(`${searchItems} items in the search index`);
    const total = (
      await ds.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ai_case`)
    )[0].n;
    const visible = (
      await ds.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM ai_case WHERE organisation_id = $1`,
        [org.organisationId],
      )
    )[0].n;
    await ds.query('ANALYZE');
    await ds.destroy();
    log(`${total} cases in the database, ${visible} visible to the benchmark user`);

    const seedApi = await startApi(db.url, jwtSecret, children);
    const tokens = {
      hr: token,
      chair: await login(seedApi.url, org.chair),
      officer: await login(seedApi.url, union.officer),
    };
    await stopChild(seedApi.child);
    const routes: BenchRoute[] = [
      {
        name: 'list',
        label: 'GET /cases',
        path: '/cases',
        token: tokens.hr,
        connections: CONNECTIONS,
        goal: { throughputShare: 0.85, connections: CONNECTIONS[0] },
      },
      {
        name: 'detail',
        label: 'GET /cases/:id',
        path: `/cases/${detailId}`,
        token: tokens.hr,
        connections: CONNECTIONS,
        goal: { throughputShare: 0.8, connections: CONNECTIONS[0] },
      },
      {
        name: 'council dashboard',
        label: 'GET /works-councils/:id/dashboard',
        path: `/works-councils/${org.worksCouncilId}/dashboard`,
        token: tokens.chair,
        connections: READ_CONNECTIONS,
        goal: { p99Ms: 100, connections: READ_CONNECTIONS[0] },
      },
      {
        name: 'union dashboard',
        label: 'GET /unions/:id/dashboard',
        path: `/unions/${union.organisationId}/dashboard`,
        token: tokens.officer,
        connections: READ_CONNECTIONS,
        goal: { p99Ms: 100, connections: READ_CONNECTIONS[0] },
      },
      {
        name: 'agenda',
        label: 'GET /me/agenda',
        path: '/me/agenda',
        token: tokens.chair,
        connections: READ_CONNECTIONS,
        goal: { p99Ms: 100, connections: READ_CONNECTIONS[0] },
      },
      {
        name: 'search',
        label: `GET /search?q=${SEARCH_WORD}`,
        path: `/search?q=${SEARCH_WORD}`,
        token: tokens.chair,
        connections: READ_CONNECTIONS,
        goal: { p99Ms: 50, connections: READ_CONNECTIONS[0] },
      },
    ];

    // 3. Capture the SQL of one request per route from an API process, for the bare server.
    const captureFile = join(tmpdir(), `overleg-bench-capture-${process.pid}.jsonl`);
    writeFileSync(captureFile, '');
    const capturing = await startApi(db.url, jwtSecret, children, {
      BENCH_CAPTURE_FILE: captureFile,
    });
    for (const { name, path, token: bearer } of routes) {
      await get(capturing.url, path, bearer); // first request: warms metadata and pools
      const from = statSync(captureFile).size;
      await get(capturing.url, path, bearer);
      const lines = readFileSync(captureFile)
        .subarray(from)
        .toString('utf8')
        .trim()
        .split('\n')
        .filter(Boolean);
      statements[path] = lines
        .map((l) => JSON.parse(l) as { text: string; values: unknown[] })
        .filter((s) => !BACKGROUND.test(s.text));
      log(`${name}: ${statements[path].length} SQL statements per request`);
    }
    await stopChild(capturing.child);
    const statementsFile = join(tmpdir(), `overleg-bench-statements-${process.pid}.json`);
    writeFileSync(statementsFile, JSON.stringify(statements));

    // 4. The API and the bare server, side by side.
    const api = await startApi(db.url, jwtSecret, children);
    const barePort = await freePort();
    const bare = startNode('bench/http-bare-server.ts', {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: String(barePort),
      BARE_STATEMENTS: statementsFile,
    });
    children.push(bare);
    const bareUrl = `http://127.0.0.1:${barePort}`;
    await waitFor(`${bareUrl}/cases`, bare);
    memory.before = memoryOf(api.child.pid!, 'VmRSS');

    for (const route of routes) {
      for (const connections of route.connections) {
        // Short warm-up of both, then the measured runs, alternating.
        await load(api.url + route.path, route.token, 3, connections);
        await load(bareUrl + route.path, undefined, 3, connections);
        for (const target of ['overleg', 'bare'] as const) {
          const result = await load(
            (target === 'overleg' ? api.url : bareUrl) + route.path,
            target === 'overleg' ? route.token : undefined,
            SECONDS,
            connections,
          );
          const run: Run = {
            route: `${route.name} (${route.label})`,
            goal: route.goal,
            connections,
            target,
            ...result,
          };
          runs.push(run);
          log(
            `${run.route} ×${connections} ${target}: ${run.requestsPerSecond} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, non-2xx ${run.non2xx}, errors ${run.errors}`,
          );
        }
      }
      if (route.name === 'detail') {
        memory.after = memoryOf(api.child.pid!, 'VmRSS');
      }
    }
    memory.peak = memoryOf(api.child.pid!, 'VmHWM');
    await rm(captureFile, { force: true });
    await rm(statementsFile, { force: true });
  } finally {
    for (const child of children) {
      child.kill('SIGTERM');
    }
    if (process.env.BENCH_KEEP_DB === '1') {
      log(`kept ${redact(db.url)}`);
    } else {
      await db.drop();
    }
  }
  report(runs, memory, statements);
}

// ---------------------------------------------------------------------------------------------

async function fileRealCases(
  url: string,
  token: string,
  org: GivenOrganisation,
  count: number,
): Promise<string> {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) {
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    }
    return json;
  };
  const system = await call('POST', `/organisations/${org.organisationId}/ai-systems`, {
    name: 'WarehouseInsight',
    vendor: 'Acme AI',
    purpose: 'Route planning',
    primaryPurpose: 'control_monitor',
    monitoringCapability: true,
  });
  let first = '';
  for (let i = 0; i < count; i++) {
    const created = await call('POST', '/cases', {
      aiSystemId: system.id,
      worksCouncilId: org.worksCouncilId,
      title: `Introductie WarehouseInsight ${i}`,
      contents: FULL_CONTENTS,
    });
    const triaged = await call('PUT', `/cases/${String(created.id)}/triage`, {
      version: created.version,
      answers: monitoringTriageAnswers(),
    });
    let current = await call('POST', `/cases/${String(created.id)}/sending`, {
      version: triaged.version,
    });
    for (const kind of ['advice', 'consent']) {
      current = await call('POST', `/cases/${String(created.id)}/tracks/${kind}/transitions`, {
        version: current.version,
        action: { type: 'request_consultation', reasons: 'Bespreken' },
      });
    }
    await call('POST', `/cases/${String(created.id)}/information-requests`, {
      question: 'Welke data?',
    }).catch(() => undefined);
    first ||= String(created.id);
  }
  return first;
}

async function bulkCases(
  ds: DataSource,
  org: GivenOrganisation,
  templateId: string,
  count: number,
): Promise<void> {
  const orgs: Array<{
    organisationId: string;
    worksCouncilId: string;
    aiSystemId: string;
    createdBy: string;
  }> = [];
  const [{ ai_system_id: aiSystemId }] = await ds.query<Array<{ ai_system_id: string }>>(
    `SELECT ai_system_id FROM ai_case WHERE id = $1`,
    [templateId],
  );
  orgs.push({
    organisationId: org.organisationId,
    worksCouncilId: org.worksCouncilId,
    aiSystemId,
    createdBy: org.hr.id,
  });
  for (let i = 1; i < ORGS; i++) {
    const [{ id: organisationId }] = await ds.query<Array<{ id: string }>>(
      `INSERT INTO organisation (name, kind, headcount) VALUES ($1, 'employer', 500) RETURNING id`,
      [`Werkgever ${i}`],
    );
    const [{ id: worksCouncilId }] = await ds.query<Array<{ id: string }>>(
      `INSERT INTO works_council (organisation_id, name, kind) VALUES ($1, 'OR', 'or') RETURNING id`,
      [organisationId],
    );
    const [{ id: systemId }] = await ds.query<Array<{ id: string }>>(
      `INSERT INTO ai_system (organisation_id, name, vendor, purpose, primary_purpose, version) VALUES ($1, 'Planner', 'Acme', 'Roosters', 'automate_task', 1) RETURNING id`,
      [organisationId],
    );
    orgs.push({ organisationId, worksCouncilId, aiSystemId: systemId, createdBy: org.hr.id });
  }
  const perOrg = Math.ceil(count / ORGS);
  let remaining = count;
  for (const [i, o] of orgs.entries()) {
    const n = Math.min(remaining, i === 0 ? perOrg - 5 : perOrg);
    remaining -= n;
    await ds.query(
      `INSERT INTO ai_case (organisation_id, works_council_id, ai_system_id, title, status, stage, blocked, contents, triage, gate_facts, expert_ids, sent_at, created_by, version, created_at, updated_at)
       SELECT $1, $2, $3, c.title || ' #' || g, CASE WHEN g % 5 = 0 THEN 'draft' ELSE 'sent' END, c.stage, c.blocked, c.contents, c.triage, c.gate_facts, c.expert_ids, c.sent_at, $4, c.version,
              now() - g * interval '1 minute', now() - g * interval '1 minute'
         FROM ai_case c, generate_series(1, $5::int) g WHERE c.id = $6`,
      [o.organisationId, o.worksCouncilId, o.aiSystemId, o.createdBy, n, templateId],
    );
  }
}

/**
 * UNION_ORGS employers, each with a council and a system, UNION_CASES cases among them (copies of
 * the template), and a share of everything (no case id, scope status) with the union.
 */
async function sharedWithUnion(
  ds: DataSource,
  unionOrganisationId: string,
  grantedBy: string,
  templateId: string,
): Promise<void> {
  await ds.query(
    `WITH o AS (
       INSERT INTO organisation (name, kind, headcount)
       SELECT 'Gedeeld ' || g, 'employer', 300 FROM generate_series(1, $1::int) g RETURNING id
     ), w AS (
       INSERT INTO works_council (organisation_id, name, kind) SELECT id, 'OR', 'or' FROM o RETURNING id, organisation_id
     ), s AS (
       INSERT INTO ai_system (organisation_id, name, vendor, purpose, primary_purpose, version)
       SELECT id, 'Planner', 'Acme', 'Roosters', 'automate_task', 1 FROM o RETURNING id, organisation_id
     ), shares AS (
       INSERT INTO union_share (works_council_id, union_organisation_id, scope, granted_by, granted_at, version)
       SELECT w.id, $2, 'status', $3, now(), 1 FROM w
     )
     INSERT INTO ai_case (organisation_id, works_council_id, ai_system_id, title, status, stage, blocked, contents, triage, gate_facts, expert_ids, sent_at, created_by, version, created_at, updated_at)
     SELECT w.organisation_id, w.id, s.id, c.title || ' #' || g, 'sent', c.stage, c.blocked, c.contents, c.triage, c.gate_facts, c.expert_ids, c.sent_at, c.created_by, c.version,
            now() - g * interval '1 hour', now() - g * interval '1 hour'
       FROM w JOIN s USING (organisation_id), ai_case c, generate_series(1, $4::int) g
      WHERE c.id = $5`,
    [UNION_ORGS, unionOrganisationId, grantedBy, Math.ceil(UNION_CASES / UNION_ORGS), templateId],
  );
}

/**
 * The template's tracks and open terms on every copied case (the real ones have their own), so the dashboards and the agenda
 * work through as many tracks and terms per case as a real one has.
 */
async function copyTracksAndTerms(ds: DataSource, templateId: string): Promise<void> {
  await ds.query(
    `INSERT INTO case_track (case_id, kind, stage, snapshot, updated_at)
     SELECT c.id, t.kind, t.stage, t.snapshot, t.updated_at
       FROM ai_case c JOIN case_track t ON t.case_id = $1
      WHERE NOT EXISTS (SELECT 1 FROM case_track x WHERE x.case_id = c.id)`,
    [templateId],
  );
  await ds.query(
    `INSERT INTO deadline (case_id, organisation_id, works_council_id, track_kind, rule_id, source, statutory, fatal,
                           trigger_date, strict_date, extended_date, due_at, status, term_length,
                           stops_while_information_open, paused_days, clock_stopped_since, agreed_term_ends_on_non_working_day)
     SELECT c.id, c.organisation_id, c.works_council_id, d.track_kind, d.rule_id, d.source, d.statutory, d.fatal,
            d.trigger_date, d.strict_date, d.extended_date, d.due_at, d.status, d.term_length,
            d.stops_while_information_open, d.paused_days, d.clock_stopped_since, d.agreed_term_ends_on_non_working_day
       FROM ai_case c JOIN deadline d ON d.case_id = $1 AND d.status = 'open'
      WHERE NOT EXISTS (SELECT 1 FROM deadline x WHERE x.case_id = c.id)`,
    [templateId],
  );
}

/**
 * Comments on the first employer's sent cases until the search index holds `items` rows (the
 * index's triggers fill it); one in fifty is about SEARCH_WORD. Returns the index's size.
 */
async function fillSearchIndex(
  ds: DataSource,
  org: GivenOrganisation,
  items: number,
): Promise<number> {
  const count = async () =>
    (await ds.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM search_item`))[0].n;
  const missing = items - (await count());
  const [{ n: sent }] = await ds.query<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM ai_case WHERE organisation_id = $1 AND status = 'sent'`,
    [org.organisationId],
  );
  if (missing > 0 && sent > 0) {
    await ds.query(
      `INSERT INTO comment (case_id, thread_key, visibility, author_id, body, created_at, version)
       SELECT c.id, 'general', 'case', $2,
              CASE WHEN g % 50 = 0 THEN 'Vraag over ${SEARCH_WORD} in het magazijn ' || g
                   ELSE 'Opmerking ' || g || ' over de planning van de routes en de roosters' END,
              now() - g * interval '1 second', 1
         FROM generate_series(1, $3::int) g
         JOIN LATERAL (SELECT id FROM ai_case WHERE organisation_id = $1 AND status = 'sent'
                        ORDER BY id OFFSET g % $4 LIMIT 1) c ON true`,
      [org.organisationId, org.member.id, missing, sent],
    );
  }
  return count();
}

async function load(
  url: string,
  token: string | undefined,
  seconds: number,
  connections: number,
): Promise<Omit<Run, 'route' | 'goal' | 'target' | 'connections'>> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    // A slow route is measured, not cut off at autocannon's default of 10 s.
    timeout: 60,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function report(
  runs: Run[],
  memory: { before: number; after: number; peak: number },
  statements: Record<string, Array<{ text: string }>>,
): void {
  const lines = [
    '# HTTP benchmark',
    '',
    `${new Date().toISOString()}; ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${CASES} cases over ${ORGS} employers (the user sees ${Math.round(CASES / ORGS)}), ${UNION_CASES} more over ${UNION_ORGS} employers sharing with the union, ${SEARCH_ITEMS} search items; ${CONNECTIONS.join(' and ')} connections (dashboards, agenda, search: ${READ_CONNECTIONS.join(' and ')}), ${SECONDS} s per run; load average before ${loadBefore}, after ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; API NODE_ENV=production, LOG_LEVEL=${process.env.BENCH_LOG_LEVEL ?? 'info'}.`,
    'Bare: a Node http server replaying, through pg, the SQL statements the API ran for the same request (captured), one pooled connection per request, pool of 10 as the API. API, PostgreSQL and autocannon share the machine.',
    '',
    '| route | connections | target | req/s | p50 ms | p99 ms | non-2xx | errors |',
    '|---|---|---|---|---|---|---|---|',
    ...runs.map(
      (r) =>
        `| ${r.route} | ${r.connections} | ${r.target} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`,
    ),
    '',
  ];
  for (const route of new Set(runs.map((r) => r.route))) {
    const { goal } = runs.find((r) => r.route === route)!;
    const at = (target: Run['target']) =>
      runs.find(
        (r) => r.route === route && r.target === target && r.connections === goal.connections,
      );
    const overleg = at('overleg');
    const bare = at('bare');
    if (overleg && bare) {
      const share = overleg.requestsPerSecond / bare.requestsPerSecond;
      // A run that answered nothing, or failed or timed out on some requests, meets no goal.
      const answered = overleg.requestsPerSecond > 0 && overleg.errors + overleg.non2xx === 0;
      const met =
        answered &&
        (goal.throughputShare === undefined || share >= goal.throughputShare) &&
        (goal.p99Ms === undefined || overleg.p99 < goal.p99Ms);
      const wanted = [
        goal.throughputShare === undefined ? '' : `≥ ${goal.throughputShare * 100}% of bare`,
        goal.p99Ms === undefined ? '' : `p99 < ${goal.p99Ms} ms`,
      ]
        .filter(Boolean)
        .join(', ');
      lines.push(
        `- **${route}, ${goal.connections} connections**: ${bare.requestsPerSecond > 0 ? Math.round(share * 100) : '–'}% of the bare route's throughput (${overleg.requestsPerSecond} vs ${bare.requestsPerSecond} req/s), p99 ${overleg.p99} ms (bare ${bare.p99} ms) — goal (${wanted}) **${met ? 'met' : 'NOT met'}**.`,
      );
    }
  }
  lines.push(
    '',
    `API resident memory: ${mb(memory.before)} MB before the load, ${mb(memory.after)} MB after it (peak ${mb(memory.peak)} MB).`,
    '',
  );
  lines.push('SQL per request (captured):', '');
  for (const [path, list] of Object.entries(statements)) {
    lines.push(
      `- \`${path.replace(/[0-9a-f-]{36}/g, ':id')}\`: ${list.length} statements`,
      ...list.map(
        (s) =>
          `  - \`${s.text.replace(/\s+/g, ' ').slice(0, 160)}${s.text.length > 160 ? '…' : ''}\``,
      ),
    );
  }
  const text = `${lines.join('\n')}\n`;
  writeFileSync(join(__dirname, 'http-results.md'), text);
  console.log(`\n${text}`);
}

// ---------------------------------------------------------------------------------------------
// Plumbing

async function startApi(
  databaseUrl: string,
  jwtSecret: string,
  children: ChildProcess[],
  extra: NodeJS.ProcessEnv = {},
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: jwtSecret,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    ACCESS_TOKEN_TTL_SECONDS: '7200',
    ...extra,
  };
  delete env.REDIS_URL;
  // BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the measured API.
  const nodeArgs = extra.BENCH_CAPTURE_FILE
    ? ['-r', './bench/http-capture.preload.ts']
    : (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = startNode('apps/api/src/main.ts', env, nodeArgs);
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/health/ready`, child);
  return { url, child };
}

async function login(url: string, user: GivenUser): Promise<string> {
  const res = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  if (!res.ok) {
    throw new Error(`login failed: ${res.status} ${await res.text()}`);
  }
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function get(url: string, path: string, token: string): Promise<void> {
  const res = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) {
    throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  }
  await res.arrayBuffer();
}

function connectionsOf(name: string, fallback: string): number[] {
  return (process.env[name] ?? fallback)
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
