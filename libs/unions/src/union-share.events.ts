import type { EventTypeOf } from '@wc/contracts';

/**
 * Outbox events of union shares (payloads in @wc/contracts; worksCouncilId and organisationId on
 * the event, so it reaches the council room). `union_share.revoked` also makes the realtime relay
 * re-check the union officers' open sockets.
 */
export type UnionShareEventType = EventTypeOf<'union_share'>;
