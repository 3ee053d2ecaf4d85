import { ConfigError, loadConfig } from './load-config';

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
    ]);
  });

  it('keeps documents in the database and metrics off by default', () => {
    const config = loadConfig({});
    expect(config.storage.driver).toBe('database');
    expect(config.metrics).toEqual({ port: undefined, workerPort: undefined, token: undefined });
    expect(loadConfig({ METRICS_PORT: '9464', WORKER_METRICS_PORT: '9465', METRICS_TOKEN: 'a'.repeat(16) }).metrics).toEqual({ port: 9464, workerPort: 9465, token: 'a'.repeat(16) });
  });

  it('refuses the removed local document driver, a short metrics token and a bad metrics port, together', () => {
    expect(captureError(() => loadConfig({ STORAGE_DRIVER: 'local', METRICS_TOKEN: 'short', METRICS_PORT: 'x' })).problems).toEqual([
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

function captureError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected an error');
}
