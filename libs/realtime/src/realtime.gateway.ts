import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { RemoteSocket, Server, Socket } from 'socket.io';

import { type Actor, AuthService, Role, WHOLE_COUNCIL_ROLES } from '@wc/auth';
import {
  Clock,
  DomainError,
  EVENT_AUDIENCES,
  type EventAudience,
  Forbidden,
  NotFound,
  Unauthorized,
} from '@wc/core';
import { Metrics } from '@wc/metrics';

import { CASE_ACCESS, type CaseAccess, type CaseVisibility } from './case-access';
import { CaseSubscriptionDto } from './dto/case-subscription.dto';
import { RealtimeRedis } from './realtime-redis';
import { validateMessage } from './message-validation';
import type {
  ClientToServerEvents,
  InterServerEvents,
  RealtimeAck,
  RealtimeEvent,
  ServerToClientEvents,
  SocketData,
} from './realtime.events';
import {
  audienceRoom,
  caseRoom,
  committeeRoom,
  councilCasesRoom,
  councilInternalRoom,
  councilRoom,
  userRoom,
} from './rooms';

export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
type RealtimeSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/** Roles whose members join their works council's room: the council itself, not experts or unions. */
const COUNCIL_ROOM_ROLES: readonly Role[] = [
  Role.CouncilChair,
  Role.CouncilSecretary,
  Role.CouncilMember,
  Role.CommitteeMember,
];

/** Rooms a socket is in because of its memberships (recomputed when they change). */
const MEMBERSHIP_ROOM_PREFIXES = [councilRoom(''), councilCasesRoom(''), committeeRoom('')];

const SESSION_ENDED = {
  code: 'auth.session_ended',
  detail:
    'This session ended (signed out, password changed or account deactivated); sign in again.',
} as const;

/** Query parameters that would carry a credential into access logs; refused outright. */
const QUERY_CREDENTIALS = ['token', 'access_token', 'accessToken', 'authorization', 'jwt'];

const REDIS_LOST =
  'This instance lost Redis and cannot deliver live events: connect again (to another instance).';

/** setTimeout overflows (and fires at once) beyond this; such a long-lived token is cut at ~24 days. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The one socket.io gateway (house style B.11). The handshake takes the access token from
 * `auth.token`, verifies it like HTTP does, and refuses the connection otherwise. Each socket joins
 * its user room and its councils' rooms; case rooms are joined on request, after the same policy
 * check as HTTP. Server → client traffic comes from `RealtimeRelay`, after commit.
 */
