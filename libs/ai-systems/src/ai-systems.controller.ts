import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { OrganisationIdParams } from '@wc/councils';
import { CursorPageQueryDto } from '@wc/pagination';

import { AiSystemsService } from './ai-systems.service';
import {
  AiSystemChangePage,
  AiSystemPage,
  AiSystemIdParams,
  AiSystemResponse,
  AiSystemUpdateResponse,
  CreateAiSystemDto,
  UpdateAiSystemDto,
} from './dto/ai-system.dto';

@ApiTags('ai-systems')
@ApiBearerAuth()
@Controller()
export class AiSystemsController {
  constructor(private readonly systems: AiSystemsService) {}

  @Get('organisations/:organisationId/ai-systems')
  @RequirePermission(Permission.AiSystemRead)
  list(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
    @Query() page: CursorPageQueryDto,
  ): Promise<AiSystemPage> {
    return this.systems.list(actor, organisationId, page);
  }

  @Post('organisations/:organisationId/ai-systems')
  @RequirePermission(Permission.AiSystemWrite)
  create(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
    @Body() dto: CreateAiSystemDto,
  ): Promise<AiSystemResponse> {
    return this.systems.create(actor, organisationId, dto);
  }

  @Get('ai-systems/:aiSystemId')
  @RequirePermission(Permission.AiSystemRead)
  get(
    @CurrentActor() actor: Actor,
    @Param() { aiSystemId }: AiSystemIdParams,
  ): Promise<AiSystemResponse> {
    return this.systems.get(actor, aiSystemId);
  }

  @Patch('ai-systems/:aiSystemId')
  @RequirePermission(Permission.AiSystemWrite)
  update(
    @CurrentActor() actor: Actor,
    @Param() { aiSystemId }: AiSystemIdParams,
    @Body() dto: UpdateAiSystemDto,
  ): Promise<AiSystemUpdateResponse> {
    return this.systems.update(actor, aiSystemId, dto);
  }

  @Get('ai-systems/:aiSystemId/changes')
  @RequirePermission(Permission.AiSystemRead)
  changes(
    @CurrentActor() actor: Actor,
    @Param() { aiSystemId }: AiSystemIdParams,
    @Query() page: CursorPageQueryDto,
  ): Promise<AiSystemChangePage> {
    return this.systems.changes(actor, aiSystemId, page);
  }
}
