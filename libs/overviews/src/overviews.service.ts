import { Injectable } from '@nestjs/common';

import { AiSystemsService } from '@wc/ai-systems';
import { type Actor, COUNCIL_ROLES, EMPLOYER_ROLES, hasRoleIn, Role } from '@wc/auth';
import { CaseService, type CaseSummaryResponse, InformationRequestService } from '@wc/cases';
import { Clock, groupBy, NotFound } from '@wc/core';
import { VoteService } from '@wc/council-space';
import { type CouncilNames, OrganisationDirectoryService } from '@wc/councils';
import { DeadlinesService, toAmsterdamDate } from '@wc/deadlines';
import { MeetingsService } from '@wc/meetings';

import {
  type CaseDigest,
  countBy,
  type DeadlineItem,
  openDeadlines,
  weekTimeline,
} from './domain/figures';
import type {
  CouncilDashboardQueryDto,
  CouncilDashboardResponse,
  DashboardMeetingResponse,
  DashboardVoteResponse,
  DeadlineItemResponse,
  EmployerOverviewResponse,
  OpenInformationRequestResponse,
  RegisterCaseResponse,
} from './dto/overviews.dto';

const DEFAULT_WEEKS = 6;
/** The most items a dashboard list holds; its totals count them all. */
export const DASHBOARD_LIST_LIMIT = 50;
const COUNCIL_OWN_ROLES: readonly Role[] = COUNCIL_ROLES.filter((r) => r !== Role.ExternalExpert);

/**
 * Dashboards for the three sides (issue #8). Every figure is computed from what the case policy
 * already shows the caller through `CaseService` (for a union officer: only shared cases, at the
 * share's scope), so a dashboard never tells more than the case routes do.
 */
@Injectable()
export class OverviewsService {
  constructor(
    private readonly cases: CaseService,
    private readonly informationRequests: InformationRequestService,
    private readonly systems: AiSystemsService,
    private readonly deadlines: DeadlinesService,
    private readonly meetings: MeetingsService,
    private readonly votes: VoteService,
    private readonly organisations: OrganisationDirectoryService,
    private readonly clock: Clock,
  ) {}

