import { AsyncLocalStorage } from 'node:async_hooks';

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Pool, QueryResultRow } from 'pg';

/**
 * Carries the open transaction to repositories without passing it through every call.
 * Services call `run()`; repositories read `manager`, which is the transaction's manager inside
 * `run()` and the plain pool outside it.
 */
@Injectable()
export class TransactionHost {
  private readonly storage = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.storage.getStore() ?? this.dataSource.manager;
  }

  /**
   * Raw SQL: on the open transaction's connection inside `run()`, else straight on the pg pool.
   * Hot read paths use it; TypeORM's per-query runner and result wrapping were a large part of
   * a case read's CPU (bench:http). The rows are pg's own, exactly as `manager.query` gives them.
   */
  query<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const manager = this.storage.getStore();
    if (manager) {
      return manager.query<T[]>(sql, parameters);
    }
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    return pool.query<T & QueryResultRow>(sql, parameters).then((result) => result.rows);
  }

  /** Runs `work` in one transaction, joining the caller's transaction if there is one. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.storage.getStore()) {
      return work();
    }
    return this.dataSource.transaction((manager) => this.storage.run(manager, work));
  }
}
