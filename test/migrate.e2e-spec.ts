import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { ALL_MIGRATIONS } from '@wc/migrations';
import { adminQuery, TEST_SERVER_ENV, withDatabase } from '@wc/testing';

const REPO = join(__dirname, '..');

/** `scripts/migrate.ts` as its own process (the compose `migrate` service), until it exits. */
function migrate(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const full: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    ...env,
  };
  delete full.MIGRATION_DATABASE_URL;
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'scripts/migrate.ts'],
    { cwd: REPO, env: full, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => (clearTimeout(killer), resolve({ code, output }))),
  );
}

describe('two migrate processes started at once (e2e)', () => {
  it('both exit 0 on a fresh database: one applies every migration, the other waits and finds the schema current', async () => {
    const serverUrl = process.env[TEST_SERVER_ENV]!;
    const name = `wc_migrators_${randomBytes(4).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    try {
      const env = { DATABASE_URL: withDatabase(serverUrl, name) };
      const results = await Promise.all([migrate(env), migrate(env)]);
      expect(results.map((r) => r.code)).toEqual([0, 0]);
      const outputs = results.map((r) => r.output.trim()).sort();
      expect(outputs[0]).toBe(`Applied: ${ALL_MIGRATIONS.map((m) => m.name).join(', ')}`);
      expect(outputs[1]).toBe('Schema up to date');
    } finally {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});
