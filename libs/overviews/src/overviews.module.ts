import { Module } from '@nestjs/common';

import { AiSystemsModule } from '@wc/ai-systems';
import { CasesModule } from '@wc/cases';
import { CommitmentsModule } from '@wc/commitments';
import { CouncilSpaceModule } from '@wc/council-space';
import { CouncilsModule } from '@wc/councils';
import { DeadlinesModule } from '@wc/deadlines';
import { DossierModule } from '@wc/dossier';
import { IntakeModule } from '@wc/intake';
import { MeetingsModule } from '@wc/meetings';
import { UnionsModule } from '@wc/unions';

import { AgendaController } from './agenda.controller';
import { AgendaRepository } from './agenda.repository';
import { AgendaService } from './agenda.service';
import { CaseExportsController } from './case-exports.controller';
import { CaseExportsService } from './case-exports.service';
import { CouncilDashboardService } from './council-dashboard.service';
import { OverviewsController } from './overviews.controller';
import { OverviewsService } from './overviews.service';
import { UnionDashboardController } from './union-dashboard.controller';
import { UnionDashboardService } from './union-dashboard.service';

/** Dashboards for unions, councils and employers, the personal agenda, and CSV exports of case data (issues #8, #16). */
@Module({
  imports: [
    AiSystemsModule,
    CasesModule,
    CommitmentsModule,
    CouncilSpaceModule,
    CouncilsModule,
    DeadlinesModule,
    DossierModule,
    IntakeModule,
    MeetingsModule,
    UnionsModule,
  ],
  controllers: [
    UnionDashboardController,
    OverviewsController,
    CaseExportsController,
    AgendaController,
  ],
  providers: [
    OverviewsService,
    CouncilDashboardService,
    UnionDashboardService,
    CaseExportsService,
    AgendaService,
    AgendaRepository,
  ],
})
export class OverviewsModule {}
