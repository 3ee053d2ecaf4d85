import type { ErrorCode, FieldProblem } from './errors';
import type { EventType } from './events';

/**
 * A domain event as pushed to sockets: its type, ids and version, never content (notify, don't
 * ship). Clients refetch over HTTP, where the full policy applies; `caseSeq` is the client's
 * cursor for `GET /cases/:caseId/events?after=N` after a reconnect or a gap.
 */
export interface RealtimeEvent {
  type: EventType;
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
  code: Extract<ErrorCode, 'auth.token_expired' | 'auth.session_ended'>;
  detail: string;
}

/** The answer to every client message (house style B.9: the WS form of problem+json). */
export type RealtimeAck =
  { ok: true } | { ok: false; code: ErrorCode; detail: string; errors?: FieldProblem[] };

export interface CaseSubscription {
  caseId: string;
}

/** What a refused handshake carries (`connect_error`'s `data`). */
export interface HandshakeRefusal {
  code: ErrorCode;
  detail: string;
}

/** Server → client events (house style B.11), shared with the web. */
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
