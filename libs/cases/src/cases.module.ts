import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AccessModule } from '@wc/access';
import { AI_SYSTEM_CASE_GATES, AiSystemsModule } from '@wc/ai-systems';
import { AuditModule } from '@wc/audit';
import { CouncilsModule } from '@wc/councils';
import { DeadlinesModule } from '@wc/deadlines';

import { AiCaseEntity } from './ai-case.entity';
import { CaseGateQuery } from './case-gates.query';
import { CaseTrackEntity } from './case-track.entity';
import { CaseReader } from './case-state';
import { CaseController } from './case.controller';
import { CaseMutation } from './case.mutation';
import { CaseRepository } from './case.repository';
import { CaseResponder } from './case.responder';
import { CaseService } from './case.service';
import { CouncilCaseFiguresQuery } from './council-case-figures.query';
import { InformationRequestEntity } from './information-request.entity';
import { InformationRequestService } from './information-request.service';
import { TrackTransitionService } from './track-transition.service';
import { TriageRecordEntity } from './triage-record.entity';

/**
 * Binds `@wc/ai-systems`' `AI_SYSTEM_CASE_GATES` port for the whole application. Global because
 * the register cannot import the case module (the case module imports the register); the gate
 * query reads only the case's own tables and never calls the register back.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AiCaseEntity, CaseTrackEntity])],
  providers: [
    CaseRepository,
    CaseGateQuery,
    { provide: AI_SYSTEM_CASE_GATES, useExisting: CaseGateQuery },
  ],
  exports: [CaseGateQuery, AI_SYSTEM_CASE_GATES],
})
class CaseGatesModule {}

@Module({
  imports: [
    TypeOrmModule.forFeature([
      AiCaseEntity,
      CaseTrackEntity,
      TriageRecordEntity,
      InformationRequestEntity,
    ]),
    CaseGatesModule,
    AccessModule,
    AiSystemsModule,
    AuditModule,
    CouncilsModule,
    DeadlinesModule,
  ],
  controllers: [CaseController],
  providers: [
    CaseService,
    TrackTransitionService,
    InformationRequestService,
    CaseMutation,
    CaseReader,
    CaseResponder,
    CaseRepository,
    CouncilCaseFiguresQuery,
  ],
  exports: [
    CaseService,
    TrackTransitionService,
    InformationRequestService,
    CouncilCaseFiguresQuery,
  ],
})
export class CasesModule {}
