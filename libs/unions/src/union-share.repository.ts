import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';

import { TransactionHost } from '@wc/database';

import { UnionShareEntity } from './union-share.entity';

/** The only file that queries `union_share`. */
@Injectable()
export class UnionShareRepository {
  constructor(private readonly tx: TransactionHost) {}

  create(fields: Partial<UnionShareEntity>): UnionShareEntity {
    return this.tx.manager.create(UnionShareEntity, fields);
  }

  save(share: UnionShareEntity): Promise<UnionShareEntity> {
    return this.tx.manager.save(share);
  }

  get(id: string): Promise<UnionShareEntity | null> {
    return this.tx.manager.findOneBy(UnionShareEntity, { id });
  }

  getForUpdate(id: string): Promise<UnionShareEntity | null> {
    return this.tx.manager.findOne(UnionShareEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  listForCouncil(worksCouncilId: string): Promise<UnionShareEntity[]> {
    return this.tx.manager.find(UnionShareEntity, {
      where: { worksCouncilId },
      order: { grantedAt: 'DESC', id: 'ASC' },
    });
  }

  activeForUnion(unionOrganisationId: string): Promise<UnionShareEntity[]> {
    return this.tx.manager.find(UnionShareEntity, {
      where: { unionOrganisationId, revokedAt: IsNull() },
      order: { grantedAt: 'ASC', id: 'ASC' },
    });
  }

  findActive(
    worksCouncilId: string,
    unionOrganisationId: string,
    caseId: string | null,
  ): Promise<UnionShareEntity | null> {
    return this.tx.manager.findOneBy(UnionShareEntity, {
      worksCouncilId,
      unionOrganisationId,
      caseId: caseId ?? IsNull(),
      revokedAt: IsNull(),
    });
  }

  /** Serialises grants of one council, so the "one active share" check cannot race (transaction-scoped). */
  async lockCouncil(worksCouncilId: string): Promise<void> {
    await this.tx.manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('union_share:' || $1::text, 0))`,
      [worksCouncilId],
    );
  }
}
