import { Injectable } from '@nestjs/common';

import { AiSystemsService } from '@wc/ai-systems';
import { type Actor } from '@wc/auth';
import { CaseService, type CaseSummaryResponse } from '@wc/cases';
import { CommitmentService } from '@wc/commitments';
import { Clock, groupBy } from '@wc/core';
import { type CouncilNames, OrganisationDirectoryService } from '@wc/councils';
import { DeadlinesService, toAmsterdamDate } from '@wc/deadlines';
import { coveringScope, type UnionShareScope, UnionsService } from '@wc/unions';

import { type CsvValue, toCsv } from './domain/csv';
import {
  aiSystemFigures,
  type CaseDigest,
  countBy,
  type DeadlineItem,
  durationFigures,
  NOT_SHARED,
  openDeadlines,
  procedureDaysOf,
  splitDeadlines,
  UNKNOWN,
} from './domain/figures';
import type {
  CaseRefResponse,
  DeadlineItemResponse,
  UnionDashboardCaseResponse,
  UnionDashboardQueryDto,
  UnionDashboardResponse,
} from './dto/overviews.dto';
import { DASHBOARD_LIST_LIMIT } from './overviews.service';

const DEFAULT_HORIZON_DAYS = 28;

type SharedDigest = CaseDigest & { scope: UnionShareScope };

/**
 * The union officer's dashboard and its CSV (issue #8): every organisation that shares cases with
 * the union, at the scope of its shares, so it never tells more than the case routes do.
 */
@Injectable()
export class UnionDashboardService {
  constructor(
    private readonly cases: CaseService,
    private readonly unions: UnionsService,
    private readonly systems: AiSystemsService,
    private readonly deadlines: DeadlinesService,
    private readonly organisations: OrganisationDirectoryService,
    private readonly commitments: CommitmentService,
    private readonly clock: Clock,
  ) {}

  /**
   * A union officer's view across every organisation that shares cases with their union. The
   * figures count every shared case; each list holds the first DASHBOARD_LIST_LIMIT items, most
   * urgent or most recent first (the CSV export has every case).
   */
  async dashboard(
    actor: Actor,
    unionOrganisationId: string,
    query: UnionDashboardQueryDto,
  ): Promise<UnionDashboardResponse> {
    const view = await this.unionView(actor, unionOrganisationId, query);
    const { digests, names, today, overdue, upcoming } = view;
    const blocked = digests.filter((d) => d.blocked);
    return {
      unionOrganisationId,
      today,
      listLimit: DASHBOARD_LIST_LIMIT,
      filters: {
        organisationId: query.organisationId ?? null,
        worksCouncilId: query.worksCouncilId ?? null,
        stage: query.stage ?? null,
        horizonDays: view.horizonDays,
      },
      totals: {
        cases: digests.length,
        organisations: new Set(digests.map((d) => d.organisationId)).size,
        blocked: blocked.length,
        overdueDeadlines: overdue.length,
        upcomingDeadlines: upcoming.length,
      },
      casesByStage: countBy(digests, (d) => d.stage),
      casesByOrganisation: countBy(digests, (d) => d.organisationId).map((c) => ({
        ...c,
        name: names.organisations.get(c.key) ?? '',
      })),
      deadlines: {
        overdue: firstOf(overdue).map((d) => namedDeadline(d, names)),
        upcoming: firstOf(upcoming).map((d) => namedDeadline(d, names)),
      },
      aiSystems: aiSystemFigures(digests),
      blockedCases: firstOf(blocked).map((d) => caseRef(d, names)),
      medianDurations: {
        advice: durationFigures(digests, 'advice'),
        consent: durationFigures(digests, 'consent'),
      },
      cases: await this.unionCaseRows(actor, view, firstOf(digests)),
    };
  }

  /** One row per case of the union dashboard, with the same filters: every case, not the first page. */
  async csv(
    actor: Actor,
    unionOrganisationId: string,
    query: UnionDashboardQueryDto,
  ): Promise<string> {
    const view = await this.unionView(actor, unionOrganisationId, query);
    const cases = await this.unionCaseRows(actor, view, view.digests);
    return toCsv(
      [
        'organisation_id',
        'organisation_name',
        'works_council_id',
        'works_council_name',
        'case_id',
        'title',
        'scope',
        'stage',
        'status',
        'blocked',
        'purpose',
        'annex_iii',
        'next_deadline_rule',
        'next_deadline_date',
        'overdue_deadlines',
        'advice_days',
        'consent_days',
      ],
      cases.map((c): CsvValue[] => [
        c.organisationId,
        c.organisationName,
        c.worksCouncilId,
        c.worksCouncilName,
        c.id,
        c.title,
        c.scope,
        c.stage,
        c.status,
        c.blocked,
        c.purpose,
        c.annexIII,
        c.nextDeadline?.ruleId,
        c.nextDeadline?.strictDate,
        c.overdueDeadlines,
        c.adviceDays,
        c.consentDays,
      ]),
    );
  }

