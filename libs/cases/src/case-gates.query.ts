import { Inject, Injectable, Optional } from '@nestjs/common';

import type { AiSystemCaseGates, AiSystemCaseGateView } from '@wc/ai-systems';
import { groupBy } from '@wc/core';

import type { AiCaseEntity } from './ai-case.entity';
import { CaseRepository } from './case.repository';
import { evaluateGoLiveGate, type GoLiveGate, type TrackSnapshot } from './domain';
import {
  CASE_DOSSIER_FACTS,
  type CaseDossierFacts,
  type CaseDossierFactsView,
} from './dossier-facts.port';

/**
 * The go-live gate of a case, for the case service and (through `@wc/ai-systems`' port) for the
 * AI register. It reads the case's own tables and the dossier port only, never the register, so
 * the register can ask it without a cycle.
 */
@Injectable()
export class CaseGateQuery implements AiSystemCaseGates {
  constructor(
    private readonly cases: CaseRepository,
    @Optional() @Inject(CASE_DOSSIER_FACTS) private readonly dossier?: CaseDossierFacts,
  ) {}

  /**
   * The gates of these cases as they stand, keyed by case id (null before the first triage): the
   * tracks of all of them in one statement and their dossier facts in one call, whatever their
   * number. The caller decided who may see them.
   */
  async gatesOf(cases: readonly AiCaseEntity[]): Promise<Map<string, GoLiveGate | null>> {
    const tracks = groupBy(await this.cases.tracksOfCases(cases.map((c) => c.id)), (t) => t.caseId);
    const triaged = cases.flatMap((c) =>
      c.triage ? [{ caseId: c.id, triage: c.triage.outcome }] : [],
    );
    const facts =
      this.dossier && triaged.length > 0
        ? await this.dossier.factsForCases(triaged)
        : new Map<string, CaseDossierFactsView>();
    return new Map(
      cases.map((c) => [
        c.id,
        gateOfCase(
          c,
          (tracks.get(c.id) ?? []).map((t) => t.snapshot),
          facts.get(c.id),
        ),
      ]),
    );
  }

  async gatesFor(aiSystemId: string): Promise<AiSystemCaseGateView[]> {
    const cases = await this.cases.casesOfSystem(aiSystemId);
    const gates = await this.gatesOf(cases);
    return cases.map((aiCase) => {
      const gate = gates.get(aiCase.id) ?? null;
      // Without a triage nobody knows yet which rights apply: the gate cannot be open.
      const openConditions = gate
        ? gate.conditions.filter((c) => !c.met).map((c) => ({ key: c.key, reason: c.reason }))
        : [{ key: 'triage', reason: 'The case has no triage yet.' }];
      return {
        caseId: aiCase.id,
        organisationId: aiCase.organisationId,
        worksCouncilId: aiCase.worksCouncilId,
        open: gate?.open ?? false,
        openConditions,
      };
    });
  }
}

/** The gate of a case from its tracks and dossier facts; null before the first triage. */
export function gateOfCase(
  aiCase: AiCaseEntity,
  tracks: readonly TrackSnapshot[],
  dossier: CaseDossierFactsView | undefined,
): GoLiveGate | null {
  return aiCase.triage
    ? evaluateGoLiveGate({
        triage: aiCase.triage.outcome,
        tracks,
        oversight: oversightOf(aiCase, dossier),
      })
    : null;
}

/** The dossier's oversight arrangement when there is one, else the manual confirmation. */
export function oversightOf(
  aiCase: AiCaseEntity,
  dossier: CaseDossierFactsView | undefined,
):
  | {
      staffNamed: boolean;
      trained: boolean;
      source: 'oversight_dossier' | 'manual_confirmation';
      confirmedOn?: string;
    }
  | undefined {
  if (dossier?.oversight) {
    return {
      staffNamed: dossier.oversight.staffNamed,
      trained: dossier.oversight.trained,
      source: 'oversight_dossier',
    };
  }
  const o = aiCase.gateFacts.oversight;
  return o
    ? {
        staffNamed: o.staffNamed,
        trained: o.trained,
        source: 'manual_confirmation',
        confirmedOn: o.confirmedOn,
      }
    : undefined;
}
