import type { TriageOutcome } from './domain';

/**
 * Injection token for what the case dossier (`@wc/dossier`) tells the case engine. The dossier
 * lib depends on this one, so cases cannot import it; the dossier provides this token from a
 * global module instead, and the case service takes it as optional (no dossier installed: the
 * manual oversight confirmation and the written request contents are all there is).
 */
export const CASE_DOSSIER_FACTS = Symbol('CASE_DOSSIER_FACTS');

export interface CaseDossierFactsView {
  /** From the oversight arrangement and training plan; undefined when no arrangement exists. */
  readonly oversight?: { readonly staffNamed: boolean; readonly trained: boolean };
  /** Dossier items the advice and consent requests still miss, e.g. `dossier:assessment_submitted`. */
  readonly missingForRequest: readonly string[];
}

export interface CaseDossierFacts {
  /** Runs inside the caller's transaction; `triage` decides which dossier items apply. */
  factsFor(caseId: string, triage: TriageOutcome): Promise<CaseDossierFactsView>;
  /**
   * `factsFor` for each of these cases, keyed by case id, in a constant number of statements:
   * lists of gates (the register, the employer's overview) would otherwise ask once per case.
   */
  factsForCases(
    cases: ReadonlyArray<{ caseId: string; triage: TriageOutcome }>,
  ): Promise<Map<string, CaseDossierFactsView>>;
}
