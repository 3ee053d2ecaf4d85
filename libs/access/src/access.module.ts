import { Global, Module } from '@nestjs/common';

import { ACTOR_LOOKUP } from '@wc/auth';
import { CASE_LOCK } from '@wc/database';

import { AccessRepository } from './access.repository';
import { AccessService } from './access.service';
import { ActorDirectory } from './actor.directory';
import { AudienceDirectory } from './audience.directory';
import { UnionViewDirectory } from './union-view.directory';

/** Global: every domain lib asks it, and it depends on no domain lib (house style B.3). */
@Global()
@Module({
  providers: [
    AccessRepository,
    AccessService,
    AudienceDirectory,
    ActorDirectory,
    UnionViewDirectory,
    { provide: CASE_LOCK, useExisting: AccessService },
    { provide: ACTOR_LOOKUP, useExisting: ActorDirectory },
  ],
  // CASE_LOCK: the outbox (@wc/database) locks the cases of the events it appends through it.
  // ACTOR_LOOKUP: @wc/auth resolves every request's actor through it.
  exports: [AccessService, AudienceDirectory, UnionViewDirectory, CASE_LOCK, ACTOR_LOOKUP],
})
export class AccessModule {}
