import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

import { ALL_MIGRATIONS } from '@wc/migrations';

export interface DatabaseConnection {
  url: string;
  poolSize?: number;
}

/**
 * Settings of every session Overleg opens (a `?options=` in the database URL still wins):
 * - JIT compilation off: the dashboards' and the agenda's statements cross PostgreSQL's JIT cost
 *   threshold, and compiling them took longer (130-200 ms a call, measured on the union dashboard
 *   over 10,000 cases) than running them.
 * - `random_page_cost` 1.1, as for SSDs: Overleg's tables are read from memory, and the default
 *   (4, for spinning disks) had the agenda scan every case's tracks and terms to find those of
 *   the reader's cases (105 ms against 40 ms by index, measured over 20,000 cases).
 */
export const SESSION_OPTIONS = '-c jit=off -c random_page_cost=1.1';

/** The one place that says how Overleg talks to PostgreSQL (app, worker, tests and the TypeORM CLI). */
export function dataSourceOptions({ url, poolSize = 10 }: DatabaseConnection): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: ALL_MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsRun: false,
    synchronize: false,
    logging: false,
    extra: { max: poolSize, application_name: 'overleg', options: SESSION_OPTIONS },
  };
}
