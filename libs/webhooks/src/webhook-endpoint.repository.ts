import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

import { WebhookEndpointEntity } from './webhook-endpoint.entity';

/** An enabled endpoint as the relay needs it (its organisation's kind, from @wc/access, decides what it may see). */
export interface SubscribedEndpoint {
  id: string;
  organisationId: string;
  eventTypes: string[];
}

/** The only file that queries `webhook_endpoint`. */
@Injectable()
export class WebhookEndpointRepository {
  constructor(private readonly tx: TransactionHost) {}

  create(fields: Partial<WebhookEndpointEntity>): WebhookEndpointEntity {
    return this.tx.manager.create(WebhookEndpointEntity, fields);
  }

  save(endpoint: WebhookEndpointEntity): Promise<WebhookEndpointEntity> {
    return this.tx.manager.save(endpoint);
  }

  get(id: string): Promise<WebhookEndpointEntity | null> {
    return this.tx.manager.findOneBy(WebhookEndpointEntity, { id });
  }

  getForUpdate(id: string): Promise<WebhookEndpointEntity | null> {
    return this.tx.manager.findOne(WebhookEndpointEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  listForOrganisation(organisationId: string): Promise<WebhookEndpointEntity[]> {
    return this.tx.manager.find(WebhookEndpointEntity, {
      where: { organisationId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async delete(id: string): Promise<void> {
    await this.tx.manager.delete(WebhookEndpointEntity, { id });
  }

  /** The enabled endpoints subscribed to any of these event types. */
  subscribedTo(types: readonly string[]): Promise<SubscribedEndpoint[]> {
    if (types.length === 0) {
      return Promise.resolve([]);
    }
    return this.tx.manager.query(
      `SELECT e.id, e.organisation_id AS "organisationId", e.event_types AS "eventTypes"
         FROM webhook_endpoint e
        WHERE e.enabled AND e.event_types && $1::text[]
        ORDER BY e.id`,
      [[...new Set(types)]],
    );
  }
}
