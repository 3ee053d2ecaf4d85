import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AI_SYSTEM_MATERIAL_CHANGE } from '@wc/ai-systems';
import { CasesModule } from '@wc/cases';
import { CommitmentsModule } from '@wc/commitments';
import { APP_CONFIG, type AppConfig } from '@wc/config';
import { ComplaintsModule } from '@wc/complaints';
import { CouncilsModule } from '@wc/councils';
import {
  DOSSIER_EVALUATION_REPORT,
  type DossierEvaluationReport,
  DossierModule,
} from '@wc/dossier';

import { EvaluationSweep } from './evaluation.sweep';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationsService } from './evaluations.service';
import { FollowUpsService } from './follow-ups.service';
import {
  CaseFollowUpEntity,
  EvaluationEntity,
  MonitoringIncidentEntity,
  MonitoringPlanEntity,
} from './monitoring.entities';

/** The dossier PDF's evaluation section, through `@wc/dossier`'s port. */
@Injectable()
export class EvaluationPdfReport implements DossierEvaluationReport {
  constructor(private readonly evaluations: EvaluationsService) {}

  sectionFor(aiCase: { id: string; aiSystemId: string }, language: 'nl' | 'en') {
    return this.evaluations.reportLines(aiCase.id, aiCase.aiSystemId, language);
  }
}

/**
 * Runs the evaluation sweep hourly in the API process: reminders are due days ahead, so an hour
 * is precise enough, and the sweep claims each reminder in the database (`reminded_at`), so
 * several API instances never remind twice.
 */
@Injectable()
export class EvaluationSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EvaluationSchedule.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sweep: EvaluationSweep,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.app.env === 'test') {
      // Tests drive the sweep by hand against the fake clock.
      return;
    }
    const run = () =>
      this.sweep.sweepOnce().catch((error: unknown) => {
        this.logger.error({ err: (error as Error).message }, 'evaluation sweep failed');
      });
    this.timer = setInterval(() => void run(), 3_600_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}

@Module({
  imports: [
    TypeOrmModule.forFeature([
      MonitoringPlanEntity,
      EvaluationEntity,
      MonitoringIncidentEntity,
      CaseFollowUpEntity,
    ]),
    CasesModule,
    CommitmentsModule,
    CouncilsModule,
    DossierModule,
    ComplaintsModule,
  ],
  controllers: [EvaluationsController],
  providers: [
    EvaluationsService,
    FollowUpsService,
    EvaluationSweep,
    EvaluationSchedule,
    EvaluationPdfReport,
  ],
  exports: [EvaluationsService, FollowUpsService, EvaluationSweep, EvaluationPdfReport],
})
class EvaluationsCoreModule {}

/**
 * Monitoring and evaluation after go-live (issue #19). Global for its two ports only: the
 * register (`@wc/ai-systems`) and the dossier PDF (`@wc/dossier`) sit below this lib, so they
 * take these tokens as optional.
 */
@Global()
@Module({
  imports: [EvaluationsCoreModule],
  providers: [
    { provide: AI_SYSTEM_MATERIAL_CHANGE, useExisting: FollowUpsService },
    { provide: DOSSIER_EVALUATION_REPORT, useExisting: EvaluationPdfReport },
  ],
  exports: [AI_SYSTEM_MATERIAL_CHANGE, DOSSIER_EVALUATION_REPORT, EvaluationsCoreModule],
})
export class EvaluationsModule {}
