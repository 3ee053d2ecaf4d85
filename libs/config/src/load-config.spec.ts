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
