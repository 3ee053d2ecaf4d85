import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ConfigError, loadConfig, PUBLISHED_JWT_SECRETS } from './load-config';

const REPOSITORY = join(__dirname, '..', '..', '..');
const production = (env: Record<string, string>) => ({
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://overleg.example',
  ...env,
});

describe('loadConfig', () => {
  it('gives working defaults for local development', () => {
    const config = loadConfig({});
    expect(config.app).toMatchObject({ env: 'development', port: 3000 });
    expect(config.database.url).toBeUndefined();
    expect(config.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('lists every bad variable in one error', () => {
    const attempt = () =>
      loadConfig({
        NODE_ENV: 'production',
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        REDIS_URL: '::',
      });
    expect(attempt).toThrow(ConfigError);
    const error = captureError(attempt);
    expect(error.problems).toEqual([
      'PORT must be a whole number between 0 and 65535, got "eighty"',
      'JWT_SECRET is required in production',
      'DATABASE_URL must start with postgres: or postgresql://',
      'REDIS_URL is not a valid URL',
      'PUBLIC_URL is required in production (the address users reach Overleg at, for links and security headers)',
    ]);
  });

  it('keeps documents in the database and metrics off by default', () => {
    const config = loadConfig({});
    expect(config.storage.driver).toBe('database');
    expect(config.metrics).toEqual({ port: undefined, workerPort: undefined, token: undefined });
    expect(
      loadConfig({
        METRICS_PORT: '9464',
        WORKER_METRICS_PORT: '9465',
        METRICS_TOKEN: 'a'.repeat(16),
      }).metrics,
    ).toEqual({ port: 9464, workerPort: 9465, token: 'a'.repeat(16) });
  });

  it('refuses the removed local document driver, a short metrics token and a bad metrics port, together', () => {
    expect(
      captureError(() =>
        loadConfig({ STORAGE_DRIVER: 'local', METRICS_TOKEN: 'short', METRICS_PORT: 'x' }),
      ).problems,
    ).toEqual([
      'STORAGE_DRIVER=local is no longer supported: documents live in the database (unset STORAGE_DRIVER; files under DATA_DIR/documents are moved in at start-up) or in S3 (STORAGE_DRIVER=s3)',
      'METRICS_TOKEN must be at least 16 characters',
      'METRICS_PORT must be a whole number between 0 and 65535, got "x"',
    ]);
  });

  it('rejects a short secret', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(
      'JWT_SECRET must be at least 32 characters',
    );
  });
});

describe('loadConfig in production', () => {
  it('starts with an own secret and PUBLIC_URL', () => {
    expect(
      loadConfig(production({ JWT_SECRET: randomBytes(32).toString('hex') })).app.publicUrl,
    ).toBe('https://overleg.example');
  });

  it('refuses the development secret published in the source', () => {
    expect(
      captureError(() =>
        loadConfig(production({ JWT_SECRET: 'overleg-development-secret-not-for-production-use' })),
      ).problems,
    ).toEqual([
      'JWT_SECRET is a published value from the source code; generate your own (e.g. openssl rand -hex 32)',
    ]);
  });

  it('refuses every JWT secret written anywhere in the repository', () => {
    // Every quoted string of 32+ characters beside a JWT_SECRET in a tracked file.
    const files = execFileSync('git', ['grep', '-l', '-I', 'JWT_SECRET'], {
      cwd: REPOSITORY,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    const written = new Set<string>();
    for (const file of files) {
      const text = readFileSync(join(REPOSITORY, file), 'utf8');
      for (const match of text.matchAll(
        /JWT_SECRET[^\n]{0,40}?['"=:]\s*['"]?([A-Za-z0-9_\-+/.]{32,})/g,
      )) {
        written.add(match[1]);
      }
    }
    expect(written.size).toBeGreaterThan(0);
    for (const secret of written) {
      expect(PUBLISHED_JWT_SECRETS).toContain(secret);
      expect(() => loadConfig(production({ JWT_SECRET: secret }))).toThrow(
        'JWT_SECRET is a published value',
      );
    }
  });

  it('requires PUBLIC_URL', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('hex') }),
    ).toThrow('PUBLIC_URL is required in production');
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, ['loopback']],
    ['false', false],
    ['2', 2],
    [
      'loopback, 10.0.0.0/8, fd00::/8, 192.0.2.7',
      ['loopback', '10.0.0.0/8', 'fd00::/8', '192.0.2.7'],
    ],
  ])('reads %s', (raw, expected) => {
    expect(loadConfig(raw === undefined ? {} : { TRUST_PROXY: raw }).auth.trustProxy).toEqual(
      expected,
    );
  });

  it.each(['true', 'everyone', '10.0.0.0/33', '10.0.0.1/8/2'])(
    'refuses %s, which would let any client choose its address',
    (raw) => {
      expect(() => loadConfig({ TRUST_PROXY: raw })).toThrow(
        'TRUST_PROXY must be false, a number of proxy hops',
      );
    },
  );
});

function captureError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected an error');
}
