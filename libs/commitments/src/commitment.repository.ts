import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';

import { type AgendaLineContext, agendaLineSql } from '@wc/access';
import { anyOf, TransactionHost } from '@wc/database';

import { CommitmentEntity } from './commitment.entity';

/** The only file that queries `commitment`. */
@Injectable()
export class CommitmentRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** The open commitments the actor owns on the employer side's cases, as agenda lines. */
  ownedOpenLinesSql({ actor, param, cases }: AgendaLineContext): string {
    return agendaLineSql(
      {
        kind: `'commitment'`,
        side: `'employer'`,
        yours: 'true',
        action: `'meet_commitment'`,
        case_id: 'k.case_id',
        case_title: 'ac.title',
        track: 'k.track',
        due_date: 'k.due_date',
        subject: 'k.condition',
        path: `'/cases/' || k.case_id || '/commitments'`,
        anchor: `'commitment-' || k.id`,
      },
      `FROM commitment k JOIN ${cases} ac ON ac.id = k.case_id AND ac.side = 'employer'
        WHERE k.owner_id = ${param(actor.userId)} AND k.status = 'open'`,
    );
  }

  /** Inserts the conditions not yet recorded for this track; returns the new rows. */
  async insertMissing(rows: ReadonlyArray<Partial<CommitmentEntity>>): Promise<CommitmentEntity[]> {
    if (rows.length === 0) {
      return [];
    }
    const result = await this.tx.manager
      .createQueryBuilder()
      .insert()
      .into(CommitmentEntity)
      .values(rows.map((r) => ({ ...r, version: 1 })))
      .orIgnore()
      .returning('*')
      .execute();
    const ids = (result.raw as Array<{ id: string }>).map((r) => r.id);
    return ids.length > 0 ? this.tx.manager.findBy(CommitmentEntity, { id: In(ids) }) : [];
  }

  get(id: string): Promise<CommitmentEntity | null> {
    return this.tx.manager.findOneBy(CommitmentEntity, { id });
  }

  getForUpdate(id: string): Promise<CommitmentEntity | null> {
    return this.tx.manager.findOne(CommitmentEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  save(commitment: CommitmentEntity): Promise<CommitmentEntity> {
    return this.tx.manager.save(commitment);
  }

  /** Of these cases, every commitment, by case, track and condition. */
  ofCases(caseIds: readonly string[]): Promise<CommitmentEntity[]> {
    if (caseIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.tx.manager.find(CommitmentEntity, {
      where: { caseId: anyOf(caseIds) },
      order: { caseId: 'ASC', track: 'ASC', conditionNo: 'ASC' },
    });
  }

  /** Open commitments with an owner due on or before `until` whose owner was not reminded of that date. */
  dueForReminder(until: string, limit: number): Promise<CommitmentEntity[]> {
    return this.tx.manager
      .createQueryBuilder(CommitmentEntity, 'c')
      .where(`c.status = 'open' AND c.owner_id IS NOT NULL AND c.due_date <= :until`, { until })
      .andWhere('c.reminded_for IS DISTINCT FROM c.due_date')
      .orderBy('c.due_date', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }
}
