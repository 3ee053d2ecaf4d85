export { WebhooksModule, WebhooksWorkerModule } from './webhooks.module';
export { WebhookRelay, type WebhookRelayReport, WEBHOOK_QUEUE } from './webhook.relay';
export {
  WEBHOOKS_OPTIONS,
  DEFAULT_WEBHOOKS_OPTIONS,
  type WebhooksOptions,
} from './webhooks.options';
export {
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
  RETRY_DELAYS_SECONDS,
  MAX_ATTEMPTS,
} from './domain';
export * from './dto/webhook.dto';
