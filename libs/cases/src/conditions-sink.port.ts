/**
 * Injection token for where a conditional advice or consent's conditions go (issue #19: they
 * become commitments in `@wc/commitments`). That lib depends on this one, so it provides the
 * token from a global module; the track service takes it as optional and calls it inside its
 * transaction, right after the position is recorded.
 */
export const CASE_CONDITIONS_SINK = Symbol('CASE_CONDITIONS_SINK');

export interface RecordedConditions {
  readonly caseId: string;
  readonly organisationId: string;
  readonly worksCouncilId: string;
  readonly track: 'advice' | 'consent';
  readonly conditions: readonly string[];
  readonly recordedBy: string;
}

export interface CaseConditionsSink {
  conditionsRecorded(recorded: RecordedConditions): Promise<void>;
}
