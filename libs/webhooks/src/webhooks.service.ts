import type { NotFoundSubject } from '@wc/contracts';
import { randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { type Actor, hasRoleIn, Role } from '@wc/auth';
import { APP_CONFIG, type AppConfig } from '@wc/config';
import { BadRequest, Clock, Conflict, NotFound, SecretBox } from '@wc/core';
import { TransactionHost } from '@wc/database';
import {
  pageOfSorted,
  type CursorPageQueryDto,
  decodeCursor,
  limitOf,
  type Page,
  pageFrom,
} from '@wc/pagination';

import { urlProblem, WEBHOOK_EVENT_RULES, WEBHOOK_EVENT_TYPES } from './domain';
import type {
  CreateWebhookEndpointDto,
  UpdateWebhookEndpointDto,
  WebhookDeliveryResponse,
  WebhookEndpointResponse,
  WebhookEndpointSecretResponse,
  WebhookEventTypeResponse,
} from './dto/webhook.dto';
import type { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { type DeliveryCursor, WebhookDeliveryRepository } from './webhook-delivery.repository';
import { webhookSecretBox } from './webhook-secret';
import type { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

/**
 * Webhook endpoints and their delivery log (issue #21), for the administrators of the organisation
 * that owns them (an employer, or a union). Another organisation's endpoints and deliveries do not
 * exist for anyone else (404).
 */
@Injectable()
export class WebhooksService {
  private readonly box: SecretBox;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {
    this.box = webhookSecretBox(config);
  }

  /** One page of the event catalogue, by type (a fixed list of a few dozen). */
  eventTypes(query: CursorPageQueryDto): Page<WebhookEventTypeResponse> {
    return pageOfSorted(
      WEBHOOK_EVENT_TYPES.map((type) => ({ type, ...pickRule(type) })),
      query,
      (t) => [t.type],
    );
  }

  /** One page of the organisation's endpoints, oldest first (an organisation has a handful). */
  async list(
    actor: Actor,
    organisationId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<WebhookEndpointResponse>> {
    assertAdminOf(actor, organisationId, 'organisation');
    const endpoints = (await this.endpoints.listForOrganisation(organisationId)).map(
      toEndpointResponse,
    );
    return pageOfSorted(endpoints, query, (e) => [e.createdAt, e.id]);
  }

  create(
    actor: Actor,
    organisationId: string,
    dto: CreateWebhookEndpointDto,
  ): Promise<WebhookEndpointSecretResponse> {
    assertAdminOf(actor, organisationId, 'organisation');
    this.assertUrl(dto.url);
    return this.tx.run(async () => {
      const now = this.clock.now();
      const secret = newSecret();
      const saved = await this.endpoints.save(
        this.endpoints.create({
          organisationId,
          url: dto.url,
          description: dto.description ?? '',
          eventTypes: dto.eventTypes,
          enabled: dto.enabled ?? true,
          secret: this.box.seal(secret),
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        }),
      );
      return { ...toEndpointResponse(saved), secret };
    });
  }

  update(
    actor: Actor,
    endpointId: string,
    dto: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointResponse> {
    if (dto.url !== undefined) {
      this.assertUrl(dto.url);
    }
    return this.mutate(actor, endpointId, dto.version, (endpoint) => {
      endpoint.url = dto.url ?? endpoint.url;
      endpoint.description = dto.description ?? endpoint.description;
      endpoint.eventTypes = dto.eventTypes ?? endpoint.eventTypes;
      endpoint.enabled = dto.enabled ?? endpoint.enabled;
    }).then(toEndpointResponse);
  }

  /** A new secret at once; the old one stops verifying with the next delivery. */
  async rotateSecret(actor: Actor, endpointId: string): Promise<WebhookEndpointSecretResponse> {
    const secret = newSecret();
    const saved = await this.mutate(actor, endpointId, null, (endpoint) => {
      endpoint.secret = this.box.seal(secret);
    });
    return { ...toEndpointResponse(saved), secret };
  }

  /** Deletes the endpoint and its delivery log; its queued attempts find nothing to send. */
  async remove(actor: Actor, endpointId: string): Promise<void> {
    await this.tx.run(async () => {
      const endpoint = await this.endpoints.getForUpdate(endpointId);
      assertOwnEndpoint(actor, endpoint);
      await this.endpoints.delete(endpointId);
    });
  }

  async listDeliveries(
    actor: Actor,
    endpointId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<WebhookDeliveryResponse>> {
    assertOwnEndpoint(actor, await this.endpoints.get(endpointId));
    const limit = limitOf(query);
    const after = query.cursor ? decodeCursor(query.cursor, isDeliveryCursor) : null;
    const rows = await this.deliveries.listForEndpoint(endpointId, limit, after);
    return pageFrom(
      rows,
      limit,
      (r) => ({ createdAt: r.createdAt.toISOString(), id: r.id }),
      toDeliveryResponse,
    );
  }

  /**
   * Sends a delivery again, with the same body and `webhook-id` (receivers deduplicate on it):
   * it becomes due now, and the worker's relay (woken through the outbox channel) queues it.
   */
  async redeliver(actor: Actor, deliveryId: string): Promise<WebhookDeliveryResponse> {
    return this.tx.run(async () => {
      const delivery = await this.deliveries.get(deliveryId);
      if (
        !delivery ||
        !hasRoleIn(actor, [Role.OrgAdmin], { organisationId: delivery.organisationId })
      ) {
        throw new NotFound('webhook_delivery');
      }
      if (delivery.status === 'pending') {
        throw new Conflict(
          'webhook_delivery.already_pending',
          'This delivery is being sent already.',
        );
      }
      await this.deliveries.scheduleNow(deliveryId, this.clock.now());
      return toDeliveryResponse((await this.deliveries.get(deliveryId)) as WebhookDeliveryEntity);
    });
  }

  private mutate(
    actor: Actor,
    endpointId: string,
    expectedVersion: number | null,
    change: (endpoint: WebhookEndpointEntity) => void,
  ): Promise<WebhookEndpointEntity> {
    return this.tx.run(async () => {
      const endpoint = await this.endpoints.getForUpdate(endpointId);
      const own = assertOwnEndpoint(actor, endpoint);
      if (expectedVersion !== null && own.version !== expectedVersion) {
        throw new Conflict(
          'webhook_endpoint.version_conflict',
          'Someone else changed this endpoint; reload it and try again.',
          { currentVersion: own.version },
        );
      }
      change(own);
      own.updatedAt = this.clock.now();
      return this.endpoints.save(own);
    });
  }

  private assertUrl(url: string): void {
    const problem = urlProblem(url, this.config.webhooks);
    if (problem) {
      throw new BadRequest('webhook_endpoint.url_not_allowed', `The URL ${problem}.`, {}, [
        { path: 'url', message: problem },
      ]);
    }
  }
}

function pickRule(type: keyof typeof WEBHOOK_EVENT_RULES): Omit<WebhookEventTypeResponse, 'type'> {
  const rule = WEBHOOK_EVENT_RULES[type];
  return { employer: rule.employer, union: rule.union };
}

/** Standard Webhooks secrets: `whsec_` and 32 random bytes in base64. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

function assertAdminOf(actor: Actor, organisationId: string, what: NotFoundSubject): void {
  if (!hasRoleIn(actor, [Role.OrgAdmin], { organisationId })) {
    throw new NotFound(what);
  }
}

function assertOwnEndpoint(
  actor: Actor,
  endpoint: WebhookEndpointEntity | null,
): WebhookEndpointEntity {
  if (!endpoint) {
    throw new NotFound('webhook_endpoint');
  }
  assertAdminOf(actor, endpoint.organisationId, 'webhook_endpoint');
  return endpoint;
}

function isDeliveryCursor(value: unknown): value is DeliveryCursor {
  const v = value as Partial<DeliveryCursor> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.createdAt === 'string' &&
    !Number.isNaN(Date.parse(v.createdAt)) &&
    typeof v.id === 'string' &&
    /^[0-9a-f-]{36}$/i.test(v.id)
  );
}

function toEndpointResponse(e: WebhookEndpointEntity): WebhookEndpointResponse {
  return {
    id: e.id,
    organisationId: e.organisationId,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    enabled: e.enabled,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    version: e.version,
  };
}

function toDeliveryResponse(d: WebhookDeliveryEntity): WebhookDeliveryResponse {
  const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);
  return {
    id: d.id,
    endpointId: d.endpointId,
    eventId: String(d.eventId),
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: iso(d.nextAttemptAt),
    lastAttemptAt: iso(d.lastAttemptAt),
    responseStatus: d.responseStatus,
    lastError: d.lastError,
    createdAt: new Date(d.createdAt).toISOString(),
    deliveredAt: iso(d.deliveredAt),
  };
}
