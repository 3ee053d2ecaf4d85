import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';

import { Public } from '@wc/auth';
import { DocumentStorage } from '@wc/documents';
import { RealtimeRedis } from '@wc/realtime';

@ApiTags('health')
@Controller('health')
export class HealthController {
  /** Once the schema was found current it stays so for this process (migrations only add). */
  private schemaCurrent = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RealtimeRedis,
    private readonly documents: DocumentStorage,
  ) {}

  /** The process is up. */
  @Public()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * The process can serve: its database answers with the schema this code expects, and Redis
   * (when configured) carries its socket events to the other instances, and the document storage
   * (the S3 bucket, when configured) answers.
   */
  @Public()
  @Get('ready')
  async ready(): Promise<{ status: 'ok'; database: 'up' }> {
    let pending: number;
    try {
      pending = await this.pendingMigrations();
    } catch {
      throw new ServiceUnavailableException({ message: 'The database is not reachable.' });
    }
    const storageProblem = await this.documents.problem();
    const problems = [
      ...(pending > 0
        ? [
            `The database schema is behind the code: ${pending} migration(s) not applied (run the migrations).`,
          ]
        : []),
      ...(this.redis.reachable()
        ? []
        : ['Redis is not reachable: socket events of this instance reach no other instance.']),
      ...(storageProblem ? [storageProblem] : []),
    ];
    if (problems.length > 0) {
      throw new ServiceUnavailableException({ message: problems.join(' ') });
    }
    return { status: 'ok', database: 'up' };
  }

  private async pendingMigrations(): Promise<number> {
    if (this.schemaCurrent) {
      await this.dataSource.query('SELECT 1');
      return 0;
    }
    const [{ present }] = await this.dataSource.query<Array<{ present: boolean }>>(
      `SELECT to_regclass('schema_migration') IS NOT NULL AS present`,
    );
    const applied = new Set(
      present
        ? (
            await this.dataSource.query<Array<{ name: string }>>(
              'SELECT name FROM schema_migration',
            )
          ).map((row) => row.name)
        : [],
    );
    const pending = this.dataSource.migrations.filter(
      (migration) => !applied.has(migration.name ?? migration.constructor.name),
    ).length;
    this.schemaCurrent = pending === 0;
    return pending;
  }
}
