import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { adminQuery, freePort, TEST_SERVER_ENV, withDatabase } from '@wc/testing';

const REPO = join(__dirname, '..');
const NOBODY = 65534;

/**
 * What the Dockerfile does, without Docker: into a temporary directory laid out like the image
 * (package.json, package-lock.json, tsconfig.runtime.json), `npm ci --omit=dev` installs the
 * production dependencies only; the build compiles with tsconfig.build.json into its dist/; then
 * migrate, the API, the worker and a backup run from the compiled JavaScript alone (no SWC, no
 * TypeScript, no dev dependency), as an unprivileged user when the test runs as root.
 */
describe('production build (e2e)', () => {
  let dir: string;
  let database: string;
  const children: ChildProcess[] = [];

  afterAll(async () => {
    for (const child of children) {
      child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
    await adminQuery(
      process.env[TEST_SERVER_ENV]!,
      `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`,
    );
  });

  it('installs production dependencies only, compiles, migrates, serves /health/ready and backs up from dist/ as a non-root user', async () => {
    dir = await mkdtemp(join(tmpdir(), 'overleg-dist-'));
    await chmod(dir, 0o755); // our own folder: the unprivileged user must read the build
    for (const file of ['package.json', 'package-lock.json', 'tsconfig.runtime.json']) {
      await copyFile(join(REPO, file), join(dir, file));
    }
    // The only place this project runs `npm ci`: a throw-away copy (the npm cache makes it quick).
    const ci = spawnSync(
      'npm',
      ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
      { cwd: dir, encoding: 'utf8', timeout: 300_000 },
    );
    expect({ status: ci.status, stderr: ci.status === 0 ? '' : ci.stderr }).toEqual({
      status: 0,
      stderr: '',
    });
    for (const devOnly of [
      'typescript',
      '@swc/core',
      '@swc-node/register',
      'jest',
      'vite',
      'pino-pretty',
      's3rver',
    ]) {
      expect({ devOnly, installed: existsSync(join(dir, 'node_modules', devOnly)) }).toEqual({
        devOnly,
        installed: false,
      });
    }
    expect(existsSync(join(dir, 'node_modules', 'pg'))).toBe(true);

    const tsc = spawnSync(
      process.execPath,
      [
        join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'),
        '-p',
        join(REPO, 'tsconfig.build.json'),
        '--outDir',
        join(dir, 'dist'),
      ],
      { encoding: 'utf8' },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');

    const serverUrl = process.env[TEST_SERVER_ENV]!;
    database = `wc_dist_${process.pid}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${database}"`);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      PUBLIC_URL: 'https://overleg.test',
      DATABASE_URL: withDatabase(serverUrl, database),
      PORT: String(port),
      DATA_DIR: join(dir, 'data'),
      LOG_LEVEL: 'warn',
      TS_NODE_PROJECT: 'tsconfig.runtime.json',
    };
    const asUser = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
    const node = (entry: string) =>
      spawn(process.execPath, ['-r', 'tsconfig-paths/register', entry], {
        cwd: dir,
        env,
        ...asUser,
        stdio: ['ignore', 'pipe', 'pipe'],
      });

    const migrate = node('dist/scripts/migrate.js');
    let migrateOutput = '';
    migrate.stdout?.on('data', (chunk: Buffer) => (migrateOutput += chunk.toString()));
    migrate.stderr?.on('data', (chunk: Buffer) => (migrateOutput += chunk.toString()));
    expect(await new Promise((resolve) => migrate.once('exit', resolve))).toBe(0);
    expect(migrateOutput).toMatch(/^Applied: /);

    const api = node('dist/apps/api/src/main.js');
    const worker = node('dist/apps/worker/src/main.js');
    children.push(api, worker);
    let output = '';
    for (const child of [api, worker]) {
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    }
    const deadline = Date.now() + 60_000;
    let status = 0;
    while (Date.now() < deadline && api.exitCode === null && status !== 200) {
      status = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (r) => r.status,
        () => 0,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect({ status, output }).toEqual({ status: 200, output: '' });
    expect(worker.exitCode).toBeNull();

    // The operator's backup runs from the image too (production dependencies: pg, tar).
    await mkdir(join(dir, 'backups'), { mode: 0o777 });
    await chmod(join(dir, 'backups'), 0o777);
    const backupRun = spawnSync(
      process.execPath,
      [
        '-r',
        'tsconfig-paths/register',
        'dist/scripts/backup.js',
        join(dir, 'backups', 'image.tar'),
      ],
      { cwd: dir, env, ...asUser, encoding: 'utf8', timeout: 60_000 },
    );
    expect({ status: backupRun.status, stderr: backupRun.stderr }).toEqual({
      status: 0,
      stderr: '',
    });
    expect(backupRun.stdout).toMatch(/^Backed up .+ → .+image\.tar\n$/);
  }, 480_000);
});
