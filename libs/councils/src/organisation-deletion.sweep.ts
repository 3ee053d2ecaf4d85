import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '@wc/config';
import { Clock } from '@wc/core';
import { purgeOrganisation } from '@wc/database';

import { CouncilsRepository } from './councils.repository';
import { organisationArchiveRoot } from './organisation-archive-root';

/**
 * Carries out scheduled deletions (issue #15) once the grace period has passed: every row of the
 * organisation goes, documents and audit trail included (purgeOrganisation). It deletes as the
 * owner of the tables (MIGRATION_DATABASE_URL), since the runtime role may not touch the
 * append-only audit trail. Two workers sweeping at once delete the same rows once.
 */
@Injectable()
export class OrganisationDeletionSweep {
  private readonly logger = new Logger(OrganisationDeletionSweep.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: CouncilsRepository,
    private readonly clock: Clock,
  ) {}

  /** The ids of the organisations deleted. */
  async sweepOnce(): Promise<string[]> {
    const due = await this.repo.dueForDeletion(this.clock.now(), 10);
    const ownerUrl = this.config.database.migrationUrl;
    if (due.length > 0 && !ownerUrl) {
      this.logger.warn(
        { organisations: due.length },
        'organisation deletion due, but this process has no MIGRATION_DATABASE_URL (the owner): nothing deleted',
      );
      return [];
    }
    for (const organisation of due) {
      const deleted = await purgeOrganisation(ownerUrl!, organisationArchiveRoot(organisation.id));
      const rows = Object.values(deleted).reduce((sum, n) => sum + n, 0);
      // Ids and counts only (B.13): the name was personal enough to go with the rest.
      this.logger.log({ organisationId: organisation.id, rows }, 'organisation deleted');
    }
    return due.map((o) => o.id);
  }
}

/** The worker's hourly timer for the sweep; the API has the sweep without the timer. */
@Injectable()
export class OrganisationDeletionSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OrganisationDeletionSchedule.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly sweep: OrganisationDeletionSweep) {}

  onApplicationBootstrap(): void {
    const run = () =>
      this.sweep.sweepOnce().catch((error: unknown) => {
        this.logger.error({ err: (error as Error).message }, 'organisation deletion sweep failed');
      });
    void run();
    this.timer = setInterval(() => void run(), 3_600_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
