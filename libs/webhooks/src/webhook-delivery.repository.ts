import { Injectable } from '@nestjs/common';

import {
  type ClaimedEvent,
  EventLog,
  OUTBOX_CHANNEL,
  type OutboxQueue,
  TransactionHost,
} from '@wc/database';

import { type WebhookDeliveryEntity, type WebhookDeliveryStatus } from './webhook-delivery.entity';

export interface NewDelivery {
  endpointId: string;
  eventId: string;
  eventType: string;
  body: string;
}

/** A delivery with what its attempt needs of its endpoint. */
export interface DeliveryToSend {
  id: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  body: string;
  url: string;
  secret: string;
  enabled: boolean;
}

export interface DeliveryCursor {
  createdAt: string;
  id: string;
}

export interface AttemptOutcome {
  at: Date;
  responseStatus: number | null;
  error: string | null;
  succeeded: boolean;
  /** For a failure: when to try again, or null to give up. */
  nextAttemptAt: Date | null;
}

/** The delivery log's columns, of the table aliased `d`. */
const COLUMNS = `d.id, d.endpoint_id AS "endpointId", d.event_id::text AS "eventId",
  d.event_type AS "eventType", d.status, d.attempts, d.next_attempt_at AS "nextAttemptAt",
  d.last_attempt_at AS "lastAttemptAt", d.response_status AS "responseStatus",
  d.last_error AS "lastError", d.created_at AS "createdAt", d.delivered_at AS "deliveredAt"`;

/** The relay's queue: committed events of a type some enabled endpoint subscribes to (its trigger). */
const RELAY_QUEUE: OutboxQueue = { table: 'webhook_relay_delivery' };

/** The only file that queries `webhook_delivery` and the relay's queue `webhook_relay_delivery`. */
@Injectable()
export class WebhookDeliveryRepository {
  constructor(
    private readonly tx: TransactionHost,
    private readonly eventLog: EventLog,
  ) {}

  /**
   * Claims up to `limit` pending events, in the transaction that writes their deliveries (see
   * `claimOutboxEvents`: disjoint across relays, gone only if that transaction commits).
   */
  claimEvents(limit: number): Promise<ClaimedEvent[]> {
    return this.eventLog.claim(RELAY_QUEUE, limit);
  }

  /** Inserts deliveries (an event relayed twice adds none) and answers the ids of the new ones. */
  async insert(deliveries: readonly NewDelivery[], now: Date): Promise<string[]> {
    if (deliveries.length === 0) {
      return [];
    }
    const rows = await this.tx.manager.query<Array<{ id: string }>>(
      `INSERT INTO webhook_delivery (endpoint_id, event_id, event_type, body, status, attempts, created_at)
       SELECT v.endpoint_id, v.event_id, v.event_type, v.body, 'pending', 0, $5
         FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[]) AS v(endpoint_id, event_id, event_type, body)
       ON CONFLICT (endpoint_id, event_id) DO NOTHING
       RETURNING id`,
      [
        deliveries.map((d) => d.endpointId),
        deliveries.map((d) => d.eventId),
        deliveries.map((d) => d.eventType),
        deliveries.map((d) => d.body),
        now,
      ],
    );
    return rows.map((r) => r.id);
  }

  async forSending(id: string): Promise<DeliveryToSend | null> {
    const [row] = await this.tx.manager.query<DeliveryToSend[]>(
      `SELECT d.id, d.status, d.attempts, d.body, e.url, e.secret, e.enabled
         FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
        WHERE d.id = $1`,
      [id],
    );
    return row ?? null;
  }

  async recordAttempt(id: string, outcome: AttemptOutcome): Promise<void> {
    const status: WebhookDeliveryStatus = outcome.succeeded
      ? 'succeeded'
      : outcome.nextAttemptAt
        ? 'retrying'
        : 'failed';
    await this.tx.manager.query(
      `UPDATE webhook_delivery
          SET attempts = attempts + 1, status = $2, last_attempt_at = $3, response_status = $4,
              last_error = $5, next_attempt_at = $6, delivered_at = CASE WHEN $7 THEN $3 ELSE delivered_at END
        WHERE id = $1`,
      [
        id,
        status,
        outcome.at,
        outcome.responseStatus,
        outcome.error,
        outcome.nextAttemptAt,
        outcome.succeeded,
      ],
    );
  }

  async cancel(id: string, reason: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE webhook_delivery SET status = 'cancelled', next_attempt_at = NULL, last_error = $2 WHERE id = $1`,
      [id, reason],
    );
  }

  /**
   * Claims the retries due by `now` (FOR UPDATE SKIP LOCKED, safe across workers) and marks them
   * pending: their jobs are queued in the same transaction.
   */
  async claimDueRetries(now: Date, limit: number): Promise<string[]> {
    const rows = await this.tx.manager.query<Array<{ id: string }>>(
      // A CTE, so that the statement answers rows (a bare UPDATE answers [rows, count] here).
      `WITH due AS (
         UPDATE webhook_delivery SET status = 'pending', next_attempt_at = NULL
          WHERE id IN (SELECT id FROM webhook_delivery WHERE status = 'retrying' AND next_attempt_at <= $1
                        ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id)
       SELECT id FROM due`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * A manual redelivery: due now, whatever happened before. The NOTIFY (sent at commit) wakes the
   * worker's relay, which queues due deliveries; the API itself queues no jobs.
   */
  async scheduleNow(id: string, now: Date): Promise<void> {
    await this.tx.manager.query(
      `UPDATE webhook_delivery SET status = 'retrying', next_attempt_at = $2 WHERE id = $1`,
      [id, now],
    );
    await this.tx.manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  }

  async get(id: string): Promise<(WebhookDeliveryEntity & { organisationId: string }) | null> {
    const [row] = await this.tx.manager.query<
      Array<WebhookDeliveryEntity & { organisationId: string }>
    >(
      `SELECT ${COLUMNS}, e.organisation_id AS "organisationId"
         FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id WHERE d.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** One endpoint's deliveries, newest first, `limit + 1` rows for the page. */
  listForEndpoint(
    endpointId: string,
    limit: number,
    after: DeliveryCursor | null,
  ): Promise<WebhookDeliveryEntity[]> {
    return this.tx.manager.query(
      `SELECT ${COLUMNS} FROM webhook_delivery d
        WHERE d.endpoint_id = $1 AND ($2::timestamptz IS NULL OR (d.created_at, d.id) < ($2, $3::uuid))
        ORDER BY d.created_at DESC, d.id DESC LIMIT $4`,
      [endpointId, after?.createdAt ?? null, after?.id ?? null, limit + 1],
    );
  }
}
