import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { CaseIdParams } from '@wc/cases';

import {
  CreateIncidentDto,
  EvaluationParams,
  EvaluationReportResponse,
  EvaluationResponse,
  FollowUpsResponse,
  IncidentPage,
  IncidentResponse,
  ListIncidentsQueryDto,
  MonitoringPlanResponse,
  PutMonitoringPlanDto,
  RecordEvaluationDto,
} from './evaluation.dto';
import { EvaluationsService } from './evaluations.service';

@ApiTags('evaluations')
@ApiBearerAuth()
@Controller('cases/:caseId')
export class EvaluationsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  @Get('monitoring-plan')
  @RequirePermission(Permission.CaseRead)
  plan(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
  ): Promise<MonitoringPlanResponse> {
    return this.evaluations.plan(actor, caseId);
  }

  @Put('monitoring-plan')
  @RequirePermission(Permission.CaseFile)
  putPlan(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: PutMonitoringPlanDto,
  ): Promise<MonitoringPlanResponse> {
    return this.evaluations.putPlan(actor, caseId, dto);
  }

  @Get('evaluations')
  @RequirePermission(Permission.CaseRead)
  report(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
  ): Promise<EvaluationReportResponse> {
    return this.evaluations.report(actor, caseId);
  }

  @Put('evaluations/:seq')
  @RequirePermission(Permission.CaseParticipate)
  record(
    @CurrentActor() actor: Actor,
    @Param() { caseId, seq }: EvaluationParams,
    @Body() dto: RecordEvaluationDto,
  ): Promise<EvaluationResponse> {
    return this.evaluations.record(actor, caseId, seq, dto);
  }

  @Get('incidents')
  @RequirePermission(Permission.CaseRead)
  incidents(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Query() query: ListIncidentsQueryDto,
  ): Promise<IncidentPage> {
    return this.evaluations.incidents(actor, caseId, query);
  }

  @Post('incidents')
  @RequirePermission(Permission.CaseParticipate)
  logIncident(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: CreateIncidentDto,
  ): Promise<IncidentResponse> {
    return this.evaluations.logIncident(actor, caseId, dto);
  }

  @Get('follow-ups')
  @RequirePermission(Permission.CaseRead)
  followUps(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
  ): Promise<FollowUpsResponse> {
    return this.evaluations.followUps(actor, caseId);
  }
}
