import { Logger } from '@nestjs/common';
import { Client } from 'pg';

import { OUTBOX_CHANNEL } from './outbox';

/**
 * Runs a relay's cycle after each `outbox` NOTIFY, at start and on a safety poll, one cycle at a
 * time (a wake-up during a run asks for one more run: a flag, not a queue). Correctness never
 * depends on NOTIFY: a lost LISTEN connection is replaced at the next poll.
 */
export class OutboxWakeups {
  private readonly logger: Logger;
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private running: Promise<void> | null = null;
  private rerun = false;
  private started = false;
  private pollTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly name: string,
    private readonly databaseUrl: string | undefined,
    private readonly pollIntervalMs: number,
    private readonly cycle: () => Promise<unknown>,
  ) {
    this.logger = new Logger(name);
  }

  async start(): Promise<void> {
    if (this.started) {
      return;
    }
    this.started = true;
    this.pollTimer = setInterval(() => {
      void this.listen();
      this.wake();
    }, this.pollIntervalMs);
    this.pollTimer.unref();
    await this.listen();
    this.wake();
    await this.running;
  }

  async stop(): Promise<void> {
    this.started = false;
    clearInterval(this.pollTimer);
    await this.connecting;
    await this.running;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** Runs a cycle now, or right after the current one. Safe to call at any rate. */
  wake(): void {
    if (!this.started) {
      return;
    }
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = this.cycle()
      .then(() => undefined)
      .catch((error: unknown) => {
        // Nothing was committed; what is pending stays pending for the next wake-up or poll.
        this.logger.error(
          { err: error instanceof Error ? error.message : String(error) },
          `${this.name} failed`,
        );
      })
      .finally(() => {
        this.running = null;
        if (this.rerun) {
          this.rerun = false;
          this.wake();
        }
      });
  }

  private listen(): Promise<void> {
    if (this.client || this.connecting || !this.started) {
      return this.connecting ?? Promise.resolve();
    }
    const client = new Client({ connectionString: this.databaseUrl, application_name: this.name });
    const drop = (error: unknown) => {
      client.removeAllListeners();
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
      if (this.client === client) {
        this.client = null;
        this.logger.warn(
          { err: error instanceof Error ? error.message : String(error) },
          `${this.name} lost its connection; polling until it is back`,
        );
      }
    };
    this.connecting = (async () => {
      try {
        client.on('notification', () => this.wake());
        client.on('error', drop);
        client.on('end', () => drop(new Error('connection ended')));
        await client.connect();
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
        if (this.started) {
          this.client = client;
        } else {
          await client.end().catch(() => undefined);
        }
      } catch (error) {
        drop(error);
      } finally {
        this.connecting = null;
      }
    })();
    return this.connecting;
  }
}
