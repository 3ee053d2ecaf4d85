import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { OrganisationIdParams, WorksCouncilIdParams } from '@wc/councils';

import {
  CouncilDashboardQueryDto,
  CouncilDashboardResponse,
  EmployerOverviewResponse,
  UnionDashboardQueryDto,
  UnionDashboardResponse,
  UnionIdParams,
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

  @Get('unions/:unionOrganisationId/dashboard')
  @RequirePermission(Permission.CaseRead)
  unionDashboard(
    @CurrentActor() actor: Actor,
    @Param() { unionOrganisationId }: UnionIdParams,
    @Query() query: UnionDashboardQueryDto,
  ): Promise<UnionDashboardResponse> {
    return this.overviews.unionDashboard(actor, unionOrganisationId, query);
  }

  @Get('unions/:unionOrganisationId/dashboard.csv')
  @RequirePermission(Permission.CaseRead)
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="union-dashboard.csv"')
  @Header('Cache-Control', 'no-store')
  unionDashboardCsv(
    @CurrentActor() actor: Actor,
    @Param() { unionOrganisationId }: UnionIdParams,
    @Query() query: UnionDashboardQueryDto,
  ): Promise<string> {
    return this.overviews.unionDashboardCsv(actor, unionOrganisationId, query);
  }

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
