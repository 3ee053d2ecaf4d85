import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { CursorPageQueryDto } from '@wc/pagination';

import { ConvenantService } from './convenant.service';
import {
  ConvenantPage,
  ConvenantResponse,
  ConvenantTermsDto,
  ConvenantVersionParams,
} from './dto/convenant.dto';
import { WorksCouncilIdParams } from './dto/councils.dto';

/** A council's agreed terms: proposed by one party, confirmed by the other (B.19). */
@ApiTags('organisations')
@ApiBearerAuth()
@Controller('works-councils/:worksCouncilId/convenants')
export class ConvenantController {
  constructor(private readonly convenants: ConvenantService) {}

  /** Every version, newest first: the confirmed one in force, an open proposal, superseded ones. */
  @Get()
  @RequirePermission(Permission.CouncilRead)
  list(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
    @Query() page: CursorPageQueryDto,
  ): Promise<ConvenantPage> {
    return this.convenants.list(actor, worksCouncilId, page);
  }

  /** Proposes agreed terms; an open proposal of either side is replaced by this one. */
  @Post()
  @RequirePermission(Permission.ConvenantManage)
  propose(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
    @Body() dto: ConvenantTermsDto,
  ): Promise<ConvenantResponse> {
    return this.convenants.propose(actor, worksCouncilId, dto);
  }

  /** The other party confirms the proposal; from then on new terms are computed with it. */
  @Post(':version/confirmation')
  @HttpCode(200)
  @RequirePermission(Permission.ConvenantManage)
  confirm(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId, version }: ConvenantVersionParams,
  ): Promise<ConvenantResponse> {
    return this.convenants.confirm(actor, worksCouncilId, version);
  }
}
