/**
 * The minutes' lifecycle (issue #18): a draft the organisers write; circulated to the attendees,
 * who propose amendments or comments until the window ends; then locked, by the clock alone (no
 * sweep needed), after which nobody edits them.
 */
export type MinutesStatus = 'draft' | 'amendment_window' | 'locked';
export const MINUTES_STATUSES: readonly MinutesStatus[] = ['draft', 'amendment_window', 'locked'];

export function minutesStatusOf(
  meeting: { minutesCirculatedAt: Date | null; minutesAmendmentsUntil: Date | null },
  now: Date,
): MinutesStatus {
  if (!meeting.minutesCirculatedAt || !meeting.minutesAmendmentsUntil) {
    return 'draft';
  }
  return meeting.minutesAmendmentsUntil.getTime() > now.getTime() ? 'amendment_window' : 'locked';
}

/** Advisory only: a meeting may be recorded after the fact, so a past start is allowed but flagged. */
export type MeetingWarning = 'meeting.starts_in_past';
export const MEETING_WARNINGS: readonly MeetingWarning[] = ['meeting.starts_in_past'];

export function meetingWarnings(
  meeting: { status: string; startsAt: Date },
  now: Date,
): MeetingWarning[] {
  return meeting.status === 'planned' && meeting.startsAt.getTime() < now.getTime()
    ? ['meeting.starts_in_past']
    : [];
}
