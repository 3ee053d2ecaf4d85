import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '@wc/audit';
import { CASE_DOSSIER_FACTS, CasesModule } from '@wc/cases';
import { DocumentsModule } from '@wc/documents';

import { AssessmentCommentEntity } from './assessment-comment.entity';
import { AssessmentVersionEntity } from './assessment-version.entity';
import { AssessmentController } from './assessment.controller';
import { AssessmentEntity } from './assessment.entity';
import { AssessmentRepository } from './assessment.repository';
import { AssessmentService } from './assessment.service';
import { CaseContexts } from './case-context';
import { DossierFactsService } from './dossier-facts.service';
import { DossierFollowUps } from './dossier-follow-ups';
import { DossierStateRepository } from './dossier-state.repository';
import { DossierController } from './dossier.controller';
import { DossierService } from './dossier.service';
import { OversightArrangementEntity } from './oversight-arrangement.entity';
import { OversightController } from './oversight.controller';
import { OversightRepository } from './oversight.repository';
import { OversightService } from './oversight.service';
import { TrainingCompletionEntity } from './training-completion.entity';
import { TrainingPlanEntity } from './training-plan.entity';
import { TrainingDutiesQuery } from './training-duties.query';
import { TrainingController } from './training.controller';
import { TrainingRepository } from './training.repository';
import { TrainingService } from './training.service';

/** The dossier's tables and the read side both the case engine and the HTTP services use. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      AssessmentEntity,
      AssessmentVersionEntity,
      AssessmentCommentEntity,
      OversightArrangementEntity,
      TrainingPlanEntity,
      TrainingCompletionEntity,
    ]),
  ],
  providers: [
    AssessmentRepository,
    OversightRepository,
    TrainingRepository,
    DossierStateRepository,
    DossierFactsService,
  ],
  exports: [AssessmentRepository, OversightRepository, TrainingRepository, DossierFactsService],
})
class DossierDataModule {}

/**
 * Binds `@wc/cases`' `CASE_DOSSIER_FACTS` port for the whole application. Global because the case
 * module cannot import the dossier (the dossier imports the case module); only the port token is
 * exported, and its implementation never calls back into the case service.
 */
@Global()
@Module({
  imports: [DossierDataModule],
  providers: [{ provide: CASE_DOSSIER_FACTS, useExisting: DossierFactsService }],
  exports: [CASE_DOSSIER_FACTS],
})
class DossierFactsModule {}

/** The case dossier (issue #5): impact assessment, human oversight, training plan, checklist, PDF. */
@Module({
  imports: [CasesModule, AuditModule, DocumentsModule, DossierDataModule, DossierFactsModule],
  controllers: [AssessmentController, OversightController, TrainingController, DossierController],
  providers: [
    CaseContexts,
    AssessmentService,
    OversightService,
    TrainingService,
    DossierService,
    TrainingDutiesQuery,
    DossierFollowUps,
  ],
  exports: [TrainingDutiesQuery, DossierFollowUps],
})
export class DossierModule {}
