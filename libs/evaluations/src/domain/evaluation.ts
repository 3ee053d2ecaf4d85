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
