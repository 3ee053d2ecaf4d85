import type { AssessmentContent } from './assessment';
import { DIMENSIONS, DPIA_ITEMS, FRIA_ITEMS, QUESTIONS } from './questionnaire';

export type ChangeKind = 'added' | 'removed' | 'changed';

/**
 * One difference between two versions, at a stable path: `answers.A1.effect`,
 * `dimensions.D.rating`, `risks.<riskId>.severity`, `dpia.description`, `fria.processes`.
 */
export interface AssessmentChange {
  readonly path: string;
  readonly kind: ChangeKind;
  readonly before?: string | number;
  readonly after?: string | number;
}

type Leaf = string | number;

const ANSWER_FIELDS = [
  'answer',
  'basis',
  'evidenceType',
  'effect',
  'likelihood',
  'affectedGroup',
  'mitigation',
] as const;
const DIMENSION_FIELDS = ['rating', 'mitigations'] as const;
const RISK_FIELDS = [
  'risk',
  'affectedGroup',
  'likelihood',
  'severity',
  'mitigation',
  'owner',
] as const;

/**
 * The content as ordered leaves. The order is the questionnaire's, not the stored JSON's:
 * PostgreSQL's jsonb does not keep key order, and a diff must read the same every time.
 */
function leaves(content: AssessmentContent): Array<[string, Leaf]> {
  const out: Array<[string, Leaf]> = [];
  const push = (path: string, value: unknown) => {
    if (typeof value === 'string' || typeof value === 'number') {
      out.push([path, value]);
    }
  };
  for (const q of QUESTIONS) {
    const answer = content.answers[q.id];
    for (const field of ANSWER_FIELDS) {
      push(`answers.${q.id}.${field}`, answer?.[field]);
    }
  }
  for (const d of DIMENSIONS) {
    const rating = content.dimensions[d.key];
    for (const field of DIMENSION_FIELDS) {
      push(`dimensions.${d.key}.${field}`, rating?.[field]);
    }
  }
  for (const risk of content.risks) {
    for (const field of RISK_FIELDS) {
      push(`risks.${risk.id}.${field}`, risk[field]);
    }
  }
  for (const item of DPIA_ITEMS) {
    push(`dpia.${item.field}`, content.dpia?.[item.field]);
  }
  for (const item of FRIA_ITEMS) {
    push(`fria.${item.field}`, content.fria?.[item.field]);
  }
  return out;
}

/**
 * What changed from `from` (the previous version, or null for the first) to `to`: changed and
 * added leaves in the order of `to`, then removed ones in the order of `from`. Risks are matched
 * by their id, so reordering the register is no change.
 */
export function diffAssessments(
  from: AssessmentContent | null,
  to: AssessmentContent,
): AssessmentChange[] {
  const before = new Map(from ? leaves(from) : []);
  const afterLeaves = leaves(to);
  const after = new Map(afterLeaves);
  const changes: AssessmentChange[] = [];
  for (const [path, value] of afterLeaves) {
    if (!before.has(path)) {
      changes.push({ path, kind: 'added', after: value });
    } else if (before.get(path) !== value) {
      changes.push({ path, kind: 'changed', before: before.get(path), after: value });
    }
  }
  for (const [path, value] of before) {
    if (!after.has(path)) {
      changes.push({ path, kind: 'removed', before: value });
    }
  }
  return changes;
}
