import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import { freePort } from '@wc/testing';

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

  function start(): { child: ChildProcess; output: () => string } {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), NODE_ENV: 'development', LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'scripts/start.ts'], { cwd: join(__dirname, '..'), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return { child, output: () => output };
  }

  async function waitReady({ child, output }: { child: ChildProcess; output: () => string }): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && child.exitCode === null) {
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false);
      if (ready && output().includes('Overleg is running')) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`not ready in time:\n${output()}`);
  }

  async function stop(child: ChildProcess): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    return exited;
  }

  async function loginAsHr(): Promise<{ organisationId: string; bearer: string }> {
    const login = await fetch(`http://127.0.0.1:${port}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'hr@demo-logistiek.nl', password: 'overleg-demo-2026' }) });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const me = (await (await fetch(`http://127.0.0.1:${port}/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as { organisationId: string };
    return { organisationId: me.organisationId, bearer: `Bearer ${accessToken}` };
  }

  it('starts, seeds the demo once, prints the logins, and keeps the data across restarts', async () => {
    const first = start();
    await waitReady(first);
    expect(first.output()).toContain(`http://localhost:${port}`);
    expect(first.output()).toContain('hr@demo-logistiek.nl');
    // Migrated as the cluster's owner; the API and the worker connect as the runtime role.
    const owner = new Client({ connectionString: `postgres://overleg:overleg@127.0.0.1:${pgPort}/overleg` });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ usename: string }>(`SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'overleg' AND application_name LIKE 'overleg%'`);
      expect(rows).toEqual([{ usename: 'overleg_app' }]);
    } finally {
      await owner.end();
    }
    const { organisationId, bearer } = await loginAsHr();
    const system = await fetch(`http://127.0.0.1:${port}/organisations/${organisationId}/ai-systems`, {
      method: 'POST',
      headers: { authorization: bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Persisted system', vendor: 'Acme', purpose: 'Check persistence', primaryPurpose: 'support' }),
    });
    expect(system.status).toBe(201);
    expect(await stop(first.child)).toBe(0);

    const second = start();
    await waitReady(second);
    expect(second.output()).not.toContain('created');
    const again = await loginAsHr();
    expect(again.organisationId).toBe(organisationId);
    const systems = (await (await fetch(`http://127.0.0.1:${port}/organisations/${organisationId}/ai-systems`, { headers: { authorization: again.bearer } })).json()) as Array<{ name: string }>;
    expect(systems.map((s) => s.name)).toEqual(['Persisted system']);
    expect(await stop(second.child)).toBe(0);
  }, 300_000);
});
