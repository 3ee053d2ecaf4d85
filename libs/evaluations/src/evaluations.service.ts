import { Injectable } from '@nestjs/common';

import { AccessService, type CaseAccess } from '@wc/access';
import type { Actor } from '@wc/auth';
import { CaseService } from '@wc/cases';
import { CommitmentService, type OpenCommitment } from '@wc/commitments';
import { ComplaintsService } from '@wc/complaints';
import type { EventPayload, EventTypeOf } from '@wc/contracts';
import { Clock, Conflict, Forbidden, NotFound, Unprocessable, VersionConflict } from '@wc/core';
import { CouncilsService } from '@wc/councils';
import { domainEvent, EventLog, Outbox, TransactionHost } from '@wc/database';
import { addTerm, toAmsterdamDate } from '@wc/deadlines';
import { DIMENSION_KEYS, DossierFollowUps } from '@wc/dossier';
import { decodeCursor, limitOf, type Page, pageFrom } from '@wc/pagination';

import {
  type CommitmentReviewState,
  DEFAULT_EVALUATION_MONTHS,
  EVALUATION_REMINDER_DAYS,
  evaluationMonths,
  type IncidentKind,
  planEvaluations,
  type Rating,
  reratingDiff,
  reviewCommitments,
} from './domain/evaluation';
import type {
  CommitmentReviewResponse,
  CreateIncidentDto,
  EvaluationReportResponse,
  EvaluationResponse,
  FollowUpsResponse,
  IncidentCountsResponse,
  IncidentResponse,
  ListIncidentsQueryDto,
  MonitoringPlanResponse,
  PutMonitoringPlanDto,
  RecordEvaluationDto,
} from './evaluation.dto';
import {
  CaseFollowUpEntity,
  EvaluationEntity,
  MonitoringIncidentEntity,
  MonitoringPlanEntity,
} from './monitoring.entities';

type Party = 'employer' | 'council';
type MonitoringEventType = EventTypeOf<'monitoring_plan' | 'evaluation' | 'monitoring_incident'>;

/** Which post-go-live signals each party logs: overseers are the employer's, staff speak via the council. */
const INCIDENT_KINDS_OF: Record<Party, readonly IncidentKind[]> = {
  employer: ['override', 'correction', 'unforeseen_effect'],
  council: ['staff_report', 'unforeseen_effect'],
};

interface CursorKey {
  o: string;
  i: string;
}
const isCursorKey = (v: unknown): v is CursorKey =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as CursorKey).o === 'string' &&
  typeof (v as CursorKey).i === 'string';

/**
 * Monitoring and evaluation after go-live (issue #19; seed-requirements 4 stage 4, 1.4): the
 * monitoring plan of intake, the evaluations at the agreed interval with the re-rating beside the
 * forecast, and the incident log. Both parties read it; a union only under a dossier share.
 */
