import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

import { ALL_MIGRATIONS } from '@wc/migrations';

export interface DatabaseConnection {
  url: string;
  poolSize?: number;
}

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
    extra: { max: poolSize, application_name: 'overleg' },
  };
}
