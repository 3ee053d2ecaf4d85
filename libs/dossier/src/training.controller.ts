import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { CaseIdParams } from '@wc/cases';

import {
  PutTrainingPlanDto,
  RecordCompletionDto,
  TrainingCompletionParams,
  TrainingPlanResponse,
} from './training.dto';
import { TrainingService } from './training.service';

@ApiTags('dossier')
@ApiBearerAuth()
@Controller('cases/:caseId/training-plan')
export class TrainingController {
  constructor(private readonly training: TrainingService) {}

  @Get()
  @RequirePermission(Permission.CaseRead)
  get(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
  ): Promise<TrainingPlanResponse> {
    return this.training.get(actor, caseId);
  }

  /** Creates (version 0) or replaces the plan; a stale version is refused with 409. */
  @Put()
  @RequirePermission(Permission.CaseFile)
  put(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: PutTrainingPlanDto,
  ): Promise<TrainingPlanResponse> {
    return this.training.put(actor, caseId, dto);
  }

  @Post('completions')
  @RequirePermission(Permission.CaseFile)
  recordCompletion(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: RecordCompletionDto,
  ): Promise<TrainingPlanResponse> {
    return this.training.recordCompletion(actor, caseId, dto);
  }

  @Delete('completions/:completionId')
  @HttpCode(204)
  @RequirePermission(Permission.CaseFile)
  removeCompletion(
    @CurrentActor() actor: Actor,
    @Param() { caseId, completionId }: TrainingCompletionParams,
  ): Promise<void> {
    return this.training.removeCompletion(actor, caseId, completionId);
  }
}
