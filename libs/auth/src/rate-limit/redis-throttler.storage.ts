import { Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { createClient } from 'redis';

/**
 * Counts hits in one Lua call per request: the window's counter (INCR, expiring after the ttl) and
 * the block key set once the limit is passed. Atomic in Redis, so every API instance sees one count.
 * Keys: `overleg:throttle:<hashed key>` and `…:blocked`.
 */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return { hits, ttl, blocked }`;

/** The rate-limit counters in Redis (REDIS_URL), shared by all API instances. Connects on first use. */
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private client: ReturnType<typeof createClient> | undefined;
  private connecting: Promise<unknown> | undefined;

  constructor(private readonly url: string) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
  ): Promise<ThrottlerStorageRecord> {
    const client = await this.connected();
    const prefixed = `overleg:throttle:${key}`;
    const [hits, ttlMs, blockedMs] = (await client.eval(INCREMENT, {
      keys: [prefixed, `${prefixed}:blocked`],
      arguments: [String(ttl), String(limit), String(blockDuration)],
    })) as [number, number, number];
    const isBlocked = blockedMs > 0;
    return {
      totalHits: hits,
      timeToExpire: Math.ceil(Math.max(ttlMs, 0) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(blockedMs / 1000) : 0,
    };
  }

  async onModuleDestroy(): Promise<void> {
    if (this.client?.isOpen) {
      await this.client.quit();
    }
  }

  private async connected(): Promise<ReturnType<typeof createClient>> {
    if (!this.client) {
      this.client = createClient({ url: this.url });
      // node-redis reconnects by itself; without a listener an error event would crash the process.
      this.client.on('error', (error: Error) =>
        this.logger.warn({ err: error.message }, 'redis connection error'),
      );
      this.connecting = this.client.connect();
    }
    await this.connecting;
    return this.client;
  }
}