@Injectable()
export class EvaluationsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly outbox: Outbox,
    private readonly cases: CaseService,
    private readonly councils: CouncilsService,
    private readonly dossier: DossierFollowUps,
    private readonly complaints: ComplaintsService,
    private readonly commitments: CommitmentService,
    private readonly eventLog: EventLog,
  ) {}

  async plan(actor: Actor, caseId: string): Promise<MonitoringPlanResponse> {
    await this.read(actor, caseId);
    const row = await this.tx.manager.findOne(MonitoringPlanEntity, { where: { caseId } });
    return toPlanResponse(caseId, row);
  }

  async putPlan(
    actor: Actor,
    caseId: string,
    dto: PutMonitoringPlanDto,
  ): Promise<MonitoringPlanResponse> {
    return this.tx.run(async () => {
      await this.access.lockCases([caseId]);
      const access = await this.read(actor, caseId);
      if (access.side !== 'employer') {
        throw new Forbidden(
          'monitoring_plan.employer_only',
          'The employer records the goals and indicators at intake; the council comments on the case.',
        );
      }
      const current = await this.tx.manager.findOne(MonitoringPlanEntity, { where: { caseId } });
      if ((current?.version ?? 0) !== dto.version) {
        throw new VersionConflict('monitoring_plan', dto.version, current?.version ?? 0);
      }
      const saved = await this.tx.manager.save(
        this.tx.manager.create(MonitoringPlanEntity, {
          ...(current ?? {}),
          caseId,
          goals: dto.goals.map((g) => ({
            key: g.key,
            description: g.description,
            target: g.target,
          })),
          indicators: [...new Set(dto.indicators)],
          updatedBy: actor.userId,
          updatedAt: this.clock.now(),
        }),
      );
      await this.emit(access, actor, 'monitoring_plan.updated', { version: saved.version });
      return toPlanResponse(caseId, saved);
    });
  }

  async report(actor: Actor, caseId: string): Promise<EvaluationReportResponse> {
    const access = await this.read(actor, caseId);
    const aiCase = await this.cases.get(actor, caseId);
    const rows = await this.tx.run(async () => {
      await this.planFor(caseId, access.worksCouncilId);
      return this.evaluationsOf(caseId);
    });
    return this.toReport(caseId, aiCase.aiSystemId, rows);
  }

  async record(
    actor: Actor,
    caseId: string,
    seq: number,
    dto: RecordEvaluationDto,
  ): Promise<EvaluationResponse> {
    const aiCase = await this.cases.get(actor, caseId);
    const saved = await this.tx.run(async () => {
      await this.access.lockCases([caseId]);
      const access = await this.read(actor, caseId);
      const party = partyOf(access);
      if (!party || access.side === 'council_member' || access.side === 'expert') {
        throw new Forbidden(
          'evaluation.party_only',
          'The employer or the council board records an evaluation.',
        );
      }
      await this.planFor(caseId, access.worksCouncilId);
      const evaluation = await this.tx.manager.findOne(EvaluationEntity, {
        where: { caseId, seq },
        lock: { mode: 'pessimistic_write' },
      });
      if (!evaluation) {
        throw new NotFound('evaluation');
      }
      if (evaluation.status === 'recorded') {
        throw new Conflict('evaluation.already_recorded', 'This evaluation was recorded already.', {
          recordedAt: evaluation.recordedAt?.toISOString(),
        });
      }
      const today = this.today();
      const opensOn = addTerm(evaluation.dueOn, { days: -EVALUATION_REMINDER_DAYS });
      if (today < opensOn) {
        throw new Conflict(
          'evaluation.not_yet_due',
          'An evaluation is recorded from two weeks before its date.',
          { dueOn: evaluation.dueOn, opensOn },
        );
      }
      // Issue #19: the conditions are checked at every evaluation, each open commitment once.
      const review = reviewCommitments(
        await this.commitments.openOf(caseId),
        dto.commitments ?? [],
        today,
      );
      if (!review.ok) {
        throw unreviewed(review.unreviewed, review.unknown);
      }
      evaluation.status = 'recorded';
      evaluation.commitmentReviews = review.reviews;
      evaluation.ratings = dto.ratings.map((r) => ({
        dimension: r.dimension,
        rating: r.rating,
        note: r.note,
      }));
      evaluation.goalResults = dto.goals.map((g) => ({
        key: g.key,
        outcome: g.outcome,
        note: g.note,
      }));
      evaluation.summary = dto.summary;
      evaluation.recordedBy = actor.userId;
      evaluation.recordedSide = party;
      evaluation.recordedAt = this.clock.now();
      const row = await this.tx.manager.save(evaluation);
      await this.emit(access, actor, 'evaluation.recorded', { evaluationId: row.id, seq });
      if (review.flagged.length > 0) {
        await this.emit(access, actor, 'evaluation.commitments_flagged', {
          evaluationId: row.id,
          seq,
          commitmentIds: review.flagged,
        });
      }
      return row;
    });
    const [response] = (await this.toReport(caseId, aiCase.aiSystemId, [saved])).evaluations;
    return response;
  }

  async incidents(
    actor: Actor,
    caseId: string,
    query: ListIncidentsQueryDto,
  ): Promise<Page<IncidentResponse>> {
    await this.read(actor, caseId);
    const limit = limitOf(query);
    const after = query.cursor ? decodeCursor(query.cursor, isCursorKey) : null;
    const qb = this.tx.manager
      .createQueryBuilder(MonitoringIncidentEntity, 'i')
      .where('i.case_id = :caseId', { caseId })
      .orderBy('i.occurred_on', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(limit + 1);
    if (after) {
      qb.andWhere('(i.occurred_on, i.id) < (:o, :i)', after);
    }
    return pageFrom(
      await qb.getMany(),
      limit,
      (i) => ({ o: i.occurredOn, i: i.id }),
      toIncidentResponse,
    );
  }

  async logIncident(
    actor: Actor,
    caseId: string,
    dto: CreateIncidentDto,
  ): Promise<IncidentResponse> {
    return this.tx.run(async () => {
      await this.access.lockCases([caseId]);
      const access = await this.read(actor, caseId);
      const party = partyOf(access);
      if (!party || !INCIDENT_KINDS_OF[party].includes(dto.kind)) {
        throw new Forbidden(
          'monitoring_incident.kind_not_for_side',
          'Overseers (the employer) log overrides and corrections; staff reports come via the council.',
          { allowed: party ? [...INCIDENT_KINDS_OF[party]] : [] },
        );
      }
      const saved = await this.tx.manager.save(
        this.tx.manager.create(MonitoringIncidentEntity, {
          caseId,
          kind: dto.kind,
          description: dto.description,
          occurredOn: dto.occurredOn,
          reportedBy: actor.userId,
          reportedSide: party,
          createdAt: this.clock.now(),
        }),
      );
      await this.emit(access, actor, 'monitoring_incident.logged', {
        incidentId: saved.id,
        kind: saved.kind,
      });
      return toIncidentResponse(saved);
    });
  }

  async followUps(actor: Actor, caseId: string): Promise<FollowUpsResponse> {
    await this.access.requireCase(actor, caseId);
    const follows = await this.tx.manager.findOne(CaseFollowUpEntity, { where: { caseId } });
    const later = await this.tx.manager.find(CaseFollowUpEntity, {
      where: { followsCaseId: caseId },
      order: { openedAt: 'ASC' },
    });
    const ids = [...later.map((l) => l.caseId), ...(follows ? [follows.followsCaseId] : [])];
    const visible = await this.access.checkCaseAccess(actor, ids);
    return {
      follows:
        follows && visible.has(follows.followsCaseId)
          ? {
              caseId: follows.followsCaseId,
              fields: follows.fields,
              openedAt: follows.openedAt.toISOString(),
            }
          : null,
      followUps: later
        .filter((l) => visible.has(l.caseId))
        .map((l) => ({ caseId: l.caseId, fields: l.fields, openedAt: l.openedAt.toISOString() })),
    };
  }

  /**
   * Plans the evaluations of an implemented case once, from its go-live day: the earliest
   * `case.implemented` of its tracks (the outbox's published record). The convenant's agreed
   * interval wins over the default 3, 6 and 12 months. Idempotent: true when it planned now.
   */
  async planFor(caseId: string, worksCouncilId: string): Promise<boolean> {
    const [existing] = await this.tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM evaluation WHERE case_id = $1`,
      [caseId],
    );
    if (existing.n > 0) {
      return false;
    }
    const goLive = (await this.eventLog.caseEventsOfType([caseId], 'case.implemented'))
      .map((e) => e.payload.on)
      .filter((on): on is string => typeof on === 'string')
      .sort()[0];
    if (!goLive) {
      return false;
    }
    const council = await this.councils.councilFacts(worksCouncilId);
    const agreed = (council?.settings.evaluationAfter as { months?: unknown } | undefined)?.months;
    const months = evaluationMonths(typeof agreed === 'number' ? agreed : null);
    for (const planned of planEvaluations(goLive, months)) {
      await this.tx.query(
        `INSERT INTO evaluation (case_id, seq, go_live_on, months_after, due_on, status)
         VALUES ($1, $2, $3, $4, $5, 'scheduled') ON CONFLICT (case_id, seq) DO NOTHING`,
        [caseId, planned.seq, goLive, planned.monthsAfter, planned.dueOn],
      );
    }
    return true;
  }

  /** The evaluation report's lines for the dossier PDF. */
  async reportLines(
    caseId: string,
    aiSystemId: string,
    language: 'nl' | 'en',
  ): Promise<{ heading: string; lines: string[] } | null> {
    const rows = await this.evaluationsOf(caseId);
    if (rows.length === 0) {
      return null;
    }
    const report = await this.toReport(caseId, aiSystemId, rows);
    const t = REPORT_TEXT[language];
    const lines: string[] = [`${t.goLive}: ${report.goLiveOn ?? '-'}`];
    for (const e of report.evaluations) {
      lines.push(
        `${t.evaluation} ${e.seq} (${e.monthsAfter} ${t.months}, ${e.dueOn}): ${e.status === 'recorded' ? t.recorded : t.scheduled}`,
      );
      for (const d of e.dimensions) {
        lines.push(
          `  ${d.dimension}: ${t.forecast} ${fmt(d.forecast)}, ${t.actual} ${fmt(d.actual)}${d.diff === null ? '' : `, ${t.diff} ${d.diff > 0 ? '+' : ''}${d.diff}`}`,
        );
      }
      for (const g of e.goals) {
        lines.push(`  ${t.goal} ${g.key}: ${g.outcome}${g.note ? ` (${g.note})` : ''}`);
      }
      for (const c of e.status === 'recorded' ? e.commitments : []) {
        lines.push(
          `  ${t.commitment} ${c.conditionNo} (${c.condition}): ${t.states[c.state!]}${c.overdue ? `, ${t.overdue}` : ''}${c.note ? ` (${c.note})` : ''}`,
        );
      }
      lines.push(
        `  ${t.complaints}: ${e.complaints.complaints}, ${t.explanations}: ${e.complaints.explanationRequests}, ${t.incidents}: ${e.incidents.override + e.incidents.correction + e.incidents.staffReport + e.incidents.unforeseenEffect}`,
      );
      if (e.summary) {
        lines.push(`  ${e.summary}`);
      }
    }
    return { heading: t.heading, lines };
  }

  private async toReport(
    caseId: string,
    aiSystemId: string | null,
    rows: readonly EvaluationEntity[],
  ): Promise<EvaluationReportResponse> {
    const forecast = await this.dossier.forecast(caseId);
    const today = this.today();
    const open = rows.some((e) => e.status === 'scheduled')
      ? await this.commitments.openOf(caseId)
      : [];
    const evaluations: EvaluationResponse[] = [];
    for (const e of rows) {
      const until = e.recordedAt ? toAmsterdamDate(e.recordedAt) : today;
      evaluations.push({
        id: e.id,
        seq: e.seq,
        monthsAfter: e.monthsAfter,
        dueOn: e.dueOn,
        status: e.status,
        dimensions: reratingDiff(
          DIMENSION_KEYS,
          (forecast?.dimensions ?? {}) as Record<string, Rating>,
          e.ratings,
        ),
        goals: e.goalResults.map((g) => ({ ...g })),
        summary: e.summary,
        recordedAt: e.recordedAt?.toISOString() ?? null,
        recordedSide: e.recordedSide,
        complaints: aiSystemId
          ? await this.complaints.countsFor(aiSystemId, until)
          : { complaints: 0, explanationRequests: 0, open: 0, overdue: 0 },
        incidents: await this.incidentCounts(caseId, until),
        commitments:
          e.status === 'recorded'
            ? e.commitmentReviews.map((r) => ({ ...r }))
            : open.map((c) => toReview(c, today)),
      });
    }
    const months = rows.map((r) => r.monthsAfter);
    return {
      caseId,
      goLiveOn: rows[0]?.goLiveOn ?? null,
      intervalSource:
        rows.length === 0
          ? null
          : JSON.stringify(months) === JSON.stringify(DEFAULT_EVALUATION_MONTHS)
            ? 'default'
            : 'convenant',
      forecastSeq: forecast?.seq ?? null,
      evaluations,
    };
  }

  private async incidentCounts(caseId: string, until: string): Promise<IncidentCountsResponse> {
    const rows = await this.tx.query<{ kind: IncidentKind; n: number }>(
      `SELECT kind, count(*)::int AS n FROM monitoring_incident WHERE case_id = $1 AND occurred_on <= $2 GROUP BY kind`,
      [caseId, until],
    );
    const n = (kind: IncidentKind) => rows.find((r) => r.kind === kind)?.n ?? 0;
    return {
      override: n('override'),
      correction: n('correction'),
      staffReport: n('staff_report'),
      unforeseenEffect: n('unforeseen_effect'),
    };
  }

  private evaluationsOf(caseId: string): Promise<EvaluationEntity[]> {
    return this.tx.manager.find(EvaluationEntity, { where: { caseId }, order: { seq: 'ASC' } });
  }

  /** 404 when the actor may not see the case, or is a union without a dossier share. */
  private async read(actor: Actor, caseId: string): Promise<CaseAccess> {
    const access = await this.access.requireCase(actor, caseId);
    if (access.side === 'union' && access.unionScope !== 'dossier') {
      throw new NotFound('evaluation');
    }
    return access;
  }

  private async emit<T extends MonitoringEventType>(
    access: CaseAccess,
    actor: Actor,
    type: T,
    payload: EventPayload<T>,
  ): Promise<void> {
    await this.outbox.append(
      [
        domainEvent(type, payload, {
          caseId: access.caseId,
          organisationId: access.organisationId,
          worksCouncilId: access.worksCouncilId,
        }),
      ],
      actor.userId,
    );
  }

  private today(): string {
    return toAmsterdamDate(this.clock.now());
  }
}

/** The commitment ids travel in the body (`unreviewed`, `unknown`); the code says what is wrong. */
function unreviewed(missing: string[], unknown: string[]): Unprocessable {
  return missing.length > 0
    ? new Unprocessable(
        'evaluation.commitments_unreviewed',
        'Every open commitment of the case is reviewed at the evaluation; one found met needs its evidence.',
        { unreviewed: missing },
      )
    : new Unprocessable(
        'evaluation.commitment_not_under_review',
        'The review lists a commitment that is not open on this case, or lists one twice.',
        { unknown },
      );
}

/** An open commitment still to review; overdue when its due date passed by `today`. */
function toReview(c: OpenCommitment, today: string): CommitmentReviewResponse {
  return {
    ...c,
    state: null,
    note: '',
    overdue: c.dueDate !== null && c.dueDate < today,
  };
}

function partyOf(access: CaseAccess): Party | null {
  if (access.side === 'employer') {
    return 'employer';
  }
  return access.side === 'union' ? null : 'council';
}

function toPlanResponse(caseId: string, row: MonitoringPlanEntity | null): MonitoringPlanResponse {
  return {
    caseId,
    goals: row?.goals.map((g) => ({ ...g })) ?? [],
    indicators: row?.indicators ?? [],
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

function toIncidentResponse(i: MonitoringIncidentEntity): IncidentResponse {
  return {
    id: i.id,
    kind: i.kind,
    description: i.description,
    occurredOn: i.occurredOn,
    reportedSide: i.reportedSide,
    createdAt: i.createdAt.toISOString(),
  };
}

const fmt = (r: Rating | null): string =>
  r === null ? '-' : typeof r === 'number' && r > 0 ? `+${r}` : String(r);

const REPORT_TEXT = {
  nl: {
    heading: '10. Evaluaties na ingebruikname',
    goLive: 'Ingebruikname',
    evaluation: 'Evaluatie',
    months: 'maanden',
    recorded: 'vastgelegd',
    scheduled: 'gepland',
    forecast: 'verwacht',
    actual: 'gemeten',
    diff: 'verschil',
    goal: 'Doel',
    complaints: 'Klachten',
    explanations: 'verzoeken om uitleg',
    incidents: 'signalen',
    commitment: 'Toezegging',
    overdue: 'termijn verstreken',
    states: {
      met: 'nagekomen',
      open: 'nog open',
      at_risk: 'in gevaar',
      broken_proposed: 'voorgesteld als geschonden',
    } satisfies Record<CommitmentReviewState, string>,
  },
  en: {
    heading: '10. Evaluations after go-live',
    goLive: 'Go-live',
    evaluation: 'Evaluation',
    months: 'months',
    recorded: 'recorded',
    scheduled: 'scheduled',
    forecast: 'forecast',
    actual: 'actual',
    diff: 'difference',
    goal: 'Goal',
    complaints: 'Complaints',
    explanations: 'explanation requests',
    incidents: 'signals',
    commitment: 'Commitment',
    overdue: 'past its due date',
    states: {
      met: 'met',
      open: 'still open',
      at_risk: 'at risk',
      broken_proposed: 'proposed as broken',
    } satisfies Record<CommitmentReviewState, string>,
  },
} as const;
