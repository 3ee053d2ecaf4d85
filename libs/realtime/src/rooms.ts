import type { EventType } from '@wc/contracts';
import type { EventAudience } from '@wc/core';

/** Socket room names, `<kind>:<uuid>` (house style B.4). */
export const userRoom = (userId: string) => `user:${userId}`;
export const councilRoom = (worksCouncilId: string) => `council:${worksCouncilId}`;
/** Council members who see every sent case of the council: chair, secretary, members. */
export const councilCasesRoom = (worksCouncilId: string) => `council-cases:${worksCouncilId}`;
/** Members of a committee (commissie), who see the sent cases assigned to it. */
export const committeeRoom = (committeeId: string) => `committee:${committeeId}`;
export const caseRoom = (caseId: string) => `case:${caseId}`;
export const councilInternalRoom = (caseId: string) => `council-internal:${caseId}`;
/** Every socket is in exactly one: it picks which view of an event reaches it (`eventPayloadFor`). */
export const audienceRoom = (audience: EventAudience) => `audience:${audience}`;

/** Event types of the council's own deliberation; never shown to the employer side. */
export const INTERNAL_EVENT_PREFIX = 'internal.';

export interface RoutableEvent {
  type: EventType;
  caseId: string | null;
  worksCouncilId: string | null;
  userId: string | null;
  /** For case events: the case's status when the event was written (`payload.status`). */
  caseStatus?: string | null;
  /** For case events: the committee preparing the case (`payload.committeeId`). */
  committeeId?: string | null;
  /** For a case handed to another committee: the one that had it (`payload.previousCommitteeId`). */
  previousCommitteeId?: string | null;
  /** A council event about one case kept out of its case room (`payload.subjectCaseId`, e.g. the union thread). */
  aboutCase?: boolean;
}

/** Case-level events that tell a council's overview screens a case appeared or moved. */
const COUNCIL_OVERVIEW_EVENTS = new Set<EventType>(['case.updated', 'case.stage_changed']);

/**
 * The rooms entitled to an event. A case event goes to the case room, except council-internal
 * ones, which go only to the council-internal room: even the type and ids of an internal event
 * would tell the employer side what the council is doing. Council-wide events (no case) go to the
 * council room, whose members all hold council roles. An event addressed to a user also goes to
 * that user's own room (e.g. an expert added to a case, who is not subscribed to it yet).
 * The case's own update and stage events also reach the council members who see every sent case
 * once the case is sent, so a new case appears without subscribing to it, and the committee
 * preparing it; a committee member hears nothing of the council's other cases (model.md), and
 * nobody of a draft's, as that would tell the council the draft exists.
 */
export function roomsFor(event: RoutableEvent): string[] {
  const rooms: string[] = [];
  const internal = event.type.startsWith(INTERNAL_EVENT_PREFIX);
  if (event.caseId) {
    rooms.push(internal ? councilInternalRoom(event.caseId) : caseRoom(event.caseId));
    if (
      event.worksCouncilId &&
      event.caseStatus === 'sent' &&
      COUNCIL_OVERVIEW_EVENTS.has(event.type)
    ) {
      rooms.push(councilCasesRoom(event.worksCouncilId), ...committeeRooms(event));
    }
  } else if (event.worksCouncilId && event.aboutCase) {
    // About one case, so only those who see it: not every committee member of the council.
    rooms.push(councilCasesRoom(event.worksCouncilId), ...committeeRooms(event));
  } else if (event.worksCouncilId) {
    rooms.push(councilRoom(event.worksCouncilId));
  }
  if (event.userId) {
    rooms.push(userRoom(event.userId));
  }
  return rooms;
}

function committeeRooms(event: RoutableEvent): string[] {
  return [...new Set([event.committeeId, event.previousCommitteeId])]
    .filter((id): id is string => typeof id === 'string')
    .map(committeeRoom);
}
