import { type ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler/dist/throttler.guard.interface';

import { TooManyRequests } from '@wc/core';

/**
 * @nestjs/throttler per client address (`request.ip`, so TRUST_PROXY decides), answering with our
 * problem+json and Retry-After instead of the library's bare exception.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire || detail.timeToExpire);
    throw new TooManyRequests(
      'request.rate_limited',
      'Too many requests from this address; try again later.',
      retryAfter,
    );
  }
}

/**
 * Limits the route to RATE_LIMIT_PER_MINUTE requests per client address: for the doors that take
 * a secret (login, refresh, invitation and reset tokens, calendar feeds), so none can be guessed
 * at speed. Runs after the global AuthGuard; these routes are public.
 */
export const RateLimited = () => UseGuards(RateLimitGuard);
