import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root: benchmarks start the real entry points from there. */
export const ROOT = join(__dirname, '..', '..');

export const log = (message: string) => console.log(`[bench] ${message}`);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const redact = (url: string) => url.replace(/\/\/[^@]*@/, '//***@');
export const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** A positive integer from the environment, or the fallback. */
export function int(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * A TypeScript entry point in its own Node process, compiled on the fly as `npm start` does; its
 * stderr's tail is logged if it exits with an error, so a failed start says why.
 */
export function startNode(
  script: string,
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): ChildProcess {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', ...nodeArgs, script],
    { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.on('exit', (code) => {
    if (code && code !== 0) {
      log(`${script} exited with ${code}:\n${stderr}`);
    }
  });
  return child;
}

/** Waits until `url` answers 2xx, for a minute at most, or until the child exits. */
export async function waitFor(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const up = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (up) {
      return;
    }
    await sleep(200);
  }
  throw new Error(`${url} did not come up`);
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Resident memory of a process in bytes, now (`VmRSS`) or at its peak (`VmHWM`). */
export function memoryOf(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // no /proc on this system
  }
}
