import { isIP } from 'node:net';
import { resolve } from 'node:path';

/** Typed configuration, one namespace per concern (house style B.8). */
export interface AppConfig {
  app: {
    env: 'development' | 'test' | 'production';
    port: number;
    /** The address the API listens on: loopback in development (a laptop's demo is its own), all in production. */
    host: string;
    publicUrl: string;
    dataDir: string;
    logLevel: string;
  };
  database: {
    /** What the API and the worker connect as: the runtime role. */
    url: string | undefined;
    /** What migrations run as: the owner of the tables. Unset: `url` (one role for both). */
    migrationUrl: string | undefined;
    embeddedPort: number;
    poolSize: number;
  };
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    invitationTtlHours: number;
    loginMaxFailures: number;
    loginLockMinutes: number;
    /** Failed logins for one e-mail from all addresses together (a ceiling above loginMaxFailures). */
    accountMaxFailures: number;
    ipMaxFailures: number;
    /** Express `trust proxy`: whose X-Forwarded-For to believe for the client address. */
    trustProxy: TrustProxy;
    /** Requests per minute per client address on each rate-limited route (login, refresh, …). */
    rateLimitPerMinute: number;
  };
  realtime: { redisUrl: string | undefined };
  mail: { smtpUrl: string | undefined; from: string };
  /**
   * Outgoing webhooks (issue #21): https only and no private or loopback addresses, against SSRF,
   * unless these allow them (development and tests, with a receiver on this machine).
   */
  webhooks: { allowHttp: boolean; allowPrivateAddresses: boolean };
  /** `/metrics`: on its own port per app, and/or on the API's port behind a bearer token. */
  metrics: { port: number | undefined; workerPort: number | undefined; token: string | undefined };
  storage: {
    driver: 'database' | 's3';
    maxUploadBytes: number;
    s3: {
      endpoint?: string;
      bucket?: string;
      region?: string;
      accessKeyId?: string;
      secretAccessKey?: string;
    };
  };
}

/** false: no proxy; a number: hops to trust; else addresses, CIDR ranges or `loopback` etc. */
export type TrustProxy = false | number | string[];

/** Thrown when the environment is unusable; lists every problem at once so one fix-up round suffices. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const DEV_JWT_SECRET = 'overleg-development-secret-not-for-production-use';

/**
 * Secrets that stand in this repository (source, tests, docs) and so are public: production refuses
 * them. load-config.spec.ts scans the repository, so a new one written down must be listed here.
 */
