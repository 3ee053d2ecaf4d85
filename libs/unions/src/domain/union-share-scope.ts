/**
 * What a share shows a union's officers (issue #8): `status` is the case's status, its tracks'
 * stages and its deadlines; `dossier` adds the non-confidential dossier (contents, triage, tracks,
 * go-live gate, information requests). Neither ever shows art. 20 confidential items, the
 * council-internal space, the audit trail or the employer's drafts.
 */
export type UnionShareScope = 'status' | 'dossier';

export const UNION_SHARE_SCOPES: readonly UnionShareScope[] = ['status', 'dossier'];

export interface ActiveShareFacts {
  worksCouncilId: string;
  /** Null: all cases of the council. */
  caseId: string | null;
  scope: UnionShareScope;
}

/** The broadest scope among the active shares that cover a case, or null when none does. */
export function coveringScope(
  shares: readonly ActiveShareFacts[],
  aiCase: { id: string; worksCouncilId: string },
): UnionShareScope | null {
  const covering = shares.filter(
    (s) =>
      s.worksCouncilId === aiCase.worksCouncilId && (s.caseId === null || s.caseId === aiCase.id),
  );
  if (covering.length === 0) {
    return null;
  }
  return covering.some((s) => s.scope === 'dossier') ? 'dossier' : 'status';
}
