import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AccessModule } from '@wc/access';
import { JobQueue } from '@wc/notifications';

import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { WebhookRelay } from './webhook.relay';
import { WebhookSender } from './webhook.sender';
import { WebhooksController } from './webhooks.controller';
import {
  DEFAULT_WEBHOOKS_OPTIONS,
  WEBHOOKS_OPTIONS,
  type WebhooksOptions,
} from './webhooks.options';
import { WebhooksService } from './webhooks.service';
import { WebhooksWorker } from './webhooks.worker';

const entities = TypeOrmModule.forFeature([WebhookEndpointEntity, WebhookDeliveryEntity]);

/** The API side: endpoints and the delivery log over HTTP. */
@Module({
  imports: [entities],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookEndpointRepository, WebhookDeliveryRepository],
})
export class WebhooksModule {}

/**
 * The worker side: the relay and the sender, on a pg-boss queue of their own (a second JobQueue
 * beside the notifications' one, so neither module's start-up waits for the other).
 */
@Module({
  imports: [entities, AccessModule],
  providers: [
    { provide: WEBHOOKS_OPTIONS, useValue: DEFAULT_WEBHOOKS_OPTIONS },
    JobQueue,
    WebhookRelay,
    WebhookSender,
    WebhooksWorker,
    WebhookEndpointRepository,
    WebhookDeliveryRepository,
  ],
  exports: [WebhookRelay],
})
export class WebhooksWorkerModule {
  static forRoot(options: WebhooksOptions = DEFAULT_WEBHOOKS_OPTIONS): DynamicModule {
    return {
      module: WebhooksWorkerModule,
      providers: [{ provide: WEBHOOKS_OPTIONS, useValue: options }],
    };
  }
}
