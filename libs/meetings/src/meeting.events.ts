import type { EventTypeOf } from '@wc/contracts';

/**
 * Outbox events of meetings, ids only (payloads in @wc/contracts). Each goes to the council room
 * (`worksCouncilId`), and once more per case on the agenda (`caseId`): as `meeting.*` to the case
 * room for a consultation meeting, as `internal.meeting_*` to the council-internal room for an
 * internal one.
 */
export type MeetingEventType = EventTypeOf<'meeting'>;

/** `meeting.<what>` as it reaches a case of an internal meeting: `internal.meeting_<what>`. */
export type InternalMeetingEventType = Extract<
  EventTypeOf<'internal'>,
  `internal.meeting_${string}`
>;

/** The events of a change to a meeting, as they reach the council and the cases on its agenda. */
export type MeetingChangeEventType = Exclude<MeetingEventType, 'meeting.invitation_issued'>;
