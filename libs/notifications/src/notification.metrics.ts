import { Injectable } from '@nestjs/common';

import { Metrics } from '@wc/metrics';

import { MailDeliveryRepository } from './mail-delivery.repository';
import { NotificationRelayRepository } from './notification-relay.repository';

/** The worker's queue gauges, read from its own tables at each scrape. */
@Injectable()
export class NotificationMetrics {
  constructor(
    metrics: Metrics,
    deliveries: MailDeliveryRepository,
    relay: NotificationRelayRepository,
  ) {
    metrics.onScrape(async () => {
      const [waiting, pending] = await Promise.all([
        deliveries.countWaiting(),
        relay.countPending(),
      ]);
      metrics.mailQueueSize.set(waiting);
      metrics.outboxBacklog.set({ consumer: 'notification' }, pending);
    });
  }
}
