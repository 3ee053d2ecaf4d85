/** Pure dashboard arithmetic: days, weeks and counts the dashboards share. */

/** A calendar day `yyyy-MM-dd` (Europe/Amsterdam, like every legal term). */
export type Day = string;

export interface Count {
  key: string;
  count: number;
}

/** The most items a dashboard list holds; its totals count them all. */
export const DASHBOARD_LIST_LIMIT = 50;

const DAY_MS = 86_400_000;

export function addDays(day: Day, days: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The Monday of the ISO week a day falls in. */
export function weekStart(day: Day): Day {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** Counts per key, most frequent first, then by key, so the order is stable. */
export function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Count[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || ordinal(a.key, b.key));
}

/**
 * Code-unit order, for the ids, dates and keys dashboards sort by: `localeCompare` builds a
 * collation per call and was most of the time of sorting tens of thousands of terms.
 */
function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
