import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

import { ConvenantEntity } from './convenant.entity';

/** The versions of each council's convenant. */
@Injectable()
export class ConvenantRepository {
  constructor(private readonly tx: TransactionHost) {}

  versionsOf(worksCouncilId: string): Promise<ConvenantEntity[]> {
    return this.tx.manager.find(ConvenantEntity, {
      where: { worksCouncilId },
      order: { version: 'DESC' },
    });
  }

  confirmedOf(worksCouncilId: string): Promise<ConvenantEntity | null> {
    return this.tx.manager.findOneBy(ConvenantEntity, { worksCouncilId, status: 'confirmed' });
  }

  /**
   * Locks the council's convenant history for a change: versions are numbered per council, so two
   * proposals at once must not both take the next number.
   */
  async lockCouncil(worksCouncilId: string): Promise<void> {
    await this.tx.query(`SELECT id FROM works_council WHERE id = $1 FOR UPDATE`, [worksCouncilId]);
  }

  save(row: Partial<ConvenantEntity>): Promise<ConvenantEntity> {
    return this.tx.manager.save(this.tx.manager.create(ConvenantEntity, row));
  }
}
