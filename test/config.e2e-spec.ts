import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
/** Generous for a slow CI machine; a healthy fail-fast exit takes about a second. */
const KILL_AFTER_MS = 20_000;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  killedByUs: boolean;
  output: string;
}

/** Runs the API entry point the way an operator would, with exactly the given environment. */
function runApi(env: Record<string, string>): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
      {
        cwd: ROOT,
        // No inherited DATABASE_URL, JWT_SECRET etc.: only what the test names.
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? ROOT, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let killedByUs = false;
    const timer = setTimeout(() => {
      killedByUs = true;
      child.kill('SIGKILL');
    }, KILL_AFTER_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, killedByUs, output });
    });
  });
}

describe('configuration fail-fast (e2e)', () => {
  it('refuses to start on a bad environment and lists every problem in one message', async () => {
    const exit = await runApi({ NODE_ENV: 'production', PORT: 'abc', REDIS_URL: 'nope' });

    expect({ killedByUs: exit.killedByUs, code: exit.code, signal: exit.signal }).toEqual({
      killedByUs: false,
      code: 1,
      signal: null,
    });
    const message = exit.output;
    expect(message).toContain('Invalid configuration');
    expect(message).toContain('PORT must be a whole number between 0 and 65535, got "abc"');
    expect(message).toContain('JWT_SECRET is required in production');
    expect(message).toContain('REDIS_URL is not a valid URL');
    // One message: the three problems are listed together, in the order they are checked.
    expect(message).toMatch(
      /Invalid configuration:\n\s+- PORT[^\n]*\n\s+- JWT_SECRET[^\n]*\n\s+- REDIS_URL[^\n]*/,
    );
    // An operator's mistake, not a crash: no stack trace.
    expect(message).not.toMatch(/^\s+at /m);
  });

  it('refuses to start in production with the development secret published in the source', async () => {
    const exit = await runApi({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://overleg.test',
      JWT_SECRET: 'overleg-development-secret-not-for-production-use',
    });
    expect({ killedByUs: exit.killedByUs, code: exit.code }).toEqual({
      killedByUs: false,
      code: 1,
    });
    expect(exit.output).toContain('JWT_SECRET is a published value from the source code');
  });

  it('also fails fast on a single bad variable outside production', async () => {
    const exit = await runApi({ NODE_ENV: 'development', JWT_SECRET: 'too-short' });
    expect({ killedByUs: exit.killedByUs, code: exit.code }).toEqual({
      killedByUs: false,
      code: 1,
    });
    expect(exit.output).toContain('JWT_SECRET must be at least 32 characters');
    expect(exit.output).not.toContain('PORT');
  });
});
