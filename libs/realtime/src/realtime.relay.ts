import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { APP_CONFIG, type AppConfig } from '@wc/config';
import type { CaseAction, EventType } from '@wc/contracts';
import { type EventAudience, eventPartiesFor, eventPayloadFor } from '@wc/core';
import {
  type ClaimedEvent,
  claimOutboxEvents,
  OUTBOX_CHANNEL,
  type OutboxQueue,
} from '@wc/database';
import { Metrics } from '@wc/metrics';

import type { RealtimeEvent } from './realtime.events';
import { RealtimeGateway } from './realtime.gateway';
import { DEFAULT_RELAY_LEASE, RelayLease, type RelayLeaseOptions } from './relay-lease';
import { roomsFor } from './rooms';

/** The case update (`payload.action`) that moves a case to another committee, or to none. */
const COMMITTEE_ASSIGNED: CaseAction = 'case.committee_assigned';

/** Tuning knobs; the defaults suit production. */
export interface RealtimeRelayOptions {
  /** Safety poll (and leadership retry) interval; NOTIFY normally wakes the relay long before. */
  pollIntervalMs: number;
  /** Events claimed per transaction. */
  batchSize: number;
  /** The leader's lease (see RelayLease). */
  lease?: RelayLeaseOptions;
}

export const REALTIME_RELAY_OPTIONS = Symbol('REALTIME_RELAY_OPTIONS');
export const DEFAULT_RELAY_OPTIONS: RealtimeRelayOptions = { pollIntervalMs: 3000, batchSize: 500 };

/** Emitted by `@wc/unions` when a council revokes a union share: open sockets must lose access at once. */
const UNION_SHARE_REVOKED: EventType = 'union_share.revoked';

/** A membership changed or a session ended (issue #14): the user's open sockets are re-checked at once. */
const ACCESS_EVENTS = new Set<EventType>(['membership.changed', 'session.revoked']);

/** One relay per database holds this session lock; the others stand by. */
const LEADER_LOCK_SQL = `SELECT pg_try_advisory_lock(hashtextextended('overleg.realtime_relay', 0)) AS locked`;

/**
 * The relay's queue: every committed event, stamped when queued (the relay lag metric). The claim
 * (`claimOutboxEvents`) runs in the relay's own transaction: the rows disappear on COMMIT, which
 * runs after the emit. SKIP LOCKED is belt and braces; with the leader lock no second relay
 * competes for them.
 */
const RELAY_QUEUE: OutboxQueue = { table: 'realtime_delivery', timed: true };

/**
 * Pushes committed domain events to the sockets entitled to them (house style B.5), in the API.
 *
 * - What is pending: `realtime_delivery`, filled by a trigger in the event's own transaction, so
 *   only committed events are ever seen, none is skipped whatever order ids commit in, and a
 *   rolled-back one never exists.
 * - Who relays: one instance per database, the holder of a session advisory lock taken on the
 *   relay's own connection. If that connection or process dies, the lock goes with it and the next
 *   instance to wake takes over. With the Redis adapter one emit reaches clients on every instance.
 * - When: on every `outbox` NOTIFY (sent at commit), at start-up, and on a safety poll.
 * - Delivery is at least once: the claim commits after the emit, so a crash in between re-emits
 *   on the next leader. Clients ignore an `eventId`/`caseSeq` they already have.
 */
