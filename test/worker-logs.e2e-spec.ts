import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { Client } from 'pg';

import { createTestDatabase } from '@wc/testing';

const REPO = join(__dirname, '..');

/** Whether the worker's job queue (pg-boss) is connected to the database: it is started. */
async function queueConnected(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'overleg-jobs'`,
    );
    return rows[0].n > 0;
  } finally {
    await client.end();
  }
}

/** Starts the real worker entry, waits until its job queue is up (and `until` is printed), then stops it with SIGTERM. */
async function runWorker(
  env: NodeJS.ProcessEnv & { DATABASE_URL: string },
  until = /^/,
): Promise<{ exit: number | string | null; lines: string[] }> {
  const full: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', ...env };
  delete full.REDIS_URL;
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'],
    { cwd: REPO, env: full, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Nest closes the app on the signal, then re-raises it: the process ends by SIGTERM.
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const deadline = Date.now() + 60_000;
  while (
    child.exitCode === null &&
    Date.now() < deadline &&
    !(until.test(output) && (await queueConnected(env.DATABASE_URL)))
  ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  const exit = await exited;
  return { exit, lines: output.trim().split('\n').filter(Boolean) };
}

describe('worker logs (e2e)', () => {
  it('writes JSON lines through pino at LOG_LEVEL, and stops cleanly on SIGTERM', async () => {
    const database = await createTestDatabase();
    try {
      const info = await runWorker(
        { DATABASE_URL: database.url, LOG_LEVEL: 'info' },
        /"msg":"worker started"/,
      );
      expect(info.exit).toBe('SIGTERM');
      const parsed = info.lines.map(
        (line) => JSON.parse(line) as { level: number; msg: string; context?: string },
      );
      expect(parsed).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ level: 30, context: 'InstanceLoader' }),
          expect.objectContaining({ level: 30, context: 'Worker', msg: 'worker started' }),
        ]),
      );
      expect(parsed.filter((entry) => entry.level >= 50)).toEqual([]);

      // Started up fully (the queue is connected), yet at warn nothing is written.
      const warn = await runWorker({ DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
      expect(warn.exit).toBe('SIGTERM');
      expect(warn.lines).toEqual([]);
    } finally {
      await database.drop();
    }
  });
});
