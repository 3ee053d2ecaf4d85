import { Global, Module } from '@nestjs/common';

import { AccessRepository } from './access.repository';
import { AccessService } from './access.service';

/** Global: every domain lib asks it, and it depends on no domain lib (house style B.3). */
@Global()
@Module({ providers: [AccessRepository, AccessService], exports: [AccessService] })
export class AccessModule {}
