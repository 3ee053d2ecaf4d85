import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import {
  type Actor,
  CurrentActor,
  Permission,
  Public,
  RateLimited,
  RequirePermission,
} from '@wc/auth';
import { CaseIdParams } from '@wc/cases';
import { CursorPageQueryDto } from '@wc/pagination';

import {
  CreateSurveyDto,
  SendSurveyInvitationsDto,
  SubmitSurveyResponseDto,
  SurveyIdParams,
  SurveyInvitationsSentResponse,
  SurveyPage,
  SurveyQuestionnaireResponse,
  SurveyResponse,
  SurveyTokenDto,
  SurveyVersionDto,
} from './survey.dto';
import { SurveyService } from './survey.service';

/**
 * The council's staff surveys on a case (issue #19). Council-internal until attached to the
 * council's position: everyone else gets 404 before that, as for the council-internal space, and
 * every route carries the same coarse permission so the guard's answer tells nobody apart. The
 * chair's or secretary's acts are checked after the 404 (403 `internal.board_only`).
 */
@ApiTags('surveys')
@ApiBearerAuth()
@Controller('cases/:caseId/surveys')
export class SurveysController {
  constructor(private readonly surveys: SurveyService) {}

  @Get()
  @RequirePermission(Permission.CaseParticipate)
  list(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Query() query: CursorPageQueryDto,
  ): Promise<SurveyPage> {
    return this.surveys.list(actor, caseId, query);
  }

  /** Chair or secretary: the quality-of-work questions plus the council's own. */
  @Post()
  @RequirePermission(Permission.CaseParticipate)
  create(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: CreateSurveyDto,
  ): Promise<SurveyResponse> {
    return this.surveys.create(actor, caseId, dto);
  }

  /** Results only from five responses up (`results` null below that, without any count). */
  @Get(':surveyId')
  @RequirePermission(Permission.CaseParticipate)
  get(
    @CurrentActor() actor: Actor,
    @Param() { caseId, surveyId }: SurveyIdParams,
  ): Promise<SurveyResponse> {
    return this.surveys.get(actor, caseId, surveyId);
  }

  /** Chair or secretary: mails each address a single-use link; the addresses are not stored. */
  @Post(':surveyId/invitations')
  @HttpCode(200)
  @RequirePermission(Permission.CaseParticipate)
  invite(
    @CurrentActor() actor: Actor,
    @Param() { caseId, surveyId }: SurveyIdParams,
    @Body() dto: SendSurveyInvitationsDto,
  ): Promise<SurveyInvitationsSentResponse> {
    return this.surveys.invite(actor, caseId, surveyId, dto);
  }

  /** Chair or secretary: no more responses. */
  @Post(':surveyId/closure')
  @HttpCode(200)
  @RequirePermission(Permission.CaseParticipate)
  close(
    @CurrentActor() actor: Actor,
    @Param() { caseId, surveyId }: SurveyIdParams,
    @Body() dto: SurveyVersionDto,
  ): Promise<SurveyResponse> {
    return this.surveys.close(actor, caseId, surveyId, dto.version);
  }

  /** Chair or secretary: the results become part of the council's position; the employer reads them from then on. */
  @Put(':surveyId/position-attachment')
  @RequirePermission(Permission.CaseParticipate)
  attach(
    @CurrentActor() actor: Actor,
    @Param() { caseId, surveyId }: SurveyIdParams,
    @Body() dto: SurveyVersionDto,
  ): Promise<SurveyResponse> {
    return this.surveys.attach(actor, caseId, surveyId, dto.version);
  }
}

/**
 * Answering a survey: no account, the single-use token from the e-mail is the credential. Both
 * routes are POST so the token travels in the body, never in a URL that logs keep.
 */
@ApiTags('surveys')
@Controller()
export class SurveyAnswersController {
  constructor(private readonly surveys: SurveyService) {}

  /** The questions of the invitation's survey: 404 for an unknown token, 409 once used or closed. */
  @Public()
  @RateLimited()
  @Post('survey-questionnaires')
  @HttpCode(200)
  questionnaire(@Body() dto: SurveyTokenDto): Promise<SurveyQuestionnaireResponse> {
    return this.surveys.questionnaire(dto.token);
  }

  /** One response per invitation: a second one is 409 `survey.invitation_used`. */
  @Public()
  @RateLimited()
  @Post('survey-responses')
  @HttpCode(204)
  respond(@Body() dto: SubmitSurveyResponseDto): Promise<void> {
    return this.surveys.respond(dto);
  }
}
