export * from './meetings.module';
export { MeetingsService } from './meetings.service';
export * from './dto/meeting.dto';
export type { MeetingEventType } from './meeting.events';
export {
  MEETING_KINDS,
  MEETING_STATUSES,
  type MeetingKind,
  type MeetingStatus,
} from './domain/meeting-policy';