  /** What the union dashboard and its CSV are computed from: the shared cases and their terms. */
  private async unionView(
    actor: Actor,
    unionOrganisationId: string,
    query: UnionDashboardQueryDto,
  ) {
    const digests = await this.unionDigests(actor, unionOrganisationId, query);
    // Names of the shared cases' councils and employers only: never of an organisation that does not share with this union.
    const names = await this.organisations.councilNames(digests.map((d) => d.worksCouncilId));
    const today = this.today();
    const horizonDays = query.horizonDays ?? DEFAULT_HORIZON_DAYS;
    const deadlines = openDeadlines(digests, today);
    const { overdue, upcoming } = splitDeadlines(deadlines, today, horizonDays);
    // Per case once: ten thousand rows each look among their own terms, not among all of them.
    const deadlinesOf = groupBy(deadlines, (d) => d.caseId);
    return { digests, names, today, horizonDays, overdue, upcoming, deadlinesOf };
  }

  private async unionCaseRows(
    actor: Actor,
    view: Awaited<ReturnType<UnionDashboardService['unionView']>>,
    digests: readonly SharedDigest[],
  ): Promise<UnionDashboardCaseResponse[]> {
    const commitments = await this.commitments.countsOf(
      actor,
      digests.map((d) => d.id),
    );
    return digests.map((d) => ({
      ...unionCaseRow(d, view.deadlinesOf.get(d.id) ?? [], view.today, view.names),
      commitments: commitments.get(d.id) ?? { open: 0, met: 0, broken: 0, waived: 0 },
    }));
  }

  /**
   * The union's shared cases at this union's scope, filtered, most recently updated first, in a
   * constant number of statements whatever the number of cases.
   */
  private async unionDigests(
    actor: Actor,
    unionOrganisationId: string,
    query: UnionDashboardQueryDto,
  ): Promise<SharedDigest[]> {
    // Grouped by council once: thousands of cases each look among their own council's shares.
    const sharesOf = groupBy(
      await this.unions.activeSharesOf(actor, unionOrganisationId),
      (s) => s.worksCouncilId,
    );
    const shared = (
      await this.cases.visibleDigests(actor, {
        stage: query.stage,
        worksCouncilId: query.worksCouncilId,
      })
    ).flatMap((full) => {
      // An officer of several unions sees each union's shares on its own dashboard.
      const scope = coveringScope(sharesOf.get(full.worksCouncilId) ?? [], full);
      return scope && (!query.organisationId || full.organisationId === query.organisationId)
        ? [{ full, scope }]
        : [];
    });
    const open = groupBy(
      await this.deadlines.openForCases(shared.map((s) => s.full.id)),
      (d) => d.caseId ?? '',
    );
    const purposes = await this.systems.primaryPurposes(
      shared.filter((s) => s.scope === 'dossier').map((s) => s.full.aiSystemId),
    );
    return shared.map(({ full, scope }) => ({
      ...digestOf(full),
      scope,
      purpose: scope === 'dossier' ? (purposes.get(full.aiSystemId) ?? UNKNOWN) : null,
      annexIII: scope === 'dossier' ? (full.annexIIIPoint4 ?? UNKNOWN) : null,
      deadlines: open.get(full.id) ?? [],
      tracks: full.tracks,
    }));
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

function caseRef(d: CaseDigest, names: CouncilNames): CaseRefResponse {
  return {
    id: d.id,
    title: d.title,
    organisationId: d.organisationId,
    organisationName: names.organisations.get(d.organisationId) ?? '',
    worksCouncilId: d.worksCouncilId,
    worksCouncilName: names.worksCouncils.get(d.worksCouncilId)?.name ?? '',
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

/** One row of the union dashboard's case table; `deadlines`: this case's own, earliest first. */
function unionCaseRow(
  d: SharedDigest,
  deadlines: readonly DeadlineItem[],
  today: string,
  names: CouncilNames,
): Omit<UnionDashboardCaseResponse, 'commitments'> {
  const next = nextOf(deadlines, today);
  return {
    ...caseRef(d, names),
    scope: d.scope,
    stage: d.stage,
    status: d.status,
    blocked: d.blocked,
    purpose: d.purpose ?? NOT_SHARED,
    annexIII: d.annexIII ?? NOT_SHARED,
    nextDeadline: next && namedDeadline(next, names),
    overdueDeadlines: deadlines.filter((x) => x.strictDate < today).length,
    adviceDays: procedureDaysOf(d, 'advice'),
    consentDays: procedureDaysOf(d, 'consent'),
  };
}

/** The first DASHBOARD_LIST_LIMIT items of a list already in its order. */
function firstOf<T>(items: readonly T[]): T[] {
  return items.slice(0, DASHBOARD_LIST_LIMIT);
}
