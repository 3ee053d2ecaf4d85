import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import {
  type Actor,
  CurrentActor,
  Permission,
  Public,
  RateLimited,
  RequirePermission,
  TokenPairResponse,
} from '@wc/auth';
import { CursorPageQueryDto } from '@wc/pagination';

import { CouncilsService } from './councils.service';
import { OrganisationExportService } from './organisation-export.service';
import {
  AcceptInvitationDto,
  ChangeMembershipDto,
  CreateCommitteeDto,
  CreatedExpertEngagementResponse,
  CreateExpertEngagementDto,
  CreateInvitationDto,
  CreateMembershipDto,
  CreateWorksCouncilDto,
  InvitationResponse,
  MemberResponse,
  MembershipIdParams,
  OrganisationIdParams,
  OrganisationResponse,
  UserIdParams,
  WorksCouncilIdParams,
  WorksCouncilResponse,
  WorksCouncilPage,
  MemberPage,
  CouncilRoleChangePage,
  ExpertEngagementPage,
} from './dto/councils.dto';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller()
export class CouncilsController {
  constructor(
    private readonly councils: CouncilsService,
    private readonly exports: OrganisationExportService,
  ) {}

  @Get('organisations/:organisationId')
  @RequirePermission(Permission.OrganisationRead)
  getOrganisation(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
  ): Promise<OrganisationResponse> {
    return this.councils.getOrganisation(actor, organisationId);
  }

  /**
   * Everything the organisation owns, documents included, as one tar of JSON lines with a
   * manifest (row counts and checksums per table): to keep, or to import into another Overleg
   * instance with `npm run admin -- import <file>`.
   */
  @Get('organisations/:organisationId/export')
  @RequirePermission(Permission.OrganisationExport)
  @ApiProduces('application/x-tar')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async exportOrganisation(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const archive = await this.exports.export(actor, organisationId);
    res.once('close', () => archive.body.destroy());
    return new StreamableFile(archive.body, {
      type: 'application/x-tar',
      length: archive.sizeBytes,
      disposition: `attachment; filename="${archive.filename}"`,
    });
  }

  @Get('organisations/:organisationId/works-councils')
  @RequirePermission(Permission.CouncilRead)
  listCouncils(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
    @Query() page: CursorPageQueryDto,
  ): Promise<WorksCouncilPage> {
    return this.councils.listCouncils(actor, organisationId, page);
  }

  @Post('organisations/:organisationId/works-councils')
  @RequirePermission(Permission.CouncilManage)
  createCouncil(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
    @Body() dto: CreateWorksCouncilDto,
  ): Promise<WorksCouncilResponse> {
    return this.councils.createCouncil(actor, organisationId, dto);
  }

  @Get('works-councils/:worksCouncilId')
  @RequirePermission(Permission.CouncilRead)
  getCouncil(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
  ): Promise<WorksCouncilResponse> {
    return this.councils.getCouncil(actor, worksCouncilId);
  }

  @Post('works-councils/:worksCouncilId/committees')
  @RequirePermission(Permission.CouncilManage)
  createCommittee(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
    @Body() dto: CreateCommitteeDto,
  ): Promise<WorksCouncilResponse> {
    return this.councils.createCommittee(actor, worksCouncilId, dto);
  }

  @Get('organisations/:organisationId/memberships')
  @RequirePermission(Permission.OrganisationRead)
  listMembers(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
    @Query() page: CursorPageQueryDto,
  ): Promise<MemberPage> {
    return this.councils.listMembers(actor, organisationId, page);
  }

  @Post('organisations/:organisationId/memberships')
  @RequirePermission(Permission.MembershipManage)
  addMembership(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
    @Body() dto: CreateMembershipDto,
  ): Promise<MemberResponse> {
    return this.councils.addMembership(actor, organisationId, dto);
  }

  @Patch('memberships/:membershipId')
  @RequirePermission(Permission.MembershipManage)
  changeMembership(
    @CurrentActor() actor: Actor,
    @Param() { membershipId }: MembershipIdParams,
    @Body() dto: ChangeMembershipDto,
  ): Promise<MemberResponse> {
    return this.councils.changeMembership(actor, membershipId, dto);
  }

  @Delete('memberships/:membershipId')
  @HttpCode(204)
  @RequirePermission(Permission.MembershipManage)
  removeMembership(
    @CurrentActor() actor: Actor,
    @Param() { membershipId }: MembershipIdParams,
  ): Promise<void> {
    return this.councils.removeMembership(actor, membershipId);
  }

  /** Ends the account's access at once; a council member's account is the council board's to end (B.19). */
  @Post('organisations/:organisationId/users/:userId/deactivation')
  @HttpCode(204)
  @RequirePermission(Permission.MembershipManage)
  deactivateUser(
    @CurrentActor() actor: Actor,
    @Param() { organisationId, userId }: UserIdParams,
  ): Promise<void> {
    return this.councils.deactivateUser(actor, organisationId, userId);
  }

  /** The council's own expert (WOR art. 16), invited by its board; the employer gets the cost notice (art. 22(2)). */
  @Post('works-councils/:worksCouncilId/expert-engagements')
  @RequirePermission(Permission.InvitationCreate)
  engageExpert(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
    @Body() dto: CreateExpertEngagementDto,
  ): Promise<CreatedExpertEngagementResponse> {
    return this.councils.engageExpert(actor, worksCouncilId, dto);
  }

  @Get('works-councils/:worksCouncilId/expert-engagements')
  @RequirePermission(Permission.CouncilRead)
  listEngagements(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
    @Query() page: CursorPageQueryDto,
  ): Promise<ExpertEngagementPage> {
    return this.councils.listEngagements(actor, worksCouncilId, page);
  }

  /** Who granted, changed or removed which council role: the council's own record. */
  @Get('works-councils/:worksCouncilId/role-changes')
  @RequirePermission(Permission.CouncilRead)
  listRoleChanges(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
    @Query() page: CursorPageQueryDto,
  ): Promise<CouncilRoleChangePage> {
    return this.councils.listRoleChanges(actor, worksCouncilId, page);
  }

  @Post('organisations/:organisationId/invitations')
  @RequirePermission(Permission.InvitationCreate)
  invite(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
    @Body() dto: CreateInvitationDto,
  ): Promise<InvitationResponse> {
    return this.councils.invite(actor, organisationId, dto);
  }

  @Public()
  @RateLimited()
  @Post('invitations/accept')
  @HttpCode(200)
  acceptInvitation(@Body() dto: AcceptInvitationDto): Promise<TokenPairResponse> {
    return this.councils.acceptInvitation(dto);
  }
}
