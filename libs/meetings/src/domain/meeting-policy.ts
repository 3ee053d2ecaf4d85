import type { MeetingKind, MeetingSide } from '@wc/access';

export {
  type MeetingKind,
  type MeetingScope,
  type MeetingSide,
  meetingSideOf,
  seesOnlySomeCases,
} from '@wc/access';
export const MEETING_KINDS: readonly MeetingKind[] = ['consultation', 'internal'];
export type MeetingStatus = 'planned' | 'held' | 'cancelled';
export const MEETING_STATUSES: readonly MeetingStatus[] = ['planned', 'held', 'cancelled'];

/**
 * The chair or secretary organises the council's meetings; either side convenes and minutes a
 * consultation meeting (WOR 23(1): either party may ask for one [W22]).
 */
export function mayManageMeeting(side: MeetingSide | null): boolean {
  return side === 'council_board' || side === 'employer';
}
