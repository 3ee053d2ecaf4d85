import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every Prometheus series of one app (API or worker), defined in one place so a name is written
 * once. Each app has its own registry: `npm start` runs both in one process, and tests run several.
 * Libs observe into these series; what must be read from a table at scrape time is contributed by
 * the table's owner through `onScrape`, so this lib reads no one's tables.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'overleg_http_request_duration_seconds',
    help: 'HTTP request latency, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly openSockets = new Gauge({
    name: 'overleg_socket_connections',
    help: 'Socket.io connections open on this instance.',
    registers: [this.registry],
  });

  readonly relayLag = new Histogram({
    name: 'overleg_realtime_relay_lag_seconds',
    help: 'From an event entering the outbox to the realtime relay emitting it to sockets.',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly outboxBacklog = new Gauge({
    name: 'overleg_outbox_backlog',
    help: 'Outbox deliveries not yet processed, by consumer (read at scrape time).',
    labelNames: ['consumer'] as const,
    registers: [this.registry],
  });

  readonly reminderSweepDuration = new Histogram({
    name: 'overleg_reminder_sweep_duration_seconds',
    help: 'Duration of one reminder sweep of the worker.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });

  readonly mailQueueSize = new Gauge({
    name: 'overleg_mail_queue_size',
    help: 'E-mails queued or waiting for a retry (read at scrape time).',
    registers: [this.registry],
  });

  readonly mailFailures = new Counter({
    name: 'overleg_mail_delivery_failures_total',
    help: 'Failed e-mail delivery attempts of this worker; final="true" when no retry is left.',
    labelNames: ['final'] as const,
    registers: [this.registry],
  });

  private readonly scrapeHooks: Array<() => Promise<void>> = [];

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'overleg_' });
    this.mailFailures.inc({ final: 'false' }, 0);
    this.mailFailures.inc({ final: 'true' }, 0);
  }

  /** Runs before every scrape, to set gauges from the database (the table's owner registers it). */
  onScrape(hook: () => Promise<void>): void {
    this.scrapeHooks.push(hook);
  }

  /** The exposition text; a failing hook fails the scrape rather than reporting stale numbers. */
  async render(): Promise<string> {
    await Promise.all(this.scrapeHooks.map((hook) => hook()));
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
