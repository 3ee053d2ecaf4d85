import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import {
  AccessService,
  type AgendaLineContext,
  mayReadAudit,
  mayUseInternalSpace,
  seesDossier,
  sideOn,
} from '@wc/access';
import { AiSystemsService } from '@wc/ai-systems';
import { AuditService, type AuditEntryView, type ChainVerdict } from '@wc/audit';
import type { Actor } from '@wc/auth';
import { CouncilsService } from '@wc/councils';
import {
  BadRequest,
  Clock,
  Conflict,
  eventPayloadFor,
  Forbidden,
  groupBy,
  orNullIfHidden,
  Unprocessable,
} from '@wc/core';
import { EventLog, Outbox, TransactionHost } from '@wc/database';
import { DeadlinesService, type DeadlineView } from '@wc/deadlines';
import {
  keyIdCursor,
  pageOfSorted,
  type CursorPageQueryDto,
  decodeCursor,
  limitOf,
  type Page,
  pageFrom,
} from '@wc/pagination';

import type { AiCaseEntity, TriageProposal } from './ai-case.entity';
import { agendaCasesSql, caseAgendaLinesSql } from './case-agenda-lines';
import { CaseGateQuery } from './case-gates.query';
import { CaseReader } from './case-state';
import { CaseMutation } from './case.mutation';
import { type CaseListFilter, CaseRepository } from './case.repository';
import { CaseResponder, toSummary } from './case.responder';
import {
  type ActorSide,
  caseDuties,
  type Duty,
  type DutyDate,
  dutyDates,
  amsterdamDay,
  type GoLiveGate,
  type KnownTriageFacts,
  nextActionOf,
  planRetriage,
  prefillFromRegister,
  proposalReasons,
  type QuestionKey,
  type RegisterPrefill,
  registerWarnings,
  resolveTriageAnswers,
  servedTriageQuestionnaire,
  type TrackKind,
  triage,
  type TriageOutcome,
  UNKNOWABLE_QUESTIONS,
} from './domain';
import type {
  AddExpertDto,
  AssignCommitteeDto,
  CaseEventResponse,
  CaseListItemResponse,
  EventsQueryDto,
  CaseResponse,
  CaseSummaryResponse,
  ContestTriageDto,
  ContestTriageProposalDto,
  ReportUseDto,
  CreateCaseDto,
  ListCasesQueryDto,
  OversightConfirmationDto,
  SetTriageDto,
  TriageQuestionnaireResponse,
  UpdateCaseDto,
  VersionDto,
} from './dto/case.dto';
import { TrackTransitionService } from './track-transition.service';

/** What a dashboard filter narrows the visible cases to. */
export interface VisibleCasesFilter {
  stage?: string;
  status?: 'draft' | 'sent';
  worksCouncilId?: string;
}

/** A case summary with what the union dashboard adds up: the triage and each track's stage changes. */
export interface CaseDigestView extends CaseSummaryResponse {
  /** The triage's answer on Annex III point 4 (employment), null when not shown or not given. */
  annexIIIPoint4: string | null;
  tracks: Array<{ kind: TrackKind; history: Array<{ at: string; to: string }> }>;
}

/**
 * The case itself: filing, reading, triage, sending, the council's board acts on the case, the
 * audit trail and the event log. Track actions are `TrackTransitionService`'s, art. 31 requests
 * `InformationRequestService`'s; every mutation runs through `CaseMutation`.
 */
