import { type DynamicModule, Module } from '@nestjs/common';

import { AccessModule, AccessService } from '@wc/access';
import { AiSystemsModule } from '@wc/ai-systems';
import { AuthModule } from '@wc/auth';
import { CasesModule } from '@wc/cases';
import { CommitmentsModule } from '@wc/commitments';
import { type AppConfig, ClockModule, ConfigModule, loadConfig } from '@wc/config';
import { ComplaintsModule } from '@wc/complaints';
import { CouncilsModule } from '@wc/councils';
import { CouncilSpaceModule } from '@wc/council-space';
import { DatabaseModule } from '@wc/database';
import { DiscussionModule } from '@wc/discussion';
import { DocumentsModule } from '@wc/documents';
import { DossierModule } from '@wc/dossier';
import { EvaluationsModule } from '@wc/evaluations';
import { IdempotencyModule } from '@wc/idempotency';
import { IntakeModule } from '@wc/intake';
import { LettersModule } from '@wc/letters';
import { LoggerModule } from '@wc/logging';
import { MeetingsModule } from '@wc/meetings';
import { MetricsModule, MetricsServerModule } from '@wc/metrics';
import { NotificationsModule } from '@wc/notifications';
import { OverviewsModule } from '@wc/overviews';
import { RealtimeModule } from '@wc/realtime';
import { SearchModule } from '@wc/search';
import { SsoModule } from '@wc/sso';
import { SurveysModule } from '@wc/surveys';
import { UnionsModule } from '@wc/unions';
import { WebhooksModule } from '@wc/webhooks';

import { HealthController } from './health.controller';

/** The composition root of the HTTP + socket application. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        LoggerModule,
        DatabaseModule,
        AccessModule,
        MetricsModule,
        MetricsServerModule.forRoot({ port: config.metrics.port, token: config.metrics.token }),
        AuthModule,
        IdempotencyModule,
        CouncilsModule,
        AiSystemsModule,
        CasesModule,
        NotificationsModule,
        UnionsModule,
        OverviewsModule,
        DossierModule,
        LettersModule,
        DocumentsModule,
        DiscussionModule,
        CouncilSpaceModule,
        MeetingsModule,
        SearchModule,
        SsoModule,
        SurveysModule,
        WebhooksModule,
        IntakeModule,
        CommitmentsModule,
        ComplaintsModule,
        EvaluationsModule,
        RealtimeModule.forRoot({ imports: [AccessModule], caseAccess: AccessService }),
      ],
      controllers: [HealthController],
    };
  }
}
