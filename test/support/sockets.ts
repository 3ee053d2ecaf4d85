import { io, type Socket } from 'socket.io-client';

import type {
  ClientToServerEvents,
  RealtimeAck,
  RealtimeEvent,
  ServerToClientEvents,
} from '@wc/realtime';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How long "nothing arrives" is watched for: the relay answers a NOTIFY in a few milliseconds. */
export const QUIET_MS = 400;

/** A socket.io client as the web app connects (websocket only, token in `auth`), with what it received. */
export class Listener {
  readonly events: RealtimeEvent[] = [];

  constructor(readonly socket: ClientSocket) {
    socket.on('event', (event) => this.events.push(event));
  }

  static async connect(url: string, token: string): Promise<Listener> {
    const socket: ClientSocket = io(url, {
      path: '/ws',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { token },
    });
    const listener = new Listener(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return listener;
  }

  request(message: keyof ClientToServerEvents, body: unknown): Promise<RealtimeAck> {
    return (
      this.socket.timeout(5000) as unknown as {
        emitWithAck: (m: string, b: unknown) => Promise<RealtimeAck>;
      }
    ).emitWithAck(message, body);
  }

  ofType(type: string): RealtimeEvent[] {
    return this.events.filter((e) => e.type === type);
  }

  withPrefix(prefix: string): RealtimeEvent[] {
    return this.events.filter((e) => e.type.startsWith(prefix));
  }

  async event(
    type: string,
    match: (e: RealtimeEvent) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<RealtimeEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find((e) => e.type === type && match(e));
      if (found) {
        return found;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `no ${type} within ${timeoutMs} ms; got ${JSON.stringify(this.events.map((e) => e.type))}`,
        );
      }
      await sleep(10);
    }
  }
}
