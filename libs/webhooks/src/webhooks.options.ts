/** Tuning of the webhook relay and sender; tests override the provider. */
export interface WebhooksOptions {
  relay: {
    /** Relay events into deliveries (and send due retries) in this process. */
    enabled: boolean;
    /** Safety poll, and so the granularity of the retry schedule; NOTIFY wakes the relay at once. */
    pollIntervalMs: number;
    batchSize: number;
  };
  sender: {
    /** Consume the delivery queue in this process. */
    worker: boolean;
    batchSize: number;
    pollingIntervalSeconds: number;
    /** One attempt's limit: a receiver slower than this counts as failed. */
    timeoutMs: number;
  };
}

export const WEBHOOKS_OPTIONS = Symbol('WEBHOOKS_OPTIONS');

export const DEFAULT_WEBHOOKS_OPTIONS: WebhooksOptions = {
  relay: { enabled: true, pollIntervalMs: 5_000, batchSize: 200 },
  sender: { worker: true, batchSize: 10, pollingIntervalSeconds: 2, timeoutMs: 10_000 },
};
