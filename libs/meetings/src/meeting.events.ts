/**
 * Outbox events of meetings, ids only. Each goes to the council room (`worksCouncilId`), and once
 * more per case on the agenda (`caseId`): as `meeting.*` to the case room for a consultation
 * meeting, as `internal.meeting_*` to the council-internal room for an internal one.
 */
export type MeetingEventType =
  | 'meeting.scheduled'
  | 'meeting.updated'
  | 'meeting.cancelled'
  | 'meeting.agenda_item_added'
  | 'meeting.agenda_item_updated'
  | 'meeting.minutes_recorded'
  | 'meeting.held';