  /** The council's own overview: its cases, the coming weeks' deadlines, open art. 31 requests, meetings and votes. */
  async councilDashboard(
    actor: Actor,
    worksCouncilId: string,
    query: CouncilDashboardQueryDto,
  ): Promise<CouncilDashboardResponse> {
    if (!hasRoleIn(actor, COUNCIL_OWN_ROLES, { worksCouncilId })) {
      throw new NotFound('works_council');
    }
    const today = this.today();
    const names = await this.organisations.councilNames([worksCouncilId]);
    // A constant number of statements whatever the number of cases: every read below is for the set.
    const summaries = await this.cases.visibleSummaries(actor, { worksCouncilId, status: 'sent' });
    const ids = summaries.map((c) => c.id);
    const titles = new Map(summaries.map((c) => [c.id, c.title]));
    const open = groupBy(await this.deadlines.openForCases(ids), (d) => d.caseId ?? '');
    const digests = summaries.map((c) => ({ ...digestOf(c), deadlines: open.get(c.id) ?? [] }));
    const deadlines = openDeadlines(digests, today).map((d) => namedDeadline(d, names));
    const overdue = deadlines.filter((d) => d.strictDate < today);
    const deadlinesOf = groupBy(deadlines, (d) => d.caseId);
    const requests: OpenInformationRequestResponse[] = (
      await this.informationRequests.openOf(actor, ids)
    ).map((r) => ({
      id: r.id,
      caseId: r.caseId,
      caseTitle: titles.get(r.caseId) ?? '',
      question: r.question,
      askedAt: r.askedAt,
      dueDate: r.dueDate,
      overdue: r.dueDate < today,
    }));
    // The internal space of a case whose employer side the caller also sits on is closed to them.
    const votes: DashboardVoteResponse[] = (await this.votes.openVotesOf(actor, ids)).map((v) => ({
      id: v.id,
      caseId: v.caseId,
      caseTitle: titles.get(v.caseId) ?? '',
      proposal: v.proposal,
      closesAt: v.closesAt,
      quorum: v.quorum,
      ballotsCast: v.ballotsCast,
      youVoted: v.yourBallot !== null,
    }));
    requests.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
    votes.sort((a, b) => a.closesAt.localeCompare(b.closesAt) || a.id.localeCompare(b.id));
    const now = this.clock.now().toISOString();
    const meetings: DashboardMeetingResponse[] = (await this.meetings.all(actor, worksCouncilId))
      .filter((m) => m.status === 'planned' && m.startsAt >= now)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id))
      .map((m) => {
        const caseIds = [
          ...new Set(m.agendaItems.map((i) => i.caseId).filter((id): id is string => id !== null)),
        ];
        // Titles only of agenda cases the caller sees on this dashboard.
        const cases = caseIds.flatMap((id) =>
          titles.has(id) ? [{ id, title: titles.get(id) as string }] : [],
        );
        return {
          id: m.id,
          kind: m.kind,
          title: m.title,
          startsAt: m.startsAt,
          status: m.status,
          caseIds,
          cases,
        };
      });
    const council = names.worksCouncils.get(worksCouncilId);
    return {
      worksCouncilId,
      worksCouncilName: council?.name ?? '',
      organisationId: council?.organisationId ?? '',
      organisationName: (council && names.organisations.get(council.organisationId)) ?? '',
      today,
      listLimit: DASHBOARD_LIST_LIMIT,
      totals: {
        cases: summaries.length,
        blocked: summaries.filter((c) => c.blocked).length,
        overdueDeadlines: overdue.length,
        openInformationRequests: requests.length,
        upcomingMeetings: meetings.length,
        openVotes: votes.length,
      },
      casesByStage: countBy(summaries, (c) => c.stage),
      cases: firstOf(summaries).map((c) => ({
        id: c.id,
        title: c.title,
        stage: c.stage,
        blocked: c.blocked,
        updatedAt: c.updatedAt,
        nextDeadline: nextOf(deadlinesOf.get(c.id) ?? [], today),
      })),
      deadlineTimeline: weekTimeline(deadlines, today, query.weeks ?? DEFAULT_WEEKS).map((w) => ({
        ...w,
        count: w.deadlines.length,
        deadlines: firstOf(w.deadlines),
      })),
      overdueDeadlines: firstOf(overdue),
      openInformationRequests: requests,
      upcomingMeetings: meetings,
      openVotes: votes,
    };
  }

  /** The employer's AI register with the state of each system's cases and go-live gates. */
  async employerOverview(actor: Actor, organisationId: string): Promise<EmployerOverviewResponse> {
    if (!hasRoleIn(actor, EMPLOYER_ROLES, { organisationId })) {
      throw new NotFound('organisation');
    }
    const systems = await this.systems.all(actor, organisationId);
    const summaries = (await this.cases.visibleSummaries(actor, {})).filter(
      (c) => c.organisationId === organisationId,
    );
    const cases = new Map<string, RegisterCaseResponse[]>();
    for (const c of summaries) {
      const gate = await this.cases.goLiveGate(actor, c.id);
      const row = {
        id: c.id,
        title: c.title,
        status: c.status,
        stage: c.stage,
        blocked: c.blocked,
        updatedAt: c.updatedAt,
        goLiveGate: gate
          ? { open: gate.open, unmet: gate.conditions.filter((g) => !g.met).map((g) => g.key) }
          : null,
      };
      cases.set(c.aiSystemId, [...(cases.get(c.aiSystemId) ?? []), row]);
    }
    const rows = systems.map((s) => {
      // Lists come most recently updated first.
      const own = cases.get(s.id) ?? [];
      return {
        id: s.id,
        name: s.name,
        vendor: s.vendor,
        primaryPurpose: s.primaryPurpose,
        status: s.status,
        goLiveDate: s.goLiveDate,
        currentCase: own[0] ?? null,
        cases: own,
      };
    });
    return {
      organisationId,
      totals: {
        systems: rows.length,
        systemsWithoutCase: rows.filter((s) => s.cases.length === 0).length,
        liveWithoutOpenGate: rows.filter(
          (s) => s.status === 'live' && s.currentCase?.goLiveGate?.open !== true,
        ).length,
        blockedCases: summaries.filter((c) => c.blocked).length,
      },
      casesByStage: countBy(summaries, (c) => c.stage),
      systems: rows,
    };
  }

  private today(): string {
    return toAmsterdamDate(this.clock.now());
  }
}

function digestOf(c: CaseSummaryResponse): CaseDigest {
  return {
    id: c.id,
    title: c.title,
    organisationId: c.organisationId,
    worksCouncilId: c.worksCouncilId,
    aiSystemId: c.aiSystemId,
    status: c.status,
    stage: c.stage,
    blocked: c.blocked,
    purpose: null,
    annexIII: null,
    deadlines: [],
    tracks: [],
  };
}

function namedDeadline(d: DeadlineItem, names: CouncilNames): DeadlineItemResponse {
  return {
    ...d,
    organisationName: names.organisations.get(d.organisationId) ?? '',
    worksCouncilName: names.worksCouncils.get(d.worksCouncilId)?.name ?? '',
  };
}

/** The first of one case's open deadlines (earliest first) not yet past. */
function nextOf<T extends DeadlineItem>(deadlines: readonly T[], today: string): T | null {
  return deadlines.find((d) => d.strictDate >= today) ?? null;
}

/** The first DASHBOARD_LIST_LIMIT items of a list already in its order. */
function firstOf<T>(items: readonly T[]): T[] {
  return items.slice(0, DASHBOARD_LIST_LIMIT);
}
