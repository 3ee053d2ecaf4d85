import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createClient } from 'redis';

import type { AppConfig } from '@wc/config';
import { StartupError } from '@wc/core';

type RedisClient = ReturnType<typeof createClient>;

/**
 * The Redis connections of the socket.io adapter, when REDIS_URL is set (house style B.11, B.18.4);
 * without it the adapter stays in memory (one instance). Connected before the app listens, so a
 * wrong REDIS_URL fails the boot instead of silently splitting the instances.
 */
export class RealtimeRedis implements OnApplicationShutdown {
  private static readonly logger = new Logger('RealtimeRedis');
  private readonly lostListeners: Array<() => void> = [];
  private wasReachable = true;

  private constructor(
    readonly clients: { pub: RedisClient; sub: RedisClient } | null,
    /** Channel prefix: instances fan out together exactly when they share a database (see `fanOutKey`). */
    readonly key: string,
  ) {
    for (const client of clients ? [clients.pub, clients.sub] : []) {
      // node-redis emits `error` then `reconnecting` when a connection drops, `ready` once back.
      for (const event of ['error', 'end', 'reconnecting', 'ready']) {
        client.on(event, () => this.noticeChange());
      }
    }
  }

  /**
   * Called each time Redis goes from reachable to unreachable: the sockets of this instance then
   * stop hearing of events relayed elsewhere, so the gateway disconnects them.
   */
  onLost(listener: () => void): void {
    this.lostListeners.push(listener);
  }

  private noticeChange(): void {
    const reachable = this.reachable();
    if (this.wasReachable && !reachable) {
      RealtimeRedis.logger.warn('redis lost: disconnecting the sockets of this instance');
      for (const listener of this.lostListeners) {
        listener();
      }
    }
    this.wasReachable = reachable;
  }

  static async connect(config: AppConfig): Promise<RealtimeRedis> {
    const key = fanOutKey(config.database.url);
    if (!config.realtime.redisUrl) {
      return new RealtimeRedis(null, key);
    }
    const pub = createClient({ url: config.realtime.redisUrl });
    const sub = pub.duplicate();
    for (const [role, client] of [
      ['pub', pub],
      ['sub', sub],
    ] as const) {
      // node-redis reconnects by itself; without a listener an error event would crash the process.
      client.on('error', (error: Error) =>
        RealtimeRedis.logger.warn({ role, err: error.message }, 'redis connection error'),
      );
    }
    await connectWithin(CONNECT_TIMEOUT_MS, config.realtime.redisUrl, [pub, sub]);
    return new RealtimeRedis({ pub, sub }, key);
  }

  /** True without Redis; with it, whether both connections are up right now. */
  reachable(): boolean {
    return !this.clients || (this.clients.pub.isReady && this.clients.sub.isReady);
  }

  async onApplicationShutdown(): Promise<void> {
    this.lostListeners.length = 0; // closing is not losing
    if (this.clients) {
      const { pub, sub } = this.clients;
      // Stop receiving first, and let requests already received from other instances (e.g. their
      // presence counts) publish their answers: the adapter does not catch a publish on a closed client.
      await sub.close().catch(() => undefined);
      await new Promise((resolve) => setImmediate(resolve));
      await pub.close().catch(() => undefined);
    }
  }
}

/**
 * Fails the boot in one sentence when REDIS_URL is set but Redis does not answer; run before the
 * Nest application is built, so that nothing else (retry warnings, Nest's stack dump) is printed.
 */
export async function assertRedisReachable(config: AppConfig): Promise<void> {
  if (!config.realtime.redisUrl) {
    return;
  }
  const probe = createClient({ url: config.realtime.redisUrl });
  probe.on('error', () => undefined); // the retries are what this probe puts in one sentence
  await connectWithin(CONNECT_TIMEOUT_MS, config.realtime.redisUrl, [probe]);
  await probe.ping();
  await probe.close();
}

/** node-redis retries a first connect forever; a boot must rather fail in words, fast. */
const CONNECT_TIMEOUT_MS = 3_000;

async function connectWithin(ms: number, url: string, clients: RedisClient[]): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>(
    (resolve) => (timer = setTimeout(() => resolve('timeout'), ms)),
  );
  try {
    const outcome = await Promise.race([
      Promise.all(clients.map((client) => client.connect())),
      timeout,
    ]);
    if (outcome === 'timeout') {
      for (const client of clients) {
        client.destroy();
      }
      const where = new URL(url);
      where.password = '';
      throw new StartupError(
        `Redis at ${where.host} did not answer within ${ms / 1000} s. Start it, or unset REDIS_URL to run a single instance without it.`,
      );
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One relay per database emits each event once, and the Redis adapter must carry it to the
 * instances on that same database, and to no others (another deployment, or a parallel test run,
 * sharing the Redis server). So the channel prefix is derived from the database name.
 */
function fanOutKey(databaseUrl: string | undefined): string {
  const database = databaseUrl ? decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) : '';
  return `overleg-realtime:${database || 'default'}`;
}