@Injectable()
export class RealtimeRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeRelay.name);
  private client: Client | null = null;
  private leader = false;
  private running: Promise<void> | null = null;
  /** A wake-up arrived during a run: run once more after it (a flag, not a queue). */
  private rerun = false;
  private stopped = false;
  private reconnectDelayMs = 0;
  private pollTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly lease: RelayLease;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REALTIME_RELAY_OPTIONS) private readonly options: RealtimeRelayOptions,
    private readonly gateway: RealtimeGateway,
    private readonly metrics: Metrics,
    dataSource: DataSource,
  ) {
    this.lease = new RelayLease(options.lease ?? DEFAULT_RELAY_LEASE);
    metrics.onScrape(async () => {
      const [{ pending }] = await dataSource.query<Array<{ pending: number }>>(
        `SELECT count(*)::int AS pending FROM realtime_delivery`,
      );
      metrics.outboxBacklog.set({ consumer: 'realtime' }, pending);
    });
  }

  /** Whether this instance is the one relaying (for tests and diagnostics). */
  get isLeader(): boolean {
    return this.leader;
  }

  async onApplicationBootstrap(): Promise<void> {
    // Each cycle renews the leader's lease, or lets a standby ask for the lock.
    this.pollTimer = setInterval(
      () => this.wake(),
      Math.min(this.options.pollIntervalMs, this.lease.options.renewEveryMs),
    );
    this.pollTimer.unref();
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.reconnectTimer);
    await this.running;
    const client = this.client;
    this.client = null;
    this.leader = false;
    // Ending the session releases the advisory lock; a standby takes over at its next wake-up.
    await client?.end().catch(() => undefined);
  }

  /** Runs a relay cycle now, or right after the current one. Safe to call at any rate. */
  wake(): void {
    if (this.stopped || !this.client) {
      return;
    }
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = this.cycle(this.client).finally(() => {
      this.running = null;
      if (this.rerun) {
        this.rerun = false;
        this.wake();
      }
    });
  }

  private async connect(): Promise<void> {
    if (this.stopped) {
      return;
    }
    const client = new Client({
      connectionString: this.config.database.url,
      application_name: 'overleg-realtime-relay',
    });
    client.on('notification', () => this.wake());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      await this.lease.apply(client);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.reconnectDelayMs = 0;
    this.wake();
    await this.running;
  }

  /** Drops a broken connection (and with it leadership) and reconnects with backoff. */
  private lost(client: Client, error: unknown): void {
    // Each connection is reported lost once; later errors and the end it causes are expected.
    client.removeAllListeners('error');
    client.removeAllListeners('end');
    client.removeAllListeners('notification');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.client !== null && this.client !== client) {
      return; // an older connection, already replaced
    }
    this.client = null;
    this.leader = false;
    if (this.stopped || this.reconnectTimer) {
      return;
    }
    this.reconnectDelayMs = Math.min(Math.max(this.reconnectDelayMs * 2, 500), 30_000);
    this.logger.warn(
      {
        err: error instanceof Error ? error.message : String(error),
        retryInMs: this.reconnectDelayMs,
      },
      'realtime relay connection lost',
    );
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, this.reconnectDelayMs);
    this.reconnectTimer.unref();
  }

  private async cycle(client: Client): Promise<void> {
    try {
      if (!this.leader) {
        const { rows } = await client.query<{ locked: boolean }>(LEADER_LOCK_SQL);
        this.lease.renewed();
        if (!rows[0]?.locked) {
          return;
        }
        this.leader = true;
        this.logger.log('realtime relay is active on this instance');
      }
      while (!this.stopped && (await this.relayBatch(client)) === this.options.batchSize) {
        // A full batch: there may be more.
      }
    } catch (error) {
      this.lost(client, error);
    }
  }

  private async relayBatch(client: Client): Promise<number> {
    await client.query('BEGIN');
    try {
      const rows = await claimOutboxEvents(
        (sql, parameters) => client.query<object>(sql, parameters).then((result) => result.rows),
        RELAY_QUEUE,
        this.options.batchSize,
      );
      this.lease.renewed();
      for (const row of rows) {
        if (!this.lease.held) {
          // Stopped or starved past the lease: another leader may be emitting these rows already.
          throw new Error('relay lease expired');
        }
        const rooms = roomsFor({
          type: row.type,
          caseId: row.caseId,
          worksCouncilId: row.worksCouncilId,
          userId: row.userId,
          caseStatus: typeof row.payload.status === 'string' ? row.payload.status : null,
          committeeId: typeof row.payload.committeeId === 'string' ? row.payload.committeeId : null,
          previousCommitteeId:
            typeof row.payload.previousCommitteeId === 'string'
              ? row.payload.previousCommitteeId
              : null,
          aboutCase: typeof row.payload.subjectCaseId === 'string',
        });
        if (
          row.type === 'case.updated' &&
          row.payload.action === COMMITTEE_ASSIGNED &&
          row.caseId
        ) {
          // Before the event: members of the committee that gave the case up stop hearing of it.
          await this.gateway.recheckCaseSockets(row.caseId);
        }
        if (ACCESS_EVENTS.has(row.type) && row.userId) {
          // Before the event and all later ones: the user's sockets get the rooms its access now gives.
          await this.gateway.recheckUserSockets(row.userId);
        }
        this.gateway.publish(rooms, (audience) => toRealtimeEvent(row, audience));
        this.metrics.relayLag.observe(row.queuedSeconds ?? 0);
        if (
          row.type === UNION_SHARE_REVOKED &&
          typeof row.payload.unionOrganisationId === 'string'
        ) {
          // Awaited: no later event of this batch may reach a socket whose access just ended.
          await this.gateway.recheckUnionSockets(row.payload.unionOrganisationId);
        }
        this.logger.log(
          {
            eventId: row.id,
            type: row.type,
            caseId: row.caseId,
            caseSeq: row.caseSeq,
            rooms: rooms.length,
          },
          'realtime event relayed',
        );
      }
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}

/** Payload fields that only route an event; sockets are not told which committee prepares a case. */
const ROUTING_FIELDS = ['committeeId', 'previousCommitteeId'];

/** The event as `audience` may see it: the payload and parties the HTTP event log would show it. */
function toRealtimeEvent(row: ClaimedEvent, audience: EventAudience): RealtimeEvent {
  const payload = eventPayloadFor(audience, row.payload);
  return {
    // The payload holds ids and versions only, by the outbox contract; our fields win on a clash.
    ...Object.fromEntries(Object.entries(payload).filter(([key]) => !ROUTING_FIELDS.includes(key))),
    type: row.type,
    eventId: row.id,
    caseId: row.caseId,
    caseSeq: row.caseSeq,
    ...eventPartiesFor(audience, {
      organisationId: row.organisationId,
      worksCouncilId: row.worksCouncilId,
      userId: row.userId,
    }),
    occurredAt: row.occurredAt.toISOString(),
  };
}
