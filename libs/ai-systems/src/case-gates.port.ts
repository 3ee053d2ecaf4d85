/**
 * Injection token for what the case engine (`@wc/cases`) tells the AI register about the go-live
 * gates of a system's cases (issue #14). The case lib depends on this one, so the register cannot
 * import it; the case lib provides this token from a global module instead, and the register takes
 * it as optional (no case engine installed: no case can hold the system back).
 */
export const AI_SYSTEM_CASE_GATES = Symbol('AI_SYSTEM_CASE_GATES');

export interface AiSystemCaseGateView {
  readonly caseId: string;
  readonly organisationId: string;
  readonly worksCouncilId: string;
  readonly open: boolean;
  /** The unmet conditions (`suspension_over`, `consent_present`, …; `triage` before any triage). */
  readonly openConditions: ReadonlyArray<{ readonly key: string; readonly reason: string }>;
}

export interface AiSystemCaseGates {
  /** Runs inside the caller's transaction; one entry per case filed for the system. */
  gatesFor(aiSystemId: string): Promise<AiSystemCaseGateView[]>;
}
