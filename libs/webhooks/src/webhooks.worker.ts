import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';

import { runWithCorrelationId } from '@wc/core';
import { JobQueue } from '@wc/notifications';

import { WEBHOOK_QUEUE, WebhookRelay } from './webhook.relay';
import { WebhookSender } from './webhook.sender';
import { WEBHOOKS_OPTIONS, type WebhooksOptions } from './webhooks.options';

/** Wires the webhook queue's consumer and starts the relay, in the worker. */
@Injectable()
export class WebhooksWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly queue: JobQueue,
    private readonly relay: WebhookRelay,
    private readonly sender: WebhookSender,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.start([{ name: WEBHOOK_QUEUE }], { schedule: false });
    const { sender } = this.options;
    if (sender.worker) {
      await this.queue.work(
        WEBHOOK_QUEUE,
        { batchSize: sender.batchSize, pollingIntervalSeconds: sender.pollingIntervalSeconds },
        (job) =>
          runWithCorrelationId(`job:${job.id}`, () =>
            this.sender.attempt(job.data.deliveryId as string),
          ),
      );
    }
    if (this.options.relay.enabled) {
      await this.relay.start();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.queue.stop();
  }
}
