import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '@wc/config';
import { Clock, type ErrorCode, TooManyRequests } from '@wc/core';
import { TransactionHost } from '@wc/database';

import type { LoginThrottleScope } from './login-throttle.entity';
import { LoginThrottleRepository, type ThrottleCounter } from './login-throttle.repository';

/** The counters one login attempt is held against, and what they say once full. */
interface Limit extends ThrottleCounter {
  max: number;
  code: ErrorCode;
  detail: string;
}

const ACCOUNT_LOCKED = 'This account is locked after repeated failed logins; try again later.';

/**
 * Failed-login limits. Each attempt is counted *before* the password is checked, in one
 * transaction over all its counters, so a hundred parallel guesses get exactly `max` checks; a
 * successful login gives its attempt back. The counters:
 * - address + e-mail (LOGIN_MAX_FAILURES): locks one account from one address;
 * - e-mail alone (LOGIN_ACCOUNT_MAX_FAILURES, higher): guessing from many addresses;
 * - address alone (LOGIN_IP_MAX_FAILURES, higher still): spraying many accounts from one address,
 *   without locking out everyone behind one office NAT for one person's typos.
 * Keys are e-mail addresses, known or not, so a locked account and an unknown one answer alike.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly counters: LoginThrottleRepository,
    private readonly clock: Clock,
  ) {}

  /** Counts the attempt, or refuses it (429, nothing counted) when a counter is full. */
  async reserve(email: string, address: string): Promise<ThrottleCounter[]> {
    const now = this.clock.now();
    const windowMs = this.config.auth.loginLockMinutes * 60_000;
    const limits = this.limitsFor(email, address);
    await this.tx.run(async () => {
      for (const limit of limits) {
        const { attempts, windowStartedAt } = await this.counters.countAttempt(
          limit,
          now,
          new Date(now.getTime() - windowMs),
        );
        if (attempts > limit.max) {
          const retryAfter = Math.max(
            1,
            Math.ceil((windowStartedAt.getTime() + windowMs - now.getTime()) / 1000),
          );
          // Thrown inside the transaction: the attempts counted so far roll back with it.
          throw new TooManyRequests(limit.code, limit.detail, retryAfter);
        }
      }
    });
    return limits;
  }

  /** The attempt was right: the account's run of failures ends; the address keeps its others. */
  async succeeded(counters: ThrottleCounter[]): Promise<void> {
    await this.tx.run(async () => {
      await this.counters.clear(counters.filter((c) => c.scope !== 'address'));
      for (const counter of counters.filter((c) => c.scope === 'address')) {
        await this.counters.giveBack(counter);
      }
    });
  }

  private limitsFor(email: string, address: string): Limit[] {
    const { loginMaxFailures, accountMaxFailures, ipMaxFailures } = this.config.auth;
    const limit = (
      scope: LoginThrottleScope,
      key: string,
      max: number,
      code: ErrorCode,
      detail: string,
    ): Limit => ({ scope, key, max, code, detail });
    return [
      limit(
        'address',
        address,
        ipMaxFailures,
        'auth.too_many_attempts',
        'Too many failed logins from this address; try again later.',
      ),
      limit(
        'address_account',
        `${address} ${email}`,
        loginMaxFailures,
        'auth.account_locked',
        ACCOUNT_LOCKED,
      ),
      limit('account', email, accountMaxFailures, 'auth.account_locked', ACCOUNT_LOCKED),
    ];
  }
}
