import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { io, type Socket } from 'socket.io-client';

import { Outbox, TransactionHost, type DomainEventDraft } from '@wc/database';
import type {
  ClientToServerEvents,
  PresencePayload,
  RealtimeAck,
  RealtimeEvent,
  ServerToClientEvents,
} from '@wc/realtime';
import type { GivenOrganisation, GivenUser } from '@wc/testing';

import { fileCase } from './support/case-fixtures';
import { itemsOf } from './support/pages';
import { startTestApp, type TestApp } from './support/test-app';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Json = Record<string, any>;

/** What every socket received, to wait for arrivals and to prove absences. */
class Inbox {
  readonly events: RealtimeEvent[] = [];
  readonly presence: PresencePayload[] = [];

  constructor(socket: ClientSocket) {
    socket.on('event', (event) => this.events.push(event));
    socket.on('presence', (presence) => this.presence.push(presence));
  }

  /** Polls with a bounded wait: the relay is asynchronous. */
  async waitFor<T>(find: () => T | undefined, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) {
        return found;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `nothing arrived within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  event(match: (e: RealtimeEvent) => boolean): Promise<RealtimeEvent> {
    return this.waitFor(() => this.events.find(match));
  }
}

describe('sharing with unions (e2e)', () => {
  let t: TestApp;
  let dataDir: string;
  let orgA: GivenOrganisation;
  let orgB: GivenOrganisation;
  let unionX: { organisationId: string; officer: GivenUser };
  let unionY: { organisationId: string; officer: GivenUser };
  const bearer: Record<string, string> = {};
  const sockets: ClientSocket[] = [];
  /** a1: status share to X; a2: dossier share to X; a3: status share to Y; b1, b2: all of B's cases to Y (dossier). */
  const ids: Record<'a1' | 'a2' | 'a3' | 'aDraft' | 'b1' | 'b2' | 'bDraft', string> = {} as never;
  const shares: Record<'a1' | 'a2' | 'a3' | 'bAll', string> = {} as never;

  const get = (who: string, path: string) => t.http().get(path).set('Authorization', bearer[who]);

  async function versionOf(caseId: string): Promise<number> {
    return (await get('hrA', `/cases/${caseId}`).expect(200)).body.version as number;
  }

  async function act(who: string, caseId: string, kind: string, action: Json): Promise<void> {
    const res = await t
      .http()
      .post(`/cases/${caseId}/tracks/${kind}/transitions`)
      .set('Authorization', bearer[who])
      .send({ version: await versionOf(caseId), action });
    if (res.status !== 201) {
      throw new Error(`${kind}/${String(action.type)}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }

