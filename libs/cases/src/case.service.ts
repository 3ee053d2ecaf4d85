import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Optional } from '@nestjs/common';

import {
  AccessService,
  mayReadAudit,
  mayUseInternalSpace,
  sideOn,
  type UnionScope,
} from '@wc/access';
import { AiSystemsService } from '@wc/ai-systems';
import { AuditService, type AuditEntryView, type ChainVerdict } from '@wc/audit';
import type { Actor } from '@wc/auth';
import { CouncilsService } from '@wc/councils';
import {
  BadRequest,
  Clock,
  Conflict,
  Forbidden,
  NotFound,
  Unprocessable,
  VersionConflict,
  eventPayloadFor,
  orNullIfHidden,
} from '@wc/core';
import { Outbox, TransactionHost } from '@wc/database';
import {
  addWorkingDays,
  DeadlinesService,
  councilTermSettings,
  resolveTermLength,
  type DeadlineView,
} from '@wc/deadlines';
import {
  type CursorPageQueryDto,
  decodeCursor,
  limitOf,
  type Page,
  pageFrom,
} from '@wc/pagination';

import type { AiCaseEntity, CaseContents, TriageProposal } from './ai-case.entity';
import { CaseGateQuery, oversightOf } from './case-gates.query';
import { type CaseListFilter, CaseRepository } from './case.repository';
import {
  activeTracks,
  type ActorSide,
  type AllowedAction,
  allowedActionsFor,
  type CaseLevelBlock,
  caseDuties,
  type Duty,
  type DutyFacts,
  amsterdamDay,
  type CaseFacts,
  DateBeforeEvent,
  deriveCaseStage,
  type DutyDate,
  dutyDates,
  type GoLiveGate,
  type KnownTriageFacts,
  isWorTrack,
  missingRequestContents,
  newTrack,
  planRetriage,
  planTrackTransition,
  prefillFromRegister,
  proposalReasons,
  type QuestionKey,
  type RegisterPrefill,
  registerWarnings,
  resolveTriageAnswers,
  UNKNOWABLE_QUESTIONS,
  type RecordedLate,
  type TrackAction,
  tracksCoveredByConsultation,
  type TrackKind,
  type TrackSnapshot,
  type TrackTransitionPlan,
  TransitionRefused,
  triage,
  type TriageAnswers,
  type TriageOutcome,
  type WorTrackKind,
} from './domain';
import { CASE_DOSSIER_FACTS, type CaseDossierFacts } from './dossier-facts.port';
import type {
  AddExpertDto,
  AllowedActionResponse,
  AnswerInformationDto,
  AskInformationDto,
  AssignCommitteeDto,
  CaseEventResponse,
  CaseListResponse,
  CaseResponse,
  CaseSummaryResponse,
  ContestTriageDto,
  ContestTriageProposalDto,
  GoLiveGateResponse,
  ReportUseDto,
  CreateCaseDto,
  InformationRequestResponse,
  ListCasesQueryDto,
  NextActionResponse,
  OversightConfirmationDto,
  SetTriageDto,
  TrackTransitionDto,
  UpdateCaseDto,
  VersionDto,
} from './dto/case.dto';

/** What a dashboard filter narrows the visible cases to. */
export interface VisibleCasesFilter {
  stage?: string;
  status?: 'draft' | 'sent';
  worksCouncilId?: string;
}

/** A case summary with what the union dashboard adds up: the triage and each track's stage changes. */
export interface CaseDigestView extends CaseSummaryResponse {
  triage: AiCaseEntity['triage'] | null;
  tracks: Array<{ kind: TrackKind; history: Array<{ at: string; to: string }> }>;
}

/** The duties on one visible case, with the actor's side on it (for the personal agenda). */
export interface CaseAgenda {
  caseId: string;
  title: string;
  worksCouncilId: string;
  side: ActorSide;
  duties: Duty[];
  /** The questions of its open information requests, by request id. */
  questions: Map<string, string>;
}

interface FactsBase {
  aiCase: AiCaseEntity;
  deadlines: DeadlineView[];
  dossier: Awaited<ReturnType<CaseDossierFacts['factsFor']>> | undefined;
}

interface Loaded {
  aiCase: AiCaseEntity;
  side: ActorSide;
  /** For side 'union': what the union's share shows (issue #8). */
  unionScope: UnionScope | null;
}

