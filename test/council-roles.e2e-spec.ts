import { randomUUID } from 'node:crypto';

import { councilInternalRoom, RealtimeGateway } from '@wc/realtime';
import { type GivenOrganisation, type GivenUser, TEST_PASSWORD } from '@wc/testing';

import { fileCase } from './support/case-fixtures';
import { Listener, sleep } from './support/sockets';
import { itemsOf } from './support/pages';
import { startTestApp, type TestApp } from './support/test-app';

type Json = Record<string, unknown>;

/**
 * Issue #14, B.19: the council's roles belong to the council. Only its board grants, changes and
 * removes them (audited where the council sees it); one account never holds both sides' roles;
 * people from another tenant are never added by id; and access ends at once, on HTTP and on open
 * sockets, when a role goes or a session ends.
 */
describe('council roles and sessions (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  let other: GivenOrganisation;
  const listeners: Listener[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
    other = await t.given.organisation();
  });
  afterAll(async () => {
    for (const listener of listeners) {
      listener.socket.disconnect();
    }
    await t?.close();
  });

  const as = (user: GivenUser) => t.login(user);
  const grant = async (by: GivenUser, body: Json, organisationId = org.organisationId) =>
    t
      .http()
      .post(`/organisations/${organisationId}/memberships`)
      .set('Authorization', await as(by))
      .send(body);
  const membershipsOf = (userId: string) =>
    t.db.query<Array<{ id: string; role: string }>>(
      `SELECT id, role FROM membership WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  const roleChanges = (worksCouncilId: string) =>
    t.db.query<Array<Json>>(
      `SELECT change, role, subject_user_id, actor_user_id FROM council_role_change WHERE works_council_id = $1 ORDER BY occurred_at, change`,
      [worksCouncilId],
    );
  async function listen(bearer: string): Promise<Listener> {
    const listener = await Listener.connect(t.url, bearer.replace(/^Bearer /, ''));
    listeners.push(listener);
    return listener;
  }
  const loginPair = async (user: { email: string; password: string }) =>
    (
      await t
        .http()
        .post('/auth/login')
        .send({ email: user.email, password: user.password })
        .expect(200)
    ).body as { accessToken: string; refreshToken: string };
  /** Polls the server (every instance, through the adapter) until `done` holds; fails after a second. */
  async function within(ms: number, done: () => Promise<boolean>): Promise<number> {
    const start = Date.now();
    while (!(await done())) {
      if (Date.now() - start > ms) {
        throw new Error(`not within ${ms} ms`);
      }
      await sleep(5);
    }
    return Date.now() - start;
  }
  const closed = (listener: Listener) =>
    new Promise<{ code: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no session-expired within 5 s')), 5000);
      listener.socket.once('session-expired', (info) => {
        clearTimeout(timer);
        resolve(info);
      });
    });

  describe('who grants council roles', () => {
    it('refuses an org admin who tries to take a council role (or give or remove one), and stores nothing', async () => {
      const before = await roleChanges(org.worksCouncilId);
      const self = await grant(org.admin, {
        userId: org.admin.id,
        role: 'council_member',
        worksCouncilId: org.worksCouncilId,
      });
      expect(self.status).toBe(403);
      expect(self.body).toMatchObject({ status: 403, code: 'membership.council_board_only' });
      const plain = await t.given.user(org.organisationId, 'council_member', {
        worksCouncilId: org.worksCouncilId,
      });
      const toOther = await grant(org.admin, {
        userId: plain.id,
        role: 'council_chair',
        worksCouncilId: org.worksCouncilId,
      });
      expect(toOther.body).toMatchObject({ status: 403, code: 'membership.council_board_only' });
      const [memberRole] = await membershipsOf(org.member.id);
      const remove = await t
        .http()
        .delete(`/memberships/${memberRole.id}`)
        .set('Authorization', await as(org.admin));
      expect(remove.body).toMatchObject({ status: 403, code: 'membership.council_board_only' });
      const change = await t
        .http()
        .patch(`/memberships/${memberRole.id}`)
        .set('Authorization', await as(org.admin))
        .send({ role: 'council_chair' });
      expect(change.body).toMatchObject({ status: 403, code: 'membership.council_board_only' });
      const deactivate = await t
        .http()
        .post(`/organisations/${org.organisationId}/users/${org.member.id}/deactivation`)
        .set('Authorization', await as(org.admin));
      expect(deactivate.body).toMatchObject({ status: 403, code: 'membership.council_board_only' });

      expect(await membershipsOf(org.admin.id)).toEqual([
        expect.objectContaining({ role: 'org_admin' }),
      ]);
      expect(await membershipsOf(plain.id)).toEqual([
        expect.objectContaining({ role: 'council_member' }),
      ]);
      expect(await membershipsOf(org.member.id)).toEqual([memberRole]);
      expect(
        await t.db.query(`SELECT deactivated_at FROM app_user WHERE id = $1`, [org.member.id]),
      ).toEqual([{ deactivated_at: null }]);
      expect(await roleChanges(org.worksCouncilId)).toEqual(before);
    });

    it("lets an org admin invite a new council's first chair, and no one after that", async () => {
      const admin = await as(org.admin);
      const council = await t
        .http()
        .post(`/organisations/${org.organisationId}/works-councils`)
        .set('Authorization', admin)
        .send({ name: 'Centrale OR', kind: 'cor' })
        .expect(201);
      const worksCouncilId = council.body.id as string;
      const inviteChair = () =>
        t
          .http()
          .post(`/organisations/${org.organisationId}/invitations`)
          .set('Authorization', admin)
          .send({
            email: `chair-${randomUUID()}@example.test`,
            roles: [{ role: 'council_chair', worksCouncilId }],
          });
      const first = await inviteChair();
      expect(first.status).toBe(201);
      const second = await inviteChair(); // still allowed: nobody accepted yet
      expect(second.status).toBe(201);
      const asMember = await t
        .http()
        .post(`/organisations/${org.organisationId}/invitations`)
        .set('Authorization', admin)
        .send({
          email: `member-${randomUUID()}@example.test`,
          roles: [{ role: 'council_member', worksCouncilId }],
        });
      expect(asMember.body).toMatchObject({ status: 403, code: 'membership.council_board_only' });

      const accepted = await t
        .http()
        .post('/invitations/accept')
        .send({
          token: first.body.token,
          displayName: 'Eerste Voorzitter',
          password: 'a long enough password',
        })
        .expect(200);
      const late = await t.http().post('/invitations/accept').send({
        token: second.body.token,
        displayName: 'Tweede Voorzitter',
        password: 'a long enough password',
      });
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({ code: 'invitation.no_longer_allowed' });
      const third = await inviteChair();
      expect(third.body).toMatchObject({ status: 403, code: 'membership.council_board_only' });

      // The new chair runs the council now: it invites members, and keeps a board.
      const chair = `Bearer ${accepted.body.accessToken}`;
      await t
        .http()
        .post(`/organisations/${org.organisationId}/invitations`)
        .set('Authorization', chair)
        .send({
          email: `member-${randomUUID()}@example.test`,
          roles: [{ role: 'council_member', worksCouncilId }],
        })
        .expect(201);
      const me = await t.http().get('/auth/me').set('Authorization', chair).expect(200);
      const own = await t
        .http()
        .delete(`/memberships/${me.body.memberships[0].membershipId}`)
        .set('Authorization', chair);
      expect(own.status).toBe(409);
      expect(own.body).toMatchObject({ code: 'membership.last_board_member' });
      const log = await t
        .http()
        .get(`/works-councils/${worksCouncilId}/role-changes`)
        .set('Authorization', chair)
        .expect(200);
      expect(itemsOf(log)).toEqual([
        expect.objectContaining({
          change: 'granted',
          role: 'council_chair',
          subject: { userId: me.body.userId, displayName: 'Eerste Voorzitter' },
          changedBy: { userId: org.admin.id, displayName: 'Test org_admin' },
        }),
      ]);
    });

    it('lets the board grant, change and remove council roles, audited where the council sees it', async () => {
      const user = await t.given.user(org.organisationId, 'council_member', {
        worksCouncilId: org.worksCouncilId,
      });
      const granted = await grant(org.chair, {
        userId: user.id,
        role: 'committee_member',
        worksCouncilId: org.worksCouncilId,
        committeeId: org.committeeId,
      });
      expect(granted.status).toBe(201);
      const membershipId = granted.body.membershipId as string;
      const changed = await t
        .http()
        .patch(`/memberships/${membershipId}`)
        .set('Authorization', await as(org.secretary))
        .send({ role: 'council_secretary' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        membershipId,
        role: 'council_secretary',
        committeeId: null,
        worksCouncilId: org.worksCouncilId,
      });
      const toEmployer = await t
        .http()
        .patch(`/memberships/${membershipId}`)
        .set('Authorization', await as(org.secretary))
        .send({ role: 'hr_manager' });
      expect(toEmployer.body).toMatchObject({ status: 409, code: 'membership.sides_exclusive' });
      await t
        .http()
        .delete(`/memberships/${membershipId}`)
        .set('Authorization', await as(org.chair))
        .expect(204);

      const log = await t
        .http()
        .get(`/works-councils/${org.worksCouncilId}/role-changes`)
        .set('Authorization', await as(org.member))
        .expect(200);
      const mine = (log.body.items as Array<{ subject: { userId: string } }>).filter(
        (e) => e.subject.userId === user.id,
      );
      expect(mine).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            change: 'granted',
            role: 'committee_member',
            previousRole: null,
            committeeId: org.committeeId,
            changedBy: { userId: org.chair.id, displayName: 'Test council_chair' },
            occurredAt: expect.any(String),
          }),
          expect.objectContaining({
            change: 'changed',
            role: 'council_secretary',
            previousRole: 'committee_member',
            changedBy: { userId: org.secretary.id, displayName: 'Test council_secretary' },
          }),
          expect.objectContaining({
            change: 'removed',
            role: 'council_secretary',
            changedBy: { userId: org.chair.id, displayName: 'Test council_chair' },
          }),
        ]),
      );
      expect(mine).toHaveLength(3);

      // The council's record: not the employer's, not the expert's, not another tenant's; and append-only.
      for (const [who, status, code] of [
        [org.hr, 403, 'works_council.members_only'],
        [org.admin, 403, 'works_council.members_only'],
        [org.expert, 403, 'auth.permission_denied'],
        [other.chair, 404, 'works_council.not_found'],
      ] as const) {
        const res = await t
          .http()
          .get(`/works-councils/${org.worksCouncilId}/role-changes`)
          .set('Authorization', await as(who));
        expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      }
      // The application's role may not change the record at all; even the owner is stopped by the trigger.
      await expect(
        t.db.query(
          `UPDATE council_role_change SET role = 'council_chair' WHERE subject_user_id = $1`,
          [user.id],
        ),
      ).rejects.toThrow(/permission denied/);
      await expect(
        t.db.query(`DELETE FROM council_role_change WHERE subject_user_id = $1`, [user.id]),
      ).rejects.toThrow(/permission denied/);
      await expect(
        t.ownerQuery(
          `UPDATE council_role_change SET role = 'council_chair' WHERE subject_user_id = $1`,
          [user.id],
        ),
      ).rejects.toThrow(/append-only/);
      await expect(
        t.ownerQuery(`DELETE FROM council_role_change WHERE subject_user_id = $1`, [user.id]),
      ).rejects.toThrow(/append-only/);
    });

    it('refuses a dual-side account (membership.sides_exclusive) and stores nothing', async () => {
      const attempts = [
        await grant(org.chair, {
          userId: org.hr.id,
          role: 'council_member',
          worksCouncilId: org.worksCouncilId,
        }),
        await grant(org.admin, { userId: org.member.id, role: 'hr_manager' }),
        await grant(org.admin, { userId: org.expert.id, role: 'org_admin' }),
        await t
          .http()
          .post(`/organisations/${org.organisationId}/invitations`)
          .set('Authorization', await as(org.admin))
          .send({
            email: `both-${randomUUID()}@example.test`,
            roles: [
              { role: 'employer_representative' },
              { role: 'council_chair', worksCouncilId: org.worksCouncilId },
            ],
          }),
      ];
      expect(attempts.map((r) => ({ status: r.status, code: r.body.code }))).toEqual(
        attempts.map(() => ({ status: 409, code: 'membership.sides_exclusive' })),
      );
      expect((await membershipsOf(org.hr.id)).map((m) => m.role)).toEqual(['hr_manager']);
      expect((await membershipsOf(org.member.id)).map((m) => m.role)).toEqual(['council_member']);
      expect((await membershipsOf(org.expert.id)).map((m) => m.role)).toEqual(['external_expert']);
    });
  });

  describe("the council's own expert (WOR art. 16, art. 22)", () => {
    it('lets the board invite its expert bound by art. 20; the employer sees the cost notice, not the address', async () => {
      const hrSocket = await listen(await as(org.hr));
      const email = `expert-${randomUUID()}@example.test`;
      const notice = {
        email,
        purpose: 'Toets van de DPIA en het scoringsmodel van WarehouseInsight',
        expectedCostsCents: 4_500_00,
      };
      const byAdmin = await t
        .http()
        .post(`/works-councils/${org.worksCouncilId}/expert-engagements`)
        .set('Authorization', await as(org.admin))
        .send(notice);
      expect(byAdmin.body).toMatchObject({ status: 403, code: 'membership.council_board_only' });
      const byHr = await t
        .http()
        .post(`/works-councils/${org.worksCouncilId}/expert-engagements`)
        .set('Authorization', await as(org.hr))
        .send(notice);
      expect(byHr.body).toMatchObject({ status: 403, code: 'auth.permission_denied' });
      const byOther = await t
        .http()
        .post(`/works-councils/${org.worksCouncilId}/expert-engagements`)
        .set('Authorization', await as(other.chair))
        .send(notice);
      expect(byOther.body).toMatchObject({ status: 404, code: 'works_council.not_found' });

      const plainInvitation = await t
        .http()
        .post(`/organisations/${org.organisationId}/invitations`)
        .set('Authorization', await as(org.chair))
        .send({ email, roles: [{ role: 'external_expert', worksCouncilId: org.worksCouncilId }] });
      expect(plainInvitation.body).toMatchObject({
        status: 422,
        code: 'membership.expert_by_engagement',
      });

      const engaged = await t
        .http()
        .post(`/works-councils/${org.worksCouncilId}/expert-engagements`)
        .set('Authorization', await as(org.chair))
        .send(notice);
      expect(engaged.status).toBe(201);
      expect(engaged.body).toMatchObject({
        status: 'invited',
        purpose: notice.purpose,
        expectedCostsCents: 450000,
        email,
        expert: null,
        invitation: { email, token: expect.any(String) },
      });
      const event = await hrSocket.event(
        'expert_engagement.notified',
        (e) => e.engagementId === engaged.body.id,
      );
      expect(event).toMatchObject({ userId: org.hr.id, engagementId: engaged.body.id });

      const seenByHr = async () =>
        (
          (
            await t
              .http()
              .get(`/works-councils/${org.worksCouncilId}/expert-engagements`)
              .set('Authorization', await as(org.hr))
              .expect(200)
          ).body.items as Json[]
        ).find((e) => e.id === engaged.body.id);
      expect(await seenByHr()).toEqual({
        id: engaged.body.id,
        worksCouncilId: org.worksCouncilId,
        status: 'invited',
        purpose: notice.purpose,
        expectedCostsCents: 450000,
        notifiedAt: expect.any(String),
        expert: null,
        email: null,
        confidentialityAcknowledgedAt: null,
      });

      const token = engaged.body.invitation.token as string;
      const unbound = await t
        .http()
        .post('/invitations/accept')
        .send({ token, displayName: 'Eva Expert', password: 'a long enough password' });
      expect(unbound.status).toBe(422);
      expect(unbound.body).toMatchObject({
        code: 'invitation.confidentiality_required',
        errors: [{ path: 'confidentialityAcknowledged', message: expect.any(String) }],
      });
      expect(await t.db.query(`SELECT id FROM app_user WHERE email = $1`, [email])).toEqual([]);
      const accepted = await t
        .http()
        .post('/invitations/accept')
        .send({
          token,
          displayName: 'Eva Expert',
          password: 'a long enough password',
          confidentialityAcknowledged: true,
        })
        .expect(200);

      const me = await t
        .http()
        .get('/auth/me')
        .set('Authorization', `Bearer ${accepted.body.accessToken}`)
        .expect(200);
      expect(me.body.memberships).toEqual([
        expect.objectContaining({ role: 'external_expert', worksCouncilId: org.worksCouncilId }),
      ]);
      expect(await seenByHr()).toMatchObject({
        status: 'engaged',
        expert: { userId: me.body.userId, displayName: 'Eva Expert' },
        email: null,
        confidentialityAcknowledgedAt: t.clock.now().toISOString(),
      });
      const byMember = await t
        .http()
        .get(`/works-councils/${org.worksCouncilId}/expert-engagements`)
        .set('Authorization', await as(org.member))
        .expect(200);
      expect((byMember.body.items as Json[]).find((e) => e.id === engaged.body.id)).toMatchObject({
        email,
        status: 'engaged',
      });
      const log = await t
        .http()
        .get(`/works-councils/${org.worksCouncilId}/role-changes`)
        .set('Authorization', await as(org.member))
        .expect(200);
      expect(itemsOf(log)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            change: 'granted',
            role: 'external_expert',
            subject: { userId: me.body.userId, displayName: 'Eva Expert' },
            changedBy: expect.objectContaining({ userId: org.chair.id }),
          }),
        ]),
      );

      // Scoped to the cases the board chooses: none until it adds the expert to one.
      const { caseId, version } = await fileCase(t, org, await as(org.hr));
      const expertBearer = `Bearer ${accepted.body.accessToken}`;
      await t.http().get(`/cases/${caseId}`).set('Authorization', expertBearer).expect(404);
      await t
        .http()
        .post(`/cases/${caseId}/experts`)
        .set('Authorization', await as(org.chair))
        .send({ version, userId: me.body.userId })
        .expect(201);
      await t.http().get(`/cases/${caseId}`).set('Authorization', expertBearer).expect(200);
    });
  });

  describe('tenants stay apart', () => {
    const comparable = (body: Json) => {
      const { instance: _instance, correlationId: _correlationId, ...rest } = body;
      return rest;
    };

    it("answers another tenant's user id exactly like an unknown one, and never shows its e-mail", async () => {
      for (const [by, body] of [
        [org.admin, { role: 'employer_representative' }],
        [org.chair, { role: 'council_member', worksCouncilId: org.worksCouncilId }],
      ] as const) {
        const foreign = await grant(by, { ...body, userId: other.hr.id });
        const unknown = await grant(by, { ...body, userId: randomUUID() });
        expect({
          status: foreign.status,
          body: comparable(foreign.body),
          type: foreign.headers['content-type'],
        }).toEqual({
          status: unknown.status,
          body: comparable(unknown.body),
          type: unknown.headers['content-type'],
        });
        expect(foreign.body).toMatchObject({ status: 404, code: 'user.not_found' });
        expect(JSON.stringify(foreign.body)).not.toContain(other.hr.email);
      }
      expect((await membershipsOf(other.hr.id)).map((m) => m.role)).toEqual(['hr_manager']);
    });
  });

  describe('access ends at once', () => {
    it('takes a removed council member out of the internal room within a second; the next note does not reach it and HTTP answers 404', async () => {
      const removed = await t.given.user(org.organisationId, 'council_member', {
        worksCouncilId: org.worksCouncilId,
      });
      // A second role (another committee) keeps the account signed in with case:read, so the case answers 404, not 403.
      const [{ id: committeeB }] = await t.db.query<Array<{ id: string }>>(
        `INSERT INTO committee (works_council_id, name) VALUES ($1, 'Arbo') RETURNING id`,
        [org.worksCouncilId],
      );
      await t.given.membership(removed.id, org.organisationId, 'committee_member', {
        worksCouncilId: org.worksCouncilId,
        committeeId: committeeB,
      });
      const { caseId } = await fileCase(t, org, await as(org.hr));
      const oldToken = await as(removed);
      const stays = await listen(await as(org.member));
      const goes = await listen(oldToken);
      for (const listener of [stays, goes]) {
        expect(await listener.request('subscribe', { caseId })).toEqual({ ok: true });
        expect(await listener.request('subscribe-internal', { caseId })).toEqual({ ok: true });
      }
      await t
        .http()
        .get(`/cases/${caseId}/internal/notes`)
        .set('Authorization', oldToken)
        .expect(200);
      const [councilRole] = (await membershipsOf(removed.id)).filter(
        (m) => m.role === 'council_member',
      );

      await t
        .http()
        .delete(`/memberships/${councilRole.id}`)
        .set('Authorization', await as(org.chair))
        .expect(204);
      const gateway = t.app.get(RealtimeGateway);
      const tookMs = await within(1000, async () => {
        const inRoom = await gateway.server.in(councilInternalRoom(caseId)).fetchSockets();
        return !inRoom.some((s) => s.id === goes.socket.id);
      });
      expect(tookMs).toBeLessThan(1000);

      const note = await t
        .http()
        .post(`/cases/${caseId}/internal/notes`)
        .set('Authorization', await as(org.chair))
        .send({ kind: 'note', body: 'Alleen voor de OR' })
        .expect(201);
      await stays.event('internal.note_added', (e) => e.noteId === note.body.id);
      const comment = await t
        .http()
        .post(`/cases/${caseId}/comments`)
        .set('Authorization', await as(org.hr))
        .send({ body: 'Later bericht' })
        .expect(201);
      await stays.event(
        'comment.created',
        (e) => e.commentId === comment.body.id || e.id === comment.body.id,
      );
      expect(goes.withPrefix('internal.note_added')).toEqual([]);
      expect(goes.ofType('comment.created')).toEqual([]);
      expect(goes.socket.connected).toBe(true); // the session itself is fine

      for (const path of [`/cases/${caseId}`, `/cases/${caseId}/internal/notes`]) {
        const res = await t.http().get(path).set('Authorization', oldToken);
        expect({ path, status: res.status, code: res.body.code }).toEqual({
          path,
          status: 404,
          code: 'case.not_found',
        });
      }
      expect(await goes.request('subscribe-internal', { caseId })).toMatchObject({
        ok: false,
        code: 'case.not_found',
      });
    });

    it('lets a council member granted a role join its council rooms on the open socket', async () => {
      const user = await t.given.user(org.organisationId, 'council_member', {
        worksCouncilId: other.worksCouncilId,
      });
      await t.db.query(`DELETE FROM membership WHERE user_id = $1`, [user.id]);
      await t.given.membership(user.id, org.organisationId, 'committee_member', {
        worksCouncilId: org.worksCouncilId,
        committeeId: org.committeeId,
      });
      const listener = await listen(await as(user));
      await grant(org.chair, {
        userId: user.id,
        role: 'council_member',
        worksCouncilId: org.worksCouncilId,
      }).then((r) => expect(r.status).toBe(201));
      const gateway = t.app.get(RealtimeGateway);
      await within(1000, async () =>
        (await gateway.server.in(`council-cases:${org.worksCouncilId}`).fetchSockets()).some(
          (s) => s.id === listener.socket.id,
        ),
      );
    });

    it('refuses the old access token at once after logout, and closes its socket', async () => {
      const user = await t.given.user(org.organisationId, 'council_member', {
        worksCouncilId: org.worksCouncilId,
      });
      const pair = await loginPair(user);
      const listener = await listen(pair.accessToken);
      const ended = closed(listener);
      await t.http().post('/auth/logout').send({ refreshToken: pair.refreshToken }).expect(204);
      const res = await t.http().get('/auth/me').set('Authorization', `Bearer ${pair.accessToken}`);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ status: 401, code: 'auth.invalid_token' });
      expect(await ended).toEqual({ code: 'auth.session_ended', detail: expect.any(String) });
      await within(1000, () => Promise.resolve(!listener.socket.connected));
      // Another session of the same user goes on.
      await t
        .http()
        .get('/auth/me')
        .set('Authorization', await as(user))
        .expect(200);
    });

    it('refuses a socket message once its session ended, even before the relay closes it', async () => {
      const user = await t.given.user(org.organisationId, 'council_member', {
        worksCouncilId: org.worksCouncilId,
      });
      const pair = await loginPair(user);
      const listener = await listen(pair.accessToken);
      // Revoked behind the relay's back (no outbox event): the message check alone must catch it.
      await t.db.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1`, [user.id]);
      const ack = await listener.request('subscribe', { caseId: randomUUID() });
      expect(ack).toEqual({ ok: false, code: 'auth.session_ended', detail: expect.any(String) });
      await within(1000, () => Promise.resolve(!listener.socket.connected));
    });

    it('ends every other session at once on a password change; the one that changed it goes on', async () => {
      const user = await t.given.user(org.organisationId, 'council_member', {
        worksCouncilId: org.worksCouncilId,
      });
      const here = await loginPair(user);
      const elsewhere = await loginPair(user);
      const listener = await listen(elsewhere.accessToken);
      const ended = closed(listener);
      await t
        .http()
        .post('/auth/password')
        .set('Authorization', `Bearer ${here.accessToken}`)
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' })
        .expect(204);
      const old = await t
        .http()
        .get('/auth/me')
        .set('Authorization', `Bearer ${elsewhere.accessToken}`);
      expect(old.status).toBe(401);
      expect(old.body.code).toBe('auth.invalid_token');
      await t
        .http()
        .post('/auth/refresh')
        .send({ refreshToken: elsewhere.refreshToken })
        .expect(401);
      await t.http().get('/auth/me').set('Authorization', `Bearer ${here.accessToken}`).expect(200);
      expect((await ended).code).toBe('auth.session_ended');
      await t.login({ email: user.email, password: 'a brand new password' });
    });

    it("deactivates accounts: the admin the employer's, the board the council's; access ends at once", async () => {
      const hr = await t.given.user(org.organisationId, 'hr_manager');
      const hrPair = await loginPair(hr);
      const hrToken = `Bearer ${hrPair.accessToken}`;
      const hrEnded = closed(await listen(hrToken));
      await t
        .http()
        .post(`/organisations/${org.organisationId}/users/${hr.id}/deactivation`)
        .set('Authorization', await as(org.chair))
        .expect(403);
      await t
        .http()
        .post(`/organisations/${org.organisationId}/users/${hr.id}/deactivation`)
        .set('Authorization', await as(org.admin))
        .expect(204);
      expect((await t.http().get('/auth/me').set('Authorization', hrToken)).status).toBe(401);
      // Its open socket is closed and its refresh token refused, at once.
      expect((await hrEnded).code).toBe('auth.session_ended');
      const refresh = await t
        .http()
        .post('/auth/refresh')
        .send({ refreshToken: hrPair.refreshToken });
      expect(refresh.status).toBe(401);
      const login = await t
        .http()
        .post('/auth/login')
        .send({ email: hr.email, password: hr.password });
      expect(login.body).toMatchObject({ status: 401, code: 'auth.invalid_credentials' });

      const member = await t.given.user(org.organisationId, 'council_member', {
        worksCouncilId: org.worksCouncilId,
      });
      const listener = await listen(await as(member));
      const ended = closed(listener);
      await t
        .http()
        .post(`/organisations/${org.organisationId}/users/${member.id}/deactivation`)
        .set('Authorization', await as(org.secretary))
        .expect(204);
      expect((await ended).code).toBe('auth.session_ended');
      expect(await roleChanges(org.worksCouncilId)).toEqual(
        expect.arrayContaining([
          {
            change: 'deactivated',
            role: 'council_member',
            subject_user_id: member.id,
            actor_user_id: org.secretary.id,
          },
        ]),
      );
      const foreign = await t
        .http()
        .post(`/organisations/${org.organisationId}/users/${other.hr.id}/deactivation`)
        .set('Authorization', await as(org.admin));
      expect(foreign.body).toMatchObject({ status: 404, code: 'user.not_found' });
    });
  });
});
