import { Injectable } from '@nestjs/common';
import { IsNull, Not } from 'typeorm';

import { TransactionHost } from '@wc/database';

import { RefreshTokenEntity } from './refresh-token.entity';

/** Refresh-token families. */
@Injectable()
export class TokenRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insertRefreshToken(
    row: Pick<RefreshTokenEntity, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>,
  ): Promise<void> {
    await this.tx.manager.insert(RefreshTokenEntity, row);
  }

  /** Locks the row so two concurrent refreshes with one token cannot both succeed. */
  findByHashForUpdate(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.tx.manager.findOne(RefreshTokenEntity, {
      where: { tokenHash },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async markUsed(id: string, at: Date): Promise<void> {
    await this.tx.manager.update(RefreshTokenEntity, { id }, { usedAt: at });
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    await this.tx.manager.update(
      RefreshTokenEntity,
      { familyId, revokedAt: IsNull() },
      { revokedAt: at },
    );
  }

  async revokeAllOfUser(
    userId: string,
    at: Date,
    { except }: { except?: string } = {},
  ): Promise<void> {
    await this.tx.manager.update(
      RefreshTokenEntity,
      { userId, revokedAt: IsNull(), ...(except ? { familyId: Not(except) } : {}) },
      { revokedAt: at },
    );
  }
}