/** Orchestrates the case aggregate: policy → repository → pure domain → repository → outbox + audit. */
@Injectable()
export class CaseService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly cases: CaseRepository,
    private readonly systems: AiSystemsService,
    private readonly councils: CouncilsService,
    private readonly deadlines: DeadlinesService,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly gates: CaseGateQuery,
    private readonly access: AccessService,
    // Bound by @wc/dossier's global module; absent, the manual confirmation feeds the gate.
    @Optional() @Inject(CASE_DOSSIER_FACTS) private readonly dossier?: CaseDossierFacts,
  ) {}

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
    const aiCase = await this.tx.run(async () => {
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
      await this.emit(created, actor, 'case.created');
      return created;
    });
    return this.respond(actor, aiCase);
  }

  async list(actor: Actor, query: ListCasesQueryDto): Promise<CaseListResponse> {
    const filter: CaseListFilter = {
      stage: query.stage,
      status: query.status,
      worksCouncilId: query.worksCouncilId,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    };
    const { items, total } = await this.cases.listVisibleTo(actor, filter);
    return { items: items.map(toSummary), total };
  }

  async get(actor: Actor, caseId: string): Promise<CaseResponse> {
    const { aiCase } = await this.load(actor, caseId, false);
    return this.respond(actor, aiCase);
  }

  /** Every case the actor may see (unpaged), as summaries, in one statement: for dashboards. */
  async visibleSummaries(actor: Actor, filter: VisibleCasesFilter): Promise<CaseSummaryResponse[]> {
    return (await this.cases.allVisibleTo(actor, filter)).map(toSummary);
  }

  /**
   * The duties on every case the actor may see, each case with the actor's side on it: the
   * personal agenda's case part. A constant number of statements whatever the number of cases:
   * the visible cases, their access, tracks, open terms and open information requests.
   */
  async agendaOf(actor: Actor): Promise<CaseAgenda[]> {
    const rows = await this.cases.agendaRowsVisibleTo(actor);
    const ids = rows.map((r) => r.id);
    const [access, tracks, deadlines, requests] = [
      await this.access.cases(actor, ids),
      await this.cases.tracksOfCases(ids),
      await this.deadlines.openForCases(ids),
      await this.cases.openInformationRequestsOf(ids),
    ];
    const today = amsterdamDay(this.clock.now());
    return rows.flatMap((row) => {
      const caseAccess = access.get(row.id);
      if (!caseAccess) {
        return [];
      }
      const { side } = caseAccess;
      // A union's 'status' share shows stages and terms, not the dossier's information requests (issue #8).
      const seesRequests = side !== 'union' || caseAccess.unionScope === 'dossier';
      const duties = caseDuties({
        status: row.status,
        blocked: row.blocked,
        tracks: tracks.filter((t) => t.caseId === row.id).map((t) => t.snapshot),
        deadlines: deadlines.filter((d) => d.caseId === row.id),
        informationRequests: seesRequests
          ? requests
              .filter((r) => r.caseId === row.id)
              .map((r) => ({ id: r.id, dueDate: r.dueDate, answered: false }))
          : [],
        today,
      });
      return [
        {
          caseId: row.id,
          title: row.title,
          worksCouncilId: row.worksCouncilId,
          side,
          duties,
          questions: new Map(
            requests
              .filter((r) => r.caseId === row.id && seesRequests)
              .map((r) => [r.id, r.question]),
          ),
        },
      ];
    });
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
    const tracks = groupBy(await this.cases.tracksOfCases(ids), (t) => t.caseId);
    return rows.flatMap((c) => {
      const a = access.get(c.id);
      if (!a) {
        return [];
      }
      const statusOnly = a.side === 'union' && a.unionScope === 'status';
      return [
        {
          ...toSummary(c),
          triage: statusOnly || !c.triage ? null : { ...c.triage },
          tracks: (tracks.get(c.id) ?? []).map((t) => ({
            kind: t.kind,
            history: t.snapshot.history.map((h) => ({ at: h.at, to: h.to })),
          })),
        },
      ];
    });
  }

  /**
   * The unanswered art. 31 requests of those of these cases whose dossier the actor may read (as
   * `informationRequests`), in two statements whatever the number of cases.
   */
  async openInformationRequestsOf(
    actor: Actor,
    caseIds: readonly string[],
  ): Promise<Array<InformationRequestResponse & { caseId: string }>> {
    const access = await this.access.cases(actor, caseIds);
    const readable = [...access.values()]
      .filter((a) => a.side !== 'union' || a.unionScope === 'dossier')
      .map((a) => a.caseId);
    return (await this.cases.openInformationRequestsOf(readable)).map((r) => ({
      ...toInformationResponse(r),
      caseId: r.caseId,
    }));
  }

  async update(actor: Actor, caseId: string, dto: UpdateCaseDto): Promise<CaseResponse> {
    return this.mutate(actor, caseId, dto, ['employer'], 'case.updated', async (aiCase) => {
      const before = { title: aiCase.title, contents: aiCase.contents };
      aiCase.title = dto.title ?? aiCase.title;
      aiCase.contents = { ...aiCase.contents, ...stripUndefined(dto.contents ?? {}) };
      return { before, after: { title: aiCase.title, contents: aiCase.contents } };
    });
  }

  /**
   * Records the screening answers; the outcome (rights, reasons, sources) decides the tracks. Once
   * the case is sent, answers that would withdraw a track, lift a block or contradict what the
   * platform knows only propose: the council board accepts or contests, and until it accepts the
   * rights in force stay (issue #14, house style B.19). Answers that only add rights apply at once.
   */
  async setTriage(actor: Actor, caseId: string, dto: SetTriageDto): Promise<CaseResponse> {
    return this.mutate(actor, caseId, dto, ['employer'], 'case.triaged', async (aiCase) => {
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
      const resolved = resolveTriageAnswers(
        dto.answers as TriageAnswers,
        (dto.unknown ?? []) as QuestionKey[],
      );
      const answers = resolved.answers;
      const known = await this.knownFacts(actor, aiCase);
      const outcome: TriageOutcome = {
        ...triage(answers),
        toFindOut: resolved.toFindOut,
        registerWarnings: registerWarnings(answers, known),
      };
      const tracks = await this.cases.tracksOf(caseId);
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
        await this.emit(aiCase, actor, 'case.triage_proposed', {
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
      await this.alignTracks(aiCase, outcome, actor);
      return {
        before,
        after: { outcome, ...(superseded ? { supersededProposalId: superseded.id } : {}) },
      };
    });
  }

  /** The council board accepts the employer's proposed re-triage: it applies, withdrawing tracks. */
  async acceptTriageProposal(actor: Actor, caseId: string, dto: VersionDto): Promise<CaseResponse> {
    return this.mutate(
      actor,
      caseId,
      dto,
      ['council_board'],
      'case.triage_proposal_accepted',
      async (aiCase) => {
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
        await this.alignTracks(aiCase, outcome, actor);
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
    return this.mutate(
      actor,
      caseId,
      dto,
      ['council_board'],
      'case.triage_proposal_contested',
      async (aiCase) => {
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
    return this.mutate(
      actor,
      caseId,
      dto,
      ['council_board', 'council_member'],
      'case.use_reported',
      async (aiCase) => {
        const today = amsterdamDay(this.clock.now());
        if (dto.observedOn > today) {
          throw new Unprocessable(
            'case.date_in_future',
            'A use cannot be observed after today.',
            { observedOn: dto.observedOn, today },
            [{ path: 'observedOn', message: 'must not lie in the future' }],
          );
        }
        const gate = await this.gateOf(
          aiCase,
          (await this.cases.tracksOf(caseId)).map((t) => t.snapshot),
        );
        const openConditions = gate
          ? gate.conditions.filter((c) => !c.met).map((c) => c.key)
          : ['triage'];
        const report = {
          observedOn: dto.observedOn,
          note: dto.note,
          gateOpen: gate?.open ?? false,
          openConditions,
        };
        await this.emit(aiCase, actor, 'case.use_reported', {
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
    const { aiCase } = await this.loadDossier(actor, caseId);
    return prefillFromRegister(await this.knownFacts(actor, aiCase));
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

  /**
   * A new triage opens the tracks it now requires and withdraws those it no longer does, as far
   * as their stage still allows (a decided track keeps its history rather than vanish).
   */
  private async alignTracks(
    aiCase: AiCaseEntity,
    outcome: TriageOutcome,
    actor: Actor,
  ): Promise<void> {
    const tracks = await this.cases.tracksOf(aiCase.id);
    const active = activeTracks(outcome);
    for (const kind of active.filter((k) => !tracks.some((t) => t.kind === k))) {
      const track = newTrack(kind);
      await this.cases.saveTrack({ caseId: aiCase.id, kind, stage: track.stage, snapshot: track });
    }
    for (const track of tracks.filter((t) => !active.includes(t.kind) && t.stage !== 'withdrawn')) {
      const facts = {
        triage: outcome,
        tracks: tracks.map((t) => t.snapshot),
        missingRequestContents: [],
      };
      try {
        const plan = planTrackTransition({
          caseFacts: facts,
          track: track.snapshot,
          action: { type: 'withdraw' },
          actorSide: 'employer',
          now: this.clock.now(),
        });
        await this.cases.saveTrack({
          id: track.id,
          caseId: aiCase.id,
          kind: track.kind,
          stage: plan.next.stage,
          snapshot: plan.next,
        });
        const scope = {
          caseId: aiCase.id,
          organisationId: aiCase.organisationId,
          worksCouncilId: aiCase.worksCouncilId,
          councilSettings: {},
        };
        await this.deadlines.apply(
          scope,
          [],
          plan.cancelDeadlines.map((ruleId) => ({ track: track.kind, ruleId })),
        );
        await this.outbox.append(
          plan.events.map((e) => ({
            type: e.type,
            caseId: aiCase.id,
            organisationId: aiCase.organisationId,
            worksCouncilId: aiCase.worksCouncilId,
            payload: { ...e.payload, track: track.kind },
          })),
          actor.userId,
        );
      } catch (error) {
        if (!(error instanceof TransitionRefused)) {
          throw error;
        }
      }
    }
  }

  /** The council disagrees with the triage; the disagreement stays visible on the case. */
  async contestTriage(actor: Actor, caseId: string, dto: ContestTriageDto): Promise<CaseResponse> {
    return this.mutate(
      actor,
      caseId,
      dto,
      ['council_board'],
      'case.triage_contested',
      async (aiCase) => {
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
    return this.mutate(actor, caseId, dto, ['employer'], 'case.sent', async (aiCase) => {
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
      await this.emit(aiCase, actor, 'case.sent', { sentAt: aiCase.sentAt.toISOString() });
      return { before: { status: 'draft' }, after: { status: 'sent' } };
    });
  }

  async transition(
    actor: Actor,
    caseId: string,
    kind: TrackKind,
    dto: TrackTransitionDto,
  ): Promise<CaseResponse> {
    return this.mutate(
      actor,
      caseId,
      dto,
      null,
      'case.track_transitioned',
      async (aiCase, side) => {
        this.assertNotBlocked(aiCase);
        const tracks = await this.cases.tracksOf(caseId);
        const track = tracks.find((t) => t.kind === kind);
        if (!track || !aiCase.triage) {
          throw new NotFound('track');
        }
        const action = stripUndefined({ ...dto.action }) as unknown as TrackAction;
        const plan = await this.moveTrack(actor, aiCase, kind, action, side, dto.action.receivedOn);
        const alsoCounted: WorTrackKind[] = [];
        if (action.type === 'record_consultation_held') {
          // One overlegvergadering counts for every WOR track whose request was on the table; a
          // track it cannot count for (dated before its own request for a meeting) is left as is.
          const others = tracksCoveredByConsultation(
            (await this.cases.tracksOf(caseId))
              .filter((t) => t.kind !== kind)
              .map((t) => t.snapshot),
            action.heldOn,
            action.meetingId,
          );
          for (const other of others) {
            try {
              await this.moveTrack(actor, aiCase, other, action, side, undefined);
              alsoCounted.push(other);
            } catch (error) {
              if (!(error instanceof TransitionRefused) && !(error instanceof DateBeforeEvent)) {
                throw error;
              }
            }
          }
        }
        return {
          before: { track: kind, stage: track.stage },
          after: {
            track: kind,
            stage: plan.next.stage,
            action: dto.action.type,
            ...(alsoCounted.length > 0 ? { alsoCountedFor: alsoCounted } : {}),
            ...(plan.recordedLate ? { recordedLate: plan.recordedLate } : {}),
          },
        };
      },
    );
  }

  /**
   * A held consultation meeting (libs/meetings) on the case's agenda: recorded on every WOR track
   * it covers, in the caller's transaction. A date before the case was sent, or before a track's
   * request for the meeting, is refused with `case.date_before_event`.
   */
  async recordConsultation(
    actor: Actor,
    caseId: string,
    heldOn: string,
    meetingId: string,
  ): Promise<{ tracks: WorTrackKind[] }> {
    const { aiCase } = await this.load(actor, caseId, false);
    const covered = (tracks: TrackSnapshot[]) =>
      aiCase.blocked || !aiCase.triage
        ? []
        : tracksCoveredByConsultation(tracks, heldOn, meetingId);
    if (covered((await this.cases.tracksOf(caseId)).map((t) => t.snapshot)).length === 0) {
      return { tracks: [] };
    }
    const recorded: WorTrackKind[] = [];
    await this.mutate(
      actor,
      caseId,
      { version: aiCase.version },
      null,
      'case.track_transitioned',
      async (locked, side) => {
        const action: TrackAction = { type: 'record_consultation_held', heldOn, meetingId };
        for (const kind of covered((await this.cases.tracksOf(caseId)).map((t) => t.snapshot))) {
          await this.moveTrack(actor, locked, kind, action, side, undefined);
          recorded.push(kind);
        }
        return {
          before: null,
          after: { action: action.type, heldOn, meetingId, tracks: [...recorded] },
        };
      },
    );
    return { tracks: recorded };
  }

  private assertNotBlocked(aiCase: AiCaseEntity): void {
    if (aiCase.blocked) {
      throw new Unprocessable(
        'case.prohibited',
        'This AI system is prohibited at work (AI Act art. 5(1)(f)); the case is blocked.',
        { reason: aiCase.triage?.outcome.blockReason },
      );
    }
  }

  /** Plans one action on one track and persists its snapshot, deadlines and events. */
  private async moveTrack(
    actor: Actor,
    aiCase: AiCaseEntity,
    kind: TrackKind,
    action: TrackAction,
    side: ActorSide,
    receivedOn: string | undefined,
  ): Promise<TrackTransitionPlan> {
    const caseId = aiCase.id;
    const tracks = await this.cases.tracksOf(caseId);
    const track = tracks.find((t) => t.kind === kind);
    if (!track) {
      throw new NotFound('track');
    }
    const facts = await this.facts(
      aiCase,
      tracks.map((t) => t.snapshot),
      kind,
    );
    const now = this.clock.now();
    // "Recorded late": more than two Dutch working days after the date claimed (holidays count).
    const lateBefore = addWorkingDays(amsterdamDay(now), -2);
    const plan = planTrackTransition({
      caseFacts: facts,
      track: track.snapshot,
      action,
      actorSide: side,
      now,
      receivedOn,
      lateBefore,
    });
    await this.cases.saveTrack({
      id: track.id,
      caseId,
      kind,
      stage: plan.next.stage,
      snapshot: plan.next,
    });
    const council = await this.councils.councilFacts(aiCase.worksCouncilId);
    await this.deadlines.apply(
      {
        caseId,
        organisationId: aiCase.organisationId,
        worksCouncilId: aiCase.worksCouncilId,
        councilSettings: council?.settings ?? {},
      },
      plan.deadlines.map((d) => ({ ruleId: d.ruleId, track: d.track, triggerDate: d.triggerDate })),
      plan.cancelDeadlines.map((ruleId) => ({ track: kind, ruleId })),
    );
    // A term agreed to stop while information is open starts stopped if a request is open.
    await this.syncInformationClocks(caseId);
    if (
      ['withdrawn', 'closed'].includes(plan.next.stage) &&
      tracks.every((t) => t.kind === kind || ['withdrawn', 'closed'].includes(t.stage))
    ) {
      await this.deadlines.cancelAllOfCase(caseId);
    }
    await this.outbox.append(
      plan.events.map((e) => ({
        type: e.type,
        caseId,
        organisationId: aiCase.organisationId,
        worksCouncilId: aiCase.worksCouncilId,
        payload: { ...e.payload, track: kind },
      })),
      actor.userId,
    );
    return plan;
  }

  /** A recorded manual confirmation that overseers are named and trained (until the dossier feeds it). */
  async confirmOversight(
    actor: Actor,
    caseId: string,
    dto: OversightConfirmationDto,
  ): Promise<CaseResponse> {
    return this.mutate(
      actor,
      caseId,
      dto,
      ['employer'],
      'case.oversight_confirmed',
      async (aiCase) => {
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
    return this.mutate(
      actor,
      caseId,
      dto,
      ['council_board'],
      'case.expert_added',
      async (aiCase) => {
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
    return this.mutate(
      actor,
      caseId,
      dto,
      ['council_board'],
      'case.committee_assigned',
      async (aiCase) => {
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
    const { aiCase } = await this.loadDossier(actor, caseId);
    const gate = await this.gateOf(
      aiCase,
      (await this.cases.tracksOf(caseId)).map((t) => t.snapshot),
    );
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

  async deadlinesOf(actor: Actor, caseId: string): Promise<DeadlineView[]> {
    await this.load(actor, caseId, false);
    return this.deadlines.listForCase(caseId);
  }

  /** WOR art. 31: the council asks, the employer answers within the agreed response time. */
  async askInformation(
    actor: Actor,
    caseId: string,
    dto: AskInformationDto,
  ): Promise<InformationRequestResponse> {
    return this.tx.run(async () => {
      const { aiCase, side } = await this.load(actor, caseId, true);
      if (side !== 'council_board' && side !== 'council_member') {
        throw new Forbidden(
          'case.council_only',
          'Only the council asks for information under art. 31.',
        );
      }
      const council = await this.councils.councilFacts(aiCase.worksCouncilId);
      const today = amsterdamDay(this.clock.now());
      const term = resolveTermLength(
        'information_response_term',
        councilTermSettings(council?.settings ?? {}),
      );
      const dueDate = addWorkingDays(today, term.workingDays ?? 10);
      const request = await this.cases.saveInformationRequest({
        caseId,
        question: dto.question,
        askedBy: actor.userId,
        askedAt: this.clock.now(),
        dueDate,
      });
      await this.deadlines.apply(
        {
          caseId,
          organisationId: aiCase.organisationId,
          worksCouncilId: aiCase.worksCouncilId,
          councilSettings: council?.settings ?? {},
        },
        [
          {
            ruleId: 'information_response_term',
            track: `information:${request.id}`,
            triggerDate: today,
          },
        ],
        [],
      );
      await this.syncInformationClocks(caseId);
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'case.information_requested',
        after: { requestId: request.id },
      });
      await this.emit(aiCase, actor, 'case.information_requested', { requestId: request.id });
      return toInformationResponse(request);
    });
  }

  async answerInformation(
    actor: Actor,
    caseId: string,
    requestId: string,
    dto: AnswerInformationDto,
  ): Promise<InformationRequestResponse> {
    return this.tx.run(async () => {
      const { aiCase, side } = await this.load(actor, caseId, true);
      if (side !== 'employer') {
        throw new Forbidden(
          'case.employer_only',
          'Only the employer answers information requests.',
        );
      }
      const request = await this.cases.getInformationRequest(caseId, requestId);
      if (!request) {
        throw new NotFound('information_request');
      }
      // The answer's date restarts a stopped agreed clock, so it is recorded once (legal-rules (d)2).
      if (request.answeredAt) {
        throw new Conflict(
          'information_request.already_answered',
          'This information request has already been answered.',
        );
      }
      request.answer = dto.answer;
      request.answeredBy = actor.userId;
      request.answeredAt = this.clock.now();
      await this.cases.saveInformationRequest(request);
      await this.deadlines.apply(
        {
          caseId,
          organisationId: aiCase.organisationId,
          worksCouncilId: aiCase.worksCouncilId,
          councilSettings: {},
        },
        [],
        [{ track: `information:${request.id}`, ruleId: 'information_response_term' }],
      );
      await this.syncInformationClocks(caseId);
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'case.information_provided',
        after: { requestId },
      });
      await this.emit(aiCase, actor, 'case.information_provided', { requestId });
      return toInformationResponse(request);
    });
  }

  /** Stops or restarts the case's agreed clocks from its information requests (legal-rules (d)2). */
  private async syncInformationClocks(caseId: string): Promise<void> {
    const periods = (await this.cases.informationRequests(caseId)).map((r) => ({
      from: amsterdamDay(r.askedAt),
      to: r.answeredAt ? amsterdamDay(r.answeredAt) : null,
    }));
    await this.deadlines.syncStoppedClocks(caseId, periods, amsterdamDay(this.clock.now()));
  }

  async informationRequests(actor: Actor, caseId: string): Promise<InformationRequestResponse[]> {
    await this.loadDossier(actor, caseId);
    return (await this.cases.informationRequests(caseId)).map(toInformationResponse);
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

  /** The case event log after a cursor, for clients catching up after a reconnect. */
  async events(actor: Actor, caseId: string, after: number): Promise<CaseEventResponse[]> {
    const { side } = await this.load(actor, caseId, false);
    const rows = await this.cases.eventsAfter(caseId, after);
    // Internal events belong to the council-internal space (realtime rooms route them the same way).
    const visible = mayUseInternalSpace(side)
      ? rows
      : rows.filter((e) => !e.type.startsWith(INTERNAL_EVENT_PREFIX));
    return visible.map((e) => ({
      caseSeq: e.caseSeq ?? 0,
      type: e.type,
      occurredAt: e.occurredAt.toISOString(),
      payload: eventPayloadFor(side === 'union' ? 'union' : 'full', e.payload),
    }));
  }

  private async assertAudit(actor: Actor, caseId: string): Promise<void> {
    const { side } = await this.load(actor, caseId, false);
    if (!mayReadAudit(side)) {
      throw new Forbidden(
        'case.audit_not_allowed',
        'Your role on this case does not include the audit trail.',
      );
    }
  }

  /** One mutation: lock, authorise, check the version, change, save, audit and emit together. */
  private async mutate(
    actor: Actor,
    caseId: string,
    dto: VersionDto,
    sides: ActorSide[] | null,
    action: string,
    change: (
      aiCase: AiCaseEntity,
      side: ActorSide,
    ) => Promise<{
      before: Record<string, unknown> | null;
      after: Record<string, unknown>;
      event?: Record<string, unknown>;
      action?: string;
    }>,
  ): Promise<CaseResponse> {
    const saved = await this.tx.run(async () => {
      const { aiCase, side } = await this.load(actor, caseId, true);
      if (side === 'union') {
        throw new Forbidden(
          'case.read_only',
          'Union officers follow shared cases; they do not change them.',
        );
      }
      if (sides && !sides.includes(side)) {
        throw new Forbidden(
          'case.action_not_allowed',
          'Your role on this case does not allow this action.',
          { allowed: sides },
        );
      }
      if (aiCase.version !== dto.version) {
        throw new VersionConflict('case', dto.version, aiCase.version);
      }
      const stageBefore = aiCase.stage;
      const gateBefore = await this.gateOpen(aiCase);
      const { before, after, event, action: actionDone = action } = await change(aiCase, side);
      const tracks = (await this.cases.tracksOf(caseId)).map((t) => t.snapshot);
      aiCase.stage =
        aiCase.status === 'draft' && !aiCase.blocked
          ? 'draft'
          : deriveCaseStage(tracks, aiCase.blocked);
      const result = await this.cases.save(aiCase);
      await this.audit.record({ caseId, actorId: actor.userId, action: actionDone, before, after });
      await this.emit(result, actor, 'case.updated', { action: actionDone, ...event });
      if (result.stage !== stageBefore) {
        await this.emit(result, actor, 'case.stage_changed', {
          from: stageBefore,
          to: result.stage,
        });
      }
      // Both sides are told when the go-live gate opens or closes again (issue #16), in the same transaction.
      const gateAfter = await this.gateOf(result, tracks);
      if (
        gateBefore !== null &&
        gateAfter !== null &&
        result.status === 'sent' &&
        gateAfter.open !== gateBefore
      ) {
        await this.emit(
          result,
          actor,
          gateAfter.open ? 'case.go_live_gate_opened' : 'case.go_live_gate_closed',
          { unmet: gateAfter.conditions.filter((c) => !c.met).map((c) => c.key) },
        );
      }
      return result;
    });
    return this.respond(actor, saved);
  }

  private async load(actor: Actor, caseId: string, forUpdate: boolean): Promise<Loaded> {
    const aiCase = forUpdate ? await this.cases.getForUpdate(caseId) : await this.cases.get(caseId);
    const access = aiCase ? await this.accessOf(actor, aiCase) : null;
    if (!aiCase || !access) {
      throw new NotFound('case');
    }
    return { aiCase, ...access };
  }

  /** The actor's side on a case, by `@wc/access`; union shares are read only for union officers (issue #8). */
  private async accessOf(
    actor: Actor,
    aiCase: AiCaseEntity,
  ): Promise<{ side: ActorSide; unionScope: UnionScope | null } | null> {
    const access = await this.access.caseOf(actor, aiCase);
    return access ? { side: access.side, unionScope: access.unionScope } : null;
  }

  /** Parts of the dossier beyond status and deadlines: a union needs a 'dossier' share (issue #8). */
  private async loadDossier(actor: Actor, caseId: string): Promise<Loaded> {
    const loaded = await this.load(actor, caseId, false);
    if (loaded.side === 'union' && loaded.unionScope !== 'dossier') {
      throw new Forbidden(
        'case.not_shared',
        "Your union's share of this case covers its status and deadlines only.",
      );
    }
    return loaded;
  }

  private async emit(
    aiCase: AiCaseEntity,
    actor: Actor,
    type: string,
    payload: Record<string, unknown> = {},
  ): Promise<void> {
    await this.outbox.append(
      [
        {
          type,
          caseId: aiCase.id,
          organisationId: aiCase.organisationId,
          worksCouncilId: aiCase.worksCouncilId,
          payload: {
            ...payload,
            version: aiCase.version,
            status: aiCase.status,
            committeeId: aiCase.committeeId,
          },
        },
      ],
      actor.userId,
    );
  }

  private async facts(
    aiCase: AiCaseEntity,
    tracks: TrackSnapshot[],
    kind: TrackKind,
  ): Promise<CaseFacts> {
    return this.factsOfKind(await this.factsBase(aiCase), tracks, kind);
  }

  /** What every track's facts share, read once per case (not once per track). */
  private async factsBase(aiCase: AiCaseEntity): Promise<FactsBase> {
    const outcome = aiCase.triage!.outcome;
    return {
      aiCase,
      deadlines: await this.deadlines.listForCase(aiCase.id),
      dossier: await this.dossier?.factsFor(aiCase.id, outcome),
    };
  }

  private factsOfKind(
    { aiCase, deadlines, dossier }: FactsBase,
    tracks: TrackSnapshot[],
    kind: TrackKind,
  ): CaseFacts {
    const outcome = aiCase.triage!.outcome;
    const today = amsterdamDay(this.clock.now());
    const suspension = deadlines
      .filter((d) => d.ruleId === 'suspension_term' && d.status !== 'cancelled')
      .at(-1);
    const responseRule = kind === 'consent' ? 'consent_response_term' : 'advice_response_term';
    const responseTerm = deadlines.find(
      (d) => d.ruleId === responseRule && d.status === 'open' && d.track === kind,
    );
    return {
      triage: outcome,
      tracks,
      oversight: oversightOf(aiCase, dossier),
      // The request rests on the dossier too: assessment, DPIA/FRIA, oversight, training [W3, W12].
      missingRequestContents: isWorTrack(kind)
        ? [
            ...missingRequestContents(
              kind,
              presentContents(aiCase.contents, outcome.advice.letters.length > 0),
            ),
            ...(dossier?.missingForRequest ?? []),
          ]
        : [],
      employerCommitted: aiCase.contents.employerCommitted ?? false,
      // The cautious end of the suspension: the extended date, so go-live never comes a day early.
      suspensionLastDay: suspension?.extendedDate,
      responseTermLapsed: responseTerm ? responseTerm.strictDate < today : false,
      ...(aiCase.sentAt ? { caseSentOn: amsterdamDay(aiCase.sentAt) } : {}),
    };
  }

  /**
   * For each track, the actions the caller's side could take in its stage, open or with what is
   * missing; the facts are read once for the case.
   */
  private async allowedActionsOf(
    aiCase: AiCaseEntity,
    side: ActorSide,
    tracks: readonly TrackSnapshot[],
    deadlines: DeadlineView[],
  ): Promise<Map<TrackKind, AllowedAction[]>> {
    const now = this.clock.now();
    const caseBlock: CaseLevelBlock | undefined =
      aiCase.status !== 'sent'
        ? 'case_sent'
        : !aiCase.triage
          ? 'triage'
          : aiCase.blocked
            ? 'not_prohibited'
            : undefined;
    const base = aiCase.triage
      ? {
          aiCase,
          deadlines,
          dossier: await this.dossier?.factsFor(aiCase.id, aiCase.triage.outcome),
        }
      : null;
    const result = new Map<TrackKind, AllowedAction[]>();
    for (const track of tracks) {
      // Without a triage the case block refuses every action before the facts are read.
      const facts = base
        ? this.factsOfKind(base, [...tracks], track.kind)
        : ({
            triage: null,
            tracks: [...tracks],
            missingRequestContents: [],
          } as unknown as CaseFacts);
      result.set(
        track.kind,
        allowedActionsFor({ track, facts, side, now, ...(caseBlock ? { caseBlock } : {}) }),
      );
    }
    return result;
  }

  /** Whether the gate is open now (null before a triage), to see a mutation open or close it. */
  private async gateOpen(aiCase: AiCaseEntity): Promise<boolean | null> {
    if (!aiCase.triage) {
      return null;
    }
    const gate = await this.gateOf(
      aiCase,
      (await this.cases.tracksOf(aiCase.id)).map((t) => t.snapshot),
    );
    return gate ? gate.open : null;
  }

  private gateOf(aiCase: AiCaseEntity, tracks: TrackSnapshot[]): Promise<GoLiveGate | null> {
    return this.gates.gateOf(aiCase, tracks);
  }

  private async respond(actor: Actor, aiCase: AiCaseEntity): Promise<CaseResponse> {
    const access = await this.accessOf(actor, aiCase);
    const side = access?.side ?? 'employer';
    const tracks = await this.cases.tracksOf(aiCase.id);
    const deadlines = await this.deadlines.listForCase(aiCase.id);
    const snapshots = tracks.map((t) => t.snapshot);
    if (side === 'union' && access?.unionScope === 'status') {
      return this.respondWithStatus(aiCase, snapshots, deadlines);
    }
    const outcome = aiCase.triage?.outcome;
    const missing = outcome
      ? (['advice', 'consent'] as const)
          .filter((k) => snapshots.some((t) => t.kind === k))
          .flatMap((k) =>
            missingRequestContents(
              k,
              presentContents(aiCase.contents, outcome.advice.letters.length > 0),
            ).map((item) => `${k}:${item}`),
          )
      : [];
    // Union officers follow; they act on nothing, so no action is offered to them.
    const allowed =
      side === 'union'
        ? new Map<TrackKind, AllowedAction[]>()
        : await this.allowedActionsOf(aiCase, side, snapshots, deadlines);
    const requests = await this.cases.informationRequests(aiCase.id);
    return {
      ...toSummary(aiCase),
      contents: { ...aiCase.contents },
      triage: aiCase.triage ? { ...aiCase.triage } : null,
      tracks: tracks.map((t) => ({
        kind: t.kind,
        stage: t.stage,
        snapshot: { ...t.snapshot },
        allowedActions: toAllowedResponse(allowed.get(t.kind) ?? []),
      })),
      goLiveGate: toGateResponse(await this.gateOf(aiCase, snapshots)),
      deadlines,
      missingRequestContents: missing,
      expertIds: side === 'expert' || side === 'union' ? [] : aiCase.expertIds,
      sentAt: aiCase.sentAt?.toISOString() ?? null,
      committeeId: side === 'union' ? null : aiCase.committeeId,
      lateEntries: lateEntriesOf(snapshots),
      yourSide: side,
      nextAction: this.nextActionOf(
        aiCase,
        snapshots,
        deadlines,
        requests.map((r) => ({ id: r.id, dueDate: r.dueDate, answered: r.answer !== null })),
      ),
    };
  }

  /** Who must act next on the case, on what, by when: the most urgent of its duties. */
  private nextActionOf(
    aiCase: AiCaseEntity,
    tracks: readonly TrackSnapshot[],
    deadlines: readonly DeadlineView[],
    informationRequests: DutyFacts['informationRequests'],
  ): NextActionResponse | null {
    const [first] = caseDuties({
      status: aiCase.status,
      blocked: aiCase.blocked,
      tracks,
      deadlines,
      informationRequests,
      today: amsterdamDay(this.clock.now()),
    });
    return first ? { ...first } : null;
  }

  /**
   * A union's 'status' view (issue #8): the case's status, each track's stage with the dated
   * stage changes (no actions, reasons or sides), and the deadlines. Every other field is empty.
   */
  private respondWithStatus(
    aiCase: AiCaseEntity,
    tracks: TrackSnapshot[],
    deadlines: DeadlineView[],
  ): CaseResponse {
    return {
      ...toSummary(aiCase),
      contents: {},
      triage: null,
      tracks: tracks.map((t) => ({
        kind: t.kind,
        stage: t.stage,
        snapshot: {
          kind: t.kind,
          stage: t.stage,
          history: t.history.map((h) => ({ at: h.at, from: h.from, to: h.to })),
        },
        allowedActions: [],
      })),
      goLiveGate: null,
      deadlines,
      missingRequestContents: [],
      expertIds: [],
      sentAt: aiCase.sentAt?.toISOString() ?? null,
      committeeId: null,
      lateEntries: [],
      yourSide: 'union',
      nextAction: this.nextActionOf(aiCase, tracks, deadlines, []),
    };
  }
}

function toAllowedResponse(actions: readonly AllowedAction[]): AllowedActionResponse[] {
  return actions.map((a) => ({
    action: a.action,
    allowed: a.allowed,
    missing: a.missing.map((m) => ({ ...m })),
  }));
}

const INTERNAL_EVENT_PREFIX = 'internal.';

const isSeqKey = (value: unknown): value is { seq: number } =>
  typeof value === 'object' &&
  value !== null &&
  Number.isSafeInteger((value as { seq?: unknown }).seq) &&
  (value as { seq: number }).seq >= 0;

/** Which required request items the written case contains, legal-rules (b)1-2. */
function presentContents(contents: CaseContents, hasGrounds: boolean): string[] {
  const has = (v?: string) => typeof v === 'string' && v.trim().length > 0;
  const items: Array<[string, boolean]> = [
    // The request Overleg records is itself the written document.
    ['written_document', true],
    ['intended_decision', has(contents.intendedDecision)],
    ['grounds', hasGrounds || has(contents.grounds)],
    ['reasons', has(contents.reasons)],
    ['consequences_for_staff', has(contents.consequencesForStaff)],
    ['measures', has(contents.measures)],
    ['regeling_text', has(contents.regelingText)],
  ];
  return items.filter(([, present]) => present).map(([item]) => item);
}

/** Entries recorded more than two working days after the date they claim, both dates shown. */
function lateEntriesOf(
  tracks: readonly TrackSnapshot[],
): Array<{ track: string; action: string; at: string } & RecordedLate> {
  return tracks.flatMap((t) =>
    t.history
      .filter((h) => h.recordedLate)
      .map((h) => ({
        track: t.kind,
        action: h.action.type,
        at: h.at,
        ...(h.recordedLate as RecordedLate),
      })),
  );
}

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

function toGateResponse(gate: GoLiveGate | null): GoLiveGateResponse | null {
  return gate
    ? {
        open: gate.open,
        conditions: gate.conditions.map((c) => ({ ...c, sources: [...c.sources] })),
      }
    : null;
}

function toSummary(c: AiCaseEntity): CaseSummaryResponse {
  return {
    id: c.id,
    title: c.title,
    organisationId: c.organisationId,
    worksCouncilId: c.worksCouncilId,
    aiSystemId: c.aiSystemId,
    status: c.status,
    stage: c.stage,
    blocked: c.blocked,
    version: c.version,
    updatedAt: c.updatedAt.toISOString(),
  };
}

function toInformationResponse(r: {
  id: string;
  question: string;
  askedBy: string;
  askedAt: Date;
  dueDate: string;
  answer: string | null;
  answeredAt: Date | null;
}): InformationRequestResponse {
  return {
    id: r.id,
    question: r.question,
    askedBy: r.askedBy,
    askedAt: r.askedAt.toISOString(),
    dueDate: r.dueDate,
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) {
      group.push(item);
    } else {
      groups.set(key(item), [item]);
    }
  }
  return groups;
}