@Injectable()
export class CaseService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly cases: CaseRepository,
    private readonly reader: CaseReader,
    private readonly mutation: CaseMutation,
    private readonly responder: CaseResponder,
    private readonly tracks: TrackTransitionService,
    private readonly systems: AiSystemsService,
    private readonly councils: CouncilsService,
    private readonly deadlines: DeadlinesService,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly eventLog: EventLog,
    private readonly gates: CaseGateQuery,
  ) {}

  /** A dossier change may open or close the go-live gate: both sides are told (issue #16). */
  announceGoLiveGateChange(
    actor: Actor,
    caseId: string,
    openBefore: boolean | null,
  ): Promise<void> {
    return this.mutation.announceGoLiveGateChange(actor, caseId, openBefore);
  }

  async create(actor: Actor, dto: CreateCaseDto): Promise<CaseResponse> {
    const system = await this.systems.requireVisible(actor, dto.aiSystemId);
    const council = await this.councils.councilFacts(dto.worksCouncilId);
    if (!council || council.organisationId !== system.organisationId) {
      throw new Unprocessable(
        'case.council_not_of_employer',
        'The competent council must be a works council of the same employer.',
        {},
        [{ path: 'worksCouncilId', message: 'is not a works council of this organisation' }],
      );
    }
    const state = await this.tx.run(async () => {
      const created = await this.cases.save(
        this.cases.create({
          organisationId: system.organisationId,
          worksCouncilId: dto.worksCouncilId,
          aiSystemId: dto.aiSystemId,
          title: dto.title,
          contents: { ...dto.contents },
          createdBy: actor.userId,
          status: 'draft',
          stage: 'draft',
        }),
      );
      if (sideOn(actor, created) !== 'employer') {
        throw new Forbidden(
          'case.employer_only',
          'Only the employer side files AI introduction cases.',
        );
      }
      await this.audit.record({
        caseId: created.id,
        actorId: actor.userId,
        action: 'case.created',
        after: { title: created.title, contents: created.contents },
      });
      const state = await this.reader.created(actor, created);
      state.emit('case.created', {});
      await this.outbox.append(state.takeEvents(), actor.userId);
      return state;
    });
    return this.responder.respond(state);
  }

  /** One page of the cases the actor may see, most recently changed first. */
  async list(actor: Actor, query: ListCasesQueryDto): Promise<Page<CaseListItemResponse>> {
    const filter: CaseListFilter = {
      stage: query.stage,
      status: query.status,
      worksCouncilId: query.worksCouncilId,
    };
    const limit = limitOf(query);
    const rows = await this.cases.pageVisibleTo(actor, filter, keyIdCursor(query.cursor), limit);
    // Who must act next, on what, by when (issue #16): the same duties as the case header.
    const duties = await this.dutiesOfCases(actor, rows.slice(0, limit));
    return pageFrom(
      rows,
      limit,
      (c) => ({ k: c.sortKey, id: c.id }),
      (c) => ({ ...toSummary(c), nextAction: nextActionOf(duties.get(c.id)?.duties ?? []) }),
    );
  }

  async get(actor: Actor, caseId: string): Promise<CaseResponse> {
    return this.responder.respond(
      await this.reader.withTracks(await this.reader.load(actor, caseId, false)),
    );
  }

  /** Every case the actor may see (unpaged), as summaries, in one statement: for dashboards. */
  async visibleSummaries(actor: Actor, filter: VisibleCasesFilter): Promise<CaseSummaryResponse[]> {
    return (await this.cases.allVisibleTo(actor, filter)).map(toSummary);
  }

  /** The visible cases with the actor's side on each: the personal agenda's `cases` CTE. */
  agendaCasesSql(actor: Actor, param: (value: unknown) => string): string {
    return agendaCasesSql(actor, param);
  }

  /**
   * The duties on the visible cases as lines of the personal agenda's one statement (issue #13):
   * the same duties as `caseDuties` gives the case header.
   */
  agendaLinesSql(ctx: AgendaLineContext): string {
    return caseAgendaLinesSql(ctx, this.deadlines.openTermsSql());
  }

  /**
   * Each case's duties, most urgent first, as the actor may see them, with the actor's side and
   * the questions of its open information requests: five statements whatever the number of cases.
   */
  private async dutiesOfCases(
    actor: Actor,
    rows: ReadonlyArray<{ id: string; status: AiCaseEntity['status']; blocked: boolean }>,
  ): Promise<Map<string, { side: ActorSide; duties: Duty[]; questions: Map<string, string> }>> {
    const ids = rows.map((r) => r.id);
    // Grouped per case once, so each case looks among its own rows (thousands of cases on an agenda).
    const [access, tracks, deadlines, requests] = [
      await this.access.cases(actor, ids),
      groupBy(await this.cases.tracksOfCases(ids), (t) => t.caseId),
      groupBy(await this.deadlines.openForCases(ids), (d) => d.caseId ?? ''),
      groupBy(await this.cases.openInformationRequestsOf(ids), (r) => r.caseId),
    ];
    const today = amsterdamDay(this.clock.now());
    const result = new Map<
      string,
      { side: ActorSide; duties: Duty[]; questions: Map<string, string> }
    >();
    for (const row of rows) {
      const caseAccess = access.get(row.id);
      if (!caseAccess) {
        continue;
      }
      const { side } = caseAccess;
      // A union's 'status' share shows stages and terms, not the dossier's information requests (issue #8).
      const seesRequests = seesDossier(caseAccess);
      const open = seesRequests ? (requests.get(row.id) ?? []) : [];
      const duties = caseDuties({
        status: row.status,
        blocked: row.blocked,
        tracks: (tracks.get(row.id) ?? []).map((t) => t.snapshot),
        deadlines: deadlines.get(row.id) ?? [],
        informationRequests: open.map((r) => ({ id: r.id, dueDate: r.dueDate, answered: false })),
        today,
      });
      result.set(row.id, {
        side,
        duties,
        questions: new Map(open.map((r) => [r.id, r.question])),
      });
    }
    return result;
  }

  /**
   * Every case the actor may see, with the triage and the dated stage changes of its tracks as the
   * actor may see them (a union 'status' share shows no triage), in three statements whatever the
   * number of cases: for the union dashboard.
   */
  async visibleDigests(actor: Actor, filter: VisibleCasesFilter): Promise<CaseDigestView[]> {
    const rows = await this.cases.allVisibleTo(actor, filter);
    const ids = rows.map((c) => c.id);
    const access = await this.access.cases(actor, ids);
    const tracks = groupBy(await this.cases.historiesOfCases(ids), (t) => t.caseId);
    return rows.flatMap((c) => {
      const a = access.get(c.id);
      if (!a) {
        return [];
      }
      const statusOnly = !seesDossier(a);
      return [
        {
          ...toSummary(c),
          annexIIIPoint4: statusOnly ? null : c.annexIIIPoint4,
          tracks: (tracks.get(c.id) ?? []).map(({ kind, history }) => ({ kind, history })),
        },
      ];
    });
  }

  async update(actor: Actor, caseId: string, dto: UpdateCaseDto): Promise<CaseResponse> {
    return this.mutation.run(actor, caseId, dto, ['employer'], 'case.updated', (state) => {
      const { aiCase } = state;
      const before = { title: aiCase.title, contents: aiCase.contents };
      aiCase.title = dto.title ?? aiCase.title;
      aiCase.contents = { ...aiCase.contents, ...stripUndefined(dto.contents ?? {}) };
      const after = { title: aiCase.title, contents: aiCase.contents };
      // Once the council has the request, a change to its contents is an amendment the council
      // reads with its before and after in the audit trail (issue #18), not a silent edit.
      const amended =
        aiCase.status === 'sent' &&
        JSON.stringify(before.contents) !== JSON.stringify(after.contents);
      return amended ? { before, after, action: 'case.contents_amended' } : { before, after };
    });
  }

  /**
   * Records the screening answers; the outcome (rights, reasons, sources) decides the tracks. Once
   * the case is sent, answers that would withdraw a track, lift a block or contradict what the
   * platform knows only propose: the council board accepts or contests, and until it accepts the
   * rights in force stay (issue #14, house style B.19). Answers that only add rights apply at once.
   */
  async setTriage(actor: Actor, caseId: string, dto: SetTriageDto): Promise<CaseResponse> {
    return this.mutation.run(actor, caseId, dto, ['employer'], 'case.triaged', async (state) => {
      const { aiCase } = state;
      const strange = (dto.unknown ?? []).filter(
        (q) => !(UNKNOWABLE_QUESTIONS as readonly string[]).includes(q),
      );
      if (strange.length > 0) {
        throw new BadRequest(
          'case.triage_question_unknown',
          'Only a question of the triage can be answered "weet ik niet".',
          {},
          strange.map((q) => ({ path: 'unknown', message: `'${q}' is not a triage question` })),
        );
      }
      // "Weet ik niet" takes the cautious answer; follow-ups that do not apply are dropped.
      const resolved = resolveTriageAnswers(dto.answers, (dto.unknown ?? []) as QuestionKey[]);
      const answers = resolved.answers;
      const known = await this.knownFacts(actor, aiCase);
      const outcome: TriageOutcome = {
        ...triage(answers),
        toFindOut: resolved.toFindOut,
        registerWarnings: registerWarnings(answers, known),
      };
      const tracks = state.tracks;
      const sent = aiCase.status === 'sent';
      const plan = planRetriage({
        current: aiCase.triage?.outcome ?? null,
        next: outcome,
        answers,
        sent,
        openTracks: tracks.filter((t) => t.stage !== 'withdrawn').map((t) => t.kind),
        known: sent ? known : {},
      });
      const now = this.clock.now();
      if (plan.kind === 'propose' && aiCase.triage) {
        const proposal: TriageProposal = {
          id: randomUUID(),
          answers,
          outcome,
          by: actor.userId,
          at: now.toISOString(),
          status: 'proposed',
          reasons: proposalReasons(plan),
          withdraws: [...plan.withdraws],
          contradictions: plan.contradictions.map((c) => ({ ...c })),
        };
        aiCase.triage = { ...aiCase.triage, proposal };
        await this.cases.addTriageRecord({
          caseId,
          kind: 'proposal',
          answers: { ...answers },
          outcome: { ...outcome },
          note: proposal.reasons.join(', '),
          recordedBy: actor.userId,
          recordedAt: now,
        });
        // The board is told a proposal awaits it; the relays route it like every case event.
        state.emit('case.triage_proposed', {
          proposalId: proposal.id,
          reasons: proposal.reasons,
          awaiting: 'council_board',
        });
        return {
          action: 'case.triage_proposed',
          before: { outcome: aiCase.triage.outcome },
          after: { proposalId: proposal.id, reasons: proposal.reasons, answers: { ...answers } },
        };
      }
      const before = aiCase.triage ? { outcome: aiCase.triage.outcome } : null;
      // A re-triage that applies at once replaces any proposal still awaiting the board.
      const superseded = aiCase.triage?.proposal;
      aiCase.triage = {
        answers,
        outcome,
        recordedAt: now.toISOString(),
        ...(aiCase.triage?.contest ? { contest: aiCase.triage.contest } : {}),
        ...(aiCase.triage?.lastProposal ? { lastProposal: aiCase.triage.lastProposal } : {}),
      };
      aiCase.blocked = outcome.blocked;
      await this.cases.addTriageRecord({
        caseId,
        kind: 'triage',
        answers: { ...answers },
        outcome: { ...outcome },
        note: null,
        recordedBy: actor.userId,
        recordedAt: now,
      });
      await this.tracks.alignTracks(state, outcome);
      return {
        before,
        after: { outcome, ...(superseded ? { supersededProposalId: superseded.id } : {}) },
      };
    });
  }

  /** The council board accepts the employer's proposed re-triage: it applies, withdrawing tracks. */
  async acceptTriageProposal(actor: Actor, caseId: string, dto: VersionDto): Promise<CaseResponse> {
    return this.mutation.run(
      actor,
      caseId,
      dto,
      ['council_board'],
      'case.triage_proposal_accepted',
      async (state) => {
        const { aiCase } = state;
        const { triage: current, proposal } = pendingProposal(aiCase);
        const now = this.clock.now();
        // Recomputed from the answers, so the outcome is the current rules' reading of them.
        const outcome = triage(proposal.answers);
        const decided: TriageProposal = {
          ...proposal,
          outcome,
          status: 'accepted',
          decidedBy: actor.userId,
          decidedAt: now.toISOString(),
        };
        aiCase.triage = {
          answers: proposal.answers,
          outcome,
          recordedAt: now.toISOString(),
          ...(current.contest ? { contest: current.contest } : {}),
          lastProposal: decided,
        };
        aiCase.blocked = outcome.blocked;
        await this.cases.addTriageRecord({
          caseId,
          kind: 'proposal_accepted',
          answers: { ...proposal.answers },
          outcome: { ...outcome },
          note: null,
          recordedBy: actor.userId,
          recordedAt: now,
        });
        await this.tracks.alignTracks(state, outcome);
        return {
          before: { outcome: current.outcome },
          after: { proposalId: proposal.id, outcome },
        };
      },
    );
  }

  /**
   * The council board contests the proposal, naming the answers it disputes: the rights in force
   * stay, and the gate keeps treating their tracks as applicable.
   */
  async contestTriageProposal(
    actor: Actor,
    caseId: string,
    dto: ContestTriageProposalDto,
  ): Promise<CaseResponse> {
    return this.mutation.run(
      actor,
      caseId,
      dto,
      ['council_board'],
      'case.triage_proposal_contested',
      async (state) => {
        const { aiCase } = state;
        const { triage: current, proposal } = pendingProposal(aiCase);
        const now = this.clock.now();
        const answers = dto.answers ?? [];
        const unknown = answers.filter((a: string) => !(a in proposal.answers));
        if (unknown.length > 0) {
          throw new Unprocessable(
            'case.triage_answer_unknown',
            'A contested answer must be one of the proposal’s answers.',
            { answers: unknown },
            unknown.map((a: string) => ({
              path: 'answers',
              message: `${a} is not a triage answer`,
            })),
          );
        }
        const contest = { reasons: dto.reasons, answers, by: actor.userId, at: now.toISOString() };
        aiCase.triage = { ...current, proposal: { ...proposal, status: 'contested', contest } };
        await this.cases.addTriageRecord({
          caseId,
          kind: 'proposal_contested',
          answers: null,
          outcome: null,
          note: dto.reasons,
          recordedBy: actor.userId,
          recordedAt: now,
        });
        return {
          before: { status: proposal.status },
          after: { proposalId: proposal.id, status: 'contested', answers },
        };
      },
    );
  }

  /**
   * The council reports that the system is in use (issue #14). Whatever the gate says, the report
   * is audited and emitted at once with the gate's open conditions as they stand: a use while the
   * gate is closed is a fact the council acts on (WOR 25(6) suspension, 27(5) nullity) [W7, W15].
   */
  async reportUse(actor: Actor, caseId: string, dto: ReportUseDto): Promise<CaseResponse> {
    return this.mutation.run(
      actor,
      caseId,
      dto,
      ['council_board', 'council_member'],
      'case.use_reported',
      async (state) => {
        const today = amsterdamDay(this.clock.now());
        if (dto.observedOn > today) {
          throw new Unprocessable(
            'case.date_in_future',
            'A use cannot be observed after today.',
            { observedOn: dto.observedOn, today },
            [{ path: 'observedOn', message: 'must not lie in the future' }],
          );
        }
        const gate = await state.gate();
        const openConditions = gate
          ? gate.conditions.filter((c) => !c.met).map((c) => c.key)
          : ['triage'];
        const report = {
          observedOn: dto.observedOn,
          note: dto.note,
          gateOpen: gate?.open ?? false,
          openConditions,
        };
        state.emit('case.use_reported', {
          observedOn: dto.observedOn,
          gateOpen: report.gateOpen,
          openConditions,
        });
        return { before: null, after: report };
      },
    );
  }

  /** The answers the AI register implies, to pre-fill the triage form (issue #17). */
  async triagePrefill(actor: Actor, caseId: string): Promise<RegisterPrefill> {
    const { aiCase } = await this.reader.loadDossier(actor, caseId);
    return prefillFromRegister(await this.knownFacts(actor, aiCase));
  }

  /** The questionnaire the triage form asks, for a reader of the case (issue #17). */
  async triageQuestionnaire(actor: Actor, caseId: string): Promise<TriageQuestionnaireResponse> {
    // The questions are no part of the dossier: whoever sees the case may read them.
    await this.reader.load(actor, caseId, false);
    return { groups: servedTriageQuestionnaire() as TriageQuestionnaireResponse['groups'] };
  }

  /** What the platform knows beside the answers: the council, the headcount, the register entry. */
  private async knownFacts(actor: Actor, aiCase: AiCaseEntity): Promise<KnownTriageFacts> {
    const council = await this.councils.councilFacts(aiCase.worksCouncilId);
    const organisation = await orNullIfHidden(
      this.councils.getOrganisation(actor, aiCase.organisationId),
    );
    const system = await orNullIfHidden(this.systems.requireVisible(actor, aiCase.aiSystemId));
    return {
      ...(council ? { councilKind: council.kind } : {}),
      organisationHeadcount: organisation?.headcount ?? null,
      ...(system
        ? {
            monitoringCapability: system.monitoringCapability,
            dataCategories: system.dataCategories,
          }
        : {}),
    };
  }

  /** The council disagrees with the triage; the disagreement stays visible on the case. */
  async contestTriage(actor: Actor, caseId: string, dto: ContestTriageDto): Promise<CaseResponse> {
    return this.mutation.run(
      actor,
      caseId,
      dto,
      ['council_board'],
      'case.triage_contested',
      async (state) => {
        const { aiCase } = state;
        if (!aiCase.triage) {
          throw new Unprocessable('case.triage_missing', 'There is no triage to contest yet.');
        }
        const contest = {
          reasons: dto.reasons,
          by: actor.userId,
          at: this.clock.now().toISOString(),
          open: true,
        };
        aiCase.triage = { ...aiCase.triage, contest };
        await this.cases.addTriageRecord({
          caseId,
          kind: 'contest',
          answers: null,
          outcome: null,
          note: dto.reasons,
          recordedBy: actor.userId,
          recordedAt: this.clock.now(),
        });
        return { before: null, after: { contest } };
      },
    );
  }

  /** Sends a draft to the council; from now on council members see it. */
  async send(actor: Actor, caseId: string, dto: VersionDto): Promise<CaseResponse> {
    return this.mutation.run(actor, caseId, dto, ['employer'], 'case.sent', (state) => {
      const { aiCase } = state;
      const missing = [];
      if (aiCase.status !== 'draft') {
        missing.push('status:draft');
      }
      if (!aiCase.triage) {
        missing.push('triage');
      }
      if (aiCase.blocked) {
        missing.push('not_prohibited');
      }
      if (missing.length > 0) {
        throw new Unprocessable('case.cannot_send', 'The case cannot be sent to the council yet.', {
          missing,
          reason: aiCase.triage?.outcome.blockReason,
        });
      }
      aiCase.status = 'sent';
      aiCase.sentAt = this.clock.now();
      // Its own event (issue #16): the council is told, by the notification relay, after commit.
      state.emit('case.sent', { sentAt: aiCase.sentAt.toISOString() });
      return { before: { status: 'draft' }, after: { status: 'sent' } };
    });
  }

  /** A recorded manual confirmation that overseers are named and trained (until the dossier feeds it). */
  async confirmOversight(
    actor: Actor,
    caseId: string,
    dto: OversightConfirmationDto,
  ): Promise<CaseResponse> {
    return this.mutation.run(
      actor,
      caseId,
      dto,
      ['employer'],
      'case.oversight_confirmed',
      (state) => {
        const { aiCase } = state;
        const oversight = {
          staffNamed: dto.staffNamed,
          trained: dto.trained,
          confirmedOn: amsterdamDay(this.clock.now()),
          by: actor.userId,
          ...(dto.note ? { note: dto.note } : {}),
        };
        const before = aiCase.gateFacts.oversight ?? null;
        aiCase.gateFacts = { ...aiCase.gateFacts, oversight };
        return { before: before ? { oversight: before } : null, after: { oversight } };
      },
    );
  }

  async addExpert(actor: Actor, caseId: string, dto: AddExpertDto): Promise<CaseResponse> {
    return this.mutation.run(
      actor,
      caseId,
      dto,
      ['council_board'],
      'case.expert_added',
      (state) => {
        const { aiCase } = state;
        if (!aiCase.expertIds.includes(dto.userId)) {
          aiCase.expertIds = [...aiCase.expertIds, dto.userId];
        }
        return { before: null, after: { expertId: dto.userId } };
      },
    );
  }

  /**
   * The council board hands the case to a committee (commissie) of its council to prepare, or
   * takes it back (null). Members of that committee see the case from now on; members of a
   * previous one no longer do (model.md "Visibility").
   */
  async assignCommittee(
    actor: Actor,
    caseId: string,
    dto: AssignCommitteeDto,
  ): Promise<CaseResponse> {
    return this.mutation.run(
      actor,
      caseId,
      dto,
      ['council_board'],
      'case.committee_assigned',
      async (state) => {
        const { aiCase } = state;
        if (dto.committeeId !== null) {
          const council = await this.councils.getCouncil(actor, aiCase.worksCouncilId);
          if (!council.committees.some((k) => k.id === dto.committeeId)) {
            throw new Unprocessable(
              'case.committee_not_of_council',
              "The committee must be a committee of the case's works council.",
              {},
              [{ path: 'committeeId', message: 'is not a committee of the works council' }],
            );
          }
        }
        const before = { committeeId: aiCase.committeeId };
        aiCase.committeeId = dto.committeeId;
        // The committee that gives the case up hears of it too, so its members' lists drop it.
        return {
          before,
          after: { committeeId: aiCase.committeeId },
          event: { previousCommitteeId: before.committeeId },
        };
      },
    );
  }

  /** The gate, with whether each AI Act duty of the triage binds today (AI Act 113, 111). */
  async goLiveGate(
    actor: Actor,
    caseId: string,
  ): Promise<(GoLiveGate & { dutyDates: DutyDate[] }) | null> {
    const state = await this.reader.withTracks(await this.reader.loadDossier(actor, caseId));
    const gate = await state.gate();
    const { aiCase } = state;
    if (!gate) {
      return null;
    }
    if (!aiCase.triage) {
      return { ...gate, dutyDates: [] };
    }
    const calendar = (await this.deadlines.regulatoryCalendar()).map((r) => ({
      ruleKey: r.ruleKey,
      effectiveFrom: r.effectiveFrom,
      source: r.source,
    }));
    const system = await orNullIfHidden(this.systems.requireVisible(actor, aiCase.aiSystemId));
    // A system already live counts as in service since its go-live date (art. 111(2) legacy rule).
    const inUseSince =
      system && system.status === 'live' && system.goLiveDate ? system.goLiveDate : undefined;
    return {
      ...gate,
      dutyDates: dutyDates(
        aiCase.triage.outcome,
        calendar,
        amsterdamDay(this.clock.now()),
        inUseSince ? { inUseSince } : {},
      ),
    };
  }

  /**
   * The gates of these cases as `goLiveGate` gives them, without the duty dates, keyed by case
   * id, for overviews that show many cases at once: four statements whatever their number (the
   * access, the rows, the tracks, the dossier states). Cases the actor may not see, or whose
   * union share shows status only (`loadDossier`), are left out.
   */
  async goLiveGatesOf(
    actor: Actor,
    caseIds: readonly string[],
  ): Promise<Map<string, GoLiveGate | null>> {
    const access = await this.access.cases(actor, caseIds);
    const shown = [...access.values()].filter(seesDossier).map((a) => a.caseId);
    return this.gates.gatesOf(await this.cases.casesOf(shown));
  }

  async deadlinesOf(actor: Actor, caseId: string): Promise<DeadlineView[]> {
    await this.reader.load(actor, caseId, false);
    return this.deadlines.listForCase(caseId);
  }

  /** One page of the case's terms by due date; a case has a handful (a few per track). */
  async deadlinePage(
    actor: Actor,
    caseId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<DeadlineView>> {
    return pageOfSorted(await this.deadlinesOf(actor, caseId), query, (d) => [d.dueAt, d.id]);
  }

  /** One page of the audit trail, oldest first. */
  async auditTrail(
    actor: Actor,
    caseId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<AuditEntryView>> {
    await this.assertAudit(actor, caseId);
    const after = query.cursor ? decodeCursor(query.cursor, isSeqKey).seq : 0;
    const limit = limitOf(query);
    return pageFrom(
      await this.audit.list(caseId, after, limit + 1),
      limit,
      (e) => ({ seq: e.seq }),
      (e) => e,
    );
  }

  async verifyAudit(actor: Actor, caseId: string): Promise<ChainVerdict> {
    await this.assertAudit(actor, caseId);
    return this.audit.verify(caseId);
  }

  /**
   * One page of the case event log, in case order, for clients catching up after a reconnect:
   * from `after` (the last `caseSeq` they saw) or from the cursor of the previous page.
   */
  async events(
    actor: Actor,
    caseId: string,
    query: EventsQueryDto,
  ): Promise<Page<CaseEventResponse>> {
    const { side } = await this.reader.load(actor, caseId, false);
    const after = query.cursor ? decodeCursor(query.cursor, isSeqKey).seq : (query.after ?? 0);
    const limit = limitOf(query);
    // Internal events belong to the council-internal space (realtime rooms route them the same way).
    const rows = await this.eventLog.caseEventsAfter(
      caseId,
      after,
      limit + 1,
      mayUseInternalSpace(side),
    );
    return pageFrom(
      rows,
      limit,
      (e) => ({ seq: e.caseSeq ?? 0 }),
      (e) => ({
        caseSeq: e.caseSeq ?? 0,
        type: e.type,
        occurredAt: e.occurredAt.toISOString(),
        payload: eventPayloadFor(side === 'union' ? 'union' : 'full', e.payload),
      }),
    );
  }

  private async assertAudit(actor: Actor, caseId: string): Promise<void> {
    const { side } = await this.reader.load(actor, caseId, false);
    if (!mayReadAudit(side)) {
      throw new Forbidden(
        'case.audit_not_allowed',
        'Your role on this case does not include the audit trail.',
      );
    }
  }
}

const isSeqKey = (value: unknown): value is { seq: number } =>
  typeof value === 'object' &&
  value !== null &&
  Number.isSafeInteger((value as { seq?: unknown }).seq) &&
  (value as { seq: number }).seq >= 0;

/** The proposal awaiting the board, or a 409 when there is none. */
function pendingProposal(aiCase: AiCaseEntity): {
  triage: NonNullable<AiCaseEntity['triage']>;
  proposal: TriageProposal;
} {
  const proposal = aiCase.triage?.proposal;
  if (!aiCase.triage || !proposal || proposal.status === 'accepted') {
    throw new Conflict(
      'case.triage_proposal_missing',
      'There is no re-triage proposal awaiting the council board.',
    );
  }
  return { triage: aiCase.triage, proposal };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
