import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';

import { AccessService, type CaseAccess, type UnionScope } from '@wc/access';
import { type Actor, Role } from '@wc/auth';
import { APP_CONFIG, type AppConfig } from '@wc/config';
import { Clock } from '@wc/core';
import { OutboxWakeups, TransactionHost } from '@wc/database';
import { JobQueue, type QueuedJob } from '@wc/notifications';

import {
  isWebhookEventType,
  WEBHOOK_EVENT_RULES,
  webhookBody,
  type WebhookEventFacts,
} from './domain';
import { type NewDelivery, WebhookDeliveryRepository } from './webhook-delivery.repository';
import { type SubscribedEndpoint, WebhookEndpointRepository } from './webhook-endpoint.repository';
import { WEBHOOKS_OPTIONS, type WebhooksOptions } from './webhooks.options';

export const WEBHOOK_QUEUE = 'webhook_delivery';

export interface WebhookRelayReport {
  events: number;
  deliveries: number;
  retries: number;
}

/** Far above any real backlog; only stops a runaway loop. */
const MAX_BATCHES = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The synthetic actor of an organisation's endpoints has no user of its own. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

/**
 * The webhook relay (house style B.5), in the worker. It never calls a receiver itself, so a slow
 * or failing endpoint holds back nothing: it turns committed events into `webhook_delivery` rows
 * and one pg-boss job per delivery, in one transaction per batch, and queues the deliveries whose
 * retry has fallen due. What each endpoint receives is decided by @wc/access, as if the
 * organisation's endpoints were one of its people: an employer's sees its own cases, a union's only
 * what an active share of its union covers, at the share's scope, and no confidential document.
 */
@Injectable()
export class WebhookRelay implements OnModuleDestroy {
  private readonly logger = new Logger(WebhookRelay.name);
  private readonly wakeups: OutboxWakeups;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    private readonly queue: JobQueue,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly access: AccessService,
  ) {
    this.wakeups = new OutboxWakeups(
      'overleg-webhook-relay',
      config.database.url,
      options.relay.pollIntervalMs,
      () => this.relayPending(),
    );
  }

  start(): Promise<void> {
    return this.wakeups.start();
  }

  stop(): Promise<void> {
    return this.wakeups.stop();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Relays pending events, then queues due retries. Tests call it directly; the worker on wake-ups. */
  async relayPending(): Promise<WebhookRelayReport> {
    const report: WebhookRelayReport = { events: 0, deliveries: 0, retries: 0 };
    for (let i = 0; i < MAX_BATCHES; i++) {
      const batch = await this.relayBatch();
      report.events += batch.events;
      report.deliveries += batch.deliveries;
      if (batch.events < this.options.relay.batchSize) {
        break;
      }
    }
    for (let i = 0; i < MAX_BATCHES; i++) {
      const retries = await this.queueDueRetries();
      report.retries += retries;
      if (retries < this.options.relay.batchSize) {
        break;
      }
    }
    if (report.deliveries + report.retries > 0) {
      this.queue.wake(WEBHOOK_QUEUE);
      this.logger.log(`webhook relay: ${JSON.stringify(report)}`);
    }
    return report;
  }

  private relayBatch(): Promise<{ events: number; deliveries: number }> {
    return this.tx.run(async () => {
      const claimed = await this.deliveries.claimEvents(this.options.relay.batchSize);
      const events = claimed.flatMap((e) =>
        isWebhookEventType(e.type)
          ? [{ ...e, type: e.type, caseId: e.caseId ?? uuidOrNull(e.payload.caseId) }]
          : [],
      );
      const endpoints = await this.endpoints.subscribedTo(events.map((e) => e.type));
      const ids = await this.deliveries.insert(
        await this.deliveriesFor(events, endpoints),
        this.clock.now(),
      );
      await this.queue.enqueueInTransaction(WEBHOOK_QUEUE, ids.map(deliveryJob));
      return { events: claimed.length, deliveries: ids.length };
    });
  }

  private queueDueRetries(): Promise<number> {
    return this.tx.run(async () => {
      const ids = await this.deliveries.claimDueRetries(
        this.clock.now(),
        this.options.relay.batchSize,
      );
      await this.queue.enqueueInTransaction(WEBHOOK_QUEUE, ids.map(deliveryJob));
      return ids.length;
    });
  }

  /** Per subscribing organisation, one visibility question for all the batch's cases. */
  private async deliveriesFor(
    events: ReadonlyArray<WebhookEventFacts & { organisationId: string | null }>,
    endpoints: readonly SubscribedEndpoint[],
  ): Promise<NewDelivery[]> {
    const byOrganisation = new Map<string, SubscribedEndpoint[]>();
    for (const endpoint of endpoints) {
      byOrganisation.set(endpoint.organisationId, [
        ...(byOrganisation.get(endpoint.organisationId) ?? []),
        endpoint,
      ]);
    }
    const kinds = await this.access.organisationKinds([...byOrganisation.keys()]);
    const result: NewDelivery[] = [];
    for (const [organisationId, own] of byOrganisation) {
      const kind = kinds.get(organisationId);
      if (!kind) {
        continue;
      }
      const candidates = events.filter((e) => {
        const rule = WEBHOOK_EVENT_RULES[e.type];
        const wanted = own.some((endpoint) => endpoint.eventTypes.includes(e.type));
        return kind === 'employer'
          ? wanted && rule.employer && e.organisationId === organisationId
          : wanted && rule.union !== null;
      });
      if (candidates.length === 0) {
        continue;
      }
      const actor = organisationActor(organisationId, kind);
      const onCases = candidates.filter(
        (e) => WEBHOOK_EVENT_RULES[e.type].subject !== 'union_share',
      );
      const cases = await this.access.cases(
        actor,
        onCases.flatMap((e) => (e.caseId ? [e.caseId] : [])),
      );
      const documentIds = onCases.flatMap((e) =>
        WEBHOOK_EVENT_RULES[e.type].subject === 'document' && uuidOrNull(e.payload.documentId)
          ? [e.payload.documentId as string]
          : [],
      );
      const documents =
        documentIds.length > 0
          ? await this.access.checkDocumentAccess(actor, documentIds)
          : new Set<string>();
      for (const event of candidates) {
        if (!mayReceive(event, kind, organisationId, cases, documents)) {
          continue;
        }
        const body = JSON.stringify(webhookBody(event, kind));
        for (const endpoint of own.filter((o) => o.eventTypes.includes(event.type))) {
          result.push({ endpointId: endpoint.id, eventId: event.id, eventType: event.type, body });
        }
      }
    }
    return result;
  }
}

