/** Pure dashboard arithmetic over cases the policy already showed, so fixtures can be counted by hand. */

/** A calendar day `yyyy-MM-dd` (Europe/Amsterdam, like every legal term). */
export type Day = string;

export interface DeadlineFacts {
  id: string;
  track: string | null;
  ruleId: string;
  strictDate: Day;
  extendedDate: Day;
  dueAt: string;
  statutory: boolean;
  fatal: boolean;
  status: string;
}

export interface TrackHistoryFacts {
  kind: string;
  history: ReadonlyArray<{ at: string; to: string }>;
}

/** One case as a dashboard reads it; `purpose` and `annexIII` are null when not known or not shared. */
export interface CaseDigest {
  id: string;
  title: string;
  organisationId: string;
  worksCouncilId: string;
  aiSystemId: string;
  status: string;
  stage: string;
  blocked: boolean;
  purpose: string | null;
  annexIII: string | null;
  deadlines: readonly DeadlineFacts[];
  tracks: readonly TrackHistoryFacts[];
}

export interface Count {
  key: string;
  count: number;
}

export interface DeadlineItem extends Omit<DeadlineFacts, 'status'> {
  caseId: string;
  caseTitle: string;
  organisationId: string;
  worksCouncilId: string;
  /** Negative when overdue. */
  daysLeft: number;
}

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
export function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Open deadlines of these cases as dashboard items, earliest first. */
export function openDeadlines(digests: readonly CaseDigest[], today: Day): DeadlineItem[] {
  return digests
    .flatMap((d) =>
      d.deadlines
        .filter((x) => x.status === 'open')
        .map(({ status: _status, ...x }) => ({
          ...x,
          caseId: d.id,
          caseTitle: d.title,
          organisationId: d.organisationId,
          worksCouncilId: d.worksCouncilId,
          daysLeft: daysBetween(today, x.strictDate),
        })),
    )
    .sort(
      (a, b) =>
        ordinal(a.strictDate, b.strictDate) ||
        ordinal(a.caseId, b.caseId) ||
        ordinal(a.ruleId, b.ruleId),
    );
}

/** Open deadlines in the coming weeks, one bucket per ISO week from this week on, empty weeks included. */
export function weekTimeline<T extends DeadlineItem>(
  items: readonly T[],
  today: Day,
  weeks: number,
): Array<{ weekStart: Day; weekEnd: Day; deadlines: T[] }> {
  const first = weekStart(today);
  return Array.from({ length: weeks }, (_, i) => {
    const start = addDays(first, i * 7);
    const end = addDays(start, 6);
    return {
      weekStart: start,
      weekEnd: end,
      deadlines: items.filter(
        (d) => d.strictDate >= today && d.strictDate >= start && d.strictDate <= end,
      ),
    };
  });
}
