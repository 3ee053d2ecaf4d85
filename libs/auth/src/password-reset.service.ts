import { createHash, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '@wc/config';
import { BadRequest, Clock } from '@wc/core';
import { TransactionHost } from '@wc/database';

import { AccountMailer } from './account-mailer';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { PasswordResetRepository } from './password-reset.repository';
import { UserRepository } from './user.repository';

const RESET_TTL_MS = 3_600_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** "Wachtwoord vergeten": a single-use link by e-mail, valid for one hour. */
@Injectable()
export class PasswordResetService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly users: UserRepository,
    private readonly resets: PasswordResetRepository,
    private readonly hasher: PasswordHasher,
    private readonly passwords: PasswordPolicy,
    private readonly auth: AuthService,
    private readonly mailer: AccountMailer,
    private readonly clock: Clock,
  ) {}

  /**
   * Sends a reset link when the address belongs to an active account. The caller answers the same
   * either way, and the e-mail leaves after the answer, so neither the answer nor its timing tells
   * whether the address exists.
   */
  async request(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || user.deactivatedAt) {
      return;
    }
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.tx.run(async () => {
      await this.resets.useAllOfUser(user.id, now);
      await this.resets.insert({
        userId: user.id,
        tokenHash: sha256(token),
        expiresAt: new Date(now.getTime() + RESET_TTL_MS),
      });
    });
    // The token is in the fragment: it never reaches a server log or a Referer header.
    void this.mailer.sendPasswordReset(
      user.email,
      user.language,
      `${this.config.app.publicUrl}/password-reset#token=${token}`,
    );
  }

  /** Sets the new password, uses up the link and ends every session of the account. */
  async reset(token: string, newPassword: string): Promise<void> {
    const now = this.clock.now();
    await this.tx.run(async () => {
      const row = await this.resets.findByHashForUpdate(sha256(token));
      const user =
        row && !row.usedAt && row.expiresAt > now ? await this.users.findById(row.userId) : null;
      if (!row || !user || user.deactivatedAt) {
        throw new BadRequest(
          'auth.invalid_reset_token',
          'This reset link is unknown, used or expired; ask for a new one.',
        );
      }
      this.passwords.assertAcceptable(newPassword, user, 'newPassword');
      await this.users.update(user.id, { passwordHash: await this.hasher.hash(newPassword) });
      await this.resets.useAllOfUser(user.id, now);
      // Whoever knew the old password must not stay signed in.
      await this.auth.endAllSessions(user.id, user.id);
    });
  }
}
