import { Injectable } from '@nestjs/common';

import { type PendingModule, pendingModulesOf } from './domain';
import { completionOf, planContentOf } from './dossier-facts.service';
import { OversightRepository } from './oversight.repository';
import { TrainingRepository } from './training.repository';

/** One case the person sees, and whether they sit on its council (council members' modules). */
export interface TrainingDutyCase {
  readonly caseId: string;
  readonly onCouncil: boolean;
}

export interface TrainingDuty extends PendingModule {
  readonly caseId: string;
}

/**
 * The training a person must still complete across their cases (issue #16, the personal agenda).
 * The caller passes only cases the person may see (`@wc/access` decided that); three reads in all.
 */
@Injectable()
export class TrainingDutiesQuery {
  constructor(
    private readonly training: TrainingRepository,
    private readonly oversight: OversightRepository,
  ) {}

  async pendingFor(userId: string, cases: readonly TrainingDutyCase[]): Promise<TrainingDuty[]> {
    const { plans, completions } = await this.training.plansAndCompletionsOf(
      cases.map((c) => c.caseId),
    );
    const arrangements = await this.oversight.arrangementsOf(plans.map((p) => p.caseId));
    const onCouncil = new Map(cases.map((c) => [c.caseId, c.onCouncil]));
    return plans.flatMap((plan) =>
      pendingModulesOf(
        userId,
        planContentOf(plan),
        completions.filter((c) => c.caseId === plan.caseId).map(completionOf),
        arrangements.find((a) => a.caseId === plan.caseId)?.overseers ?? null,
        onCouncil.get(plan.caseId) ?? false,
      ).map((m) => ({ ...m, caseId: plan.caseId })),
    );
  }
}
