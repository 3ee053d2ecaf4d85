import { Injectable } from '@nestjs/common';

import { agendaLineSql } from '@wc/access';
import { TransactionHost } from '@wc/database';

import { CouncilRequestEntity } from './council-request.entity';
import { CouncilSignalEntity } from './council-signal.entity';

export interface KeysetAfter {
  at: string;
  id: string;
}

/** The only file that queries `council_signal` and `council_request`. */
@Injectable()
export class IntakeRepository {
  constructor(private readonly tx: TransactionHost) {}

  saveSignal(fields: Partial<CouncilSignalEntity>): Promise<CouncilSignalEntity> {
    return this.tx.manager.save(this.tx.manager.create(CouncilSignalEntity, fields));
  }

  signalForUpdate(id: string): Promise<CouncilSignalEntity | null> {
    return this.tx.manager.findOne(CouncilSignalEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  signal(id: string): Promise<CouncilSignalEntity | null> {
    return this.tx.manager.findOneBy(CouncilSignalEntity, { id });
  }

  /** Newest first, `limit + 1` rows after the cursor. */
  signalsOf(
    worksCouncilId: string,
    limit: number,
    after: KeysetAfter | null,
  ): Promise<CouncilSignalEntity[]> {
    const qb = this.tx.manager
      .createQueryBuilder(CouncilSignalEntity, 's')
      .where('s.works_council_id = :worksCouncilId', { worksCouncilId });
    if (after) {
      qb.andWhere('(s.raised_at, s.id) < (:at, :id)', { at: after.at, id: after.id });
    }
    return qb
      .orderBy('s.raised_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(limit + 1)
      .getMany();
  }

  saveRequest(fields: Partial<CouncilRequestEntity>): Promise<CouncilRequestEntity> {
    return this.tx.manager.save(this.tx.manager.create(CouncilRequestEntity, fields));
  }

  requestForUpdate(id: string): Promise<CouncilRequestEntity | null> {
    return this.tx.manager.findOne(CouncilRequestEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  request(id: string): Promise<CouncilRequestEntity | null> {
    return this.tx.manager.findOneBy(CouncilRequestEntity, { id });
  }

  requestsOfSignals(signalIds: readonly string[]): Promise<CouncilRequestEntity[]> {
    if (signalIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.tx.manager
      .createQueryBuilder(CouncilRequestEntity, 'r')
      .where('r.signal_id IN (:...signalIds)', { signalIds })
      .orderBy('r.requested_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  /** Newest first, `limit + 1` rows after the cursor. */
  requestsOf(
    worksCouncilId: string,
    limit: number,
    after: KeysetAfter | null,
  ): Promise<CouncilRequestEntity[]> {
    const qb = this.tx.manager
      .createQueryBuilder(CouncilRequestEntity, 'r')
      .where('r.works_council_id = :worksCouncilId', { worksCouncilId });
    if (after) {
      qb.andWhere('(r.requested_at, r.id) < (:at, :id)', { at: after.at, id: after.id });
    }
    return qb
      .orderBy('r.requested_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit + 1)
      .getMany();
  }

  /**
   * The open requests of these councils (placeholders), or of councils of these employers, as
   * agenda lines; `ruleOfKind` maps a request's kind to the rule of its term.
   */
  openRequestLinesSql(p: {
    councilIds: string;
    employerOrganisationIds: string;
    ruleOfKind: string;
  }): string {
    return agendaLineSql(
      {
        kind: `'council_request'`,
        side: `'employer'`,
        yours: `r.organisation_id = ANY(${p.employerOrganisationIds})`,
        action: `'answer_council_request'`,
        rule_id: `${p.ruleOfKind}::jsonb ->> r.kind`,
        due_date: 'r.due_date',
        subject: 'r.subject',
        path: `'/intake'`,
        anchor: `'council-request-' || r.id`,
      },
      `FROM council_request r WHERE r.status = 'open'
         AND (r.works_council_id = ANY(${p.councilIds}) OR r.organisation_id = ANY(${p.employerOrganisationIds}))`,
    );
  }
}
