import { Injectable } from '@nestjs/common';

import type { CaseDossierFacts, CaseDossierFactsView, TriageOutcome } from '@wc/cases';

import { AssessmentRepository } from './assessment.repository';
import { DossierStateRepository } from './dossier-state.repository';
import {
  allOverseersTrained,
  type Completion,
  type DossierState,
  dossierChecklist,
  dossierRequirements,
  missingForRequest,
  type OversightContent,
  type TrainingPlanContent,
} from './domain';
import type { OversightArrangementEntity } from './oversight-arrangement.entity';
import { OversightRepository } from './oversight.repository';
import type { TrainingCompletionEntity } from './training-completion.entity';
import type { TrainingPlanEntity } from './training-plan.entity';
import { TrainingRepository } from './training.repository';

export interface LoadedDossier extends DossierState {
  readonly arrangement: OversightArrangementEntity | null;
  readonly planEntity: TrainingPlanEntity | null;
  readonly completions: readonly Completion[];
  readonly completionRows: readonly TrainingCompletionEntity[];
}

export function oversightContentOf(a: OversightArrangementEntity): OversightContent {
  return {
    appliesTo: a.appliesTo,
    oversightModel: a.oversightModel,
    overseers: a.overseers,
    knowledgeAndTraining: a.knowledgeAndTraining,
    escalationPath: a.escalationPath,
    complaintProcedure: a.complaintProcedure,
    protection: a.protection,
    logRetentionMonths: a.logRetentionMonths,
    reviewDate: a.reviewDate,
  };
}

export function planContentOf(p: TrainingPlanEntity): TrainingPlanContent {
  return { audiences: p.audiences, modules: p.modules };
}

export function completionOf(c: TrainingCompletionEntity): Completion {
  return {
    moduleKey: c.moduleKey,
    name: c.personName,
    completedOn: c.completedOn,
    ...(c.personUserId ? { userId: c.personUserId } : {}),
  };
}

/**
 * Reads the dossier as the checklist and the go-live gate need it. No dependency on the case
 * service: `@wc/cases` calls this through its `CASE_DOSSIER_FACTS` port, inside its transaction.
 */
@Injectable()
export class DossierFactsService implements CaseDossierFacts {
  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly oversight: OversightRepository,
    private readonly training: TrainingRepository,
    private readonly state: DossierStateRepository,
  ) {}

  async load(caseId: string): Promise<LoadedDossier> {
    // One after the other: inside the caller's transaction they share a single connection.
    const latest = await this.assessments.latestVersion(caseId);
    const arrangement = await this.oversight.arrangementOf(caseId);
    const planEntity = await this.training.planOf(caseId);
    const completionRows = await this.training.completions(caseId);
    const plan = planEntity ? planContentOf(planEntity) : null;
    const completions = completionRows.map(completionOf);
    return {
      latestVersion: latest ? { seq: latest.seq, content: latest.content } : null,
      oversight: arrangement ? oversightContentOf(arrangement) : null,
      plan,
      overseersTrained: arrangement
        ? allOverseersTrained(plan, completions, arrangement.overseers)
        : false,
      arrangement,
      planEntity,
      completions,
      completionRows,
    };
  }

  async factsFor(caseId: string, triage: TriageOutcome): Promise<CaseDossierFactsView> {
    return factsOf(await this.state.stateOf(caseId), triage);
  }

  async factsForCases(
    cases: ReadonlyArray<{ caseId: string; triage: TriageOutcome }>,
  ): Promise<Map<string, CaseDossierFactsView>> {
    const states = await this.state.statesOf(cases.map((c) => c.caseId));
    return new Map(
      cases.flatMap(({ caseId, triage }) => {
        const dossier = states.get(caseId);
        return dossier ? [[caseId, factsOf(dossier, triage)] as const] : [];
      }),
    );
  }
}

/** What the case engine needs of a dossier, for the items the triage makes apply. */
function factsOf(dossier: DossierState, triage: TriageOutcome): CaseDossierFactsView {
  const items = dossierChecklist(dossierRequirements(triage), dossier);
  return {
    // AI Act 26(2): named overseers, every one trained on the overseers' modules [E5, E1]
    ...(dossier.oversight
      ? {
          oversight: {
            staffNamed: dossier.oversight.overseers.length > 0,
            trained: dossier.overseersTrained,
          },
        }
      : {}),
    missingForRequest: missingForRequest(items),
  };
}
