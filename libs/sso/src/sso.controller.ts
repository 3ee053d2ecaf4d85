import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import {
  type Actor,
  CurrentActor,
  OrganisationIdParams,
  Permission,
  Public,
  RateLimited,
  RequirePermission,
  TokenPairResponse,
} from '@wc/auth';

import {
  SsoCallbackDto,
  SsoConnectionDto,
  SsoConnectionResponse,
  SsoStartDto,
  SsoStartResponse,
} from './dto/sso.dto';
import { SsoService } from './sso.service';

@ApiTags('single sign-on')
@Controller()
export class SsoController {
  constructor(private readonly sso: SsoService) {}

  /** The organisation is found from the e-mail domain; 404 when no organisation signs in with it. */
  @Public()
  @RateLimited()
  @Post('auth/sso/authorizations')
  @HttpCode(200)
  start(@Body() dto: SsoStartDto): Promise<SsoStartResponse> {
    return this.sso.start(dto.email);
  }

  /** What the identity provider sent to the redirect URI, for the platform's own tokens. */
  @Public()
  @RateLimited()
  @Post('auth/sso/callback')
  @HttpCode(200)
  finish(@Body() dto: SsoCallbackDto): Promise<TokenPairResponse> {
    return this.sso.finish(dto);
  }

  @ApiBearerAuth()
  @Get('organisations/:organisationId/sso-connection')
  @RequirePermission(Permission.OrganisationManage)
  get(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
  ): Promise<SsoConnectionResponse> {
    return this.sso.getConnection(actor, organisationId);
  }

  /** The client secret may be left out to keep the stored one; it is never returned. */
  @ApiBearerAuth()
  @Put('organisations/:organisationId/sso-connection')
  @RequirePermission(Permission.OrganisationManage)
  put(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
    @Body() dto: SsoConnectionDto,
  ): Promise<SsoConnectionResponse> {
    return this.sso.saveConnection(actor, organisationId, dto);
  }

  @ApiBearerAuth()
  @Delete('organisations/:organisationId/sso-connection')
  @HttpCode(204)
  @RequirePermission(Permission.OrganisationManage)
  delete(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
  ): Promise<void> {
    return this.sso.deleteConnection(actor, organisationId);
  }
}