function mayReceive(
  event: WebhookEventFacts,
  kind: 'employer' | 'union',
  organisationId: string,
  cases: ReadonlyMap<string, CaseAccess>,
  documents: ReadonlySet<string>,
): boolean {
  const rule = WEBHOOK_EVENT_RULES[event.type];
  if (rule.subject === 'union_share') {
    // The share's own union hears of it, also of a revocation (when it no longer sees the case).
    return kind === 'union' && event.payload.unionOrganisationId === organisationId;
  }
  const access = event.caseId ? cases.get(event.caseId) : undefined;
  if (!access) {
    return false;
  }
  const sideOk =
    kind === 'employer'
      ? access.side === 'employer'
      : access.side === 'union' && covers(access.unionScope, rule.union);
  return (
    sideOk && (rule.subject !== 'document' || documents.has(event.payload.documentId as string))
  );
}

function covers(actual: UnionScope | null, needed: UnionScope | null): boolean {
  return needed !== null && actual !== null && (needed === 'status' || actual === 'dossier');
}

/** The organisation's endpoints see what any of its people in the least-trusted matching role would. */
function organisationActor(organisationId: string, kind: 'employer' | 'union'): Actor {
  return {
    userId: NO_USER,
    organisationId,
    language: 'nl',
    memberships: [
      {
        membershipId: NO_USER,
        organisationId,
        worksCouncilId: null,
        committeeId: null,
        role: kind === 'employer' ? Role.HrManager : Role.UnionOfficer,
      },
    ],
  };
}

/**
 * One job per attempt: the sender records the outcome and schedules any retry itself, so pg-boss
 * only retries an attempt whose worker died (its row is still pending).
 */
function deliveryJob(deliveryId: string): QueuedJob {
  return {
    id: randomUUID(),
    data: { deliveryId },
    retryLimit: 2,
    retryDelay: 30,
    retryBackoff: true,
  };
}

function uuidOrNull(value: unknown): string | null {
  return typeof value === 'string' && UUID.test(value) ? value : null;
}
