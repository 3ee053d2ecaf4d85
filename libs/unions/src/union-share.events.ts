/**
 * Outbox event types of union shares (payload: shareId, unionOrganisationId, caseId, scope,
 * version; worksCouncilId and organisationId on the event, so it reaches the council room).
 * `union_share.revoked` also makes the realtime relay re-check the union officers' open sockets.
 */
export type UnionShareEventType =
  'union_share.granted' | 'union_share.changed' | 'union_share.revoked';
