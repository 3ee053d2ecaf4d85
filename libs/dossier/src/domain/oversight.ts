import type { FieldProblem } from '@wc/core';

/** What an overseer may do to the system: override or correct an output, stop it, or both (AI Act 14(4)(d)-(e)). */
export type OverseerAuthority = 'override' | 'stop' | 'both';
export const OVERSEER_AUTHORITIES: readonly OverseerAuthority[] = ['override', 'stop', 'both'];

/** No single right model of oversight (004 l.1557, l.216). */
export type OversightModel =
  | 'single_reviewer'
  | 'multiple_reviewers'
  | 'combined_with_other_information'
  | 'documented_no_human_value';
export const OVERSIGHT_MODELS: readonly OversightModel[] = [
  'single_reviewer',
  'multiple_reviewers',
  'combined_with_other_information',
  'documented_no_human_value',
];

export interface Person {
  readonly userId?: string;
  readonly name: string;
}

export interface Overseer extends Person {
  readonly role: string;
  readonly authority: OverseerAuthority;
  /** The knowledge and training this person still needs (004 l.1559-1569). */
  readonly trainingRequired?: string;
  readonly hoursPerWeek: number;
}

export interface ComplaintProcedure {
  /** A human contact for affected staff (GDPR 22(3), 004 l.1573). */
  readonly contact: string;
  /** How an affected person gets an explanation of the outcome (AI Act 86, 004 l.2007). */
  readonly explanation: string;
}

export interface OversightContent {
  readonly appliesTo: string;
  readonly oversightModel: OversightModel | null;
  readonly overseers: readonly Overseer[];
  /** What overseers must understand: how the system works, its limits, the data, domain knowledge. */
  readonly knowledgeAndTraining: string;
  readonly escalationPath: string;
  readonly complaintProcedure: ComplaintProcedure;
  /** How overseers can report unwanted developments without negative consequences (004 l.1571). */
  readonly protection: string;
  readonly logRetentionMonths: number;
  readonly reviewDate: string;
}

// AI Act 26(6): logs kept at least six months [E9]
export const MIN_LOG_RETENTION_MONTHS = 6;

/** Legal limits the arrangement must respect; field problems for a 422. */
export function oversightProblems(content: OversightContent): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (content.logRetentionMonths < MIN_LOG_RETENTION_MONTHS) {
    problems.push({
      path: 'logRetentionMonths',
      message: `must be at least ${MIN_LOG_RETENTION_MONTHS} months (AI Act art. 26(6))`,
    });
  }
  return problems;
}

export type OversightGap =
  | 'overseers'
  | 'stop_authority'
  | 'knowledge_and_training'
  | 'escalation_path'
  | 'complaint_contact'
  | 'complaint_explanation';

/** What the arrangement still lacks to count as complete. */
export function oversightGaps(content: OversightContent): OversightGap[] {
  const blank = (s: string) => s.trim() === '';
  const gaps: OversightGap[] = [];
  if (content.overseers.length === 0) {
    gaps.push('overseers');
  } else if (!content.overseers.some((o) => o.authority !== 'override')) {
    // AI Act 14(4)(e): someone can interrupt the system ("stop button") [E5]
    gaps.push('stop_authority');
  }
  if (blank(content.knowledgeAndTraining)) {
    gaps.push('knowledge_and_training');
  }
  if (blank(content.escalationPath)) {
    gaps.push('escalation_path');
  }
  if (blank(content.complaintProcedure.contact)) {
    gaps.push('complaint_contact');
  }
  if (blank(content.complaintProcedure.explanation)) {
    gaps.push('complaint_explanation');
  }
  return gaps;
}
