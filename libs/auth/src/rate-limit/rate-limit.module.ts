import { Module } from '@nestjs/common';
import { ThrottlerModule, type ThrottlerModuleOptions } from '@nestjs/throttler';

import { APP_CONFIG, type AppConfig } from '@wc/config';

import { RedisThrottlerStorage } from './redis-throttler.storage';

const REDIS_STORAGE = Symbol('REDIS_THROTTLER_STORAGE');

/** The Redis storage as a provider of its own, so Nest closes its connection on shutdown. */
@Module({
  providers: [
    {
      provide: REDIS_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.realtime.redisUrl ? new RedisThrottlerStorage(config.realtime.redisUrl) : null,
    },
  ],
  exports: [REDIS_STORAGE],
})
class RateLimitStorageModule {}

/** The counters behind @RateLimited(): in memory on one instance, in Redis when REDIS_URL is set. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [APP_CONFIG, REDIS_STORAGE],
      useFactory: (
        config: AppConfig,
        redis: RedisThrottlerStorage | null,
      ): ThrottlerModuleOptions => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.auth.rateLimitPerMinute }],
        ...(redis ? { storage: redis } : {}),
      }),
    }),
  ],
})
export class RateLimitModule {}
