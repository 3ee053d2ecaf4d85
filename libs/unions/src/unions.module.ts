import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '@wc/audit';
import { CasesModule } from '@wc/cases';
import { CouncilsModule } from '@wc/councils';

import { UnionShareEntity } from './union-share.entity';
import { UnionShareRepository } from './union-share.repository';
import { UnionsController } from './unions.controller';
import { UnionsService } from './unions.service';

@Module({
  imports: [TypeOrmModule.forFeature([UnionShareEntity]), AuditModule, CasesModule, CouncilsModule],
  controllers: [UnionsController],
  providers: [UnionsService, UnionShareRepository],
  exports: [UnionsService],
})
export class UnionsModule {}
