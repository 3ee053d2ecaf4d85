import { lookup } from 'node:dns/promises';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';

import { APP_CONFIG, type AppConfig } from '@wc/config';
import { Clock, type SecretBox } from '@wc/core';

import { isPrivateAddress, MAX_ATTEMPTS, nextAttemptAt, urlProblem } from './domain';
import { type DeliveryToSend, WebhookDeliveryRepository } from './webhook-delivery.repository';
import { webhookSecretBox } from './webhook-secret';
import { WEBHOOKS_OPTIONS, type WebhooksOptions } from './webhooks.options';

/**
 * One attempt of one delivery (a pg-boss job each): signs the stored body per Standard Webhooks
 * (`webhook-id` = the delivery id, the same on every attempt; `webhook-timestamp` = now;
 * `webhook-signature` = HMAC-SHA256), POSTs it with a time limit, and records the outcome with the
 * next attempt's time (`RETRY_DELAYS_SECONDS`). A receiver's failure is recorded, not thrown: the
 * retry schedule is ours. Only a database failure throws, so pg-boss runs the attempt again.
 */
@Injectable()
export class WebhookSender {
  private readonly logger = new Logger(WebhookSender.name);
  private readonly box: SecretBox;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
    private readonly clock: Clock,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {
    this.box = webhookSecretBox(config);
  }

  async attempt(deliveryId: string): Promise<void> {
    const delivery = await this.deliveries.forSending(deliveryId);
    // Gone with its endpoint, or settled by an earlier run of this job.
    if (!delivery || delivery.status !== 'pending') {
      return;
    }
    if (!delivery.enabled) {
      await this.deliveries.cancel(deliveryId, 'webhook_endpoint.disabled');
      return;
    }
    const { responseStatus, error } = await this.send(delivery);
    const at = this.clock.now();
    const succeeded = error === null;
    const attempts = delivery.attempts + 1;
    await this.deliveries.recordAttempt(deliveryId, {
      at,
      responseStatus,
      error,
      succeeded,
      nextAttemptAt: succeeded || attempts >= MAX_ATTEMPTS ? null : nextAttemptAt(attempts, at),
    });
    if (!succeeded) {
      this.logger.warn(`webhook delivery ${deliveryId} attempt ${attempts} failed`);
    }
  }

  private async send(
    delivery: DeliveryToSend,
  ): Promise<{ responseStatus: number | null; error: string | null }> {
    const refused = await this.refusedAddress(delivery.url);
    if (refused) {
      return { responseStatus: null, error: refused };
    }
    const now = this.clock.now();
    const signature = new Webhook(this.box.open(delivery.secret)).sign(
      delivery.id,
      now,
      delivery.body,
    );
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        body: delivery.body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Overleg-Webhooks/1',
          'webhook-id': delivery.id,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': signature,
        },
        // A redirect could lead anywhere, a private address included: it counts as a failure.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.sender.timeoutMs),
      });
      await response.body?.cancel();
      const ok = response.status >= 200 && response.status < 300;
      return { responseStatus: response.status, error: ok ? null : `HTTP ${response.status}` };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      return {
        responseStatus: null,
        error:
          name === 'TimeoutError'
            ? 'timeout'
            : error instanceof Error
              ? error.message
              : String(error),
      };
    }
  }

  /** SSRF: the URL is checked again, and every address its host resolves to now. */
  private async refusedAddress(url: string): Promise<string | null> {
    const problem = urlProblem(url, this.config.webhooks);
    if (problem) {
      return `URL ${problem}`;
    }
    if (this.config.webhooks.allowPrivateAddresses) {
      return null;
    }
    try {
      const addresses = await lookup(new URL(url).hostname.replace(/^\[|\]$/g, ''), { all: true });
      return addresses.some((a) => isPrivateAddress(a.address))
        ? 'URL resolves to a private or loopback address'
        : null;
    } catch (error) {
      return `DNS: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
