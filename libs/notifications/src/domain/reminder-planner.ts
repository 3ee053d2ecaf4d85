import { addCalendarDays, amsterdamInstant } from './amsterdam-time';

/** `14d`, `7d`, … (days before the strict date), `overdue` (after it), `escalation` (fatal terms). */
export type ReminderKind = `${number}d` | 'overdue' | 'escalation';
export type ReminderStatus = 'pending' | 'sent' | 'cancelled';
export type DeadlineStatus = 'open' | 'met' | 'cancelled';

export const MAX_LEAD_DAYS = 60;

export const leadKind = (days: number): ReminderKind => `${days}d`;

/** The lead days of a `Nd` kind, or null for `overdue` and `escalation`. */
export function leadDaysOf(kind: string): number | null {
  const match = /^(\d{1,2})d$/.exec(kind);
  return match ? Number(match[1]) : null;
}

export interface ReminderPolicy {
  /** Days before the strict date on which to remind, e.g. [14, 7, 2, 0]. */
  readonly leadDays: readonly number[];
  /** Fatal terms (appeal, nullity) also escalate to the chair and HR this many days before. */
  readonly escalationLeadDays: number;
  /** Amsterdam wall-clock time (`HH:mm`) at which day reminders go out. */
  readonly remindAt: string;
}

/** What the planner needs from a `deadline` row. */
export interface PlannableDeadline {
  readonly status: DeadlineStatus;
  readonly fatal: boolean;
  /** The last day of the term (`yyyy-MM-dd`, Amsterdam); binding for reminders. */
  readonly strictDate: string;
  /** The end of the strict day in Amsterdam. */
  readonly dueAt: Date;
  /** When the term became known; reminders that would have fired before then never apply. */
  readonly createdAt: Date;
}

export interface PlannedReminder {
  readonly kind: ReminderKind;
  readonly dueAt: Date;
}

/**
 * The reminders a deadline should have: one per lead day at `remindAt` on the strict date minus
 * that many days, an escalation for fatal terms, and an overdue notice the moment the strict day
 * has ended. A day reminder whose moment lay before the term was known is left out (a term
 * created four days before its end gets no 14- or 7-day reminder); the overdue notice always
 * applies, at the earliest when the term became known.
 */
export function planReminders(
  deadline: PlannableDeadline,
  policy: ReminderPolicy,
): PlannedReminder[] {
  if (deadline.status !== 'open') {
    return [];
  }
  const planned: PlannedReminder[] = [];
  const known = deadline.createdAt.getTime();
  const dayReminder = (days: number) =>
    amsterdamInstant(addCalendarDays(deadline.strictDate, -days), policy.remindAt);
  for (const days of [...new Set(policy.leadDays)].sort((a, b) => b - a)) {
    const dueAt = dayReminder(days);
    if (dueAt.getTime() >= known && dueAt.getTime() <= deadline.dueAt.getTime()) {
      planned.push({ kind: leadKind(days), dueAt });
    }
  }
  if (deadline.fatal) {
    const dueAt = dayReminder(policy.escalationLeadDays);
    if (dueAt.getTime() >= known && dueAt.getTime() <= deadline.dueAt.getTime()) {
      planned.push({ kind: 'escalation', dueAt });
    }
  }
  const overdue = Math.max(deadline.dueAt.getTime() + 1, known);
  planned.push({ kind: 'overdue', dueAt: new Date(overdue) });
  return planned;
}

/** One row of the reminder ledger as stored. */
export interface LedgerEntry {
  readonly id: string;
  readonly kind: string;
  readonly status: ReminderStatus;
  readonly dueAt: Date;
  /** The deadline's due moment this reminder was planned against. */
  readonly deadlineDueAt: Date;
}

export type LedgerChange =
  | { readonly op: 'insert'; readonly kind: ReminderKind; readonly dueAt: Date }
  | { readonly op: 'reschedule'; readonly id: string; readonly kind: string; readonly dueAt: Date }
  | { readonly op: 'rearm'; readonly id: string; readonly kind: string; readonly dueAt: Date }
  | { readonly op: 'cancel'; readonly id: string; readonly kind: string };

export interface Reconciliation {
  readonly changes: LedgerChange[];
  /** The moment of the first reminder left for later (beyond the horizon), if any. */
  readonly nextDueAt: Date | null;
}

/**
 * Brings a deadline's ledger in line with its plan; idempotent, so running it twice changes
 * nothing the second time. Only reminders due by `horizon` are written now; the rest wait, and
 * `nextDueAt` says when to come back. This keeps the ledger to the next day or so of reminders
 * instead of every reminder of every open term.
 * - A closed deadline (met, cancelled) cancels its pending reminders.
 * - A pending reminder follows a moved deadline (reschedule) or goes when no longer planned.
 * - A reminder already sent for an earlier due date fires again for the new one (rearm, a new
 *   revision, written at once whatever the horizon) when its new moment still lies ahead; a
 *   cancelled one likewise. One whose new moment has passed is not repeated: the user already
 *   heard about this term at that lead.
 */
export function reconcileReminders(
  deadline: Pick<PlannableDeadline, 'status' | 'dueAt'>,
  planned: readonly PlannedReminder[],
  ledger: readonly LedgerEntry[],
  now: Date,
  horizon: Date,
): Reconciliation {
  const changes: LedgerChange[] = [];
  let nextDueAt: Date | null = null;
  const later = (plan: PlannedReminder) => {
    if (nextDueAt === null || plan.dueAt.getTime() < nextDueAt.getTime()) {
      nextDueAt = plan.dueAt;
    }
  };
  const byKind = new Map(ledger.map((entry) => [entry.kind, entry]));
  const plannedKinds = new Set(planned.map((p) => p.kind as string));
  const moved = (entry: LedgerEntry) => entry.deadlineDueAt.getTime() !== deadline.dueAt.getTime();
  const withinHorizon = (plan: PlannedReminder) => plan.dueAt.getTime() <= horizon.getTime();
  if (deadline.status === 'open') {
    for (const plan of planned) {
      const entry = byKind.get(plan.kind);
      if (!entry) {
        if (withinHorizon(plan)) {
          changes.push({ op: 'insert', kind: plan.kind, dueAt: plan.dueAt });
        } else {
          later(plan);
        }
      } else if (entry.status === 'pending') {
        if (entry.dueAt.getTime() !== plan.dueAt.getTime() || moved(entry)) {
          changes.push({ op: 'reschedule', id: entry.id, kind: entry.kind, dueAt: plan.dueAt });
        }
      } else if (
        plan.dueAt.getTime() > now.getTime() &&
        (entry.status === 'cancelled' || moved(entry))
      ) {
        // Re-armed at once, even beyond the horizon: "still ahead" is judged when the move is seen.
        changes.push({ op: 'rearm', id: entry.id, kind: entry.kind, dueAt: plan.dueAt });
      }
    }
  }
  for (const entry of ledger) {
    if (
      entry.status === 'pending' &&
      (deadline.status !== 'open' || !plannedKinds.has(entry.kind))
    ) {
      changes.push({ op: 'cancel', id: entry.id, kind: entry.kind });
    }
  }
  return { changes, nextDueAt };
}

/** A reminder that goes out more than `lateAfterMinutes` after its moment is marked late. */
export function isLate(dueAt: Date, now: Date, lateAfterMinutes: number): boolean {
  return now.getTime() - dueAt.getTime() > lateAfterMinutes * 60_000;
}
