import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { io, type Socket } from 'socket.io-client';

import type {
  ClientToServerEvents,
  HandshakeRefusal,
  PresencePayload,
  RealtimeEvent,
  ServerToClientEvents,
} from '@wc/contracts';

import { accessToken, refreshSession } from './api/client';

/**
 * The socket channel (libs/realtime/README.md): notify, don't ship. Events say what changed;
 * screens refetch over HTTP. After a lost connection comes back every screen refetches what it
 * shows ("resync"), so nothing missed while offline stays missing. The messages are typed in
 * @wc/contracts, shared with the server.
 */
export type { RealtimeEvent };

export type ConnectionState = 'connecting' | 'online' | 'offline';
type Listener = (event: RealtimeEvent | 'resync') => void;
// One empty list, so useSyncExternalStore sees a stable snapshot.
const EMPTY: string[] = [];
// A refused subscription leaves the screen on HTTP data alone; nothing to do with the answer.
const ignoreAck = () => undefined;

class RealtimeConnection {
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private state: ConnectionState = 'connecting';
  private connectedOnce = false;
  private readonly stateListeners = new Set<() => void>();
  private readonly listeners = new Set<Listener>();
  private readonly rooms = new Map<string, { count: number; internal: boolean }>();
  private readonly presence = new Map<string, string[]>();

  start(): void {
    if (this.socket) {
      return;
    }
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(window.location.origin, {
      path: '/ws',
      transports: ['websocket'],
      auth: (cb) => cb({ token: accessToken() ?? '' }),
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.setState('online');
      for (const [caseId, room] of this.rooms) {
        this.join(caseId, room.internal);
      }
      if (this.connectedOnce) {
        this.listeners.forEach((listener) => listener('resync'));
      }
      this.connectedOnce = true;
    });
    socket.on('disconnect', (reason) => {
      this.setState('offline');
      if (reason === 'io server disconnect') {
        // Token expired or refused, or the instance lost Redis: socket.io does not retry this by itself.
        void refreshSession().then((ok) => ok && this.socket?.connect());
      }
    });
    socket.on('connect_error', (error: Error & { data?: Partial<HandshakeRefusal> }) => {
      this.setState('offline');
      if (error.data?.code?.startsWith('auth.')) {
        void refreshSession().then(
          (ok) => ok && window.setTimeout(() => this.socket?.connect(), 300),
        );
      } else if (error.data?.code === 'service.unavailable') {
        // That instance lost Redis; socket.io does not retry a refusal by itself. Jittered, so
        // its clients do not return at once; the load balancer may send them elsewhere.
        window.setTimeout(() => this.socket?.connect(), 1000 + Math.random() * 2000);
      }
    });
    socket.io.on('reconnect_attempt', () => this.setState('offline'));
    socket.on('session-expired', () => void refreshSession());
    socket.on('event', (event) => this.listeners.forEach((listener) => listener(event)));
    socket.on('presence', (message: PresencePayload) => {
      this.presence.set(message.caseId, message.userIds);
      this.stateListeners.forEach((listener) => listener());
    });
  }

  stop(): void {
    this.socket?.disconnect();
    this.socket = null;
    this.connectedOnce = false;
    this.rooms.clear();
    this.setState('connecting');
  }

  getState = (): ConnectionState => this.state;
  presenceOf = (caseId: string): string[] => this.presence.get(caseId) ?? EMPTY;

  onState(listener: () => void): () => void {
    this.stateListeners.add(listener);
    return () => void this.stateListeners.delete(listener);
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  subscribe(caseId: string, internal: boolean): () => void {
    const room = this.rooms.get(caseId) ?? { count: 0, internal: false };
    room.count += 1;
    const joinInternal = internal && !room.internal;
    room.internal ||= internal;
    this.rooms.set(caseId, room);
    if (room.count === 1 || joinInternal) {
      this.join(caseId, room.internal);
    }
    return () => {
      room.count -= 1;
      if (room.count <= 0) {
        this.rooms.delete(caseId);
        this.presence.delete(caseId);
        this.socket?.emit('unsubscribe', { caseId }, ignoreAck);
      }
    };
  }

  private join(caseId: string, internal: boolean): void {
    if (!this.socket?.connected) {
      return;
    }
    this.socket.emit('subscribe', { caseId }, ignoreAck);
    if (internal) {
      this.socket.emit('subscribe-internal', { caseId }, ignoreAck);
    }
  }

  private setState(state: ConnectionState): void {
    if (state !== this.state) {
      this.state = state;
      this.stateListeners.forEach((listener) => listener());
    }
  }
}

const RealtimeContext = createContext<RealtimeConnection | null>(null);

export function RealtimeProvider({
  signedIn,
  children,
}: {
  signedIn: boolean;
  children: ReactNode;
}) {
  const [connection] = useState(() => new RealtimeConnection());
  useEffect(() => {
    if (!signedIn) {
      return;
    }
    connection.start();
    return () => connection.stop();
  }, [connection, signedIn]);
  return <RealtimeContext.Provider value={connection}>{children}</RealtimeContext.Provider>;
}

function useConnection(): RealtimeConnection {
  const connection = useContext(RealtimeContext);
  if (!connection) {
    throw new Error('RealtimeProvider missing');
  }
  return connection;
}

export function useConnectionState(): ConnectionState {
  const connection = useConnection();
  return useSyncExternalStore((cb) => connection.onState(cb), connection.getState);
}

/** Calls `listener` for every socket event, and with 'resync' after a reconnect. */
export function useRealtimeEvents(listener: Listener): void {
  const connection = useConnection();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => connection.listen((event) => latest.current(event)), [connection]);
}

/**
 * Joins the case room (and the council-internal room when asked) while the screen is open; its
 * events reach the query cache through `QueryProvider`. Returns who else is looking.
 */
export function useCaseRoom(caseId: string | undefined, { internal = false } = {}): string[] {
  const connection = useConnection();
  useEffect(() => {
    if (!caseId) {
      return;
    }
    return connection.subscribe(caseId, internal);
  }, [connection, caseId, internal]);
  return useSyncExternalStore(
    (cb) => connection.onState(cb),
    () => (caseId ? connection.presenceOf(caseId) : EMPTY),
  );
}
