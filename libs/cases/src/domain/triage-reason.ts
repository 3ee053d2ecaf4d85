/** One legal reading of a triage outcome, with the sources it rests on. */
export interface Reason {
  readonly code: string;
  readonly text: string;
  /** Rule and source ids from legal-rules.md (e.g. `['W1', 'S1']`) or an article / gazette reference. */
  readonly sources: readonly string[];
}
