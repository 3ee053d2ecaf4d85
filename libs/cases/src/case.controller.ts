import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { CursorPageQueryDto } from '@wc/pagination';

import { CaseService } from './case.service';
import { InformationRequestService } from './information-request.service';
import { TrackTransitionService } from './track-transition.service';
import {
  AddExpertDto,
  AnswerInformationDto,
  AskInformationDto,
  AssignCommitteeDto,
  AuditEntryPage,
  AuditVerdictResponse,
  CaseIdParams,
  CaseEventPage,
  CaseListItemPage,
  DeadlinePage,
  InformationRequestPage,
  CaseResponse,
  ContestTriageDto,
  ContestTriageProposalDto,
  CreateCaseDto,
  EventsQueryDto,
  GoLiveGateResponse,
  InformationRequestParams,
  InformationRequestResponse,
  ListCasesQueryDto,
  OversightConfirmationDto,
  ReportUseDto,
  SetTriageDto,
  TriagePrefillResponse,
  TriageQuestionnaireResponse,
  TrackParams,
  TrackTransitionDto,
  UpdateCaseDto,
  VersionDto,
} from './dto/case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseController {
  constructor(
    private readonly cases: CaseService,
    private readonly tracks: TrackTransitionService,
    private readonly informationRequestService: InformationRequestService,
  ) {}

  @Post()
  @RequirePermission(Permission.CaseFile)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCaseDto): Promise<CaseResponse> {
    return this.cases.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.CaseRead)
  list(@CurrentActor() actor: Actor, @Query() query: ListCasesQueryDto): Promise<CaseListItemPage> {
    return this.cases.list(actor, query);
  }

  @Get(':caseId')
  @RequirePermission(Permission.CaseRead)
  get(@CurrentActor() actor: Actor, @Param() { caseId }: CaseIdParams): Promise<CaseResponse> {
    return this.cases.get(actor, caseId);
  }

  @Patch(':caseId')
  @RequirePermission(Permission.CaseFile)
  update(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: UpdateCaseDto,
  ): Promise<CaseResponse> {
    return this.cases.update(actor, caseId, dto);
  }

  /** What the AI register already says, to pre-fill the triage form; the answers stay the employer's. */
  @Get(':caseId/triage/prefill')
  @RequirePermission(Permission.CaseRead)
  triagePrefill(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
  ): Promise<TriagePrefillResponse> {
    return this.cases.triagePrefill(actor, caseId);
  }

  /** The triage questions with help text, example and the follow-ups' conditions (nl and en). */
  @Get(':caseId/triage/questionnaire')
  @RequirePermission(Permission.CaseRead)
  triageQuestionnaire(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
  ): Promise<TriageQuestionnaireResponse> {
    return this.cases.triageQuestionnaire(actor, caseId);
  }

  @Put(':caseId/triage')
  @RequirePermission(Permission.CaseFile)
  setTriage(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: SetTriageDto,
  ): Promise<CaseResponse> {
    return this.cases.setTriage(actor, caseId, dto);
  }

  @Post(':caseId/triage-contests')
  @RequirePermission(Permission.CaseTriageContest)
  contestTriage(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: ContestTriageDto,
  ): Promise<CaseResponse> {
    return this.cases.contestTriage(actor, caseId, dto);
  }

  /** The council board accepts the employer's pending re-triage proposal; it applies at once. */
  @Post(':caseId/triage-proposal/acceptance')
  @RequirePermission(Permission.CaseTriageContest)
  acceptTriageProposal(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: VersionDto,
  ): Promise<CaseResponse> {
    return this.cases.acceptTriageProposal(actor, caseId, dto);
  }

  /** The council board contests the pending re-triage proposal; the rights in force stay. */
  @Post(':caseId/triage-proposal/contest')
  @RequirePermission(Permission.CaseTriageContest)
  contestTriageProposal(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: ContestTriageProposalDto,
  ): Promise<CaseResponse> {
    return this.cases.contestTriageProposal(actor, caseId, dto);
  }

  @Post(':caseId/sending')
  @RequirePermission(Permission.CaseFile)
  send(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: VersionDto,
  ): Promise<CaseResponse> {
    return this.cases.send(actor, caseId, dto);
  }

  @Post(':caseId/tracks/:kind/transitions')
  @RequirePermission(Permission.CaseParticipate)
  transition(
    @CurrentActor() actor: Actor,
    @Param() { caseId, kind }: TrackParams,
    @Body() dto: TrackTransitionDto,
  ): Promise<CaseResponse> {
    return this.tracks.transition(actor, caseId, kind, dto);
  }

  @Post(':caseId/oversight-confirmations')
  @RequirePermission(Permission.CaseDecide)
  confirmOversight(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: OversightConfirmationDto,
  ): Promise<CaseResponse> {
    return this.cases.confirmOversight(actor, caseId, dto);
  }

  @Post(':caseId/experts')
  @RequirePermission(Permission.CaseCouncilPosition)
  addExpert(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: AddExpertDto,
  ): Promise<CaseResponse> {
    return this.cases.addExpert(actor, caseId, dto);
  }

  /** The council board assigns the case to one of the council's committees, or clears it. */
  @Put(':caseId/committee')
  @RequirePermission(Permission.CaseCouncilPosition)
  assignCommittee(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: AssignCommitteeDto,
  ): Promise<CaseResponse> {
    return this.cases.assignCommittee(actor, caseId, dto);
  }

  /** A council member reports the system in use; audited and emitted at once with the gate's state. */
  @Post(':caseId/use-reports')
  @RequirePermission(Permission.CaseParticipate)
  reportUse(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: ReportUseDto,
  ): Promise<CaseResponse> {
    return this.cases.reportUse(actor, caseId, dto);
  }

  @Get(':caseId/go-live-gate')
  @RequirePermission(Permission.CaseRead)
  async goLiveGate(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
  ): Promise<GoLiveGateResponse | null> {
    const gate = await this.cases.goLiveGate(actor, caseId);
    return gate
      ? {
          open: gate.open,
          conditions: gate.conditions.map((c) => ({ ...c, sources: [...c.sources] })),
          dutyDates: gate.dutyDates.map((d) => ({ ...d })),
        }
      : null;
  }

  @Get(':caseId/deadlines')
  @RequirePermission(Permission.CaseRead)
  deadlines(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Query() page: CursorPageQueryDto,
  ): Promise<DeadlinePage> {
    return this.cases.deadlinePage(actor, caseId, page);
  }

  @Get(':caseId/information-requests')
  @RequirePermission(Permission.CaseRead)
  informationRequests(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Query() page: CursorPageQueryDto,
  ): Promise<InformationRequestPage> {
    return this.informationRequestService.list(actor, caseId, page);
  }

  @Post(':caseId/information-requests')
  @RequirePermission(Permission.CaseParticipate)
  askInformation(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: AskInformationDto,
  ): Promise<InformationRequestResponse> {
    return this.informationRequestService.ask(actor, caseId, dto);
  }

  @Post(':caseId/information-requests/:requestId/answer')
  @RequirePermission(Permission.CaseDecide)
  answerInformation(
    @CurrentActor() actor: Actor,
    @Param() { caseId, requestId }: InformationRequestParams,
    @Body() dto: AnswerInformationDto,
  ): Promise<InformationRequestResponse> {
    return this.informationRequestService.answer(actor, caseId, requestId, dto);
  }

  @Get(':caseId/audit')
  @RequirePermission(Permission.AuditRead)
  audit(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Query() page: CursorPageQueryDto,
  ): Promise<AuditEntryPage> {
    return this.cases.auditTrail(actor, caseId, page);
  }

  @Get(':caseId/audit/verify')
  @RequirePermission(Permission.AuditRead)
  verifyAudit(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
  ): Promise<AuditVerdictResponse> {
    return this.cases.verifyAudit(actor, caseId);
  }

  @Get(':caseId/events')
  @RequirePermission(Permission.CaseRead)
  events(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Query() query: EventsQueryDto,
  ): Promise<CaseEventPage> {
    return this.cases.events(actor, caseId, query);
  }
}
