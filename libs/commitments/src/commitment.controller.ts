import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { CaseIdParams } from '@wc/cases';
import { CursorPageQueryDto } from '@wc/pagination';

import { CommitmentService } from './commitment.service';
import {
  AssignCommitmentDto,
  CommitmentIdParams,
  CommitmentPage,
  CommitmentResponse,
  CouncilCommitmentDecisionDto,
  RecordEvidenceDto,
  ReopenFromCommitmentDto,
} from './dto/commitment.dto';

/** Conditions of a conditional advice or consent, followed up as commitments (issue #19). */
@ApiTags('commitments')
@ApiBearerAuth()
@Controller()
export class CommitmentController {
  constructor(private readonly commitments: CommitmentService) {}

  /** Both sides, and a union per its share's scope; bounded by the conditions of the case. */
  @Get('cases/:caseId/commitments')
  @RequirePermission(Permission.CaseRead)
  list(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Query() query: CursorPageQueryDto,
  ): Promise<CommitmentPage> {
    return this.commitments.list(actor, caseId, query);
  }

  @Patch('commitments/:commitmentId')
  @RequirePermission(Permission.CaseDecide)
  assign(
    @CurrentActor() actor: Actor,
    @Param() { commitmentId }: CommitmentIdParams,
    @Body() dto: AssignCommitmentDto,
  ): Promise<CommitmentResponse> {
    return this.commitments.assign(actor, commitmentId, dto);
  }

  @Post('commitments/:commitmentId/evidence')
  @RequirePermission(Permission.CaseDecide)
  recordEvidence(
    @CurrentActor() actor: Actor,
    @Param() { commitmentId }: CommitmentIdParams,
    @Body() dto: RecordEvidenceDto,
  ): Promise<CommitmentResponse> {
    return this.commitments.recordEvidence(actor, commitmentId, dto);
  }

  @Post('commitments/:commitmentId/breach')
  @RequirePermission(Permission.CaseCouncilPosition)
  declareBroken(
    @CurrentActor() actor: Actor,
    @Param() { commitmentId }: CommitmentIdParams,
    @Body() dto: CouncilCommitmentDecisionDto,
  ): Promise<CommitmentResponse> {
    return this.commitments.declareBroken(actor, commitmentId, dto);
  }

  @Post('commitments/:commitmentId/waiver')
  @RequirePermission(Permission.CaseCouncilPosition)
  waive(
    @CurrentActor() actor: Actor,
    @Param() { commitmentId }: CommitmentIdParams,
    @Body() dto: CouncilCommitmentDecisionDto,
  ): Promise<CommitmentResponse> {
    return this.commitments.waive(actor, commitmentId, dto);
  }

  @Post('commitments/:commitmentId/reopening')
  @RequirePermission(Permission.CaseCouncilPosition)
  reopen(
    @CurrentActor() actor: Actor,
    @Param() { commitmentId }: CommitmentIdParams,
    @Body() dto: ReopenFromCommitmentDto,
  ): Promise<CommitmentResponse> {
    return this.commitments.reopen(actor, commitmentId, dto);
  }
}
