import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { CaseIdParams } from '@wc/cases';
import { CursorPageQueryDto, pageOfSorted } from '@wc/pagination';

import {
  AssessmentCommentParams,
  AssessmentCommentResponse,
  AssessmentCommentsQueryDto,
  AssessmentCommentPage,
  AssessmentVersionSummaryPage,
  AssessmentDiffResponse,
  AssessmentResponse,
  AssessmentVersionParams,
  AssessmentVersionResponse,
  CreateAssessmentCommentDto,
  EditAssessmentCommentDto,
  QuestionnaireResponse,
  SubmitAssessmentDto,
  UpdateAssessmentDto,
} from './assessment.dto';
import { AssessmentService } from './assessment.service';

@ApiTags('dossier')
@ApiBearerAuth()
@Controller('cases/:caseId/assessment')
export class AssessmentController {
  constructor(private readonly assessments: AssessmentService) {}

  @Get()
  @RequirePermission(Permission.CaseRead)
  get(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
  ): Promise<AssessmentResponse> {
    return this.assessments.get(actor, caseId);
  }

  @Patch()
  @RequirePermission(Permission.CaseFile)
  update(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: UpdateAssessmentDto,
  ): Promise<AssessmentResponse> {
    return this.assessments.update(actor, caseId, dto);
  }

  /** The questions with their sources; DPIA and FRIA items only when the triage requires them. */
  @Get('questionnaire')
  @RequirePermission(Permission.CaseRead)
  questionnaire(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
  ): Promise<QuestionnaireResponse> {
    return this.assessments.questionnaire(actor, caseId);
  }

  @Post('submissions')
  @RequirePermission(Permission.CaseFile)
  submit(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: SubmitAssessmentDto,
  ): Promise<AssessmentVersionResponse> {
    return this.assessments.submit(actor, caseId, dto);
  }

  @Get('versions')
  @RequirePermission(Permission.CaseRead)
  async versions(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Query() page: CursorPageQueryDto,
  ): Promise<AssessmentVersionSummaryPage> {
    return pageOfSorted(await this.assessments.versions(actor, caseId), page, (v) => [v.seq]);
  }

  @Get('versions/:seq')
  @RequirePermission(Permission.CaseRead)
  version(
    @CurrentActor() actor: Actor,
    @Param() { caseId, seq }: AssessmentVersionParams,
  ): Promise<AssessmentVersionResponse> {
    return this.assessments.version(actor, caseId, seq);
  }

  @Get('versions/:seq/diff')
  @RequirePermission(Permission.CaseRead)
  diff(
    @CurrentActor() actor: Actor,
    @Param() { caseId, seq }: AssessmentVersionParams,
  ): Promise<AssessmentDiffResponse> {
    return this.assessments.diff(actor, caseId, seq);
  }

  @Get('comments')
  @RequirePermission(Permission.CaseRead)
  async comments(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Query() { questionId, ...page }: AssessmentCommentsQueryDto,
  ): Promise<AssessmentCommentPage> {
    return pageOfSorted(
      await this.assessments.comments(actor, caseId, { questionId }),
      page,
      (c) => [c.createdAt, c.id],
    );
  }

  @Post('comments')
  @RequirePermission(Permission.CaseParticipate)
  addComment(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: CreateAssessmentCommentDto,
  ): Promise<AssessmentCommentResponse> {
    return this.assessments.addComment(actor, caseId, dto);
  }

  @Patch('comments/:commentId')
  @RequirePermission(Permission.CaseParticipate)
  editComment(
    @CurrentActor() actor: Actor,
    @Param() { caseId, commentId }: AssessmentCommentParams,
    @Body() dto: EditAssessmentCommentDto,
  ): Promise<AssessmentCommentResponse> {
    return this.assessments.editComment(actor, caseId, commentId, dto);
  }
}
