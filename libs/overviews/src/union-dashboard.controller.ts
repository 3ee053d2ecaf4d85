import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';

import { UnionDashboardQueryDto, UnionDashboardResponse, UnionIdParams } from './dto/overviews.dto';
import { UnionDashboardService } from './union-dashboard.service';

/** The union dashboard is a view over shared cases: `case:read`, then the union officer check in the service. */
@ApiTags('overviews')
@ApiBearerAuth()
@Controller()
export class UnionDashboardController {
  constructor(private readonly unionDashboard: UnionDashboardService) {}

  @Get('unions/:unionOrganisationId/dashboard')
  @RequirePermission(Permission.CaseRead)
  dashboard(
    @CurrentActor() actor: Actor,
    @Param() { unionOrganisationId }: UnionIdParams,
    @Query() query: UnionDashboardQueryDto,
  ): Promise<UnionDashboardResponse> {
    return this.unionDashboard.dashboard(actor, unionOrganisationId, query);
  }

  @Get('unions/:unionOrganisationId/dashboard.csv')
  @RequirePermission(Permission.CaseRead)
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="union-dashboard.csv"')
  @Header('Cache-Control', 'no-store')
  csv(
    @CurrentActor() actor: Actor,
    @Param() { unionOrganisationId }: UnionIdParams,
    @Query() query: UnionDashboardQueryDto,
  ): Promise<string> {
    return this.unionDashboard.csv(actor, unionOrganisationId, query);
  }
}
