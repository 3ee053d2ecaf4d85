import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';

import { TransactionHost } from '@wc/database';

import { PasswordResetEntity } from './password-reset.entity';

@Injectable()
export class PasswordResetRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(
    row: Pick<PasswordResetEntity, 'userId' | 'tokenHash' | 'expiresAt'>,
  ): Promise<void> {
    await this.tx.manager.insert(PasswordResetEntity, row);
  }

  /** Locks the row: two requests with one token cannot both set a password. */
  findByHashForUpdate(tokenHash: string): Promise<PasswordResetEntity | null> {
    return this.tx.manager.findOne(PasswordResetEntity, {
      where: { tokenHash },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Uses up every open link of the user: only the newest e-mail works, and none after a reset. */
  async useAllOfUser(userId: string, at: Date): Promise<void> {
    await this.tx.manager.update(PasswordResetEntity, { userId, usedAt: IsNull() }, { usedAt: at });
  }
}
