import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { DEFAULT_APP_PASSWORD, DEFAULT_APP_USER, withCredentials } from '@wc/database';
import { adminQuery, TEST_SERVER_ENV, withDatabase } from '@wc/testing';

const REPO = join(__dirname, '..', '..');

export interface EmptyDatabase {
  ownerUrl: string;
  appUrl: string;
  /** The environment the operator's commands run with against this database. */
  env: NodeJS.ProcessEnv;
  drop: () => Promise<void>;
}

/** A new, empty database on the test server: no schema, no template. */
export async function emptyDatabase(env: NodeJS.ProcessEnv = {}): Promise<EmptyDatabase> {
  const server = process.env[TEST_SERVER_ENV];
  if (!server) {
    throw new Error('The Jest global setup did not run: no test database server');
  }
  const name = `wc_empty_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(server, `CREATE DATABASE "${name}"`);
  const ownerUrl = withDatabase(server, name);
  const appUrl = withCredentials(ownerUrl, DEFAULT_APP_USER, DEFAULT_APP_PASSWORD);
  return {
    ownerUrl,
    appUrl,
    env: { DATABASE_URL: appUrl, MIGRATION_DATABASE_URL: ownerUrl, ...env },
    drop: () => adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** Runs one of the operator's scripts (`scripts/<name>.ts`) as a child process, as `npm run` would. */
export function runScript(
  script: 'admin' | 'migrate',
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  const full: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' };
  delete full.DATABASE_URL;
  delete full.MIGRATION_DATABASE_URL;
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', `scripts/${script}.ts`, ...args],
    { cwd: REPO, env: { ...full, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => (clearTimeout(killer), resolve({ code, output }))),
  );
}

/** Like runScript, but a failing command fails the test with its output. */
export async function admin(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { code, output } = await runScript('admin', args, env);
  if (code !== 0) {
    throw new Error(`npm run admin -- ${args.join(' ')} exited with ${code}:\n${output}`);
  }
  return output;
}

/** The invitation token in a link (`…/invitations/accept#token=…`), in an e-mail or printed. */
export function invitationToken(text: string): string | undefined {
  return /\/invitations\/accept#token=([A-Za-z0-9_-]+)/.exec(text.replace(/=\r?\n/g, ''))?.[1];
}
