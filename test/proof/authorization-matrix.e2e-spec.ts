import { randomUUID } from 'node:crypto';

import { io, type Socket } from 'socket.io-client';
import type { Response } from 'supertest';

import type { RealtimeAck } from '@wc/realtime';

import { sleep } from '../support/sockets';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  type CellContext,
  defaultValues,
  EXPECTATIONS,
  expectedStatus,
  idsOf,
  type Ownership,
  type RouteExpectation,
  type Upload,
} from './support/matrix';
import { fillPath, type LiveRoute, liveRoutes, verbOf } from './support/routes';
import {
  buildWorld,
  type Principal,
  PRINCIPALS,
  type PrincipalName,
  type World,
} from './support/world';

/**
 * Issue #10, authorization matrix: every live route × every principal × own / other organisation,
 * against the table in ./support/matrix.ts; then the socket messages the same way. A route without
 * an expectation fails the run by name (it is never skipped), and so does an expectation whose
 * route is gone or whose permission changed.
 */
describe('authorization matrix (e2e)', () => {
  let t: TestApp;
  let w: World;
  let routes: LiveRoute[];

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    routes = liveRoutes(t.app);
  }, 120_000);
  afterAll(() => t?.close());

  it('has an expectation for every route, and none for a route that is gone', () => {
    const missing = routes.filter((r) => !(r.line in EXPECTATIONS)).map((r) => r.line);
    const stale = Object.keys(EXPECTATIONS).filter((line) => !routes.some((r) => r.line === line));
    if (missing.length > 0 || stale.length > 0) {
      throw new Error(
        [
          'The authorization matrix (test/proof/support/matrix.ts, EXPECTATIONS) is out of step with the routes.',
          ...(missing.length > 0
            ? [
                '',
                'Routes WITHOUT an expectation (add an entry: who gets which status on their own organisation; other organisation defaults to 404):',
                ...missing.map((l) => `  + '${l}': { own: { ... } },`),
              ]
            : []),
          ...(stale.length > 0
            ? [
                '',
                'Expectations for routes that no longer exist (or whose permission changed):',
                ...stale.map((l) => `  - ${l}`),
              ]
            : []),
        ].join('\n'),
      );
    }
  });

  it('answers every route × principal × organisation as the table says', async () => {
    const covered = routes.filter((r) => r.line in EXPECTATIONS);
    const failures: string[] = [];
    const knownIssues: string[] = [];
    let cells = 0;
    let indistinguishable = 0;
    let size = 0;
    for (const route of routes) {
      const spec = EXPECTATIONS[route.line];
      size += PRINCIPALS.length * (spec?.other === 'none' ? 1 : 2);
    }
    for (const route of covered) {
      const spec = EXPECTATIONS[route.line];
      for (const name of PRINCIPALS) {
        for (const ownership of spec.other === 'none'
          ? (['own'] as const)
          : (['own', 'other'] as const)) {
          const me = w.principals[name];
          const { status: expected, byGuard } = expectedStatus(route, spec, me, ownership);
          const c = context(me, ownership);
          if (spec.prepare && !byGuard && ownership === 'own') {
            await spec.prepare(c);
          }
          const request = requestOf(route, spec, c);
          const res = await send(route, me, request);
          cells++;
          const known = ownership === 'own' ? spec.knownIssues?.[name] : undefined;
          if (known) {
            if (res.status === expected) {
              failures.push(
                `${route.line} | ${name} | own: answers ${expected} as intended now; remove the known issue "${known.issue}"`,
              );
            } else if (res.status === known.got) {
              knownIssues.push(
                `${route.line} | ${name}: ${res.status} instead of ${expected}: ${known.issue}`,
              );
            } else {
              failures.push(
                `${route.line} | ${name} | own: expected ${expected} (known issue: ${known.got}), got ${res.status}`,
              );
            }
          } else {
            const problem = verdict(route, name, ownership, expected, res, spec, c);
            if (problem) {
              failures.push(problem);
            }
          }
          if (ownership === 'other' && !spec.distinguishable) {
            const unknown = await send(route, me, withUnknownIds(request, w));
            indistinguishable++;
            const a = normalise(res);
            const b = normalise(unknown);
            if (JSON.stringify(a) !== JSON.stringify(b)) {
              failures.push(
                `${route.line} | ${name} | other-org answer differs from an unknown id's: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`,
              );
            }
          }
        }
      }
    }
    console.log(
      `authorization matrix: ${routes.length} routes × ${PRINCIPALS.length} principals × own/other = ${size} cells; ${cells} checked, ` +
        `${indistinguishable} other-organisation answers compared with unknown ids; ${failures.length} failing; ${knownIssues.length} known issue(s)` +
        knownIssues.map((k) => `\n  KNOWN ISSUE ${k}`).join(''),
    );
    if (failures.length > 0) {
      throw new Error(
        `${failures.length} matrix cell(s) disagree with test/proof/support/matrix.ts:\n${failures.join('\n')}`,
      );
    }
    expect(cells).toBe(
      covered.reduce(
        (n, r) => n + PRINCIPALS.length * (EXPECTATIONS[r.line].other === 'none' ? 1 : 2),
        0,
      ),
    );
  }, 600_000);

  /**
   * The socket messages: `subscribe` and `subscribe-internal` on the organisation's sent and draft
   * case, `unsubscribe`, each for every principal; the other organisation's cases answer exactly as
   * an unknown id.
   */
  it('acks every socket message × principal × case as the policy says', async () => {
    type Target = 'sent' | 'draft' | 'other-sent' | 'unknown';
    const SEES_SENT: PrincipalName[] = [
      'hr_manager',
      'employer_representative',
      'council_chair',
      'council_secretary',
      'council_member',
      'committee_member',
      'external_expert',
      'union_officer:status',
      'union_officer:dossier',
    ];
    const INTERNAL: PrincipalName[] = [
      'council_chair',
      'council_secretary',
      'council_member',
      'committee_member',
    ];
    const EMPLOYER: PrincipalName[] = ['hr_manager', 'employer_representative'];
    const expectAck = (message: string, name: PrincipalName, target: Target): string => {
      if (message === 'unsubscribe') {
        return 'ok';
      }
      const visible =
        target === 'sent'
          ? SEES_SENT.includes(name)
          : target === 'draft'
            ? EMPLOYER.includes(name)
            : false;
      if (!visible) {
        return 'case.not_found';
      }
      if (message === 'subscribe-internal' && !INTERNAL.includes(name)) {
        return 'realtime.internal_not_allowed';
      }
      return 'ok';
    };
    const failures: string[] = [];
    let cells = 0;
    const size = PRINCIPALS.length * 3 * 3;
    for (const name of PRINCIPALS) {
      const me = w.principals[name];
      if (!me.bearer) {
        const refused = await handshakeRefusal(t.url);
        cells += 9; // the handshake is refused, so no message of any kind gets through
        if (refused !== 'auth.unauthenticated') {
          failures.push(
            `socket | anonymous | handshake: expected auth.unauthenticated, got ${refused}`,
          );
        }
        continue;
      }
      const socket = await connect(t.url, me.bearer.replace(/^Bearer /, ''));
      try {
        for (const message of ['subscribe', 'subscribe-internal', 'unsubscribe'] as const) {
          const targets: Array<[Target, string]> = [
            ['sent', w.own.sentCase.caseId],
            ['draft', w.own.draftCase.caseId],
            ['other-sent', w.other.sentCase.caseId],
          ];
          for (const [target, caseId] of targets) {
            const ack = await emit(socket, message, { caseId });
            cells++;
            const got = ack.ok ? 'ok' : ack.code;
            const want = expectAck(message, name, target);
            if (got !== want) {
              failures.push(
                `socket | ${name} | ${message} ${target}: expected ${want}, got ${got}`,
              );
            }
            if (target === 'other-sent') {
              const unknown = await emit(socket, message, { caseId: randomUUID() });
              if (JSON.stringify(unknown) !== JSON.stringify(ack)) {
                failures.push(
                  `socket | ${name} | ${message}: other-org ack ${JSON.stringify(ack)} differs from unknown id's ${JSON.stringify(unknown)}`,
                );
              }
            }
          }
        }
      } finally {
        socket.disconnect();
      }
    }
    console.log(
      `socket matrix: 3 messages × ${PRINCIPALS.length} principals × 3 cases (own sent, own draft, other) = ${size} cells; ${cells} checked; ${failures.length} failing`,
    );
    if (failures.length > 0) {
      throw new Error(failures.join('\n'));
    }
    expect(cells).toBe(size);
  });

  /**
   * Issue #14: a socket's session is checked on every message, as HTTP checks it on every request.
   * For every principal and message: a fresh session, revoked in the database behind the relay's
   * back, so only the per-message check can refuse it; the socket is closed after the ack.
   */
  it('refuses every socket message once its session ended, for every principal', async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const name of PRINCIPALS) {
      const user = w.principals[name].user;
      if (!user) {
        continue;
      }
      for (const message of ['subscribe', 'subscribe-internal', 'unsubscribe'] as const) {
        const login = await t
          .http()
          .post('/auth/login')
          .send({ email: user.email, password: user.password })
          .expect(200);
        const token = login.body.accessToken as string;
        const socket = await connect(t.url, token);
        // The connection's own re-check may notice the ended session first and cut the socket
        // before the message is answered; either way the client must be told why.
        const told = new Promise<string>((resolve) =>
          socket.once('session-expired', (notice: { code: string }) => resolve(notice.code)),
        );
        try {
          const sid = (
            JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sid: string }
          ).sid;
          await t.db.query(`UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1`, [
            sid,
          ]);
          const got = await emit(socket, message, { caseId: w.own.sentCase.caseId }).then(
            (ack) => (ack.ok ? 'ok' : ack.code),
            () => Promise.race([told, sleep(1000).then(() => 'cut without a reason')]),
          );
          cells++;
          if (got !== 'auth.session_ended') {
            failures.push(
              `socket | ${name} | ${message} after the session ended: expected auth.session_ended, got ${got}`,
            );
          }
        } finally {
          socket.disconnect();
        }
      }
    }
    if (failures.length > 0) {
      throw new Error(failures.join('\n'));
    }
    expect(cells).toBe((PRINCIPALS.length - 1) * 3);
  });

  // -------------------------------------------------------------------------------------------

  function context(me: Principal, ownership: Ownership): CellContext {
    const org = ownership === 'own' ? w.own : w.other;
    const c: CellContext = {
      w,
      me,
      ownership,
      org,
      aiCase: { ...org.sentCase },
      values: {},
      extra: {},
    };
    return c;
  }

  interface Request {
    path: string;
    query?: Record<string, string>;
    body?: unknown;
    upload?: Upload;
  }

  function requestOf(route: LiveRoute, spec: RouteExpectation, c: CellContext): Request {
    const values = { ...defaultValues(c), ...c.values, ...(spec.values?.(c) ?? {}) };
    return {
      path: fillPath(route, values),
      query: spec.query?.(c),
      body: spec.body?.(c),
      upload: spec.upload?.(c),
    };
  }

  async function send(route: LiveRoute, me: Principal, request: Request): Promise<Response> {
    let req = t.http()[verbOf(route)](request.path);
    if (me.bearer) {
      req = req.set('Authorization', me.bearer);
    }
    if (request.query) {
      req = req.query(request.query);
    }
    if (request.upload) {
      for (const [name, value] of Object.entries(request.upload.fields)) {
        req = req.field(name, value);
      }
      const { name, content, type } = request.upload.file;
      return req.attach('file', content, { filename: name, contentType: type });
    }
    return request.body === undefined ? req : req.send(request.body as object);
  }

  function verdict(
    route: LiveRoute,
    name: PrincipalName,
    ownership: Ownership,
    expected: number,
    res: Response,
    spec: RouteExpectation,
    c: CellContext,
  ): string | undefined {
    const where = `${route.line} | ${name} | ${ownership}`;
    if (res.status !== expected) {
      return `${where}: expected ${expected}, got ${res.status} ${res.body?.code ?? ''} ${res.body?.detail ?? ''}`.trimEnd();
    }
    if (
      res.status >= 400 &&
      !String(res.headers['content-type']).startsWith('application/problem+json')
    ) {
      return `${where}: ${res.status} without application/problem+json (${res.headers['content-type']})`;
    }
    const extra = res.status < 300 ? spec.check?.(res, c) : undefined;
    return extra ? `${where}: ${extra}` : undefined;
  }
});

