import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

import { OversightArrangementEntity } from './oversight-arrangement.entity';

@Injectable()
export class OversightRepository {
  constructor(private readonly tx: TransactionHost) {}

  arrangementOf(caseId: string): Promise<OversightArrangementEntity | null> {
    return this.tx.manager.findOne(OversightArrangementEntity, { where: { caseId } });
  }

  create(fields: Partial<OversightArrangementEntity>): OversightArrangementEntity {
    return this.tx.manager.create(OversightArrangementEntity, fields);
  }

  save(arrangement: OversightArrangementEntity): Promise<OversightArrangementEntity> {
    return this.tx.manager.save(arrangement);
  }
}
