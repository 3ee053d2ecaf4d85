import { Inject, Injectable } from '@nestjs/common';

import type { EventPayload, EventType } from '@wc/contracts';
import { Clock, currentCorrelationId } from '@wc/core';

import { DomainEventEntity } from './domain-event.entity';
import { TransactionHost } from './transaction-host';

/** Where an event belongs: the rooms the relays route it to, and the case whose sequence numbers it. */
export interface EventScope {
  organisationId?: string | null;
  worksCouncilId?: string | null;
  caseId?: string | null;
  userId?: string | null;
}

/**
 * One event for the outbox: a type of the @wc/contracts event map with that type's payload. Any
 * other string, or a payload of another shape, does not compile (house style B.3).
 */
export type DomainEventDraft<T extends EventType = EventType> = {
  [K in T]: EventScope & { type: K; payload: EventPayload<K> };
}[T];

/** An event whose type the caller passes on (a service's `emit(type, ...)` helper). */
export function domainEvent<T extends EventType>(
  type: T,
  payload: EventPayload<T>,
  scope: EventScope = {},
): DomainEventDraft {
  // TypeScript cannot see that `{ type: T; payload: EventPayload<T> }` is one member of the union.
  return { ...scope, type, payload } as DomainEventDraft;
}

/**
 * Locks case rows for the rest of the transaction. `@wc/access` provides it (`AccessService`
 * holds the one lock query); a port, because `@wc/access` itself builds on this lib.
 */
export interface CaseLock {
  lockCases(caseIds: readonly string[]): Promise<void>;
}

export const CASE_LOCK = Symbol('CASE_LOCK');

export const OUTBOX_CHANNEL = 'outbox';

/** Rows per INSERT: 11 columns each stays far below PostgreSQL's 65,535 parameters. */
const INSERT_BATCH = 1000;

/**
 * Appends events inside the caller's transaction; they become visible only if it commits. It
 * locks the cases of the events itself, so their `case_seq` stays gap-free and unique whether or
 * not the caller locked them first (a second lock in the same transaction is free).
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    @Inject(CASE_LOCK) private readonly caseLock: CaseLock,
  ) {}

  async append(events: readonly DomainEventDraft[], actorId: string | null): Promise<void> {
    if (events.length === 0) {
      return;
    }
    const occurredAt = this.clock.now();
    const correlationId = currentCorrelationId() ?? null;
    const nextSeq = new Map<string, number>();
    const caseIds = [...new Set(events.flatMap((e) => (e.caseId ? [e.caseId] : [])))];
    await this.caseLock.lockCases(caseIds);
    for (const caseId of caseIds) {
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
        payload: event.payload,
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