/** The same request with every id of the other organisation replaced by an id nobody has. */
function withUnknownIds<
  T extends { path: string; query?: Record<string, string>; body?: unknown; upload?: Upload },
>(request: T, w: World): T {
  const known = new Map(idsOf(w.other).map((id) => [id, randomUUID()]));
  const swap = (value: unknown): unknown => {
    if (typeof value === 'string') {
      let out = value;
      for (const [id, unknown] of known) {
        out = out.split(id).join(unknown);
      }
      return out;
    }
    if (Array.isArray(value)) {
      return value.map(swap);
    }
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]));
    }
    return value;
  };
  const upload = request.upload
    ? { ...request.upload, fields: swap(request.upload.fields) as Record<string, string> }
    : undefined;
  return {
    ...request,
    path: swap(request.path) as string,
    query: swap(request.query) as Record<string, string> | undefined,
    body: swap(request.body),
    upload,
  };
}

/** What a client can tell apart: status, media type and body, less the per-request fields. */
function normalise(res: Response): unknown {
  const body =
    typeof res.body === 'object' && res.body !== null && !Array.isArray(res.body)
      ? { ...res.body, instance: undefined, correlationId: undefined }
      : res.body;
  return { status: res.status, type: res.headers['content-type'], body };
}

type ClientSocket = Socket;

function connect(url: string, token: string): Promise<ClientSocket> {
  const socket = io(url, {
    path: '/ws',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { token },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function handshakeRefusal(url: string): Promise<string> {
  const socket = io(url, {
    path: '/ws',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect();
      resolve('accepted');
    });
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      socket.disconnect();
      resolve(error.data?.code ?? error.message);
    });
  });
}

function emit(socket: ClientSocket, message: string, body: unknown): Promise<RealtimeAck> {
  return socket.timeout(5000).emitWithAck(message, body) as Promise<RealtimeAck>;
}
