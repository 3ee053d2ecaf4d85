import type { Actor } from '@wc/auth';

// The socket messages are typed once, in @wc/contracts, and shared with the web (house style B.11).
export type {
  CaseSubscription,
  ClientToServerEvents,
  HandshakeRefusal,
  PresencePayload,
  RealtimeAck,
  RealtimeEvent,
  ServerToClientEvents,
  SessionExpiredPayload,
} from '@wc/contracts';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- socket.io's generic slot; no server-to-server events
export interface InterServerEvents {}

/** What the handshake stores on each socket; serialisable, since `fetchSockets()` ships it between instances. */
export interface SocketData {
  actor: Actor;
  /** Access-token expiry, epoch milliseconds. */
  expiresAt: number;
}
