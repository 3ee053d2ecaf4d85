import { Inject, Injectable, Logger } from '@nestjs/common';
import PgBoss from 'pg-boss';

import { APP_CONFIG, type AppConfig } from '@wc/config';
import { AMSTERDAM_TIME_ZONE } from '@wc/core';
import { TransactionHost } from '@wc/database';

export interface QueuedJob {
  /** Doubles as the idempotency key: a second insert of the same id is ignored by pg-boss. */
  id: string;
  data: Record<string, unknown>;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  /** Active longer than this: the worker is presumed dead and the job retried (pg-boss default 15 min). */
  expireInSeconds?: number;
}

export interface QueueDefinition {
  name: string;
  policy?: 'standard' | 'stately';
}

export type JobHandler = (job: {
  id: string;
  data: Record<string, unknown>;
  retryCount: number;
  retryLimit: number;
}) => Promise<void>;

/**
 * The JobQueue port (house style B.12) over pg-boss: retries with backoff, cron schedules and
 * exactly-once job pickup across instances, all in PostgreSQL. Jobs are inserted through the
 * caller's open transaction, so a job exists exactly when the ledger row that asked for it does.
 */
@Injectable()
export class JobQueue {
  private readonly logger = new Logger(JobQueue.name);
  private boss: PgBoss | null = null;
  private readonly workers = new Map<string, string[]>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
  ) {}

  async start(
    queues: readonly QueueDefinition[],
    { schedule }: { schedule: boolean },
  ): Promise<void> {
    if (this.boss) {
      return;
    }
    const boss = new PgBoss({
      connectionString: this.config.database.url,
      application_name: 'overleg-jobs',
      max: 4,
      schedule,
      supervise: true,
      // Expired jobs (of a killed worker) are found by maintenance; every 30 s instead of 120 s.
      maintenanceIntervalSeconds: 30,
    });
    boss.on('error', (error: Error) => this.logger.error({ err: error }, 'job queue error'));
    await boss.start();
    for (const queue of queues) {
      await boss.createQueue(queue.name, { name: queue.name, policy: queue.policy ?? 'standard' });
    }
    this.boss = boss;
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    this.workers.clear();
    // `graceful` lets running handlers finish; their ledger rows make a cut-off one safe to redo.
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  get started(): boolean {
    return this.boss !== null;
  }

  /** Inserts jobs inside the transaction open on the TransactionHost (the caller's). */
  async enqueueInTransaction(queue: string, jobs: readonly QueuedJob[]): Promise<void> {
    if (jobs.length === 0) {
      return;
    }
    const manager = this.tx.manager;
    const db = {
      // EntityManager.query answers rows, or [rows, count] for UPDATE/DELETE.
      executeSql: async (text: string, values: unknown[]) => {
        const result: unknown = await manager.query(text, values);
        return {
          rows:
            Array.isArray(result) && Array.isArray(result[0])
              ? (result[0] as unknown[])
              : ((result as unknown[]) ?? []),
        };
      },
    };
    await this.requireBoss().insert(
      jobs.map((job) => ({
        id: job.id,
        name: queue,
        data: job.data,
        retryLimit: job.retryLimit,
        retryDelay: job.retryDelay,
        retryBackoff: job.retryBackoff,
        ...(job.expireInSeconds ? { expireInSeconds: job.expireInSeconds } : {}),
      })),
      { db },
    );
  }

  async send(queue: string, data: Record<string, unknown>): Promise<void> {
    await this.requireBoss().send(queue, data);
  }

  async schedule(queue: string, cron: string): Promise<void> {
    await this.requireBoss().schedule(queue, cron, {}, { tz: AMSTERDAM_TIME_ZONE });
  }

  /**
   * Consumes a queue. The jobs of a fetched batch run side by side, each on its own: a failing one
   * is failed alone (pg-boss retries it with its backoff), the others complete.
   */
  async work(
    queue: string,
    options: { batchSize: number; pollingIntervalSeconds: number },
    handler: JobHandler,
  ): Promise<string> {
    const boss = this.requireBoss();
    const workerId = await boss.work<Record<string, unknown>>(
      queue,
      { ...options, includeMetadata: true },
      async (jobs) => {
        await Promise.all(
          jobs.map(async (job) => {
            try {
              await handler({
                id: job.id,
                data: job.data,
                retryCount: job.retryCount,
                retryLimit: job.retryLimit,
              });
            } catch (error) {
              const message = error instanceof Error ? error.message : String(error);
              await boss.fail(queue, job.id, { message });
            }
          }),
        );
      },
    );
    this.workers.set(queue, [...(this.workers.get(queue) ?? []), workerId]);
    return workerId;
  }

  /** Wakes this process's consumers of a queue now instead of at their next poll. */
  wake(queue: string): void {
    for (const workerId of this.workers.get(queue) ?? []) {
      this.boss?.notifyWorker(workerId);
    }
  }

  private requireBoss(): PgBoss {
    if (!this.boss) {
      throw new Error('the job queue is not started');
    }
    return this.boss;
  }
}
