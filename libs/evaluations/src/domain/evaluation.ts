import { addTerm, type CalendarDate } from '@wc/deadlines';

/** The quality-of-work effect scale of the impact assessment (seed-requirements 1.4). */
export type Rating = -2 | -1 | 0 | 1 | 2 | 'unknown';
export const RATINGS: readonly Rating[] = [-2, -1, 0, 1, 2, 'unknown'];

/** What the system must achieve (seed-requirements 1.2 q.1; 004 l.1730). */
export interface Goal {
  readonly key: string;
  readonly description: string;
  readonly target: string;
}

export type GoalOutcome = 'met' | 'partly_met' | 'not_met' | 'unknown';
export const GOAL_OUTCOMES: readonly GoalOutcome[] = ['met', 'partly_met', 'not_met', 'unknown'];

export interface GoalResult {
  readonly key: string;
  readonly outcome: GoalOutcome;
  readonly note: string;
}

/** The re-rating of one dimension after go-live. */
export interface DimensionResult {
  readonly dimension: string;
  readonly rating: Rating;
  readonly note: string;
}

/**
 * Post-go-live signals (seed-requirements 2 `correctionShare`, 4 stage 4): overseers log their
 * overrides and corrections; staff report through the council; anyone logs an unforeseen effect.
 */
export type IncidentKind = 'override' | 'correction' | 'staff_report' | 'unforeseen_effect';
export const INCIDENT_KINDS: readonly IncidentKind[] = [
  'override',
  'correction',
  'staff_report',
  'unforeseen_effect',
];

/** Default evaluation moments: 3, 6 and 12 months after go-live (seed-requirements 1.4, 004 l.1730). */
export const DEFAULT_EVALUATION_MONTHS: readonly number[] = [3, 6, 12];

/**
 * When to evaluate: an agreed interval of the council's convenant (legal-rules (c), agreed) gives
 * three evaluations at that interval; without one, the defaults.
 */
export function evaluationMonths(agreedIntervalMonths: number | null): number[] {
  if (agreedIntervalMonths === null) {
    return [...DEFAULT_EVALUATION_MONTHS];
  }
  return [1, 2, 3].map((n) => n * agreedIntervalMonths);
}

export interface PlannedEvaluation {
  readonly seq: number;
  readonly monthsAfter: number;
  readonly dueOn: CalendarDate;
}

export function planEvaluations(
  goLiveOn: CalendarDate,
  months: readonly number[],
): PlannedEvaluation[] {
  return months.map((m, i) => ({
    seq: i + 1,
    monthsAfter: m,
    dueOn: addTerm(goLiveOn, { months: m }),
  }));
}

/** How many days before its date an evaluation is reminded. */
export const EVALUATION_REMINDER_DAYS = 14;

export interface DimensionDiff {
  readonly dimension: string;
  readonly forecast: Rating | null;
  readonly actual: Rating | null;
  /** actual − forecast when both are numbers; null otherwise. */
  readonly diff: number | null;
}

/**
 * The re-rating beside the forecast, per dimension (seed-requirements 1.4: "compare the forecast
 * with the result"): every dimension that either side rated, in the given order.
 */
export function reratingDiff(
  order: readonly string[],
  forecast: Readonly<Record<string, Rating>>,
  actual: readonly DimensionResult[],
): DimensionDiff[] {
  const byKey = new Map(actual.map((a) => [a.dimension, a.rating]));
  return order
    .filter((key) => forecast[key] !== undefined || byKey.has(key))
    .map((dimension) => {
      const f = forecast[dimension] ?? null;
      const a = byKey.get(dimension) ?? null;
      return {
        dimension,
        forecast: f,
        actual: a,
        diff: typeof f === 'number' && typeof a === 'number' ? a - f : null,
      };
    });
}

/**
 * How an open commitment stands as seen at an evaluation (issue #19: conditions are "checked at
 * every evaluation"). `broken_proposed` only proposes: declaring a commitment broken stays the
 * council board's own act on the commitment (B.19).
 */
export type CommitmentReviewState = 'met' | 'open' | 'at_risk' | 'broken_proposed';
export const COMMITMENT_REVIEW_STATES: readonly CommitmentReviewState[] = [
  'met',
  'open',
  'at_risk',
  'broken_proposed',
];

/** An open commitment of the case as the evaluation reviews it. */
export interface CommitmentUnderReview {
  readonly commitmentId: string;
  readonly track: string;
  readonly conditionNo: number;
  readonly condition: string;
  readonly dueDate: CalendarDate | null;
}

export interface CommitmentReviewInput {
  readonly commitmentId: string;
  readonly state: CommitmentReviewState;
  readonly note: string;
}

/** What an evaluation keeps of each reviewed commitment: the commitment as it then stood. */
export interface CommitmentReview extends CommitmentUnderReview {
  readonly state: CommitmentReviewState;
  readonly note: string;
  /** Its due date had passed on the evaluation day and it was not found met. */
  readonly overdue: boolean;
}

export type CommitmentReviewOutcome =
  | { readonly ok: true; readonly reviews: CommitmentReview[]; readonly flagged: string[] }
  | { readonly ok: false; readonly unreviewed: string[]; readonly unknown: string[] };

/**
 * Checks an evaluation's commitment review: every open commitment reviewed exactly once, nothing
 * else, and "met" only with its evidence. `flagged` are those the council is told of: found at
 * risk, proposed broken, or past their due date without being met.
 */
export function reviewCommitments(
  open: readonly CommitmentUnderReview[],
  input: readonly CommitmentReviewInput[],
  today: CalendarDate,
): CommitmentReviewOutcome {
  const byId = new Map(input.map((r) => [r.commitmentId, r]));
  const openIds = new Set(open.map((c) => c.commitmentId));
  const unreviewed = open
    .filter((c) => {
      const r = byId.get(c.commitmentId);
      return !r || (r.state === 'met' && r.note.trim() === '');
    })
    .map((c) => c.commitmentId);
  const seen = new Set<string>();
  const unknown = input
    .filter((r) => {
      const repeated = seen.has(r.commitmentId);
      seen.add(r.commitmentId);
      return repeated || !openIds.has(r.commitmentId);
    })
    .map((r) => r.commitmentId);
  if (unreviewed.length > 0 || unknown.length > 0) {
    return { ok: false, unreviewed, unknown };
  }
  const reviews = open.map((c): CommitmentReview => {
    const r = byId.get(c.commitmentId)!;
    return {
      ...c,
      state: r.state,
      note: r.note.trim(),
      overdue: r.state !== 'met' && c.dueDate !== null && c.dueDate < today,
    };
  });
  const flagged = reviews
    .filter((r) => r.overdue || r.state === 'at_risk' || r.state === 'broken_proposed')
    .map((r) => r.commitmentId);
  return { ok: true, reviews, flagged };
}
