import { createHash, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { generateSecret, generateURI, verify } from 'otplib';

import { APP_CONFIG, type AppConfig } from '@wc/config';
import { BadRequest, Clock, Conflict, NotFound, SecretBox, Unauthorized } from '@wc/core';
import { TransactionHost } from '@wc/database';

import type { Actor } from './actor';
import { PasswordHasher } from './password-hasher';
import { RecoveryCodeEntity } from './recovery-code.entity';
import { AppUserEntity } from './user.entity';
import { UserRepository } from './user.repository';

const RECOVERY_CODES = 10;
/** One period either side: an authenticator's clock may be off by a few seconds. */
const EPOCH_TOLERANCE_SECONDS = 30;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** Recovery codes are typed by hand: case, spaces and dashes do not matter. */
const normaliseRecoveryCode = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();

export interface SecondFactorProof {
  totpCode?: string;
  recoveryCode?: string;
}

/**
 * The optional TOTP second factor (RFC 6238, otplib) with one-time recovery codes. The secret is
 * encrypted at rest with a key derived from JWT_SECRET (rotating that secret means re-enrolling).
 * A code is accepted once: the last time step is stored and moved forward in one statement.
 */
@Injectable()
export class SecondFactorService {
  private readonly box: SecretBox;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {
    this.box = new SecretBox(config.auth.jwtSecret, 'totp-secret');
  }

  /** Starts (or restarts) enrolment: a new secret, not in use until a code from it is shown. */
  async enrol(actor: Actor): Promise<{ secret: string; otpauthUri: string }> {
    const user = await this.userOf(actor);
    if (user.totpEnabledAt) {
      throw new Conflict(
        'auth.second_factor_enabled',
        'A second factor is already set up; turn it off first to set up another.',
      );
    }
    const secret = generateSecret();
    await this.users.update(user.id, {
      totpSecret: this.box.seal(secret),
      totpLastTimeStep: null,
    });
    return { secret, otpauthUri: generateURI({ issuer: 'Overleg', label: user.email, secret }) };
  }

  /** Turns the factor on once a code from the new secret checks out; returns the recovery codes, once. */
  async activate(actor: Actor, code: string): Promise<{ recoveryCodes: string[] }> {
    return this.tx.run(async () => {
      const user = await this.userOf(actor);
      if (user.totpEnabledAt) {
        throw new Conflict('auth.second_factor_enabled', 'A second factor is already set up.');
      }
      if (!user.totpSecret || !(await this.acceptCode(user, code))) {
        throw new BadRequest('auth.invalid_second_factor', 'The code is wrong or expired.', {}, [
          { path: 'code', message: 'is wrong or expired' },
        ]);
      }
      const recoveryCodes = Array.from({ length: RECOVERY_CODES }, () =>
        randomBytes(5)
          .toString('hex')
          .replace(/^(.{5})/, '$1-'),
      );
      await this.tx.manager.delete(RecoveryCodeEntity, { userId: user.id });
      await this.tx.manager.insert(
        RecoveryCodeEntity,
        recoveryCodes.map((c) => ({ userId: user.id, codeHash: sha256(normaliseRecoveryCode(c)) })),
      );
      await this.users.update(user.id, { totpEnabledAt: this.clock.now() });
      return { recoveryCodes };
    });
  }

  /** Turns the factor off; the password is asked again, so an open session alone cannot. */
  async disable(actor: Actor, password: string): Promise<void> {
    const user = await this.userOf(actor);
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      throw new BadRequest('auth.wrong_password', 'The password is wrong.', {}, [
        { path: 'password', message: 'is wrong' },
      ]);
    }
    await this.tx.run(async () => {
      await this.tx.manager.delete(RecoveryCodeEntity, { userId: user.id });
      await this.users.update(user.id, {
        totpSecret: null,
        totpEnabledAt: null,
        totpLastTimeStep: null,
      });
    });
  }

  /**
   * At login, after the password checked out: passes when the account has no second factor, or
   * the proof is a fresh code or an unused recovery code. 401 otherwise (the attempt stays counted
   * by the login limits, so codes cannot be guessed at speed).
   */
  async assertProof(user: AppUserEntity, proof: SecondFactorProof): Promise<void> {
    if (!user.totpEnabledAt) {
      return;
    }
    if (!proof.totpCode && !proof.recoveryCode) {
      throw new Unauthorized(
        'auth.second_factor_required',
        'Enter the code from your authenticator app, or a recovery code.',
      );
    }
    const accepted = proof.totpCode
      ? await this.acceptCode(user, proof.totpCode)
      : await this.useRecoveryCode(user.id, proof.recoveryCode ?? '');
    if (!accepted) {
      throw new Unauthorized(
        'auth.invalid_second_factor',
        'The code is wrong, expired or already used.',
      );
    }
  }

  isEnabled(user: Pick<AppUserEntity, 'totpEnabledAt'>): boolean {
    return user.totpEnabledAt !== null;
  }

  private async acceptCode(user: AppUserEntity, code: string): Promise<boolean> {
    if (!user.totpSecret || !/^\d{6}$/.test(code)) {
      return false;
    }
    const last = user.totpLastTimeStep === null ? undefined : Number(user.totpLastTimeStep);
    const result = await verify({
      secret: this.box.open(user.totpSecret),
      token: code,
      epoch: Math.floor(this.clock.now().getTime() / 1000),
      epochTolerance: EPOCH_TOLERANCE_SECONDS,
      afterTimeStep: last,
    });
    if (!result.valid || !('timeStep' in result)) {
      return false;
    }
    // Two logins racing with one code: only one moves the step forward.
    const moved = await this.tx.manager
      .createQueryBuilder()
      .update(AppUserEntity)
      .set({ totpLastTimeStep: String(result.timeStep) })
      .where('id = :id AND (totp_last_time_step IS NULL OR totp_last_time_step < :step)', {
        id: user.id,
        step: result.timeStep,
      })
      .execute();
    return moved.affected === 1;
  }

  private async useRecoveryCode(userId: string, code: string): Promise<boolean> {
    const used = await this.tx.manager
      .createQueryBuilder()
      .update(RecoveryCodeEntity)
      .set({ usedAt: this.clock.now() })
      .where('user_id = :userId AND code_hash = :hash AND used_at IS NULL', {
        userId,
        hash: sha256(normaliseRecoveryCode(code)),
      })
      .execute();
    return used.affected === 1;
  }

  private async userOf(actor: Actor): Promise<AppUserEntity> {
    const user = await this.users.findById(actor.userId);
    if (!user) {
      throw new NotFound('user');
    }
    return user;
  }
}
