import { Injectable } from '@nestjs/common';

import { type Actor, COUNCIL_ROLES, hasRoleIn, Role } from '@wc/auth';
import { type CouncilCaseSet, CouncilCaseFiguresQuery } from '@wc/cases';
import { Clock, NotFound } from '@wc/core';
import { VoteService } from '@wc/council-space';
import { OrganisationDirectoryService } from '@wc/councils';
import { type OpenTermRow, TermFiguresQuery, toAmsterdamDate } from '@wc/deadlines';
import { MeetingsService } from '@wc/meetings';

import { addDays, DASHBOARD_LIST_LIMIT, daysBetween, weekStart } from './domain/figures';
import type {
  CouncilDashboardQueryDto,
  CouncilDashboardResponse,
  DashboardMeetingResponse,
  DeadlineItemResponse,
} from './dto/overviews.dto';

const DEFAULT_WEEKS = 6;
const COUNCIL_OWN_ROLES: readonly Role[] = COUNCIL_ROLES.filter((r) => r !== Role.ExternalExpert);

/**
 * The council's own overview (issue #8): its cases, the coming weeks' terms, open art. 31
 * requests, meetings and votes. Every figure is counted in SQL over the council's sent cases as
 * `@wc/access` shows them to the caller (issue #13), so it never tells more than the case routes
 * do, and each list reads only the DASHBOARD_LIST_LIMIT rows it shows: a constant number of
 * statements, and rows, whatever the number of cases.
 */
@Injectable()
export class CouncilDashboardService {
  constructor(
    private readonly cases: CouncilCaseFiguresQuery,
    private readonly terms: TermFiguresQuery,
    private readonly meetings: MeetingsService,
    private readonly votes: VoteService,
    private readonly organisations: OrganisationDirectoryService,
    private readonly clock: Clock,
  ) {}

  async councilDashboard(
    actor: Actor,
    worksCouncilId: string,
    query: CouncilDashboardQueryDto,
  ): Promise<CouncilDashboardResponse> {
    if (!hasRoleIn(actor, COUNCIL_OWN_ROLES, { worksCouncilId })) {
      throw new NotFound('works_council');
    }
    const now = this.clock.now();
    const today = toAmsterdamDate(now);
    const weeks = query.weeks ?? DEFAULT_WEEKS;
    const visible: CouncilCaseSet = { actor, worksCouncilId };
    const names = await this.organisations.councilNames([worksCouncilId]);
    const cases = await this.cases.councilCases(visible, DASHBOARD_LIST_LIMIT);
    const firstWeekStart = weekStart(today);
    const terms = await this.terms.ofVisibleCases(
      actor,
      { worksCouncilId, status: 'sent' },
      {
        today,
        firstWeekStart,
        weeks,
        limit: DASHBOARD_LIST_LIMIT,
        nextOf: cases.first.map((c) => c.id),
      },
    );
    // A union's 'status' share shows no art. 31 requests (issue #8).
    const requests = await this.cases.openRequests(
      { ...visible, reach: 'dossier' },
      DASHBOARD_LIST_LIMIT,
    );
    const votes = await this.votes.openVotesOfCouncil(actor, worksCouncilId, DASHBOARD_LIST_LIMIT);
    const nowIso = now.toISOString();
    const meetings = (await this.meetings.all(actor, worksCouncilId))
      .filter((m) => m.status === 'planned' && m.startsAt >= nowIso)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
    const agendaCaseIds = new Map(
      meetings.map((m) => [
        m.id,
        [...new Set(m.agendaItems.flatMap((i) => (i.caseId === null ? [] : [i.caseId])))],
      ]),
    );
    // Titles of the listed terms', votes' and agendas' cases, and only of cases the caller sees here.
    const titles = new Map(cases.first.map((c) => [c.id, c.title]));
    const listedTerms = [...terms.overdue.first, ...terms.weeks.flatMap((w) => w.first)];
    const untitled = [
      ...listedTerms.map((t) => t.caseId),
      ...votes.first.map((v) => v.caseId),
      ...[...agendaCaseIds.values()].flat(),
    ].filter((id) => !titles.has(id));
    for (const [id, title] of await this.cases.titles(visible, untitled)) {
      titles.set(id, title);
    }
    const council = names.worksCouncils.get(worksCouncilId);
    const organisationName = (council && names.organisations.get(council.organisationId)) ?? '';
    const itemOf = (t: OpenTermRow): DeadlineItemResponse => ({
      ...t,
      caseTitle: titles.get(t.caseId) ?? '',
      organisationName,
      worksCouncilName: council?.name ?? '',
      daysLeft: daysBetween(today, t.strictDate),
    });
    const upcomingMeetings: DashboardMeetingResponse[] = meetings.map((m) => {
      const caseIds = agendaCaseIds.get(m.id) ?? [];
      return {
        id: m.id,
        kind: m.kind,
        title: m.title,
        startsAt: m.startsAt,
        status: m.status,
        caseIds,
        cases: caseIds.flatMap((id) => {
          const title = titles.get(id);
          return title === undefined ? [] : [{ id, title }];
        }),
      };
    });
    return {
      worksCouncilId,
      worksCouncilName: council?.name ?? '',
      organisationId: council?.organisationId ?? '',
      organisationName,
      today,
      listLimit: DASHBOARD_LIST_LIMIT,
      totals: {
        cases: cases.total,
        blocked: cases.blocked,
        overdueDeadlines: terms.overdue.count,
        openInformationRequests: requests.total,
        upcomingMeetings: upcomingMeetings.length,
        openVotes: votes.total,
      },
      casesByStage: cases.byStage,
      cases: cases.first.map((c) => {
        const next = terms.next.get(c.id);
        return { ...c, nextDeadline: next ? itemOf(next) : null };
      }),
      deadlineTimeline: terms.weeks.map((w, i) => {
        const start = addDays(firstWeekStart, i * 7);
        return {
          weekStart: start,
          weekEnd: addDays(start, 6),
          count: w.count,
          deadlines: w.first.map(itemOf),
        };
      }),
      overdueDeadlines: terms.overdue.first.map(itemOf),
      openInformationRequests: requests.first.map((r) => ({
        ...r,
        overdue: r.dueDate < today,
      })),
      upcomingMeetings,
      openVotes: votes.first.map((v) => ({
        ...v,
        caseTitle: titles.get(v.caseId) ?? '',
      })),
    };
  }
}