  async function grant(who: string, worksCouncilId: string, body: Json): Promise<Json> {
    const res = await t
      .http()
      .post(`/works-councils/${worksCouncilId}/union-shares`)
      .set('Authorization', bearer[who])
      .send(body);
    if (res.status !== 201) {
      throw new Error(`grant: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body as Json;
  }

  async function socketOf(who: string): Promise<{ socket: ClientSocket; inbox: Inbox }> {
    const socket: ClientSocket = io(t.url, {
      path: '/ws',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { token: bearer[who].replace(/^Bearer /, '') },
    });
    sockets.push(socket);
    const inbox = new Inbox(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return { socket, inbox };
  }

  const ask = (
    socket: ClientSocket,
    message: keyof ClientToServerEvents,
    body: unknown,
  ): Promise<RealtimeAck> =>
    (
      socket.timeout(5000) as unknown as {
        emitWithAck: (m: string, b: unknown) => Promise<RealtimeAck>;
      }
    ).emitWithAck(message, body);

  const appendEvents = (events: DomainEventDraft[]) =>
    t.app.get(TransactionHost).run(() => t.app.get(Outbox).append(events, null));

  /** An event to the user's own room: once it arrives, everything relayed before it has arrived too. */
  async function marker(inbox: Inbox, userId: string): Promise<void> {
    const notificationId = crypto.randomUUID();
    await appendEvents([
      { type: 'notification.created', userId, payload: { notificationIds: [notificationId] } },
    ]);
    await inbox.event(
      (e) => Array.isArray(e.notificationIds) && e.notificationIds.includes(notificationId),
    );
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'overleg-unions-e2e-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    orgA = await t.given.organisation();
    orgB = await t.given.organisation();
    unionX = await t.given.union('Vakbond X');
    unionY = await t.given.union('Vakbond Y');
    for (const [name, user] of Object.entries({
      hrA: orgA.hr,
      chairA: orgA.chair,
      memberA: orgA.member,
      expertA: orgA.expert,
      hrB: orgB.hr,
      chairB: orgB.chair,
      x: unionX.officer,
      y: unionY.officer,
    })) {
      bearer[name] = await t.login(user);
    }
    ids.a1 = (await fileCase(t, orgA, bearer.hrA)).caseId;
    ids.a2 = (await fileCase(t, orgA, bearer.hrA)).caseId;
    ids.a3 = (await fileCase(t, orgA, bearer.hrA)).caseId;
    ids.aDraft = (await fileCase(t, orgA, bearer.hrA, { send: false })).caseId;
    ids.b1 = (await fileCase(t, orgB, bearer.hrB)).caseId;
    ids.b2 = (await fileCase(t, orgB, bearer.hrB)).caseId;
    ids.bDraft = (await fileCase(t, orgB, bearer.hrB, { send: false })).caseId;

    // Give the shared cases a history, deadlines, an expert and an information request to hide.
    for (const caseId of [ids.a1, ids.a2]) {
      await act('hrA', caseId, 'advice', {
        type: 'request_consultation',
        reasons: 'Bespreken voorgenomen besluit',
      });
      await act('chairA', caseId, 'advice', {
        type: 'record_consultation_held',
        heldOn: '2026-03-02',
      });
      await act('hrA', caseId, 'consent', {
        type: 'request_consultation',
        reasons: 'Regeling bespreken',
      });
    }
    await t
      .http()
      .post(`/cases/${ids.a2}/experts`)
      .set('Authorization', bearer.chairA)
      .send({ version: await versionOf(ids.a2), userId: orgA.expert.id })
      .expect(201);
    await t
      .http()
      .post(`/cases/${ids.a2}/information-requests`)
      .set('Authorization', bearer.memberA)
      .send({ question: 'Welke data?' })
      .expect(201);

    shares.a1 = (
      await grant('chairA', orgA.worksCouncilId, {
        unionOrganisationId: unionX.organisationId,
        caseId: ids.a1,
        scope: 'status',
      })
    ).id;
    shares.a2 = (
      await grant('chairA', orgA.worksCouncilId, {
        unionOrganisationId: unionX.organisationId,
        caseId: ids.a2,
        scope: 'dossier',
      })
    ).id;
    shares.a3 = (
      await grant('chairA', orgA.worksCouncilId, {
        unionOrganisationId: unionY.organisationId,
        caseId: ids.a3,
        scope: 'status',
      })
    ).id;
    shares.bAll = (
      await grant('chairB', orgB.worksCouncilId, {
        unionOrganisationId: unionY.organisationId,
        allCases: true,
        scope: 'dossier',
      })
    ).id;
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) {
      socket.disconnect();
    }
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('the union directory', () => {
    it("lists every union by id and name to a council's chair, and nothing else about them", async () => {
      const res = await get('chairA', '/unions').expect(200);
      const unions = res.body.items as Json[];
      expect(unions).toEqual(
        expect.arrayContaining([
          { id: unionX.organisationId, name: 'Vakbond X' },
          { id: unionY.organisationId, name: 'Vakbond Y' },
        ]),
      );
      expect(unions.filter((u) => Object.keys(u).sort().join() !== 'id,name')).toEqual([]);
      // Employers are not unions: never listed.
      expect(unions.map((u) => u.id)).not.toContain(orgA.organisationId);
      expect(unions.map((u) => u.id)).not.toContain(orgB.organisationId);
    });

    it('is for those who may share: council members, the employer, experts and unions get 403', async () => {
      expect((await get('memberA', '/unions').expect(403)).body.code).toBe(
        'union_share.board_only',
      );
      for (const who of ['hrA', 'expertA', 'x']) {
        expect((await get(who, '/unions').expect(403)).body.code).toBe('auth.permission_denied');
      }
      await t.http().get('/unions').expect(401);
    });

    it('names the union in every share answer, so the council never has to read an id', async () => {
      // A council of its own, so the other tests' cases, trails and shares stay as they are.
      const orgC = await t.given.organisation();
      bearer.hrC = await t.login(orgC.hr);
      bearer.chairC = await t.login(orgC.chair);
      const { caseId } = await fileCase(t, orgC, bearer.hrC);
      const created = await grant('chairC', orgC.worksCouncilId, {
        unionOrganisationId: unionX.organisationId,
        caseId,
        scope: 'status',
      });
      expect(created).toMatchObject({
        unionOrganisationId: unionX.organisationId,
        unionName: 'Vakbond X',
      });
      const all = await grant('chairC', orgC.worksCouncilId, {
        unionOrganisationId: unionY.organisationId,
        allCases: true,
        scope: 'status',
      });
      const changed = await t
        .http()
        .patch(`/union-shares/${created.id as string}`)
        .set('Authorization', bearer.chairC)
        .send({ version: 1, scope: 'dossier' })
        .expect(200);
      expect(changed.body).toMatchObject({ scope: 'dossier', unionName: 'Vakbond X' });
      const revoked = await t
        .http()
        .delete(`/union-shares/${created.id as string}`)
        .set('Authorization', bearer.chairC)
        .expect(200);
      expect(revoked.body).toMatchObject({ unionName: 'Vakbond X', active: false });
      await t
        .http()
        .delete(`/union-shares/${all.id as string}`)
        .set('Authorization', bearer.chairC)
        .expect(200);
      const list = (
        await get('chairC', `/works-councils/${orgC.worksCouncilId}/union-shares`).expect(200)
      ).body.items as Json[];
      expect(list.map((s) => [s.id, s.unionName]).sort()).toEqual(
        [
          [created.id, 'Vakbond X'],
          [all.id, 'Vakbond Y'],
        ].sort(),
      );
    });
  });

  describe('granting', () => {
    it('lets only the council board grant, and checks what is shared with whom', async () => {
      const post = (who: string, worksCouncilId: string, body: Json) =>
        t
          .http()
          .post(`/works-councils/${worksCouncilId}/union-shares`)
          .set('Authorization', bearer[who])
          .send(body);
      const body = { unionOrganisationId: unionY.organisationId, caseId: ids.a2, scope: 'status' };
      expect((await post('memberA', orgA.worksCouncilId, body).expect(403)).body.code).toBe(
        'union_share.board_only',
      );
      expect((await post('hrA', orgA.worksCouncilId, body).expect(403)).body.code).toBe(
        'auth.permission_denied',
      );
      expect((await post('x', orgA.worksCouncilId, body).expect(403)).body.code).toBe(
        'auth.permission_denied',
      );
      expect((await post('chairB', orgA.worksCouncilId, body).expect(404)).body.code).toBe(
        'works_council.not_found',
      );
      const notAUnion = await post('chairA', orgA.worksCouncilId, {
        ...body,
        unionOrganisationId: orgB.organisationId,
      }).expect(422);
      expect(notAUnion.body).toMatchObject({
        code: 'union_share.not_a_union',
        errors: [{ path: 'unionOrganisationId' }],
      });
      expect(
        (await post('chairA', orgA.worksCouncilId, { ...body, caseId: ids.aDraft }).expect(404))
          .body.code,
      ).toBe('case.not_found');
      expect(
        (await post('chairA', orgA.worksCouncilId, { ...body, caseId: ids.b1 }).expect(404)).body
          .code,
      ).toBe('case.not_found');
      await post('chairA', orgA.worksCouncilId, {
        unionOrganisationId: unionY.organisationId,
        scope: 'status',
      }).expect(400);
      await post('chairA', orgA.worksCouncilId, { ...body, allCases: true }).expect(400);
      await post('chairA', orgA.worksCouncilId, { ...body, scope: 'everything' }).expect(400);
      const again = await post('chairA', orgA.worksCouncilId, {
        unionOrganisationId: unionX.organisationId,
        caseId: ids.a1,
        scope: 'dossier',
      }).expect(409);
      expect(again.body).toMatchObject({ code: 'union_share.already_granted', shareId: shares.a1 });

      // A chair who also sits on another council sees its cases, but shares only their own council's.
      const twoCouncils = await t.given.user(orgA.organisationId, 'council_chair', {
        worksCouncilId: orgA.worksCouncilId,
      });
      await t.given.membership(twoCouncils.id, orgB.organisationId, 'council_member', {
        worksCouncilId: orgB.worksCouncilId,
      });
      const res = await t
        .http()
        .post(`/works-councils/${orgA.worksCouncilId}/union-shares`)
        .set('Authorization', await t.login(twoCouncils))
        .send({ ...body, caseId: ids.b1 })
        .expect(422);
      expect(res.body.code).toBe('union_share.case_not_of_council');
    });

    it("lists the council's shares to its own members only", async () => {
      const list = await get(
        'memberA',
        `/works-councils/${orgA.worksCouncilId}/union-shares`,
      ).expect(200);
      expect(
        itemsOf(list)
          .map((s: Json) => s.id)
          .sort(),
      ).toEqual([shares.a1, shares.a2, shares.a3].sort());
      expect(itemsOf(list).find((s: Json) => s.id === shares.a2)).toEqual({
        id: shares.a2,
        worksCouncilId: orgA.worksCouncilId,
        unionOrganisationId: unionX.organisationId,
        unionName: 'Vakbond X',
        caseId: ids.a2,
        scope: 'dossier',
        grantedBy: orgA.chair.id,
        grantedAt: expect.any(String),
        revokedBy: null,
        revokedAt: null,
        active: true,
        version: 1,
      });
      expect(
        (await get('hrA', `/works-councils/${orgA.worksCouncilId}/union-shares`).expect(404)).body
          .code,
      ).toBe('works_council.not_found');
      await t
        .http()
        .get(`/works-councils/${orgA.worksCouncilId}/union-shares`)
        .set('Authorization', await t.login(orgA.expert))
        .expect(403);
      await get('x', `/works-councils/${orgA.worksCouncilId}/union-shares`).expect(403);
    });

    it('writes every grant into the audit trail of each affected case, and publishes it', async () => {
      const audit = await get('chairA', `/cases/${ids.a1}/audit`).expect(200);
      expect(audit.body.items.filter((e: Json) => e.action.startsWith('union_share.'))).toEqual([
        expect.objectContaining({
          actorId: orgA.chair.id,
          action: 'union_share.granted',
          before: null,
          after: {
            shareId: shares.a1,
            unionOrganisationId: unionX.organisationId,
            allCases: false,
            scope: 'status',
          },
        }),
      ]);
      // All cases: every sent case of the council, and no draft.
      for (const caseId of [ids.b1, ids.b2]) {
        const trail = await t
          .http()
          .get(`/cases/${caseId}/audit`)
          .set('Authorization', bearer.hrB)
          .expect(200);
        expect(trail.body.items.filter((e: Json) => e.action === 'union_share.granted')).toEqual([
          expect.objectContaining({
            after: {
              shareId: shares.bAll,
              unionOrganisationId: unionY.organisationId,
              allCases: true,
              scope: 'dossier',
            },
          }),
        ]);
        expect(
          (
            await t
              .http()
              .get(`/cases/${caseId}/audit/verify`)
              .set('Authorization', bearer.hrB)
              .expect(200)
          ).body.valid,
        ).toBe(true);
      }
      const [{ count }] = await t.db.query<Array<{ count: string }>>(
        `SELECT count(*) FROM audit_entry WHERE case_id = $1 AND action LIKE 'union_share.%'`,
        [ids.bDraft],
      );
      expect(Number(count)).toBe(0);
      const events = await t.db.query<Json[]>(
        `SELECT type, works_council_id, organisation_id, case_id, payload FROM domain_event WHERE type = 'union_share.granted' AND payload->>'shareId' = $1`,
        [shares.bAll],
      );
      expect(events).toEqual([
        {
          type: 'union_share.granted',
          works_council_id: orgB.worksCouncilId,
          organisation_id: orgB.organisationId,
          case_id: null,
          payload: {
            shareId: shares.bAll,
            unionOrganisationId: unionY.organisationId,
            caseId: null,
            scope: 'dossier',
            version: 1,
          },
        },
      ]);
    });
  });

  describe('what union officers see', () => {
    it('shows each officer exactly the cases shared with their union, never a draft', async () => {
      const visible = async (who: string) =>
        ((await get(who, '/cases').expect(200)).body.items as Json[]).map((c) => c.id).sort();
      expect(await visible('x')).toEqual([ids.a1, ids.a2].sort());
      expect(await visible('y')).toEqual([ids.a3, ids.b1, ids.b2].sort());
      const hidden: Array<[string, string]> = [
        ['x', ids.a3],
        ['x', ids.b1],
        ['x', ids.aDraft],
        ['x', ids.bDraft],
        ['y', ids.a1],
        ['y', ids.a2],
        ['y', ids.bDraft],
      ];
      for (const [who, caseId] of hidden) {
        for (const path of [
          '',
          '/deadlines',
          '/events',
          '/go-live-gate',
          '/information-requests',
          '/deadlines.csv',
        ]) {
          const res = await get(who, `/cases/${caseId}${path}`);
          expect([who, caseId, path, res.status, res.body.code]).toEqual([
            who,
            caseId,
            path,
            404,
            'case.not_found',
          ]);
        }
      }
      // An all-cases share covers cases sent after it, and still no draft.
      const later = (await fileCase(t, orgB, bearer.hrB)).caseId;
      expect((await get('y', `/cases/${later}`).expect(200)).body.yourSide).toBe('union');
      expect(await visible('x')).not.toContain(later);
    });

    it("shows a 'status' share's status, stages and deadlines only, field by field against the council's view", async () => {
      const council = (await get('chairA', `/cases/${ids.a1}`).expect(200)).body as Json;
      const union = (await get('x', `/cases/${ids.a1}`).expect(200)).body as Json;
      expect(Object.keys(union).sort()).toEqual(Object.keys(council).sort());
      const shared = [
        'id',
        'title',
        'organisationId',
        'worksCouncilId',
        'aiSystemId',
        'status',
        'stage',
        'blocked',
        'version',
        'updatedAt',
        'deadlines',
        'sentAt',
      ];
      const withheld: Json = {
        contents: {},
        triage: null,
        goLiveGate: null,
        missingRequestContents: [],
        expertIds: [],
        committeeId: null,
        lateEntries: [],
      };
      const checkedApart = ['tracks', 'yourSide', 'nextAction'];
      // A field added to the case response must be classified here before a union may see it.
      expect(
        Object.keys(council).filter(
          (key) => !shared.includes(key) && !(key in withheld) && !checkedApart.includes(key),
        ),
      ).toEqual([]);
      const fields = Object.keys(council).filter((key) => !checkedApart.includes(key));
      expect(fields.map((key) => [key, union[key]])).toEqual(
        fields.map((key) => [key, shared.includes(key) ? council[key] : withheld[key]]),
      );
      // Withheld fields had something to withhold.
      expect(council.contents.intendedDecision).toEqual(expect.any(String));
      expect(council.triage).not.toBeNull();
      expect(council.deadlines.length).toBeGreaterThan(0);
      // Tracks: each stage with its dated stage changes, but no actions, reasons or sides.
      expect(union.tracks).toEqual(
        council.tracks.map((tr: Json) => ({
          kind: tr.kind,
          stage: tr.stage,
          snapshot: {
            kind: tr.kind,
            stage: tr.stage,
            history: tr.snapshot.history.map((h: Json) => ({ at: h.at, from: h.from, to: h.to })),
          },
          allowedActions: [],
        })),
      );
      // Who must act next follows from the stages and terms alone; an information request (dossier) never shows.
      expect(union.nextAction === null || union.nextAction.informationRequestId === null).toBe(
        true,
      );
      expect(council.tracks.some((tr: Json) => tr.allowedActions.length > 0)).toBe(true);
      expect(JSON.stringify(council.tracks)).toContain('Bespreken voorgenomen besluit');
      expect(JSON.stringify(union)).not.toContain('Bespreken voorgenomen besluit');
      expect(union.yourSide).toBe('union');
      expect(council.yourSide).toBe('council_board');
    });

    it("shows a 'dossier' share the council's view minus experts", async () => {
      const council = (await get('chairA', `/cases/${ids.a2}`).expect(200)).body as Json;
      const union = (await get('x', `/cases/${ids.a2}`).expect(200)).body as Json;
      expect(council.expertIds).toEqual([orgA.expert.id]);
      // A union officer follows the case: no action is offered on any track.
      expect(union).toEqual({
        ...council,
        expertIds: [],
        yourSide: 'union',
        tracks: council.tracks.map((tr: Json) => ({ ...tr, allowedActions: [] })),
      });
    });

    it('serves the parts of a case by scope: deadlines always, the dossier parts with a dossier share, never the audit', async () => {
      const expectCode = async (who: string, path: string, status: number, code?: string) => {
        const res = await get(who, path);
        expect([path, res.status, res.body.code]).toEqual([path, status, code]);
        return res;
      };
      for (const caseId of [ids.a1, ids.a2]) {
        const deadlines = await expectCode('x', `/cases/${caseId}/deadlines`, 200);
        expect(deadlines.body).toEqual(
          (await get('chairA', `/cases/${caseId}/deadlines`).expect(200)).body,
        );
        // Union officers hold no audit permission at all; the case policy would refuse them too.
        await expectCode('x', `/cases/${caseId}/audit`, 403, 'auth.permission_denied');
        await expectCode('x', `/cases/${caseId}/audit/verify`, 403, 'auth.permission_denied');
        await expectCode('x', `/cases/${caseId}/audit.csv`, 403, 'auth.permission_denied');
        const csv = await expectCode('x', `/cases/${caseId}/deadlines.csv`, 200);
        expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(itemsOf(deadlines).length + 1);
      }
      await expectCode('x', `/cases/${ids.a1}/go-live-gate`, 403, 'case.not_shared');
      await expectCode('x', `/cases/${ids.a1}/information-requests`, 403, 'case.not_shared');
      // The dossier opens only with a dossier share.
      for (const part of [
        'assessment',
        'assessment/versions',
        'checklist',
        'oversight',
        'training-plan',
        'dossier.pdf',
      ]) {
        await expectCode('x', `/cases/${ids.a1}/${part}`, 403, 'case.not_shared');
      }
      await expectCode('x', `/cases/${ids.a2}/checklist`, 200);
      const gate = await expectCode('x', `/cases/${ids.a2}/go-live-gate`, 200);
      expect(gate.body).toEqual(
        (await get('chairA', `/cases/${ids.a2}/go-live-gate`).expect(200)).body,
      );
      const requests = await expectCode('x', `/cases/${ids.a2}/information-requests`, 200);
      expect(itemsOf(requests)).toEqual([expect.objectContaining({ question: 'Welke data?' })]);
    });

    it('gives union officers the event log with versions and stage moves only', async () => {
      for (const caseId of [ids.a1, ids.a2]) {
        const council = (await get('chairA', `/cases/${caseId}/events`).expect(200)).body
          .items as Json[];
        const union = (await get('x', `/cases/${caseId}/events`).expect(200)).body.items as Json[];
        expect(
          council.some((e) => JSON.stringify(e.payload).includes('Bespreken voorgenomen besluit')),
        ).toBe(true);
        expect(union).toEqual(
          council
            .filter((e) => !e.type.startsWith('internal.'))
            .map((e) => ({
              ...e,
              payload: Object.fromEntries(
                Object.entries(e.payload as Json).filter(([k]) =>
                  ['version', 'status', 'track', 'from', 'to'].includes(k),
                ),
              ),
            })),
        );
      }
    });

    it('never shows a union officer a confidential document: not in lists, routes, exports, logs or socket events', async () => {
      const x = await socketOf('x');
      await expect(ask(x.socket, 'subscribe', { caseId: ids.a2 })).resolves.toEqual({ ok: true });
      const upload = (caseId: string, title: string, confidentialScope?: string) => {
        const req = t
          .http()
          .post(`/cases/${caseId}/documents`)
          .set('Authorization', bearer.hrA)
          .field('title', title);
        return (confidentialScope ? req.field('confidentialScope', confidentialScope) : req)
          .attach('file', Buffer.from(`${title}\n`), {
            filename: 'stuk.txt',
            contentType: 'text/plain',
          })
          .expect(201);
      };
      const open = (await upload(ids.a2, 'Toelichting WarehouseInsight')).body as Json;
      const secret = (
        await upload(
          ids.a2,
          'Vertrouwelijk leverancierscontract',
          'Prijsafspraken met de leverancier',
        )
      ).body as Json;
      await upload(ids.a1, 'Planning invoering');
      const titles = async (who: string, caseId: string) =>
        ((await get(who, `/cases/${caseId}/documents`).expect(200)).body.items as Json[])
          .map((d) => d.title)
          .sort();
      expect(await titles('chairA', ids.a2)).toEqual([
        'Toelichting WarehouseInsight',
        'Vertrouwelijk leverancierscontract',
      ]);
      expect(await titles('x', ids.a2)).toEqual(['Toelichting WarehouseInsight']);
      await get('x', `/cases/${ids.a2}/documents/${open.id}`).expect(200);
      await get('x', `/cases/${ids.a2}/documents/${secret.id}`).expect(404);
      await get('x', `/cases/${ids.a2}/documents/${secret.id}/versions/1/content`).expect(404);
      expect((await get('x', `/cases/${ids.a1}/documents`).expect(403)).body.code).toBe(
        'document.not_shared',
      );

      await marker(x.inbox, unionX.officer.id);
      const paths = [
        '/cases',
        `/cases/${ids.a2}`,
        `/cases/${ids.a2}/events`,
        `/cases/${ids.a2}/documents`,
        `/cases/${ids.a2}/deadlines.csv`,
        '/cases.csv',
        `/unions/${unionX.organisationId}/dashboard`,
        `/unions/${unionX.organisationId}/dashboard.csv`,
      ];
      const http: string[] = [];
      for (const path of paths) {
        http.push((await get('x', path).expect(200)).text);
      }
      const socket = JSON.stringify(x.inbox.events);
      for (const text of ['Vertrouwelijk leverancierscontract', 'Prijsafspraken']) {
        expect([socket, ...http].filter((seen) => seen.includes(text))).toEqual([]);
      }
      // Over HTTP not even its id; socket events carry ids only (notify, don't ship).
      expect(http.filter((seen) => seen.includes(secret.id))).toEqual([]);
    });

    it('sends a status-share socket exactly what its HTTP event log shows of the same events', async () => {
      const x = await socketOf('x');
      const chair = await socketOf('chairA');
      for (const s of [x.socket, chair.socket]) {
        await expect(ask(s, 'subscribe', { caseId: ids.a1 })).resolves.toEqual({ ok: true });
      }
      const [last] = (
        (await get('x', `/cases/${ids.a1}/events`).expect(200)).body.items as Json[]
      ).slice(-1);
      const after = (last?.caseSeq as number | undefined) ?? 0;

      // A confidential document, a comment and a stage move: ids of documents, comments and people.
      const secret = (
        await t
          .http()
          .post(`/cases/${ids.a1}/documents`)
          .set('Authorization', bearer.hrA)
          .field('title', 'Geheime bijlage')
          .field('confidentialScope', 'Prijzen')
          .attach('file', Buffer.from('x\n'), {
            filename: 'bijlage.txt',
            contentType: 'text/plain',
          })
          .expect(201)
      ).body as Json;
      const comment = (
        await t
          .http()
          .post(`/cases/${ids.a1}/comments`)
          .set('Authorization', bearer.memberA)
          .send({ body: 'Wat betekent dit voor de ploegen?' })
          .expect(201)
      ).body as Json;
      await act('chairA', ids.a1, 'consent', {
        type: 'record_consultation_held',
        heldOn: '2026-03-02',
      });
      await marker(x.inbox, unionX.officer.id);
      await marker(chair.inbox, orgA.chair.id);

      const log = (await get('x', `/cases/${ids.a1}/events?after=${after}`).expect(200)).body
        .items as Json[];
      const received = x.inbox.events.filter(
        (e) => e.caseId === ids.a1 && (e.caseSeq ?? 0) > after,
      );
      expect(log.length).toBeGreaterThanOrEqual(3);
      // Same events, and of each exactly the payload the log shows; no party named beside the case.
      expect(received.map((e) => e.caseSeq)).toEqual(log.map((e) => e.caseSeq));
      for (const [index, event] of received.entries()) {
        const {
          type,
          eventId,
          caseId,
          caseSeq,
          occurredAt,
          organisationId,
          worksCouncilId,
          userId,
          ...payload
        } = event;
        expect({ type, caseSeq, occurredAt, payload }).toEqual({
          type: log[index].type,
          caseSeq: log[index].caseSeq,
          occurredAt: log[index].occurredAt,
          payload: log[index].payload,
        });
        expect({ caseId, organisationId, worksCouncilId, userId, eventId: typeof eventId }).toEqual(
          {
            caseId: ids.a1,
            organisationId: null,
            worksCouncilId: null,
            userId: null,
            eventId: 'string',
          },
        );
      }
      const seen = JSON.stringify(received);
      for (const id of [
        secret.id,
        comment.id,
        orgA.hr.id,
        orgA.member.id,
        orgA.organisationId,
        orgA.worksCouncilId,
      ]) {
        expect([id, seen.includes(id as string)]).toEqual([id, false]);
      }
      // Nor who else is looking at the case.
      await chair.inbox.waitFor(() =>
        chair.inbox.presence.find((p) => p.caseId === ids.a1 && p.userIds.includes(orgA.chair.id)),
      );
      expect(x.inbox.presence.filter((p) => p.caseId === ids.a1).flatMap((p) => p.userIds)).toEqual(
        [],
      );
      // The council's socket got the ids: the filter is per recipient, not a loss for everyone.
      const council = JSON.stringify(chair.inbox.events.filter((e) => e.caseId === ids.a1));
      expect(
        [secret.id, comment.id, orgA.worksCouncilId].map((id) => council.includes(id as string)),
      ).toEqual([true, true, true]);
    });

    it('lets union officers change nothing', async () => {
      const version = await versionOf(ids.a2);
      const attempts: Array<[string, string, Json, number, string]> = [
        [
          'patch',
          `/cases/${ids.a2}`,
          { version, title: 'Overgenomen' },
          403,
          'auth.permission_denied',
        ],
        ['put', `/cases/${ids.a2}/triage`, { version, answers: {} }, 403, 'auth.permission_denied'],
        ['post', `/cases/${ids.a2}/sending`, { version }, 403, 'auth.permission_denied'],
        [
          'post',
          `/cases/${ids.a2}/tracks/consent/transitions`,
          { version, action: { type: 'record_consultation_held', heldOn: '2026-03-02' } },
          403,
          'case.read_only',
        ],
        [
          'post',
          `/cases/${ids.a2}/tracks/advice/transitions`,
          { version, action: { type: 'submit_request' } },
          403,
          'case.read_only',
        ],
        [
          'post',
          `/cases/${ids.a2}/information-requests`,
          { question: 'Mogen wij meekijken?' },
          403,
          'case.council_only',
        ],
        [
          'post',
          `/cases/${ids.a2}/experts`,
          { version, userId: unionX.officer.id },
          403,
          'auth.permission_denied',
        ],
        [
          'post',
          `/cases/${ids.a2}/oversight-confirmations`,
          { version, staffNamed: true, trained: true },
          403,
          'auth.permission_denied',
        ],
        [
          'post',
          `/cases/${ids.a2}/triage-contests`,
          { version, reasons: 'Nee' },
          403,
          'auth.permission_denied',
        ],
        [
          'patch',
          `/union-shares/${shares.a2}`,
          { version: 1, scope: 'status' },
          403,
          'auth.permission_denied',
        ],
        ['delete', `/union-shares/${shares.a2}`, {}, 403, 'auth.permission_denied'],
      ];
      for (const [method, path, body, status, code] of attempts) {
        const agent = t.http();
        const res = await agent[method as 'post'](path).set('Authorization', bearer.x).send(body);
        expect([method, path, res.status, res.body.code]).toEqual([method, path, status, code]);
      }
      expect(await versionOf(ids.a2)).toBe(version);
    });

    it('keeps the council-internal space from union officers, over HTTP and sockets', async () => {
      const x = await socketOf('x');
      const chair = await socketOf('chairA');
      await expect(ask(x.socket, 'subscribe', { caseId: ids.a2 })).resolves.toEqual({ ok: true });
      await expect(ask(x.socket, 'subscribe-internal', { caseId: ids.a2 })).resolves.toMatchObject({
        ok: false,
        code: 'realtime.internal_not_allowed',
      });
      await expect(ask(chair.socket, 'subscribe-internal', { caseId: ids.a2 })).resolves.toEqual({
        ok: true,
      });
      const voteId = crypto.randomUUID();
      await appendEvents([
        {
          type: 'internal.ballot_cast',
          caseId: ids.a2,
          organisationId: orgA.organisationId,
          worksCouncilId: orgA.worksCouncilId,
          payload: { voteId, version: 1 },
        },
      ]);
      await chair.inbox.event((e) => e.voteId === voteId);
      await marker(x.inbox, unionX.officer.id);
      expect(x.inbox.events.filter((e) => e.type.startsWith('internal.'))).toEqual([]);
      const councilLog = (await get('chairA', `/cases/${ids.a2}/events`).expect(200)).body
        .items as Json[];
      const unionLog = (await get('x', `/cases/${ids.a2}/events`).expect(200)).body.items as Json[];
      expect(councilLog.map((e) => e.type)).toContain('internal.ballot_cast');
      expect(unionLog.map((e) => e.type)).not.toContain('internal.ballot_cast');
      const seqAndType = (e: Json) => [e.caseSeq, e.type];
      expect(unionLog.map(seqAndType)).toEqual(
        councilLog.filter((e) => !e.type.startsWith('internal.')).map(seqAndType),
      );
      expect(JSON.stringify(unionLog)).not.toContain(voteId);
    });
  });

  describe('changing and revoking', () => {
    it('changes a scope with the version, audited, and the new scope applies at once', async () => {
      const [current] = (
        (await get('chairA', `/works-councils/${orgA.worksCouncilId}/union-shares`).expect(200))
          .body.items as Json[]
      ).filter((s) => s.id === shares.a1);
      expect(
        (
          await t
            .http()
            .patch(`/union-shares/${shares.a1}`)
            .set('Authorization', bearer.memberA)
            .send({ version: current.version, scope: 'dossier' })
            .expect(403)
        ).body.code,
      ).toBe('union_share.board_only');
      expect(
        (
          await t
            .http()
            .patch(`/union-shares/${shares.a1}`)
            .set('Authorization', bearer.chairB)
            .send({ version: current.version, scope: 'dossier' })
            .expect(404)
        ).body.code,
      ).toBe('union_share.not_found');
      const changed = await t
        .http()
        .patch(`/union-shares/${shares.a1}`)
        .set('Authorization', bearer.chairA)
        .send({ version: current.version, scope: 'dossier' })
        .expect(200);
      expect(changed.body).toMatchObject({
        scope: 'dossier',
        version: current.version + 1,
        active: true,
      });
      const stale = await t
        .http()
        .patch(`/union-shares/${shares.a1}`)
        .set('Authorization', bearer.chairA)
        .send({ version: current.version, scope: 'status' })
        .expect(409);
      expect(stale.body.code).toBe('union_share.version_conflict');
      expect(
        (await get('x', `/cases/${ids.a1}`).expect(200)).body.contents.intendedDecision,
      ).toEqual(expect.any(String));
      await t
        .http()
        .patch(`/union-shares/${shares.a1}`)
        .set('Authorization', bearer.chairA)
        .send({ version: current.version + 1, scope: 'status' })
        .expect(200);
      expect((await get('x', `/cases/${ids.a1}`).expect(200)).body.contents).toEqual({});
      const audit = (await get('chairA', `/cases/${ids.a1}/audit`).expect(200)).body
        .items as Json[];
      expect(
        audit
          .filter((e) => e.action === 'union_share.changed')
          .map((e) => [e.before.scope, e.after.scope]),
      ).toEqual([
        ['status', 'dossier'],
        ['dossier', 'status'],
      ]);
    });

    it('revokes at once over HTTP; the share stays listed, audited, and cannot be changed any more', async () => {
      const share = await grant('chairA', orgA.worksCouncilId, {
        unionOrganisationId: unionX.organisationId,
        caseId: ids.a3,
        scope: 'dossier',
      });
      await get('x', `/cases/${ids.a3}`).expect(200);
      expect(
        (
          await t
            .http()
            .delete(`/union-shares/${share.id}`)
            .set('Authorization', bearer.memberA)
            .expect(403)
        ).body.code,
      ).toBe('union_share.board_only');
      const revoked = await t
        .http()
        .delete(`/union-shares/${share.id}`)
        .set('Authorization', bearer.chairA)
        .expect(200);
      expect(revoked.body).toMatchObject({
        id: share.id,
        active: false,
        revokedBy: orgA.chair.id,
        revokedAt: expect.any(String),
      });
      for (const path of ['', '/deadlines', '/events', '/deadlines.csv']) {
        expect((await get('x', `/cases/${ids.a3}${path}`).expect(404)).body.code).toBe(
          'case.not_found',
        );
      }
      expect(
        ((await get('x', '/cases').expect(200)).body.items as Json[]).map((c) => c.id),
      ).not.toContain(ids.a3);
      // Y's own share of the same case is untouched.
      await get('y', `/cases/${ids.a3}`).expect(200);
      expect(
        (
          await t
            .http()
            .delete(`/union-shares/${share.id}`)
            .set('Authorization', bearer.chairA)
            .expect(409)
        ).body.code,
      ).toBe('union_share.revoked');
      expect(
        (
          await t
            .http()
            .patch(`/union-shares/${share.id}`)
            .set('Authorization', bearer.chairA)
            .send({ version: 2, scope: 'status' })
            .expect(409)
        ).body.code,
      ).toBe('union_share.revoked');
      const audit = (await get('chairA', `/cases/${ids.a3}/audit`).expect(200)).body
        .items as Json[];
      expect(
        audit
          .filter((e) => e.after?.shareId === share.id || e.before?.shareId === share.id)
          .map((e) => e.action),
      ).toEqual(['union_share.granted', 'union_share.revoked']);
      const listed = (
        (await get('chairA', `/works-councils/${orgA.worksCouncilId}/union-shares`).expect(200))
          .body.items as Json[]
      ).find((s) => s.id === share.id);
      expect(listed).toMatchObject({ active: false });
      const [event] = await t.db.query<Json[]>(
        `SELECT payload FROM domain_event WHERE type = 'union_share.revoked' AND payload->>'shareId' = $1`,
        [share.id],
      );
      expect(event.payload).toMatchObject({
        unionOrganisationId: unionX.organisationId,
        caseId: ids.a3,
      });
    });

    it('revokes at once on open sockets: the officer leaves the case room and gets nothing newer', async () => {
      const x = await socketOf('x');
      const chair = await socketOf('chairA');
      await expect(ask(x.socket, 'subscribe', { caseId: ids.a2 })).resolves.toEqual({ ok: true });
      await expect(ask(chair.socket, 'subscribe', { caseId: ids.a2 })).resolves.toEqual({
        ok: true,
      });
      const patch = async (title: string) => {
        const res = await t
          .http()
          .patch(`/cases/${ids.a2}`)
          .set('Authorization', bearer.hrA)
          .send({ version: await versionOf(ids.a2), title })
          .expect(200);
        return res.body.version as number;
      };
      // While shared, the officer follows the case.
      const before = await patch('Introductie WarehouseInsight (v2)');
      await x.inbox.event(
        (e) => e.type === 'case.updated' && e.caseId === ids.a2 && e.version === before,
      );

      await t
        .http()
        .delete(`/union-shares/${shares.a2}`)
        .set('Authorization', bearer.chairA)
        .expect(200);
      const after = await patch('Introductie WarehouseInsight (v3)');
      await chair.inbox.event(
        (e) => e.type === 'case.updated' && e.caseId === ids.a2 && e.version === after,
      );
      await chair.inbox.waitFor(() =>
        chair.inbox.presence.find(
          (p) =>
            p.caseId === ids.a2 && JSON.stringify(p.userIds) === JSON.stringify([orgA.chair.id]),
        ),
      );
      await marker(x.inbox, unionX.officer.id);
      expect(x.inbox.events.filter((e) => e.caseId === ids.a2 && e.version === after)).toEqual([]);
      await expect(ask(x.socket, 'subscribe', { caseId: ids.a2 })).resolves.toMatchObject({
        ok: false,
        code: 'case.not_found',
      });
      await get('x', `/cases/${ids.a2}`).expect(404);
    });

    it('revokes an all-cases share on open sockets too', async () => {
      const y = await socketOf('y');
      await expect(ask(y.socket, 'subscribe', { caseId: ids.b1 })).resolves.toEqual({ ok: true });
      await expect(ask(y.socket, 'subscribe', { caseId: ids.a3 })).resolves.toEqual({ ok: true });
      await t
        .http()
        .delete(`/union-shares/${shares.bAll}`)
        .set('Authorization', bearer.chairB)
        .expect(200);
      const version = (
        await t.http().get(`/cases/${ids.b1}`).set('Authorization', bearer.hrB).expect(200)
      ).body.version as number;
      const patched = await t
        .http()
        .patch(`/cases/${ids.b1}`)
        .set('Authorization', bearer.hrB)
        .send({ version, title: 'Na intrekking' })
        .expect(200);
      // The share of orgA's case a3 is another share: still followed.
      const a3Version = await versionOf(ids.a3);
      const a3 = await t
        .http()
        .patch(`/cases/${ids.a3}`)
        .set('Authorization', bearer.hrA)
        .send({ version: a3Version, title: 'Nog gedeeld' })
        .expect(200);
      await y.inbox.event((e) => e.caseId === ids.a3 && e.version === a3.body.version);
      await marker(y.inbox, unionY.officer.id);
      expect(
        y.inbox.events.filter((e) => e.caseId === ids.b1 && e.version === patched.body.version),
      ).toEqual([]);
      expect((await get('y', `/cases/${ids.b1}`).expect(404)).body.code).toBe('case.not_found');
      const audit = (
        await t.http().get(`/cases/${ids.b2}/audit`).set('Authorization', bearer.hrB).expect(200)
      ).body.items as Json[];
      expect(audit.filter((e) => e.action === 'union_share.revoked')).toEqual([
        expect.objectContaining({
          before: {
            shareId: shares.bAll,
            unionOrganisationId: unionY.organisationId,
            allCases: true,
            scope: 'dossier',
          },
          after: null,
        }),
      ]);
    });
  });
});
