/**
 * Who receives a domain event, for what an event may tell them. `full`: the employer and council
 * sides, who may read what an event names. `union`: a union officer following a shared case, who
 * never reads art. 20 confidential documents, comments or the council-internal space and is not
 * told who did what (model.md, visibility table).
 */
export type EventAudience = 'full' | 'union';

export const EVENT_AUDIENCES: readonly EventAudience[] = ['full', 'union'];

/**
 * Payload fields a union officer receives: the case's own version and status, and which track
 * moved where. Anything else may carry text (reasons) or ids of items the union must not learn
 * of (confidential documents, comment threads, users, organisations); its client refetches what
 * it may see.
 */
const UNION_PAYLOAD_FIELDS: ReadonlySet<string> = new Set([
  'version',
  'status',
  'track',
  'from',
  'to',
]);

/** The part of an event's payload `audience` may receive, over HTTP (event log) and sockets alike. */
export function eventPayloadFor(
  audience: EventAudience,
  payload: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  if (audience === 'full') {
    return { ...payload };
  }
  return Object.fromEntries(
    Object.entries(payload).filter(([key]) => UNION_PAYLOAD_FIELDS.has(key)),
  );
}

/** The parties an event names beside its case: a union audience learns none of them. */
export interface EventParties {
  organisationId: string | null;
  worksCouncilId: string | null;
  userId: string | null;
}

export function eventPartiesFor(audience: EventAudience, parties: EventParties): EventParties {
  return audience === 'full'
    ? { ...parties }
    : { organisationId: null, worksCouncilId: null, userId: null };
}
