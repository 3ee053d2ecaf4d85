import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { OrganisationIdParams, WorksCouncilIdParams } from '@wc/councils';

import {
  CouncilDashboardQueryDto,
  CouncilDashboardResponse,
  EmployerOverviewResponse,
} from './dto/overviews.dto';
import { OverviewsService } from './overviews.service';
import { CouncilDashboardService } from './council-dashboard.service';

/** Dashboards are views over cases: `case:read`, then each side's own check in the service. */
@ApiTags('overviews')
@ApiBearerAuth()
@Controller()
export class OverviewsController {
  constructor(
    private readonly overviews: OverviewsService,
    private readonly council: CouncilDashboardService,
  ) {}

  @Get('works-councils/:worksCouncilId/dashboard')
  @RequirePermission(Permission.CaseRead)
  councilDashboard(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
    @Query() query: CouncilDashboardQueryDto,
  ): Promise<CouncilDashboardResponse> {
    return this.council.councilDashboard(actor, worksCouncilId, query);
  }

  @Get('organisations/:organisationId/overview')
  @RequirePermission(Permission.CaseRead)
  employerOverview(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
  ): Promise<EmployerOverviewResponse> {
    return this.overviews.employerOverview(actor, organisationId);
  }
}
