import { Injectable } from '@nestjs/common';

import { Clock, currentCorrelationId } from '@wc/core';

import { DomainEventEntity } from './domain-event.entity';
import { TransactionHost } from './transaction-host';

export interface DomainEventDraft {
  /** `<aggregate>.<past_tense>`, e.g. `case.stage_advanced`. */
  type: string;
  organisationId?: string | null;
  worksCouncilId?: string | null;
  caseId?: string | null;
  userId?: string | null;
  payload?: Record<string, unknown>;
}

export const OUTBOX_CHANNEL = 'outbox';

/** Rows per INSERT: 11 columns each stays far below PostgreSQL's 65,535 parameters. */
const INSERT_BATCH = 1000;

/** Appends events inside the caller's transaction; they become visible only if it commits. */
@Injectable()
export class Outbox {
  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  async append(events: readonly DomainEventDraft[], actorId: string | null): Promise<void> {
    if (events.length === 0) {
      return;
    }
    const occurredAt = this.clock.now();
    const correlationId = currentCorrelationId() ?? null;
    const nextSeq = new Map<string, number>();
    for (const caseId of new Set(events.flatMap((e) => (e.caseId ? [e.caseId] : [])))) {
      nextSeq.set(caseId, (await this.lastSeq(caseId)) + 1);
    }
    const rows = events.map((event) => {
      let caseSeq: number | null = null;
      if (event.caseId) {
        caseSeq = nextSeq.get(event.caseId) as number;
        nextSeq.set(event.caseId, caseSeq + 1);
      }
      return {
        type: event.type,
        organisationId: event.organisationId ?? null,
        worksCouncilId: event.worksCouncilId ?? null,
        caseId: event.caseId ?? null,
        caseSeq,
        userId: event.userId ?? null,
        actorId,
        payload: event.payload ?? {},
        occurredAt,
        correlationId,
      };
    });
    // Multi-row INSERTs: a reminder sweep appends thousands of events in one transaction.
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await this.tx.manager
        .createQueryBuilder()
        .insert()
        .into(DomainEventEntity)
        .values(rows.slice(i, i + INSERT_BATCH) as Array<Partial<DomainEventEntity>> as never)
        .updateEntity(false)
        .execute();
    }
    // NOTIFY is held back by PostgreSQL until commit, so relays only wake for committed events.
    await this.tx.manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  }

  private async lastSeq(caseId: string): Promise<number> {
    const [row] = await this.tx.manager.query<Array<{ max: number | null }>>(
      `SELECT max(case_seq) AS max FROM domain_event WHERE case_id = $1`,
      [caseId],
    );
    return row?.max ?? 0;
  }
}