@WebSocketGateway({
  path: '/ws',
  transports: ['websocket'],
  serveClient: false,
  maxHttpBufferSize: 16 * 1024,
})
export class RealtimeGateway
  implements OnGatewayInit<RealtimeServer>, OnGatewayConnection<RealtimeSocket>, OnModuleDestroy
{
  @WebSocketServer()
  server!: RealtimeServer;

  private readonly logger = new Logger(RealtimeGateway.name);
  /** One disconnect timer per connected socket, cleared when it goes. */
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();
  /** Per socket, the end of the last message it sent: its messages are handled one at a time. */
  private readonly lastMessage = new WeakMap<RealtimeSocket, Promise<unknown>>();
  private closing = false;

  constructor(
    private readonly auth: AuthService,
    @Inject(CASE_ACCESS) private readonly cases: CaseAccess,
    private readonly clock: Clock,
    metrics: Metrics,
    private readonly redis: RealtimeRedis,
  ) {
    metrics.onScrape(() => {
      metrics.openSockets.set(this.server?.sockets.sockets.size ?? 0);
      return Promise.resolve();
    });
  }

  afterInit(server: RealtimeServer): void {
    // Without Redis this instance's sockets would miss every event relayed by another instance:
    // disconnect them so they reconnect through the load balancer to a healthy one.
    this.redis.onLost(() => server.local.disconnectSockets(true));
    server.use((socket, next) => {
      if (!this.redis.reachable()) {
        next(
          Object.assign(new Error(REDIS_LOST), {
            data: { code: 'service.unavailable', detail: REDIS_LOST },
          }),
        );
        return;
      }
      this.authenticate(socket).then(
        () => next(),
        (error: unknown) => next(this.connectError(error)),
      );
    });
  }

  async handleConnection(socket: RealtimeSocket): Promise<void> {
    const { actor, expiresAt } = socket.data;
    socket.once('disconnecting', () => {
      // Rooms are left between `disconnecting` and `disconnect`; presence is recounted after.
      const caseIds = caseIdsIn(socket.rooms);
      socket.once('disconnect', () => {
        this.clearExpiry(socket);
        for (const caseId of caseIds) {
          void this.publishPresence(caseId);
        }
      });
    });
    this.scheduleExpiry(socket, expiresAt);
    await socket.join([
      userRoom(actor.userId),
      audienceRoom(audienceOf(actor)),
      ...councilIdsOf(actor).map(councilRoom),
      ...caseOverviewRoomsOf(actor),
    ]);
    // A role change or session end that committed between the handshake and the join, and whose
    // re-check ran before this socket was in its user room, is caught here.
    const fresh = await this.currentActor(actor);
    if (!fresh) {
      this.endSession(socket);
      return;
    }
    if (JSON.stringify(fresh.memberships) !== JSON.stringify(actor.memberships)) {
      socket.data.actor = fresh;
      const [local] = await this.server.local.in(socket.id).fetchSockets();
      if (local) {
        await this.fitRooms(local, fresh);
      }
    }
  }

  @SubscribeMessage('subscribe')
  subscribe(
    @ConnectedSocket() socket: RealtimeSocket,
    @MessageBody() body: unknown,
  ): Promise<RealtimeAck> {
    return this.handle(socket, async () => {
      const { caseId } = await validateMessage(CaseSubscriptionDto, body);
      await this.cases.requireCase(socket.data.actor, caseId);
      if (!socket.connected) {
        return; // gone while we checked; joining now would leave a dead entry in the room
      }
      await socket.join(caseRoom(caseId));
      await this.leaveIfNoLongerVisible(socket, caseId, caseRoom(caseId));
      void this.publishPresence(caseId);
    });
  }

  @SubscribeMessage('subscribe-internal')
  subscribeInternal(
    @ConnectedSocket() socket: RealtimeSocket,
    @MessageBody() body: unknown,
  ): Promise<RealtimeAck> {
    return this.handle(socket, async () => {
      const { caseId } = await validateMessage(CaseSubscriptionDto, body);
      const { internalAllowed } = await this.cases.requireCase(socket.data.actor, caseId);
      if (!internalAllowed) {
        throw new Forbidden(
          'realtime.internal_not_allowed',
          "Only the works council's own members may follow its internal deliberation.",
        );
      }
      if (!socket.connected) {
        return;
      }
      await socket.join(councilInternalRoom(caseId));
      await this.leaveIfNoLongerVisible(socket, caseId, councilInternalRoom(caseId));
    });
  }

  /**
   * A revoked union share or a case handed to another committee that committed between the check
   * and the join, and whose re-check (`recheckUnionSockets`, `recheckCaseSockets`) ran before the
   * join, is caught here: access is gone, so leave again.
   */
  private async leaveIfNoLongerVisible(
    socket: RealtimeSocket,
    caseId: string,
    room: string,
  ): Promise<void> {
    // Read afresh: a membership removed during the check is caught too (its re-check may have run already).
    const actor = await this.currentActor(socket.data.actor);
    const access = actor ? await this.accessTo(actor, caseId) : null;
    if (!access || (room === councilInternalRoom(caseId) && !access.internalAllowed)) {
      await socket.leave(room);
      throw new NotFound('case');
    }
  }

  @SubscribeMessage('unsubscribe')
  unsubscribe(
    @ConnectedSocket() socket: RealtimeSocket,
    @MessageBody() body: unknown,
  ): Promise<RealtimeAck> {
    return this.handle(socket, async () => {
      const { caseId } = await validateMessage(CaseSubscriptionDto, body);
      const wasPresent = socket.rooms.has(caseRoom(caseId));
      await socket.leave(caseRoom(caseId));
      await socket.leave(councilInternalRoom(caseId));
      if (wasPresent) {
        void this.publishPresence(caseId);
      }
    });
  }

  /**
   * A share of this union was revoked (issue #8): every socket of its officers, on any instance,
   * leaves each case room whose case the policy no longer shows it, before the relay emits anything
   * newer. Called by the relay on `union_share.revoked`.
   */
  async recheckUnionSockets(unionOrganisationId: string): Promise<void> {
    const sockets = await this.server.fetchSockets();
    for (const socket of sockets) {
      const { actor } = socket.data;
      if (
        !actor.memberships.some(
          (m) => m.role === Role.UnionOfficer && m.organisationId === unionOrganisationId,
        )
      ) {
        continue;
      }
      for (const caseId of caseIdsIn(socket.rooms)) {
        if (await this.leftUnlessVisible(socket, caseId)) {
          void this.publishPresence(caseId);
        }
      }
    }
  }

  /**
   * A membership of this user changed or one of its sessions ended (issue #14): every socket of the
   * user, on any instance, is re-checked against the database before the relay emits anything
   * newer. A socket whose session ended is disconnected; the others join the council rooms their
   * memberships now give and leave the rest, and leave every case or council-internal room whose
   * case the policy no longer shows them. Called by the relay on `membership.changed` and
   * `session.revoked`.
   */
  async recheckUserSockets(userId: string): Promise<void> {
    const sockets = await this.server.in(userRoom(userId)).fetchSockets();
    const bySession = new Map<string, Promise<Actor | null>>();
    for (const socket of sockets) {
      const previous = socket.data.actor;
      const key = previous.sessionId ?? '';
      let pending = bySession.get(key);
      if (!pending) {
        pending = this.currentActor(previous);
        bySession.set(key, pending);
      }
      const actor = await pending;
      if (!actor) {
        socket.emit('session-expired', SESSION_ENDED);
        socket.disconnect(true);
        continue;
      }
      await this.fitRooms(socket, actor);
    }
  }

  /**
   * Makes a socket's rooms match what its (fresh) actor may see: the council rooms its
   * memberships give, and only the case and council-internal rooms the policy still shows it.
   */
  private async fitRooms(
    socket: RemoteSocket<ServerToClientEvents, SocketData>,
    actor: Actor,
  ): Promise<void> {
    const wanted = new Set([
      userRoom(actor.userId),
      ...councilIdsOf(actor).map(councilRoom),
      ...caseOverviewRoomsOf(actor),
    ]);
    const stale = [...socket.rooms].filter(
      (room) =>
        MEMBERSHIP_ROOM_PREFIXES.some((prefix) => room.startsWith(prefix)) && !wanted.has(room),
    );
    for (const room of stale) {
      socket.leave(room);
    }
    const missing = [...wanted].filter((room) => !socket.rooms.has(room));
    if (missing.length > 0) {
      socket.join(missing);
    }
    const present = new Set(caseIdsIn(socket.rooms));
    for (const caseId of new Set([...present, ...internalCaseIdsIn(socket.rooms)])) {
      const access = await this.accessTo(actor, caseId);
      if (!access) {
        socket.leave(caseRoom(caseId));
        socket.leave(councilInternalRoom(caseId));
        if (present.has(caseId)) {
          void this.publishPresence(caseId);
        }
      } else if (!access.internalAllowed) {
        socket.leave(councilInternalRoom(caseId));
      }
    }
  }

  /**
   * The case moved to another committee: every socket in its case room, on any instance, leaves
   * it unless the policy still shows it the case. Called by the relay before it emits the event.
   */
  async recheckCaseSockets(caseId: string): Promise<void> {
    let left = false;
    // Both rooms: a socket may follow the internal deliberation without the case room.
    for (const socket of await this.server
      .in([caseRoom(caseId), councilInternalRoom(caseId)])
      .fetchSockets()) {
      left = (await this.leftUnlessVisible(socket, caseId)) || left;
    }
    if (left) {
      void this.publishPresence(caseId);
    }
  }

  /** Takes a socket out of a case's rooms when the policy no longer shows it the case; true if it left. */
  private async leftUnlessVisible(
    socket: RemoteSocket<ServerToClientEvents, SocketData>,
    caseId: string,
  ): Promise<boolean> {
    if (await this.stillVisible(socket.data.actor, caseId)) {
      return false;
    }
    socket.leave(caseRoom(caseId));
    socket.leave(councilInternalRoom(caseId));
    return true;
  }

  /**
   * Pushes one event to the rooms entitled to it, on every instance (through the adapter), each
   * socket getting the view of its audience (`audienceRoom`), once. The user an event is
   * addressed to gets it whole in their own room: it is theirs.
   */
  publish(rooms: readonly string[], viewFor: (audience: EventAudience) => RealtimeEvent): void {
    const own = rooms.filter((room) => room.startsWith(userRoom('')));
    const shared = rooms.filter((room) => !own.includes(room));
    if (own.length > 0) {
      this.server.to(own).emit('event', viewFor('full'));
    }
    if (shared.length === 0) {
      return;
    }
    for (const audience of EVENT_AUDIENCES) {
      const others = EVENT_AUDIENCES.filter((a) => a !== audience).map(audienceRoom);
      this.server
        .to(shared)
        .except([...own, ...others])
        .emit('event', viewFor(audience));
    }
  }

  onModuleDestroy(): void {
    // Sockets are about to be closed by the adapter; recounting presence then is pointless.
    this.closing = true;
    for (const timer of this.expiryTimers.values()) {
      clearTimeout(timer);
    }
    this.expiryTimers.clear();
  }

  private async authenticate(socket: RealtimeSocket): Promise<void> {
    const query = socket.handshake.query;
    if (QUERY_CREDENTIALS.some((name) => query[name] !== undefined)) {
      throw new Unauthorized(
        'auth.token_in_query',
        'Send the access token in the handshake `auth.token`, never in the query string.',
      );
    }
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token === '') {
      throw new Unauthorized();
    }
    const claims = await this.auth.verifyAccessToken(token);
    const actor = await this.auth.actorForSession(claims);
    if (!actor) {
      throw new Unauthorized('auth.invalid_token', 'The access token is invalid or expired.');
    }
    // An enrolment-only session (a second factor is required) gets no live updates either.
    if (actor.secondFactorEnrolmentPending) {
      throw new Forbidden(
        'auth.second_factor_enrolment_required',
        'Your organisation requires a second factor: set one up first.',
      );
    }
    socket.data = { actor, expiresAt: claims.exp * 1000 };
    // The token is not needed any more; `fetchSockets()` would otherwise ship it between instances.
    socket.handshake.auth = {};
  }

  /** Fails closed: any error (not only 404) counts as no longer visible; the client may subscribe again. */
  private async stillVisible(actor: Actor, caseId: string): Promise<boolean> {
    return (await this.accessTo(actor, caseId)) !== null;
  }

  private async accessTo(actor: Actor, caseId: string): Promise<CaseVisibility | null> {
    try {
      return await this.cases.requireCase(actor, caseId);
    } catch (error) {
      if (!(error instanceof DomainError)) {
        this.logger.error({ err: error, caseId }, 'case visibility re-check failed');
      }
      return null;
    }
  }

  /** The socket's actor as the database has it now; null once its session ended or the account went. */
  private currentActor(actor: Actor): Promise<Actor | null> {
    return this.auth.actorForSession({ sub: actor.userId, sid: actor.sessionId ?? '', exp: 0 });
  }

  /** socket.io hands `message` and `data` to the client's `connect_error`. */
  private connectError(error: unknown): Error {
    if (error instanceof DomainError) {
      return Object.assign(new Error(error.detail), {
        data: { code: error.code, detail: error.detail },
      });
    }
    this.logger.error({ err: error }, 'socket handshake failed');
    return Object.assign(new Error('Something went wrong on our side.'), {
      data: { code: 'server.internal_error', detail: 'Something went wrong on our side.' },
    });
  }

  /**
   * Every message answers with an ack, never an exception event (house style B.9). A message
   * arriving after the token's expiry (the timer can lag behind a suspended host, or the Clock
   * was moved) is refused and the socket closed.
   *
   * A socket's messages are handled in the order it sent them, each after the one before has
   * finished: each awaits the database, so a screen's `subscribe`, `unsubscribe`, `subscribe`
   * (a case page that learns the reader is a council member joins the internal room too) could
   * otherwise end with the `unsubscribe`'s leave after both joins, and the screen deaf to the case.
   */
  private handle(socket: RealtimeSocket, work: () => Promise<void>): Promise<RealtimeAck> {
    const previous = this.lastMessage.get(socket) ?? Promise.resolve();
    const ack = previous.then(() => this.handleNow(socket, work));
    this.lastMessage.set(socket, ack);
    return ack;
  }

  private async handleNow(socket: RealtimeSocket, work: () => Promise<void>): Promise<RealtimeAck> {
    if (this.clock.now().getTime() >= socket.data.expiresAt) {
      // After the ack has gone out.
      setImmediate(() => this.expire(socket));
      return {
        ok: false,
        code: 'auth.token_expired',
        detail: 'The access token expired; reconnect with a fresh one.',
      };
    }
    try {
      // Memberships and the session are read afresh for every message, as for every HTTP request.
      const actor = await this.currentActor(socket.data.actor);
      if (!actor) {
        setImmediate(() => this.endSession(socket));
        return { ok: false, code: SESSION_ENDED.code, detail: SESSION_ENDED.detail };
      }
      socket.data.actor = actor;
      await work();
      return { ok: true };
    } catch (error) {
      if (error instanceof DomainError) {
        return {
          ok: false,
          code: error.code,
          detail: error.detail,
          ...(error.errors.length > 0 ? { errors: error.errors } : {}),
        };
      }
      this.logger.error({ err: error, socketId: socket.id }, 'socket message failed');
      return {
        ok: false,
        code: 'server.internal_error',
        detail: 'Something went wrong on our side.',
      };
    }
  }

  /**
   * The delay is measured on the Clock port (which also stamped and verified the token) and then
   * runs in real time. With the real clock that is the token's expiry; under a test's FakeClock it
   * is the token lifetime from connecting.
   */
  private scheduleExpiry(socket: RealtimeSocket, expiresAt: number): void {
    const delay = Math.min(Math.max(expiresAt - this.clock.now().getTime(), 0), MAX_TIMER_MS);
    const timer = setTimeout(() => this.expire(socket), delay);
    timer.unref();
    this.expiryTimers.set(socket.id, timer);
  }

  private clearExpiry(socket: RealtimeSocket): void {
    clearTimeout(this.expiryTimers.get(socket.id));
    this.expiryTimers.delete(socket.id);
  }

  private expire(socket: RealtimeSocket): void {
    this.clearExpiry(socket);
    if (socket.connected) {
      socket.emit('session-expired', {
        code: 'auth.token_expired',
        detail: 'The access token expired; reconnect with a fresh one.',
      });
      socket.disconnect(true);
    }
  }

  private endSession(socket: RealtimeSocket): void {
    this.clearExpiry(socket);
    if (socket.connected) {
      socket.emit('session-expired', SESSION_ENDED);
      socket.disconnect(true);
    }
  }

  /** Tells a case room who is in it; counts sockets on every instance (works across the Redis adapter). */
  private async publishPresence(caseId: string): Promise<void> {
    if (this.closing) {
      return;
    }
    try {
      const sockets = await this.server.in(caseRoom(caseId)).fetchSockets();
      const userIds = [...new Set(sockets.map((s) => s.data.actor.userId))].sort();
      if (this.closing) {
        // Shutdown began during the count; the Redis clients may be closed by now.
        return;
      }
      // A union officer is not told who else looks at the case: ids of people it cannot read.
      this.server
        .to(caseRoom(caseId))
        .except(audienceRoom('union'))
        .emit('presence', { caseId, userIds });
      this.server
        .to(caseRoom(caseId))
        .except(audienceRoom('full'))
        .emit('presence', { caseId, userIds: [] });
    } catch (error) {
      // An instance that does not answer in time (e.g. one going down) delays presence, nothing else.
      this.logger.warn({ err: error, caseId }, 'presence not published');
    }
  }
}

