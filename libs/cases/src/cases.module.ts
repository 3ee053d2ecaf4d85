import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AiSystemsModule } from '@wc/ai-systems';
import { AuditModule } from '@wc/audit';
import { CouncilsModule } from '@wc/councils';
import { DeadlinesModule } from '@wc/deadlines';

import { AiCaseEntity } from './ai-case.entity';
import { CaseTrackEntity } from './case-track.entity';
import { CaseController } from './case.controller';
import { CaseRepository } from './case.repository';
import { CaseService } from './case.service';
import { InformationRequestEntity } from './information-request.entity';
import { TriageRecordEntity } from './triage-record.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([AiCaseEntity, CaseTrackEntity, TriageRecordEntity, InformationRequestEntity]),
    AiSystemsModule,
    AuditModule,
    CouncilsModule,
    DeadlinesModule,
  ],
  controllers: [CaseController],
  providers: [CaseService, CaseRepository],
  exports: [CaseService],
})
export class CasesModule {}
