import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Builds the web app (apps/web → apps/web/dist) with Vite, which the API then serves. A build is
 * skipped when `dist/.source-hash` matches a hash of the app's sources, so `npm start` and the
 * browser tests only pay for it after a change (mtimes are useless after a git checkout).
 *
 * `node -r @swc-node/register scripts/build-web.ts` builds unconditionally.
 */
const ROOT = join(__dirname, '..');
export const WEB_DIR = join(ROOT, 'apps', 'web');
export const WEB_DIST = join(WEB_DIR, 'dist');
const HASH_FILE = join(WEB_DIST, '.source-hash');
// @wc/texts is bundled into the app, so a change to it is a change to the app.
const INPUTS = ['index.html', 'vite.config.mjs', 'tsconfig.json', 'src', '../../libs/texts/src'];

function files(path: string): string[] {
  if (!existsSync(path)) {
    return [];
  }
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .sort()
      .flatMap((name) => files(join(path, name)));
  }
  return [path];
}

/** A hash of every input file's path and content, plus the versions of the packages bundled. */
export function webSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => files(join(WEB_DIR, input)))) {
    hash.update(relative(WEB_DIR, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const pkg of ['vite', 'react', 'react-dom', 'openapi-fetch', 'socket.io-client']) {
    const manifest = join(ROOT, 'node_modules', pkg, 'package.json');
    hash.update(
      existsSync(manifest)
        ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
        : 'missing',
    );
  }
  return hash.digest('hex');
}

export function webBuildIsFresh(): boolean {
  return (
    existsSync(join(WEB_DIST, 'index.html')) &&
    existsSync(HASH_FILE) &&
    readFileSync(HASH_FILE, 'utf8').trim() === webSourceHash()
  );
}

/**
 * Type-checks the app (Vite only strips types), then runs `vite build`, each in a child process
 * (Vite is ESM; this keeps callers CommonJS- and Jest-safe).
 */
export function buildWeb({ quiet = false } = {}): void {
  const hash = webSourceHash();
  const tsc = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '--noEmit',
      '-p',
      join(WEB_DIR, 'tsconfig.json'),
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (tsc.status !== 0) {
    throw new Error(`the web app does not type-check:\n${tsc.stdout}${tsc.stderr}`);
  }
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  // Build beside the served copy and swap it in, so a server (or a second build, e.g. `npm test`
  // running the browser tests and the `npm start` test at once) never sees a half-written dist.
  const staging = join(
    ROOT,
    'node_modules',
    '.cache',
    'overleg-web',
    `dist-${process.pid}-${Date.now()}`,
  );
  const result = spawnSync(
    process.execPath,
    [
      vite,
      'build',
      '--config',
      join(WEB_DIR, 'vite.config.mjs'),
      '--outDir',
      staging,
      '--emptyOutDir',
      '--logLevel',
      quiet ? 'error' : 'info',
    ],
    {
      cwd: ROOT,
      // A production bundle whatever the caller runs as (Jest sets NODE_ENV=test).
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(
      `vite build failed (exit ${result.status ?? result.signal}):\n${result.stdout ?? ''}${result.stderr ?? ''}`,
    );
  }
  writeFileSync(join(staging, '.source-hash'), `${hash}\n`);
  const old = `${staging}-old`;
  if (existsSync(WEB_DIST)) {
    renameSync(WEB_DIST, old);
  }
  renameSync(staging, WEB_DIST);
  rmSync(old, { recursive: true, force: true });
}

/** Builds when the build is missing or older than the sources; returns whether it built. */
export function ensureWebBuild({ quiet = false } = {}): boolean {
  if (webBuildIsFresh()) {
    return false;
  }
  buildWeb({ quiet });
  return true;
}

if (require.main === module) {
  const started = Date.now();
  buildWeb();
  console.log(`Built the web app into ${relative(ROOT, WEB_DIST)} in ${Date.now() - started} ms`);
}