/** A union officer's sockets get the union view of every event, whatever other roles the account holds. */
function audienceOf(actor: Actor): EventAudience {
  return actor.memberships.some((m) => m.role === Role.UnionOfficer) ? 'union' : 'full';
}

function councilIdsOf(actor: Actor): string[] {
  const ids = actor.memberships
    .filter((m) => m.worksCouncilId !== null && COUNCIL_ROOM_ROLES.includes(m.role))
    .map((m) => m.worksCouncilId as string);
  return [...new Set(ids)];
}

/** Where sent cases' overview events arrive: the whole council's, or only a committee's. */
function caseOverviewRoomsOf(actor: Actor): string[] {
  const rooms = actor.memberships.flatMap((m) => {
    if (m.worksCouncilId !== null && WHOLE_COUNCIL_ROLES.includes(m.role)) {
      return [councilCasesRoom(m.worksCouncilId)];
    }
    return m.role === Role.CommitteeMember && m.committeeId !== null
      ? [committeeRoom(m.committeeId)]
      : [];
  });
  return [...new Set(rooms)];
}

function internalCaseIdsIn(rooms: ReadonlySet<string>): string[] {
  const prefix = councilInternalRoom('');
  return [...rooms]
    .filter((room) => room.startsWith(prefix))
    .map((room) => room.slice(prefix.length));
}

function caseIdsIn(rooms: ReadonlySet<string>): string[] {
  const prefix = caseRoom('');
  return [...rooms]
    .filter((room) => room.startsWith(prefix))
    .map((room) => room.slice(prefix.length));
}