export const PUBLISHED_JWT_SECRETS: readonly string[] = [DEV_JWT_SECRET];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const nodeEnv = read.oneOf(
    'NODE_ENV',
    ['development', 'test', 'production'] as const,
    'development',
  );
  const port = read.int('PORT', 3000, { min: 0, max: 65535 });
  const jwtSecret = env.JWT_SECRET ?? (nodeEnv === 'production' ? undefined : DEV_JWT_SECRET);
  if (!jwtSecret) {
    problems.push('JWT_SECRET is required in production');
  } else if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters');
  } else if (nodeEnv === 'production' && PUBLISHED_JWT_SECRETS.includes(jwtSecret)) {
    problems.push(
      'JWT_SECRET is a published value from the source code; generate your own (e.g. openssl rand -hex 32)',
    );
  }
  const databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = read.url('REDIS_URL', ['redis:', 'rediss:']);
  const smtpUrl = read.url('SMTP_URL', ['smtp:', 'smtps:']);
  if (env.STORAGE_DRIVER === 'local') {
    problems.push(
      'STORAGE_DRIVER=local is no longer supported: documents live in the database (unset STORAGE_DRIVER; files under DATA_DIR/documents are moved in at start-up) or in S3 (STORAGE_DRIVER=s3)',
    );
  }
  const storageDriver =
    env.STORAGE_DRIVER === 'local'
      ? 'database'
      : read.oneOf('STORAGE_DRIVER', ['database', 's3'] as const, 'database');
  if (storageDriver === 's3' && !env.S3_BUCKET) {
    problems.push('S3_BUCKET is required when STORAGE_DRIVER=s3');
  }

  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && metricsToken.length < 16) {
    problems.push('METRICS_TOKEN must be at least 16 characters');
  }
  const optionalPort = (name: string): number | undefined =>
    env[name] ? read.int(name, 0, { min: 0, max: 65535 }) : undefined;

  const config: AppConfig = {
    app: {
      env: nodeEnv,
      port,
      host: env.HOST || (nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1'),
      publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
      dataDir: resolve(env.DATA_DIR ?? '.data'),
      logLevel: read.oneOf(
        'LOG_LEVEL',
        ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
        nodeEnv === 'test' ? 'silent' : 'info',
      ),
    },
    database: {
      url: databaseUrl,
      migrationUrl: read.url('MIGRATION_DATABASE_URL', ['postgres:', 'postgresql:']),
      embeddedPort: read.int('EMBEDDED_PG_PORT', 54329, { min: 1, max: 65535 }),
      poolSize: read.int('DATABASE_POOL_SIZE', 10, { min: 1, max: 200 }),
    },
    auth: {
      jwtSecret: jwtSecret ?? '',
      accessTokenTtlSeconds: read.int('ACCESS_TOKEN_TTL_SECONDS', 900, { min: 10 }),
      refreshTokenTtlSeconds: read.int('REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 3600, { min: 60 }),
      invitationTtlHours: read.int('INVITATION_TTL_HOURS', 72, { min: 1 }),
      loginMaxFailures: read.int('LOGIN_MAX_FAILURES', 5, { min: 1 }),
      loginLockMinutes: read.int('LOGIN_LOCK_MINUTES', 15, { min: 1 }),
      accountMaxFailures: read.int('LOGIN_ACCOUNT_MAX_FAILURES', 50, { min: 1 }),
      ipMaxFailures: read.int('LOGIN_IP_MAX_FAILURES', 100, { min: 1 }),
      trustProxy: read.trustProxy('TRUST_PROXY', ['loopback']),
      rateLimitPerMinute: read.int('RATE_LIMIT_PER_MINUTE', 60, { min: 1 }),
    },
    realtime: { redisUrl },
    mail: { smtpUrl, from: env.MAIL_FROM ?? 'Overleg <noreply@overleg.local>' },
    webhooks: {
      allowHttp: read.flag('WEBHOOKS_ALLOW_HTTP', false),
      allowPrivateAddresses: read.flag(
        'WEBHOOKS_ALLOW_PRIVATE_ADDRESSES',
        nodeEnv !== 'production',
      ),
    },
    metrics: {
      port: optionalPort('METRICS_PORT'),
      workerPort: optionalPort('WORKER_METRICS_PORT'),
      token: metricsToken,
    },
    storage: {
      driver: storageDriver,
      maxUploadBytes: read.int('MAX_UPLOAD_BYTES', 20 * 1024 * 1024, { min: 1024 }),
      s3: {
        endpoint: env.S3_ENDPOINT,
        bucket: env.S3_BUCKET,
        region: env.S3_REGION,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      },
    },
  };
  if (nodeEnv === 'production' && !env.PUBLIC_URL) {
    problems.push(
      'PUBLIC_URL is required in production (the address users reach Overleg at, for links and security headers)',
    );
  } else if (env.PUBLIC_URL) {
    read.url('PUBLIC_URL', ['http:', 'https:']);
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return config;
}

const NAMED_PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** What Express's `trust proxy` (proxy-addr) accepts: a named range, an address, or address/prefix. */
function isProxyAddress(entry: string): boolean {
  if (NAMED_PROXY_RANGES.includes(entry)) {
    return true;
  }
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) {
    return false;
  }
  return (
    prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128))
  );
}

/** Reads single variables, collecting problems instead of throwing at the first. */
class EnvReader {
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly problems: string[],
  ) {}

  int(name: string, fallback: number, { min = -Infinity, max = Infinity } = {}): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') {
      return fallback;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  flag(name: string, fallback: boolean): boolean {
    const raw = this.env[name];
    if (raw === undefined || raw === '') {
      return fallback;
    }
    if (raw !== 'true' && raw !== 'false') {
      this.problems.push(`${name} must be true or false, got "${raw}"`);
      return fallback;
    }
    return raw === 'true';
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.env[name];
    if (raw === undefined || raw === '') {
      return fallback;
    }
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
      return fallback;
    }
    return raw as T;
  }

  /** `false`, a hop count, or a comma-separated list that proxy-addr understands; never `true`. */
  trustProxy(name: string, fallback: TrustProxy): TrustProxy {
    const raw = this.env[name]?.trim();
    if (raw === undefined || raw === '') {
      return fallback;
    }
    if (raw === 'false') {
      return false;
    }
    if (/^\d+$/.test(raw)) {
      return Number(raw);
    }
    const entries = raw.split(',').map((entry) => entry.trim());
    if (!entries.every(isProxyAddress)) {
      this.problems.push(
        `${name} must be false, a number of proxy hops, or addresses/CIDR ranges (loopback, 10.0.0.0/8, …), got "${raw}"`,
      );
      return fallback;
    }
    return entries;
  }

  url(name: string, protocols: string[]): string | undefined {
    const raw = this.env[name];
    if (raw === undefined || raw === '') {
      return undefined;
    }
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name} must start with ${protocols.join(' or ')}//`);
      }
    } catch {
      this.problems.push(`${name} is not a valid URL`);
    }
    return raw;
  }
}
