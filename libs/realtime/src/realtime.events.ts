import type { Actor } from '@wc/auth';
import type { FieldProblem } from '@wc/core';

/**
 * A domain event as pushed to sockets: its type, ids and version, never content (notify, don't
 * ship). Clients refetch over HTTP, where the full policy applies; `caseSeq` is the client's
 * cursor for `GET /cases/:caseId/events?after=N` after a reconnect or a gap.
 */
export interface RealtimeEvent {
  type: string;
  eventId: string;
  caseId: string | null;
  caseSeq: number | null;
  organisationId: string | null;
  worksCouncilId: string | null;
  userId: string | null;
  occurredAt: string;
  /** The payload's own ids and versions, e.g. `version`, `assessmentId`. */
  [id: string]: unknown;
}

/** Who is looking at a case right now: the users with a socket in its case room. */
export interface PresencePayload {
  caseId: string;
  userIds: string[];
}

export interface SessionExpiredPayload {
  /** `auth.session_ended`: logged out, password changed elsewhere, or the account deactivated. */
  code: 'auth.token_expired' | 'auth.session_ended';
  detail: string;
}

/** The answer to every client message (house style B.9: the WS form of problem+json). */
export type RealtimeAck =
  { ok: true } | { ok: false; code: string; detail: string; errors?: FieldProblem[] };

export interface CaseSubscription {
  caseId: string;
}

/** Server → client events; share this map with the frontend (house style B.11). */
export interface ServerToClientEvents {
  event: (event: RealtimeEvent) => void;
  presence: (presence: PresencePayload) => void;
  /** Sent just before the server disconnects a socket whose access token expired or whose session ended. */
  'session-expired': (info: SessionExpiredPayload) => void;
}

/** Client → server messages. Few, validated and acked; mutations go over HTTP. */
export interface ClientToServerEvents {
  subscribe: (body: CaseSubscription, ack: (result: RealtimeAck) => void) => void;
  unsubscribe: (body: CaseSubscription, ack: (result: RealtimeAck) => void) => void;
  'subscribe-internal': (body: CaseSubscription, ack: (result: RealtimeAck) => void) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- socket.io's generic slot; no server-to-server events
export interface InterServerEvents {}

/** What the handshake stores on each socket; serialisable, since `fetchSockets()` ships it between instances. */
export interface SocketData {
  actor: Actor;
  /** Access-token expiry, epoch milliseconds. */
  expiresAt: number;
}
