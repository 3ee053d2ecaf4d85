import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { CursorPageQueryDto } from '@wc/pagination';

import { OrganisationIdParams } from './dto/councils.dto';
import {
  CreateOrganisationDto,
  FirstAdminInvitationResponse,
  InviteFirstAdminDto,
  PlatformOrganisationPage,
  PlatformOrganisationResponse,
} from './dto/platform.dto';
import { PlatformService } from './platform.service';

/** The platform operator's screen and API: the same verbs as `npm run admin`. */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('platform/organisations')
export class PlatformController {
  constructor(private readonly platform: PlatformService) {}

  @Get()
  @RequirePermission(Permission.PlatformManage)
  list(@Query() page: CursorPageQueryDto): Promise<PlatformOrganisationPage> {
    return this.platform.list(page);
  }

  @Post()
  @RequirePermission(Permission.PlatformManage)
  create(@Body() dto: CreateOrganisationDto): Promise<PlatformOrganisationResponse> {
    return this.platform.create(dto);
  }

  @Post(':organisationId/admin-invitations')
  @RequirePermission(Permission.PlatformManage)
  inviteFirstAdmin(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
    @Body() dto: InviteFirstAdminDto,
  ): Promise<FirstAdminInvitationResponse> {
    return this.platform.inviteFirstAdmin(actor.userId, organisationId, dto);
  }

  @Post(':organisationId/suspension')
  @HttpCode(200)
  @RequirePermission(Permission.PlatformManage)
  suspend(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
  ): Promise<PlatformOrganisationResponse> {
    return this.platform.suspend(actor.userId, organisationId);
  }

  /** Resumes the organisation; also cancels a scheduled deletion that has not run yet. */
  @Delete(':organisationId/suspension')
  @RequirePermission(Permission.PlatformManage)
  resume(@Param() { organisationId }: OrganisationIdParams): Promise<PlatformOrganisationResponse> {
    return this.platform.resume(organisationId);
  }

  @Post(':organisationId/deletion')
  @HttpCode(200)
  @RequirePermission(Permission.PlatformManage)
  scheduleDeletion(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
  ): Promise<PlatformOrganisationResponse> {
    return this.platform.scheduleDeletion(actor.userId, organisationId);
  }
}
