import { Injectable } from '@nestjs/common';

import { AiSystemsService } from '@wc/ai-systems';
import { type Actor, EMPLOYER_ROLES, hasRoleIn } from '@wc/auth';
import { CaseService } from '@wc/cases';
import { NotFound } from '@wc/core';

import { countBy } from './domain/figures';
import type { EmployerOverviewResponse, RegisterCaseResponse } from './dto/overviews.dto';

/**
 * The employer's overview (issue #8), computed from what the case policy already shows the caller
 * through `CaseService`. The council's and the union's dashboards have services of their own.
 */
@Injectable()
export class OverviewsService {
  constructor(
    private readonly cases: CaseService,
    private readonly systems: AiSystemsService,
  ) {}

  /** The employer's AI register with the state of each system's cases and go-live gates. */
  async employerOverview(actor: Actor, organisationId: string): Promise<EmployerOverviewResponse> {
    if (!hasRoleIn(actor, EMPLOYER_ROLES, { organisationId })) {
      throw new NotFound('organisation');
    }
    const systems = await this.systems.all(actor, organisationId);
    const summaries = (await this.cases.visibleSummaries(actor, {})).filter(
      (c) => c.organisationId === organisationId,
    );
    // One set read for all the gates: asked case by case, each cost five statements more.
    const gates = await this.cases.goLiveGatesOf(
      actor,
      summaries.map((c) => c.id),
    );
    const cases = new Map<string, RegisterCaseResponse[]>();
    for (const c of summaries) {
      const gate = gates.get(c.id) ?? null;
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
}
