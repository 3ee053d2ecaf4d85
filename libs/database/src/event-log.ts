import { Injectable } from '@nestjs/common';

import type { EventType } from '@wc/contracts';

import { ident } from './backup';
import { TransactionHost } from './transaction-host';

/**
 * A committed event as the outbox published it (house style B.5). Its consumers read events only
 * through this lib (issue #13): `domain_event` is this lib's table, and its shape stays here.
 */
export interface PublishedEvent {
  id: string;
  type: EventType;
  organisationId: string | null;
  worksCouncilId: string | null;
  caseId: string | null;
  caseSeq: number | null;
  userId: string | null;
  actorId: string | null;
  payload: Record<string, unknown>;
  occurredAt: Date;
  correlationId: string | null;
}

/** A claimed event, with how long it waited in the consumer's queue (when the queue keeps that). */
export interface ClaimedEvent extends PublishedEvent {
  queuedSeconds: number | null;
}

/**
 * A consumer's queue of committed events: the consumer's own table of `event_id bigint` (primary
 * key, referencing `domain_event`), filled by its trigger on `domain_event` in the event's own
 * transaction, so only committed events are ever in it and none is skipped whatever order ids
 * commit in. The consumer owns the table (and which events its trigger queues); this lib owns
 * how it is claimed.
 */
export interface OutboxQueue {
  readonly table: string;
  /** The queue stamps `enqueued_at` on its rows: the claim answers each event's time in it. */
  readonly timed?: boolean;
}

/** Runs one statement on some connection: the transaction host's, or a relay's own session. */
export type SqlQuery = (sql: string, parameters: unknown[]) => Promise<unknown[]>;

const EVENT_COLUMNS = `e.id::text AS id, e.type, e.organisation_id AS "organisationId",
  e.works_council_id AS "worksCouncilId", e.case_id AS "caseId", e.case_seq AS "caseSeq",
  e.user_id AS "userId", e.actor_id AS "actorId", e.payload, e.occurred_at AS "occurredAt",
  e.correlation_id AS "correlationId"`;

/**
 * Claims up to `limit` events of `queue` in id order and answers them, in one statement on
 * `query`'s connection. The claim is a DELETE inside the caller's transaction: the rows go only
 * if it commits, after the caller has acted on them (at least once: a crash in between leaves
 * them queued). FOR UPDATE SKIP LOCKED, so claimants in several processes take disjoint events;
 * per-case order holds because a case's events are queued in their commit order, which is the
 * order of their ids (the outbox locks the case row while it appends).
 */
export async function claimOutboxEvents(
  query: SqlQuery,
  queue: OutboxQueue,
  limit: number,
): Promise<ClaimedEvent[]> {
  const table = ident(queue.table);
  const queued = queue.timed
    ? 'extract(epoch FROM clock_timestamp() - c.enqueued_at)::float8'
    : 'NULL::float8';
  const rows = (await query(
    `WITH claimed AS (
       DELETE FROM ${table}
        WHERE event_id IN (SELECT event_id FROM ${table} ORDER BY event_id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING *)
     SELECT ${EVENT_COLUMNS}, ${queued} AS "queuedSeconds"
       FROM domain_event e JOIN claimed c ON c.event_id = e.id
      ORDER BY e.id`,
    [limit],
  )) as ClaimedEvent[];
  return rows.map((row) => ({ ...row, payload: row.payload ?? {} }));
}

/** The outbox's published events, read for its consumers in the caller's transaction. */
@Injectable()
export class EventLog {
  constructor(private readonly tx: TransactionHost) {}

  /** See `claimOutboxEvents`; on the transaction host's connection. */
  claim(queue: OutboxQueue, limit: number): Promise<ClaimedEvent[]> {
    return claimOutboxEvents((sql, parameters) => this.tx.query(sql, parameters), queue, limit);
  }

  /** Events of `queue` not claimed yet (the relay's backlog). */
  async pending(queue: OutboxQueue): Promise<number> {
    const [{ pending }] = await this.tx.query<{ pending: number }>(
      `SELECT count(*)::int AS pending FROM ${ident(queue.table)}`,
    );
    return pending;
  }

  /**
   * A case's events after position `after` of its log, in order (a client catching up after a
   * reconnect). Without `withInternal`, the council's internal events (`internal.*`) are left out.
   */
  caseEventsAfter(
    caseId: string,
    after: number,
    limit: number,
    withInternal: boolean,
  ): Promise<PublishedEvent[]> {
    return this.tx.query<PublishedEvent>(
      `SELECT ${EVENT_COLUMNS} FROM domain_event e
        WHERE e.case_id = $1 AND e.case_seq > $2 AND ($4::boolean OR e.type NOT LIKE 'internal.%')
        ORDER BY e.case_seq LIMIT $3`,
      [caseId, after, limit, withInternal],
    );
  }

  /** The events of one type of these cases, in the order they were published. */
  caseEventsOfType(caseIds: readonly string[], type: EventType): Promise<PublishedEvent[]> {
    return this.tx.query<PublishedEvent>(
      `SELECT ${EVENT_COLUMNS} FROM domain_event e
        WHERE e.case_id = ANY($1::uuid[]) AND e.type = $2
        ORDER BY e.case_id, e.case_seq`,
      [caseIds, type],
    );
  }
}
