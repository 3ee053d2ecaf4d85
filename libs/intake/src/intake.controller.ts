import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { WorksCouncilIdParams } from '@wc/councils';
import { CursorPageQueryDto } from '@wc/pagination';

import {
  ActOnSignalDto,
  AnswerCouncilRequestDto,
  CouncilRequestIdParams,
  CouncilRequestPage,
  CouncilRequestResponse,
  CouncilSignalIdParams,
  CouncilSignalPage,
  CouncilSignalResponse,
  DismissSignalDto,
  OpenCaseForRequestDto,
  RaiseSignalDto,
} from './dto/intake.dto';
import { IntakeService } from './intake.service';

/**
 * The council's intake (issue #19). Signals are council-internal: the routes take `case:read` /
 * `case:participate`, which unions and the employer also hold, so the service answers them 404
 * (what they may not see does not exist) rather than the guard's 403.
 */
@ApiTags('council-intake')
@ApiBearerAuth()
@Controller()
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Post('works-councils/:worksCouncilId/signals')
  @RequirePermission(Permission.CaseParticipate)
  raise(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
    @Body() dto: RaiseSignalDto,
  ): Promise<CouncilSignalResponse> {
    return this.intake.raise(actor, worksCouncilId, dto);
  }

  @Get('works-councils/:worksCouncilId/signals')
  @RequirePermission(Permission.CaseRead)
  listSignals(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
    @Query() query: CursorPageQueryDto,
  ): Promise<CouncilSignalPage> {
    return this.intake.listSignals(actor, worksCouncilId, query);
  }

  @Get('signals/:signalId')
  @RequirePermission(Permission.CaseRead)
  getSignal(
    @CurrentActor() actor: Actor,
    @Param() { signalId }: CouncilSignalIdParams,
  ): Promise<CouncilSignalResponse> {
    return this.intake.getSignal(actor, signalId);
  }

  /** The council acts: an art. 31 request, a request to open a case, or an art. 23(3) proposal. */
  @Post('signals/:signalId/requests')
  @RequirePermission(Permission.CaseParticipate)
  act(
    @CurrentActor() actor: Actor,
    @Param() { signalId }: CouncilSignalIdParams,
    @Body() dto: ActOnSignalDto,
  ): Promise<CouncilRequestResponse> {
    return this.intake.act(actor, signalId, dto);
  }

  @Post('signals/:signalId/dismissal')
  @RequirePermission(Permission.CaseParticipate)
  dismiss(
    @CurrentActor() actor: Actor,
    @Param() { signalId }: CouncilSignalIdParams,
    @Body() dto: DismissSignalDto,
  ): Promise<CouncilSignalResponse> {
    return this.intake.dismiss(actor, signalId, dto);
  }

  @Get('works-councils/:worksCouncilId/council-requests')
  @RequirePermission(Permission.CouncilRead)
  listRequests(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
    @Query() query: CursorPageQueryDto,
  ): Promise<CouncilRequestPage> {
    return this.intake.listRequests(actor, worksCouncilId, query);
  }

  @Get('council-requests/:requestId')
  @RequirePermission(Permission.CouncilRead)
  getRequest(
    @CurrentActor() actor: Actor,
    @Param() { requestId }: CouncilRequestIdParams,
  ): Promise<CouncilRequestResponse> {
    return this.intake.getRequest(actor, requestId);
  }

  @Post('council-requests/:requestId/answer')
  @RequirePermission(Permission.CaseDecide)
  answer(
    @CurrentActor() actor: Actor,
    @Param() { requestId }: CouncilRequestIdParams,
    @Body() dto: AnswerCouncilRequestDto,
  ): Promise<CouncilRequestResponse> {
    return this.intake.answer(actor, requestId, dto);
  }

  /** The employer opens the case the council asked for (a draft, linked to the request). */
  @Post('council-requests/:requestId/case')
  @RequirePermission(Permission.CaseFile)
  openCase(
    @CurrentActor() actor: Actor,
    @Param() { requestId }: CouncilRequestIdParams,
    @Body() dto: OpenCaseForRequestDto,
  ): Promise<CouncilRequestResponse> {
    return this.intake.openCase(actor, requestId, dto);
  }
}
