import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import {
  chmod,
  chown,
  cp,
  lstat,
  mkdir,
  readlink,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

import { type ClusterBinaries, EmbeddedPostgresError, type RunAs } from './embedded-cluster';

/** Where root keeps what the `postgres` user must reach (FHS: regenerable copies vs. state). */
export const ROOT_PLACES = {
  binaries: '/var/cache/overleg/embedded-postgres',
  clusters: '/var/lib/overleg/clusters',
};

export interface Placement {
  /** Set as root: the `postgres` system user. */
  runAs?: RunAs;
  binaries: ClusterBinaries;
  /** The directory PostgreSQL is given: `dir`, or where `dir` links to. */
  dataDir: string;
  /** What was done, one sentence each, for the start-up output. */
  notes: string[];
}

/**
 * PostgreSQL refuses to run as root, so as root the embedded server runs as the `postgres` system
 * user (created when missing). That user must be able to run the binaries and enter the cluster
 * directory. Where it cannot (a clone in root's home, a `mktemp -d` folder: mode 0700), this
 * changes no permission of those folders; it places what is needed where the user can reach it:
 * a copy of the binaries under /var/cache/overleg, and the cluster under /var/lib/overleg with a
 * symbolic link at `dir`. Only the data directory's own parent (Overleg's DATA_DIR) gets search
 * permission, as before.
 */
export async function placeForPostgresUser(
  dir: string,
  binaries: ClusterBinaries,
): Promise<Placement> {
  const notes: string[] = [];
  const runAs = ensurePostgresUser(notes);
  const parent = dirname(resolve(dir));
  await mkdir(parent, { recursive: true });
  const mode = (await stat(parent)).mode;
  if ((mode & 0o001) === 0) {
    await chmod(parent, mode | 0o001);
  }

  let placedBinaries = binaries;
  if (!canSearch(binaries.initdb, runAs)) {
    placedBinaries = await copyBinaries(binaries);
    notes.push(
      `The postgres user cannot enter ${firstBlocked(binaries.nativeDir, runAs)}, so the PostgreSQL binaries run from a copy in ${dirname(dirname(placedBinaries.postgres))}.`,
    );
  }

  let dataDir = resolve(dir);
  const link = await lstat(dataDir).catch(() => undefined);
  if (link?.isSymbolicLink()) {
    dataDir = resolve(parent, await readlink(dataDir));
    notes.push(`The database cluster is in ${dataDir} (linked from ${dir}).`);
  } else if (!canSearch(parent, runAs)) {
    if (link && existsSync(join(dataDir, 'PG_VERSION'))) {
      throw new EmbeddedPostgresError(
        `The postgres user cannot enter ${firstBlocked(parent, runAs)}, where the cluster ${dataDir} is. Give it search permission (chmod o+x) or move DATA_DIR.`,
      );
    }
    const blocked = firstBlocked(parent, runAs);
    dataDir = join(
      ROOT_PLACES.clusters,
      createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16),
    );
    await mkdir(ROOT_PLACES.clusters, { recursive: true, mode: 0o755 });
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    if (link) {
      await rm(resolve(dir), { recursive: true }); // an empty leftover (only PG_VERSION marks a cluster)
    }
    await symlink(dataDir, resolve(dir));
    notes.push(
      `The postgres user cannot enter ${blocked}, so the database cluster is in ${dataDir} (linked from ${dir}).`,
    );
  } else {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
  }
  await chown(dataDir, runAs.uid, runAs.gid);
  return { runAs, binaries: placedBinaries, dataDir, notes };
}

function ensurePostgresUser(notes: string[]): RunAs {
  const lookup = (): RunAs | undefined => {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0
      ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
      : undefined;
  };
  const found = lookup();
  if (found) {
    notes.push(
      'PostgreSQL refuses to run as root, so the embedded server runs as the system user postgres.',
    );
    return found;
  }
  execFileSync('useradd', [
    '--system',
    '--user-group',
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    'postgres',
  ]);
  notes.push(
    'PostgreSQL refuses to run as root, so the embedded server runs as the system user postgres (created now).',
  );
  const created = lookup();
  if (!created) {
    throw new EmbeddedPostgresError(
      'The system user postgres could not be created (useradd). Create it, or run Overleg as a non-root user.',
    );
  }
  return created;
}

/** Whether `user` may search (x) the directory or run the file at `path`, asked as that user. */
function canSearch(path: string, runAs: RunAs): boolean {
  return spawnSync('test', ['-x', path], { ...runAs, cwd: '/', stdio: 'ignore' }).status === 0;
}

function firstBlocked(path: string, runAs: RunAs): string {
  const parts = resolve(path).split(sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const ancestor = `/${parts.slice(0, i).join('/')}`;
    if (!canSearch(ancestor, runAs)) {
      return ancestor;
    }
  }
  return path;
}

/** Copies the package's native/ once per version; the copy is root's, readable by everyone. */
async function copyBinaries(binaries: ClusterBinaries): Promise<ClusterBinaries> {
  const target = join(ROOT_PLACES.binaries, binaries.version);
  const placed = (dir: string): ClusterBinaries => ({
    ...binaries,
    nativeDir: dir,
    initdb: join(dir, 'bin', 'initdb'),
    postgres: join(dir, 'bin', 'postgres'),
  });
  if (existsSync(join(target, '.complete'))) {
    return placed(target);
  }
  await mkdir(ROOT_PLACES.binaries, { recursive: true, mode: 0o755 });
  const staging = `${target}.${process.pid}`;
  await cp(binaries.nativeDir, staging, { recursive: true, verbatimSymlinks: true });
  await writeFile(join(staging, '.complete'), `${binaries.nativeDir}\n`);
  await rm(target, { recursive: true, force: true });
  await rename(staging, target).catch(async (error: unknown) => {
    // Two starts at once: the other copy won.
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(join(target, '.complete')) || readdirSync(target).length === 0) {
      throw error;
    }
  });
  return placed(target);
}
