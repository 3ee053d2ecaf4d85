import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startEmbeddedPostgres } from '@wc/database';
import { createTestDatabase, freePort } from '@wc/testing';

const REPO = join(__dirname, '..');

/** Runs a real entry point until it exits; its whole output, exit code and run time. */
function run(
  entry: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const full: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' };
  delete full.DATABASE_URL;
  delete full.REDIS_URL;
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', entry],
    { cwd: REPO, env: { ...full, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

function occupy(port: number): Promise<Server> {
  const server = createServer();
  return new Promise((resolve) => server.listen(port, '0.0.0.0', () => resolve(server)));
}

/** The message is the output's last line, one sentence, and nothing else of it looks like a stack. */
function lastLine(output: string): string {
  return output.trim().split('\n').at(-1) ?? '';
}

describe('start-up errors: one sentence with the fix, exit 1 (e2e)', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'overleg-start-errors-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('HTTP port taken', async () => {
    const port = await freePort();
    const server = await occupy(port);
    try {
      const result = await run('scripts/start.ts', {
        PORT: String(port),
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await freePort()),
      });
      expect(result.code).toBe(1);
      expect(result.output.trim()).toBe(
        `Port ${port} is already in use by another program (another Overleg?). Stop it, or set PORT to a free port.`,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('embedded PostgreSQL port taken', async () => {
    const pgPort = await freePort();
    const server = await occupy(pgPort);
    try {
      const result = await run('scripts/start.ts', {
        PORT: String(await freePort()),
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(pgPort),
      });
      expect(result.code).toBe(1);
      expect(lastLine(result.output)).toBe(
        `The embedded PostgreSQL cannot listen on port ${pgPort}: another program uses it. Stop that program or set EMBEDDED_PG_PORT to a free port.`,
      );
      expect(result.output).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('data directory in use by another Overleg', async () => {
    const other = await startEmbeddedPostgres(join(dataDir, 'postgres'), await freePort(), {
      durable: false,
    });
    try {
      const result = await run('scripts/start.ts', {
        PORT: String(await freePort()),
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await freePort()),
      });
      expect(result.code).toBe(1);
      expect(lastLine(result.output)).toMatch(
        /^The data directory \S+ is in use by another PostgreSQL \(another Overleg started with the same DATA_DIR\?\)\. Stop that one, or set DATA_DIR to another directory\.$/,
      );
      expect(result.output).not.toMatch(/\n\s+at /);
    } finally {
      await other.stop();
    }
  });

  it('data directory read-only', async () => {
    // Root writes through permission bits, so as root the folder is mounted read-only (EROFS).
    const isRoot = process.getuid?.() === 0;
    const makeReadOnly = isRoot
      ? ['mount', '--bind', '-o', 'ro', dataDir, dataDir]
      : ['chmod', '0555', dataDir];
    expect(spawnSync(makeReadOnly[0], makeReadOnly.slice(1)).status).toBe(0);
    try {
      const result = await run('scripts/start.ts', {
        PORT: String(await freePort()),
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await freePort()),
      });
      expect(result.code).toBe(1);
      expect(result.output.trim()).toBe(
        `The data directory ${dataDir} is read-only (${isRoot ? 'EROFS' : 'EACCES'}). Make it writable, or set DATA_DIR to a writable directory.`,
      );
    } finally {
      const undo = isRoot ? ['umount', dataDir] : ['chmod', '0700', dataDir];
      spawnSync(undo[0], undo.slice(1));
    }
  });

  it('Redis unreachable at boot: the API says so within 15 s (3 s of waiting, the rest is compiling and starting the process)', async () => {
    const database = await createTestDatabase();
    try {
      const redisPort = await freePort(); // nobody listens there
      const result = await run('apps/api/src/main.ts', {
        PORT: String(await freePort()),
        DATABASE_URL: database.url,
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      });
      expect(result.code).toBe(1);
      expect(lastLine(result.output)).toBe(
        `Redis at 127.0.0.1:${redisPort} did not answer within 3 s. Start it, or unset REDIS_URL to run a single instance without it.`,
      );
      expect(result.output).not.toMatch(/\n\s+at /);
      expect(result.ms).toBeLessThan(15_000);
    } finally {
      await database.drop();
    }
  });
});
