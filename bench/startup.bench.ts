import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { freePort } from '@wc/testing';

/**
 * `npm run bench:startup`: wall time of a cold `npm start` to ready (GET /health/ready answers 200
 * and the logins are printed) on the embedded PostgreSQL, with a fresh data directory (first run:
 * initdb, migrations, demo seed) and again on the same directory (second run: data kept).
 * BENCH_RUNS (3) pairs; the median and the spread are printed. DATABASE_URL is ignored on purpose.
 */
const ROOT = join(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Timing {
  total: number;
  /** Milliseconds from spawn to each milestone line of the start script, when it printed one. */
  milestones: Record<string, number>;
}

const MILESTONES: Array<[string, RegExp]> = [
  ['postgres starting', /Starting embedded PostgreSQL/],
  ['migrated', /Applied migrations/],
  ['web built', /Built the web app/],
  ['ready', /Overleg is running/],
];

async function main(): Promise<void> {
  const first: Timing[] = [];
  const second: Timing[] = [];
  const webBuilt = existsSync(join(ROOT, 'apps/web/dist'));
  for (let run = 0; run < RUNS; run++) {
    const dataDir = await mkdtemp(join(tmpdir(), 'overleg-bench-start-'));
    try {
      const port = await freePort();
      const pgPort = await freePort();
      first.push(await startOnce(dataDir, port, pgPort));
      second.push(await startOnce(dataDir, port, pgPort));
      log(`run ${run + 1}: first ${ms(first.at(-1)!.total)}, second ${ms(second.at(-1)!.total)}`);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  const lines = [
    '# Start-up benchmark',
    '',
    `${new Date().toISOString()}; ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${RUNS} runs; \`npm start\` with no DATABASE_URL (embedded PostgreSQL), NODE_ENV=development, LOG_LEVEL=warn; web app build ${webBuilt ? 'already present' : 'not present before the first run'}.`,
    '',
    '| run | median | min | max | milestones (median, from spawn) |',
    '|---|---|---|---|---|',
    row('first (fresh data directory: initdb, migrations, demo seed)', first),
    row('second (same data directory)', second),
    '',
  ];
  const text = `${lines.join('\n')}\n`;
  writeFileSync(join(__dirname, 'startup-results.md'), text);
  console.log(`\n${text}`);
}

async function startOnce(dataDir: string, port: number, pgPort: number): Promise<Timing> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const milestones: Record<string, number> = {};
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const [name, pattern] of MILESTONES) {
      if (milestones[name] === undefined && pattern.test(output)) {
        milestones[name] = performance.now() - started;
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  try {
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
      }
      if (Date.now() > deadline) {
        throw new Error(`npm start was not ready in time:\n${output}`);
      }
      const ready =
        milestones.ready !== undefined &&
        (await fetch(`http://127.0.0.1:${port}/health/ready`).then(
          (r) => r.ok,
          () => false,
        ));
      if (ready) {
        return { total: performance.now() - started, milestones };
      }
      await sleep(20);
    }
  } finally {
    await stop(child);
  }
}

/** SIGTERM to the whole process group (npm, its shell, node, postgres) and wait for npm to exit. */
function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    process.kill(-child.pid!, 'SIGTERM');
  });
}

function row(name: string, timings: Timing[]): string {
  const totals = timings.map((t) => t.total).sort((a, b) => a - b);
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const milestones = MILESTONES.map(([m]) => m)
    .filter((m) => timings.some((t) => t.milestones[m] !== undefined))
    .map(
      (m) =>
        `${m} ${ms(median(timings.flatMap((t) => (t.milestones[m] === undefined ? [] : [t.milestones[m]]))))}`,
    )
    .join(', ');
  return `| ${name} | ${ms(median(totals))} | ${ms(totals[0])} | ${ms(totals.at(-1)!)} | ${milestones} |`;
}

const ms = (value: number) => `${(value / 1000).toFixed(2)} s`;
const sleep = (msec: number) => new Promise((resolve) => setTimeout(resolve, msec));
const log = (message: string) => console.log(`[bench] ${message}`);

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
