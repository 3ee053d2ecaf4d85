import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, assertAdminOf } from './actor';
import { AuthPolicyRepository } from './auth-policy.repository';
import { CurrentActor, RequirePermission } from './decorators';
import { AuthPolicyDto, AuthPolicyResponse, OrganisationIdParams } from './dto/auth.dto';
import { Permission } from './roles';

/** The organisation admin's authentication policy for everyone in the organisation. */
@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations/:organisationId/auth-policy')
export class AuthPolicyController {
  constructor(private readonly policies: AuthPolicyRepository) {}

  @Get()
  @RequirePermission(Permission.OrganisationManage)
  async get(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
  ): Promise<AuthPolicyResponse> {
    assertAdminOf(actor, organisationId);
    return { secondFactorRequired: await this.policies.secondFactorRequired(organisationId) };
  }

  /** Takes effect at each person's next login or token refresh. */
  @Put()
  @RequirePermission(Permission.OrganisationManage)
  async put(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
    @Body() dto: AuthPolicyDto,
  ): Promise<AuthPolicyResponse> {
    assertAdminOf(actor, organisationId);
    await this.policies.save(organisationId, dto.secondFactorRequired);
    return { secondFactorRequired: dto.secondFactorRequired };
  }
}
