import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { ConfigError } from '@wc/config';
import { StartupError } from '@wc/core';

/**
 * Start-up failures an operator fixes, each in one sentence with the fix (printed instead of a
 * stack trace, then exit 1). Anything else is a bug and keeps its stack.
 */
export function startupMessage(error: unknown): string | undefined {
  return error instanceof StartupError || error instanceof ConfigError ? error.message : undefined;
}

function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** Fails before anything starts when DATA_DIR cannot be written (read-only mount, permissions). */
export async function assertWritableDataDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const probe = join(dir, `.write-test-${process.pid}`);
    await writeFile(probe, '');
    await unlink(probe);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
      throw new StartupError(
        `The data directory ${dir} is read-only (${code}). Make it writable, or set DATA_DIR to a writable directory.`,
      );
    }
    throw error;
  }
}

/** The HTTP listener's errors, in words. */
export function explainListenError(error: unknown, port: number): unknown {
  switch (errnoCode(error)) {
    case 'EADDRINUSE':
      return new StartupError(
        `Port ${port} is already in use by another program (another Overleg?). Stop it, or set PORT to a free port.`,
      );
    case 'EACCES':
      return new StartupError(
        `Port ${port} may only be opened by a privileged user. Set PORT to 1024 or above.`,
      );
    default:
      return error;
  }
}

/**
 * Fails in a second, before PostgreSQL, migrations and the web build, when the HTTP port is taken.
 * (The listener itself is checked again by explainListenError: another program may take it meanwhile.)
 */
export async function assertPortFree(port: number, host = '0.0.0.0'): Promise<void> {
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(port, host, resolve);
    });
  } catch (error) {
    throw explainListenError(error, port);
  }
  await new Promise((resolve) => probe.close(resolve));
}
