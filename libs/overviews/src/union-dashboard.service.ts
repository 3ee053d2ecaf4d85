import { Injectable } from '@nestjs/common';

import {
  type UnionViewCase,
  type UnionViewCursor,
  UnionViewDirectory,
  type UnionViewFilter,
} from '@wc/access';
import { type Actor, hasRoleIn, Role } from '@wc/auth';
import { CommitmentService } from '@wc/commitments';
import { Clock, NotFound } from '@wc/core';
import { toAmsterdamDate } from '@wc/deadlines';

import { csvRows, type CsvValue } from './domain/csv';
import { addDays, DASHBOARD_LIST_LIMIT } from './domain/figures';
import type {
  UnionDashboardCaseResponse,
  UnionDashboardQueryDto,
  UnionDashboardResponse,
} from './dto/overviews.dto';

const DEFAULT_HORIZON_DAYS = 28;
/** Rows of the CSV read per statement: every case, without holding them all at once. */
const CSV_PAGE = 1_000;

const CSV_HEADER = [
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
];

/**
 * The union officer's dashboard and its CSV (issue #8): every organisation that shares cases with
 * the union, at the scope of its shares (`UnionViewDirectory`), so it never tells more than the
 * case routes do. The figures are added up in PostgreSQL and only the listed rows leave it (issue
 * #13): a constant number of statements, and of rows, whatever the number of shared cases.
 */
@Injectable()
export class UnionDashboardService {
  constructor(
    private readonly view: UnionViewDirectory,
    private readonly commitments: CommitmentService,
    private readonly clock: Clock,
  ) {}

  /** The figures count every shared case; each list holds the first DASHBOARD_LIST_LIMIT, most urgent or most recent first. */
  async dashboard(
    actor: Actor,
    unionOrganisationId: string,
    query: UnionDashboardQueryDto,
  ): Promise<UnionDashboardResponse> {
    assertOfficer(actor, unionOrganisationId);
    const today = this.today();
    const horizonDays = query.horizonDays ?? DEFAULT_HORIZON_DAYS;
    const filter = filterOf(query);
    const figures = await this.view.figures(
      unionOrganisationId,
      filter,
      { today, horizon: addDays(today, horizonDays) },
      DASHBOARD_LIST_LIMIT,
    );
    const rows = await this.view.cases(
      unionOrganisationId,
      filter,
      today,
      null,
      DASHBOARD_LIST_LIMIT,
    );
    return {
      unionOrganisationId,
      today,
      listLimit: DASHBOARD_LIST_LIMIT,
      filters: {
        organisationId: query.organisationId ?? null,
        worksCouncilId: query.worksCouncilId ?? null,
        stage: query.stage ?? null,
        horizonDays,
      },
      totals: {
        cases: figures.cases,
        organisations: figures.organisations,
        blocked: figures.blocked,
        overdueDeadlines: figures.overdue,
        upcomingDeadlines: figures.upcoming,
      },
      casesByStage: figures.byStage,
      casesByOrganisation: figures.byOrganisation,
      deadlines: { overdue: figures.overdueDeadlines, upcoming: figures.upcomingDeadlines },
      aiSystems: figures.systems,
      blockedCases: figures.blockedCases,
      medianDurations: figures.durations,
      cases: await this.withCommitments(actor, rows),
    };
  }

  /** One row per case of the union dashboard, with the same filters: every case, read page by page. */
  async csv(
    actor: Actor,
    unionOrganisationId: string,
    query: UnionDashboardQueryDto,
  ): Promise<string> {
    assertOfficer(actor, unionOrganisationId);
    const today = this.today();
    const filter = filterOf(query);
    const parts = [csvRows([CSV_HEADER])];
    let after: UnionViewCursor | null = null;
    for (;;) {
      const page = await this.view.cases(unionOrganisationId, filter, today, after, CSV_PAGE);
      parts.push(csvRows(page.map(csvRowOf)));
      if (page.length < CSV_PAGE) {
        return parts.join('');
      }
      const last = page[page.length - 1];
      after = { sortKey: last.sortKey, id: last.id };
    }
  }

  /** Where the listed cases' conditions stand as commitments (issue #19), counted for these rows only. */
  private async withCommitments(
    actor: Actor,
    rows: readonly UnionViewCase[],
  ): Promise<UnionDashboardCaseResponse[]> {
    const counts = await this.commitments.countsOf(
      actor,
      rows.map((r) => r.id),
    );
    return rows.map(({ sortKey: _sortKey, ...row }) => ({
      ...row,
      commitments: counts.get(row.id) ?? { open: 0, met: 0, broken: 0, waived: 0 },
    }));
  }

  private today(): string {
    return toAmsterdamDate(this.clock.now());
  }
}

/** Only the union's own officers see its dashboard; anyone else learns nothing of it. */
function assertOfficer(actor: Actor, unionOrganisationId: string): void {
  if (!hasRoleIn(actor, [Role.UnionOfficer], { organisationId: unionOrganisationId })) {
    throw new NotFound('union');
  }
}

function filterOf(query: UnionDashboardQueryDto): UnionViewFilter {
  return {
    organisationId: query.organisationId,
    worksCouncilId: query.worksCouncilId,
    stage: query.stage,
  };
}

function csvRowOf(c: UnionViewCase): CsvValue[] {
  return [
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
  ];
}
