import { rowsFor } from './transition-table';
import { isWorTrack, requestReceivedOnOf } from './tracks';
import type { TrackSnapshot, WorTrackKind } from './tracks';

/** Stages in which the written request is with the council. */
const REQUEST_ON_TABLE = ['request_submitted', 'council_deliberation'];

/**
 * One overlegvergadering, every track it covers (issue #14): a consultation meeting held on
 * `heldOn` counts for each WOR track that can still take a consultation and whose written
 * request, if one was submitted, was on the table by then (received on or before the meeting).
 * WOR 25(4) / 27(2) need the matter discussed at least once, not once per track [W4, W13].
 * A track that already counts this meeting is left out, so recording it again changes nothing.
 */
export function tracksCoveredByConsultation(
  tracks: readonly TrackSnapshot[],
  heldOn: string,
  meetingId?: string,
): WorTrackKind[] {
  const covered: WorTrackKind[] = [];
  for (const track of tracks) {
    if (
      !isWorTrack(track.kind) ||
      rowsFor(track.kind, track.stage, 'record_consultation_held').length === 0
    ) {
      continue;
    }
    if (
      meetingId !== undefined &&
      track.history.some(
        (h) => h.action.type === 'record_consultation_held' && h.action.meetingId === meetingId,
      )
    ) {
      continue;
    }
    const received = REQUEST_ON_TABLE.includes(track.stage)
      ? requestReceivedOnOf(track)
      : undefined;
    if (received !== undefined && received > heldOn) {
      continue;
    }
    covered.push(track.kind);
  }
  return covered;
}
