import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { APP_CONFIG, type AppConfig } from '@wc/config';

const ROLE_SQL = `
  SELECT current_user AS role, r.rolsuper AS superuser,
         coalesce(pg_has_role(current_user, c.relowner, 'USAGE'), false) AS owner
  FROM pg_roles r LEFT JOIN pg_class c ON c.oid = to_regclass('audit_entry')
  WHERE r.rolname = current_user`;

/**
 * Warns at start-up in production when the application connects as a superuser or as the owner of
 * the tables (one role for migrations and the app): that role could switch the audit trail's
 * append-only trigger off. Not an error, so an operator with a single role can still run.
 */
@Injectable()
export class DatabaseRoleCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(DatabaseRoleCheck.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.app.env !== 'production') {
      return;
    }
    const [row] =
      await this.dataSource.query<Array<{ role: string; superuser: boolean; owner: boolean }>>(
        ROLE_SQL,
      );
    if (row && (row.superuser || row.owner)) {
      this.logger.warn(
        { role: row.role, superuser: row.superuser, owner: row.owner },
        'DATABASE_URL connects as a superuser or the owner of the tables, which can alter the audit trail; ' +
          'connect the application as a runtime role and run migrations with MIGRATION_DATABASE_URL',
      );
    }
  }
}
