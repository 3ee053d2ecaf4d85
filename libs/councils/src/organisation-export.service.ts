import { createReadStream, type ReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Inject, Injectable } from '@nestjs/common';

import { type Actor, hasRoleIn, Role } from '@wc/auth';
import { APP_CONFIG, type AppConfig } from '@wc/config';
import { Clock, Forbidden, NotFound } from '@wc/core';
import { writeOrganisationArchive } from '@wc/database';

import { organisationArchiveRoot } from './organisation-archive-root';

export interface OrganisationArchive {
  filename: string;
  sizeBytes: number;
  /** Removes its temporary file when the stream closes. */
  body: ReadStream;
}

/**
 * The organisation admin takes everything the organisation owns with them (issue #15, leaving):
 * the archive of writeOrganisationArchive, which `npm run admin -- import` loads into another
 * instance. The employer's admin exports the council's records too: they are the organisation's,
 * and the archive is what the organisation keeps when it leaves the platform.
 */
@Injectable()
export class OrganisationExportService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async export(actor: Actor, organisationId: string): Promise<OrganisationArchive> {
    if (!actor.memberships.some((m) => m.organisationId === organisationId)) {
      throw new NotFound('organisation');
    }
    if (!hasRoleIn(actor, [Role.OrgAdmin], { organisationId })) {
      throw new Forbidden(
        'organisation.admin_required',
        'Only an administrator of this organisation may do this.',
      );
    }
    const dir = await mkdtemp(join(tmpdir(), 'overleg-export-'));
    const file = join(dir, 'organisation.tar');
    const now = this.clock.now();
    try {
      const manifest = await writeOrganisationArchive(
        this.config.database.url ?? '',
        organisationArchiveRoot(organisationId),
        file,
        now,
      );
      if (!manifest) {
        throw new NotFound('organisation');
      }
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    const { size } = await stat(file);
    const body = createReadStream(file);
    body.once('close', () => void rm(dir, { recursive: true, force: true }));
    return {
      filename: `overleg-organisation-${organisationId}-${now.toISOString().slice(0, 10)}.tar`,
      sizeBytes: size,
      body,
    };
  }
}
