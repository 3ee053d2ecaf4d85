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

/** The most items a dashboard list holds; its totals count them all. */
export const DASHBOARD_LIST_LIMIT = 50;

/** Shown for a case whose share does not include the dossier (purpose, Annex III). */
export const NOT_SHARED = 'not_shared';
/** Shown when the case has no triage (yet). */
export const UNKNOWN = 'unknown';

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

export function median(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Days from the written request to the council's position on one advice or consent track: from
 * the last move to `request_submitted` before the first move to `council_position`. Null while the
 * procedure runs, or when the employer decided without a position [W5].
 */
export function procedureDays(track: TrackHistoryFacts): number | null {
  let submittedAt: string | undefined;
  for (const entry of track.history) {
    if (entry.to === 'request_submitted') {
      submittedAt = entry.at;
    } else if (entry.to === 'council_position' && submittedAt) {
      return roundTenth((Date.parse(entry.at) - Date.parse(submittedAt)) / DAY_MS);
    }
  }
  return null;
}

export function procedureDaysOf(digest: CaseDigest, kind: 'advice' | 'consent'): number | null {
  const track = digest.tracks.find((t) => t.kind === kind);
  return track ? procedureDays(track) : null;
}

export function durationFigures(
  digests: readonly CaseDigest[],
  kind: 'advice' | 'consent',
): { procedures: number; medianDays: number | null } {
  const days = digests.map((d) => procedureDaysOf(d, kind)).filter((d): d is number => d !== null);
  const mid = median(days);
  return { procedures: days.length, medianDays: mid === null ? null : roundTenth(mid) };
}

function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
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

/**
 * Overdue: the strict date (binding for reminders, legal-rules (d)4) has passed. Upcoming: due
 * from today up to and including `today + horizonDays`.
 */
export function splitDeadlines(
  items: readonly DeadlineItem[],
  today: Day,
  horizonDays: number,
): { overdue: DeadlineItem[]; upcoming: DeadlineItem[] } {
  const horizon = addDays(today, horizonDays);
  return {
    overdue: items.filter((d) => d.strictDate < today),
    upcoming: items.filter((d) => d.strictDate >= today && d.strictDate <= horizon),
  };
}

/**
 * AI systems (not cases) by purpose and Annex III category. A system with several cases takes its
 * figures from the case that knows them (shared dossier, triaged), the most recent one first.
 */
export function aiSystemFigures(digests: readonly CaseDigest[]): {
  total: number;
  byPurpose: Count[];
  byAnnexIII: Count[];
  byPurposeAndAnnexIII: Array<{ purpose: string; annexIII: string; count: number }>;
} {
  const systems = new Map<string, { purpose: string; annexIII: string }>();
  for (const d of digests) {
    const known = systems.get(d.aiSystemId);
    systems.set(d.aiSystemId, {
      purpose: pickKnown(known?.purpose, d.purpose ?? NOT_SHARED),
      annexIII: pickKnown(known?.annexIII, d.annexIII ?? NOT_SHARED),
    });
  }
  const list = [...systems.values()];
  const pairs = countBy(list, (s) => `${s.purpose}\u0000${s.annexIII}`).map(({ key, count }) => {
    const [purpose, annexIII] = key.split('\u0000');
    return { purpose, annexIII, count };
  });
  return {
    total: list.length,
    byPurpose: countBy(list, (s) => s.purpose),
    byAnnexIII: countBy(list, (s) => s.annexIII),
    byPurposeAndAnnexIII: pairs,
  };
}

/** Keeps the first real value; digests come most recent first. */
function pickKnown(current: string | undefined, next: string): string {
  if (current === undefined) {
    return next;
  }
  const rank = (v: string) => (v === NOT_SHARED ? 0 : v === UNKNOWN ? 1 : 2);
  return rank(next) > rank(current) ? next : current;
}
