import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { WorksCouncilIdParams } from '@wc/councils';
import { CursorPageQueryDto } from '@wc/pagination';

import {
  ChangeUnionShareDto,
  GrantUnionShareDto,
  UnionDirectoryEntryPage,
  UnionShareIdParams,
  UnionSharePage,
  UnionShareResponse,
} from './dto/union-share.dto';
import { UnionsService } from './unions.service';

@ApiTags('union-shares')
@ApiBearerAuth()
@Controller()
export class UnionsController {
  constructor(private readonly unions: UnionsService) {}

  /** The union directory to share with: every union's id and name, for a council's chair or secretary. */
  @Get('unions')
  @RequirePermission(Permission.UnionShareManage)
  directory(
    @CurrentActor() actor: Actor,
    @Query() page: CursorPageQueryDto,
  ): Promise<UnionDirectoryEntryPage> {
    return this.unions.directory(actor, page);
  }

  @Post('works-councils/:worksCouncilId/union-shares')
  @RequirePermission(Permission.UnionShareManage)
  grant(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
    @Body() dto: GrantUnionShareDto,
  ): Promise<UnionShareResponse> {
    return this.unions.grant(actor, worksCouncilId, dto);
  }

  @Get('works-councils/:worksCouncilId/union-shares')
  @RequirePermission(Permission.CouncilRead)
  list(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
    @Query() page: CursorPageQueryDto,
  ): Promise<UnionSharePage> {
    return this.unions.list(actor, worksCouncilId, page);
  }

  @Patch('union-shares/:unionShareId')
  @RequirePermission(Permission.UnionShareManage)
  changeScope(
    @CurrentActor() actor: Actor,
    @Param() { unionShareId }: UnionShareIdParams,
    @Body() dto: ChangeUnionShareDto,
  ): Promise<UnionShareResponse> {
    return this.unions.changeScope(actor, unionShareId, dto);
  }

  /** Revokes at once: the share stays listed with `revokedAt`. */
  @Delete('union-shares/:unionShareId')
  @HttpCode(200)
  @RequirePermission(Permission.UnionShareManage)
  revoke(
    @CurrentActor() actor: Actor,
    @Param() { unionShareId }: UnionShareIdParams,
  ): Promise<UnionShareResponse> {
    return this.unions.revoke(actor, unionShareId);
  }
}
