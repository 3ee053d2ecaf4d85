import { Module } from '@nestjs/common';

import { AiSystemsModule } from '@wc/ai-systems';
import { CasesModule } from '@wc/cases';
import { CouncilSpaceModule } from '@wc/council-space';
import { DeadlinesModule } from '@wc/deadlines';
import { MeetingsModule } from '@wc/meetings';
import { UnionsModule } from '@wc/unions';

import { CaseExportsController } from './case-exports.controller';
import { CaseExportsService } from './case-exports.service';
import { OverviewsController } from './overviews.controller';
import { OverviewsRepository } from './overviews.repository';
import { OverviewsService } from './overviews.service';

/** Dashboards for unions, councils and employers, and CSV exports of case data (issue #8). */
@Module({
  imports: [AiSystemsModule, CasesModule, CouncilSpaceModule, DeadlinesModule, MeetingsModule, UnionsModule],
  controllers: [OverviewsController, CaseExportsController],
  providers: [OverviewsService, OverviewsRepository, CaseExportsService],
})
export class OverviewsModule {}
