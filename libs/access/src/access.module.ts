import { Global, Module } from '@nestjs/common';

import { CASE_LOCK } from '@wc/database';

import { AccessRepository } from './access.repository';
import { AccessService } from './access.service';
import { AudienceDirectory } from './audience.directory';
import { UnionViewDirectory } from './union-view.directory';

/** Global: every domain lib asks it, and it depends on no domain lib (house style B.3). */
@Global()
@Module({
  providers: [
    AccessRepository,
    AccessService,
    AudienceDirectory,
    UnionViewDirectory,
    { provide: CASE_LOCK, useExisting: AccessService },
  ],
  // CASE_LOCK: the outbox (@wc/database) locks the cases of the events it appends through it.
  exports: [AccessService, AudienceDirectory, UnionViewDirectory, CASE_LOCK],
})
export class AccessModule {}
