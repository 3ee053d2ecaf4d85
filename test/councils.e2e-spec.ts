import { createHash, randomUUID } from 'node:crypto';

import type { GivenOrganisation, GivenUser } from '@wc/testing';

import { itemsOf } from './support/pages';
import { startTestApp, type TestApp } from './support/test-app';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const PROBLEM_JSON = /^application\/problem\+json/;

describe('organisations, councils, memberships and invitations (e2e)', () => {
  let t: TestApp;
  let orgA: GivenOrganisation;
  let orgB: GivenOrganisation;
  let sequence = 0;
  const newEmail = () =>
    `Invitee-${process.pid}-${++sequence}-${randomUUID().slice(0, 8)}@Example.test`;

  /** Logs in at the current (fake) time, so tokens stay valid after the clock moved. */
  const as = (user: GivenUser) => t.login(user);

  const invite = async (admin: GivenUser, organisationId: string, body: object) =>
    t
      .http()
      .post(`/organisations/${organisationId}/invitations`)
      .set('Authorization', await as(admin))
      .send(body);

  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.given.organisation();
    orgB = await t.given.organisation();
  });
  afterAll(() => t.close());

  describe('invitations', () => {
    it("lets the council's board invite with council roles; the invitee accepts, logs in and has the memberships", async () => {
      const email = newEmail();
      const invited = await invite(orgA.chair, orgA.organisationId, {
        email,
        roles: [
          { role: 'council_member', worksCouncilId: orgA.worksCouncilId },
          {
            role: 'committee_member',
            worksCouncilId: orgA.worksCouncilId,
            committeeId: orgA.committeeId,
          },
        ],
      });
      expect(invited.status).toBe(201);
      const expectedExpiry = new Date(t.clock.now().getTime() + 72 * 3_600_000).toISOString();
      expect(invited.body).toEqual({
        id: expect.any(String),
        email: email.toLowerCase(),
        expiresAt: expectedExpiry,
        token: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/),
        acceptUrl: expect.stringContaining(`#token=${invited.body.token}`),
      });
      const token = invited.body.token as string;

      // Only the hash of the token is stored.
      const [row] = await t.db.query(
        `SELECT organisation_id, email, token_hash, roles, accepted_at, expires_at FROM invitation WHERE id = $1`,
        [invited.body.id],
      );
      expect(row).toMatchObject({
        organisation_id: orgA.organisationId,
        email: email.toLowerCase(),
        token_hash: sha256(token),
        accepted_at: null,
      });
      expect(row.token_hash).not.toBe(token);
      expect(new Date(row.expires_at).toISOString()).toBe(expectedExpiry);

      const accepted = await t.http().post('/invitations/accept').send({
        token,
        displayName: 'Ingrid Invitee',
        password: 'a long enough password',
        language: 'en',
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual({
        accessToken: expect.any(String),
        accessTokenExpiresAt: expect.any(String),
        refreshToken: expect.any(String),
        refreshTokenExpiresAt: expect.any(String),
      });

      const expectedMemberships = [
        expect.objectContaining({
          organisationId: orgA.organisationId,
          worksCouncilId: orgA.worksCouncilId,
          committeeId: null,
          role: 'council_member',
        }),
        expect.objectContaining({
          organisationId: orgA.organisationId,
          worksCouncilId: orgA.worksCouncilId,
          committeeId: orgA.committeeId,
          role: 'committee_member',
        }),
      ];
      const meWithIssuedToken = await t
        .http()
        .get('/auth/me')
        .set('Authorization', `Bearer ${accepted.body.accessToken}`);
      expect(meWithIssuedToken.status).toBe(200);
      expect(meWithIssuedToken.body).toMatchObject({
        email: email.toLowerCase(),
        displayName: 'Ingrid Invitee',
        language: 'en',
        organisationId: orgA.organisationId,
      });
      expect(meWithIssuedToken.body.memberships).toEqual(
        expect.arrayContaining(expectedMemberships),
      );
      expect(meWithIssuedToken.body.memberships).toHaveLength(2);

      const bearer = await t.login({ email, password: 'a long enough password' });
      const me = await t.http().get('/auth/me').set('Authorization', bearer).expect(200);
      expect(me.body.memberships).toEqual(expect.arrayContaining(expectedMemberships));

      const [after] = await t.db.query(`SELECT accepted_at FROM invitation WHERE id = $1`, [
        invited.body.id,
      ]);
      expect(new Date(after.accepted_at).toISOString()).toBe(t.clock.now().toISOString());

      // The token works once.
      const again = await t
        .http()
        .post('/invitations/accept')
        .send({ token, displayName: 'Someone Else', password: 'another long password' });
      expect(again.status).toBe(404);
      expect(again.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(again.body).toMatchObject({ status: 404, code: 'invitation.not_found' });
      const [{ count }] = await t.db.query(
        `SELECT count(*)::int AS count FROM app_user WHERE email = $1`,
        [email.toLowerCase()],
      );
      expect(count).toBe(1);
    });

    it('answers an unknown token with the same 404', async () => {
      const res = await t
        .http()
        .post('/invitations/accept')
        .send({ token: 'x'.repeat(43), displayName: 'Nobody', password: 'a long enough password' });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ status: 404, code: 'invitation.not_found' });
    });

    it('refuses an invitation after it expired (72 hours) and creates no account', async () => {
      const email = newEmail();
      const invited = await invite(orgA.secretary, orgA.organisationId, {
        email,
        roles: [{ role: 'council_member', worksCouncilId: orgA.worksCouncilId }],
      });
      expect(invited.status).toBe(201);

      t.clock.advance({ hours: 73 });

      const res = await t.http().post('/invitations/accept').send({
        token: invited.body.token,
        displayName: 'Too Late',
        password: 'a long enough password',
      });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({ status: 404, code: 'invitation.not_found' });
      const users = await t.db.query(`SELECT id FROM app_user WHERE email = $1`, [
        email.toLowerCase(),
      ]);
      expect(users).toEqual([]);
      const [row] = await t.db.query(`SELECT accepted_at FROM invitation WHERE id = $1`, [
        invited.body.id,
      ]);
      expect(row.accepted_at).toBeNull();
    });

    it('still accepts an invitation just before it expires', async () => {
      const email = newEmail();
      const invited = await invite(orgA.admin, orgA.organisationId, {
        email,
        roles: [{ role: 'hr_manager' }],
      });
      expect(invited.status).toBe(201);

      t.clock.advance({ hours: 71 });

      const res = await t.http().post('/invitations/accept').send({
        token: invited.body.token,
        displayName: 'Just In Time',
        password: 'a long enough password',
      });
      expect(res.status).toBe(200);
      const memberships = await t.db.query(
        `SELECT m.role, m.works_council_id FROM membership m JOIN app_user u ON u.id = m.user_id WHERE u.email = $1`,
        [email.toLowerCase()],
      );
      expect(memberships).toEqual([{ role: 'hr_manager', works_council_id: null }]);
    });

    it('refuses a council role without a works council with 422 and field errors, and stores nothing', async () => {
      const email = newEmail();
      const res = await invite(orgA.admin, orgA.organisationId, {
        email,
        roles: [{ role: 'council_member' }],
      });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({
        status: 422,
        code: 'membership.council_required',
        errors: [{ path: 'worksCouncilId', message: expect.any(String) }],
      });
      const rows = await t.db.query(`SELECT id FROM invitation WHERE email = $1`, [
        email.toLowerCase(),
      ]);
      expect(rows).toEqual([]);
    });

    it('refuses a works council of another organisation as the placement', async () => {
      const res = await invite(orgA.admin, orgA.organisationId, {
        email: newEmail(),
        roles: [{ role: 'council_chair', worksCouncilId: orgB.worksCouncilId }],
      });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        code: 'membership.council_required',
        errors: [{ path: 'worksCouncilId', message: expect.any(String) }],
      });
    });

    it('refuses a council for an employer-side role and a committee member without a committee', async () => {
      const employerWithCouncil = await invite(orgA.admin, orgA.organisationId, {
        email: newEmail(),
        roles: [{ role: 'hr_manager', worksCouncilId: orgA.worksCouncilId }],
      });
      expect(employerWithCouncil.status).toBe(422);
      expect(employerWithCouncil.body).toMatchObject({
        code: 'membership.unexpected_council',
        errors: [{ path: 'worksCouncilId', message: expect.any(String) }],
      });

      const committeeless = await invite(orgA.admin, orgA.organisationId, {
        email: newEmail(),
        roles: [{ role: 'committee_member', worksCouncilId: orgA.worksCouncilId }],
      });
      expect(committeeless.status).toBe(422);
      expect(committeeless.body).toMatchObject({
        code: 'membership.committee_required',
        errors: [{ path: 'committeeId', message: expect.any(String) }],
      });
    });

    it('lets no council member invite (403 by the coarse permission)', async () => {
      const email = newEmail();
      const res = await invite(orgA.member, orgA.organisationId, {
        email,
        roles: [{ role: 'council_member', worksCouncilId: orgA.worksCouncilId }],
      });
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({ status: 403, code: 'auth.permission_denied' });
      const rows = await t.db.query(`SELECT id FROM invitation WHERE email = $1`, [
        email.toLowerCase(),
      ]);
      expect(rows).toEqual([]);
    });

    it('lets no council chair invite to an employer-side role, and no org admin to a council role', async () => {
      const email = newEmail();
      const byChair = await invite(orgA.chair, orgA.organisationId, {
        email,
        roles: [{ role: 'hr_manager' }],
      });
      expect(byChair.status).toBe(403);
      expect(byChair.body).toMatchObject({ status: 403, code: 'organisation.admin_required' });
      const byAdmin = await invite(orgA.admin, orgA.organisationId, {
        email,
        roles: [{ role: 'council_member', worksCouncilId: orgA.worksCouncilId }],
      });
      expect(byAdmin.status).toBe(403);
      expect(byAdmin.body).toMatchObject({ status: 403, code: 'membership.council_board_only' });
      expect(
        await t.db.query(`SELECT id FROM invitation WHERE email = $1`, [email.toLowerCase()]),
      ).toEqual([]);
    });
  });

  describe('memberships', () => {
    it("lets the council's board add a council role to a user of the organisation and remove it again", async () => {
      const user = await t.given.user(orgA.organisationId, 'council_member', {
        worksCouncilId: orgA.worksCouncilId,
      });
      const chair = await as(orgA.chair);

      const added = await t
        .http()
        .post(`/organisations/${orgA.organisationId}/memberships`)
        .set('Authorization', chair)
        .send({ userId: user.id, role: 'council_secretary', worksCouncilId: orgA.worksCouncilId });
      expect(added.status).toBe(201);
      expect(added.body).toEqual({
        membershipId: expect.any(String),
        userId: user.id,
        displayName: 'Test council_member',
        email: user.email,
        role: 'council_secretary',
        worksCouncilId: orgA.worksCouncilId,
        committeeId: null,
        deactivated: false,
      });
      const membershipId = added.body.membershipId as string;
      const rows = await t.db.query(
        `SELECT user_id, organisation_id, works_council_id, role FROM membership WHERE id = $1`,
        [membershipId],
      );
      expect(rows).toEqual([
        {
          user_id: user.id,
          organisation_id: orgA.organisationId,
          works_council_id: orgA.worksCouncilId,
          role: 'council_secretary',
        },
      ]);

      const list = await t
        .http()
        .get(`/organisations/${orgA.organisationId}/memberships`)
        .set('Authorization', chair)
        .expect(200);
      expect(itemsOf(list)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ membershipId, userId: user.id, role: 'council_secretary' }),
        ]),
      );

      const me = await t
        .http()
        .get('/auth/me')
        .set('Authorization', await as(user))
        .expect(200);
      expect(me.body.memberships.map((m: { role: string }) => m.role).sort()).toEqual([
        'council_member',
        'council_secretary',
      ]);

      await t.http().delete(`/memberships/${membershipId}`).set('Authorization', chair).expect(204);
      expect(await t.db.query(`SELECT id FROM membership WHERE id = $1`, [membershipId])).toEqual(
        [],
      );
      const meAfter = await t
        .http()
        .get('/auth/me')
        .set('Authorization', await as(user))
        .expect(200);
      expect(meAfter.body.memberships.map((m: { role: string }) => m.role)).toEqual([
        'council_member',
      ]);

      const again = await t
        .http()
        .delete(`/memberships/${membershipId}`)
        .set('Authorization', chair);
      expect(again.status).toBe(404);
      expect(again.body).toMatchObject({ status: 404, code: 'membership.not_found' });
    });

    it('lets an org admin add and remove an employer-side role', async () => {
      const user = await t.given.user(orgA.organisationId, 'hr_manager');
      const admin = await as(orgA.admin);
      const added = await t
        .http()
        .post(`/organisations/${orgA.organisationId}/memberships`)
        .set('Authorization', admin)
        .send({ userId: user.id, role: 'employer_representative' });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        userId: user.id,
        email: user.email,
        role: 'employer_representative',
        worksCouncilId: null,
      });
      await t
        .http()
        .delete(`/memberships/${added.body.membershipId}`)
        .set('Authorization', admin)
        .expect(204);
    });

    it("shows staff e-mail addresses to the organisation's people, not to an external expert", async () => {
      const byMember = await t
        .http()
        .get(`/organisations/${orgA.organisationId}/memberships`)
        .set('Authorization', await as(orgA.member))
        .expect(200);
      const byExpert = await t
        .http()
        .get(`/organisations/${orgA.organisationId}/memberships`)
        .set('Authorization', await as(orgA.expert))
        .expect(200);
      const hr = (list: {
        body: Array<{ userId: string; email: string | null; displayName: string }>;
      }) => itemsOf(list).find((m) => m.userId === orgA.hr.id);
      expect(hr(byMember)).toMatchObject({ email: orgA.hr.email, displayName: expect.any(String) });
      expect(hr(byExpert)).toMatchObject({ email: null, displayName: hr(byMember)?.displayName });
      expect(itemsOf(byExpert).map((m: { email: string | null }) => m.email)).toEqual(
        itemsOf(byExpert).map(() => null),
      );
      expect(itemsOf(byExpert)).toHaveLength(itemsOf(byMember).length);
    });

    it('lets no council chair add or remove an employer-side role', async () => {
      const chair = await as(orgA.chair);
      const user = await t.given.user(orgA.organisationId, 'hr_manager');
      const add = await t
        .http()
        .post(`/organisations/${orgA.organisationId}/memberships`)
        .set('Authorization', chair)
        .send({ userId: user.id, role: 'employer_representative' });
      expect(add.status).toBe(403);
      expect(add.body.code).toBe('organisation.admin_required');

      const [{ id: membershipId }] = await t.db.query(
        `SELECT id FROM membership WHERE user_id = $1`,
        [user.id],
      );
      const remove = await t
        .http()
        .delete(`/memberships/${membershipId}`)
        .set('Authorization', chair);
      expect(remove.status).toBe(403);
      expect(remove.body.code).toBe('organisation.admin_required');
      expect(
        await t.db.query(`SELECT id FROM membership WHERE id = $1`, [membershipId]),
      ).toHaveLength(1);
    });

    it('lets no council member add or remove memberships (403 by the coarse permission)', async () => {
      const member = await as(orgA.member);
      const [{ id: membershipId }] = await t.db.query(
        `SELECT id FROM membership WHERE user_id = $1`,
        [orgA.committeeMember.id],
      );
      const remove = await t
        .http()
        .delete(`/memberships/${membershipId}`)
        .set('Authorization', member);
      expect(remove.status).toBe(403);
      expect(remove.body.code).toBe('auth.permission_denied');
    });

    it('answers an unknown user with a 404 problem, not a server error', async () => {
      const res = await t
        .http()
        .post(`/organisations/${orgA.organisationId}/memberships`)
        .set('Authorization', await as(orgA.admin))
        .send({ userId: randomUUID(), role: 'employer_representative' });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ status: 404, code: 'user.not_found' });
    });
  });

  describe('tenant isolation', () => {
    /** The parts of a problem that may differ between two requests (the URL and the request id). */
    const comparable = (body: Record<string, unknown>) => {
      const { instance: _instance, correlationId: _correlationId, ...rest } = body;
      return rest;
    };

    it('answers an admin of organisation B with 404 on every route of organisation A, exactly as for an unknown id', async () => {
      const bearer = await as(orgB.admin);
      const [{ id: membershipOfA }] = await t.db.query(
        `SELECT id FROM membership WHERE user_id = $1`,
        [orgA.member.id],
      );
      const userOfA = orgA.hr.id;
      const routes: Array<{
        method: 'get' | 'post' | 'patch' | 'delete';
        path: (ids: { org: string; council: string; membership: string }) => string;
        body?: object;
      }> = [
        { method: 'get', path: (x) => `/organisations/${x.org}` },
        { method: 'get', path: (x) => `/organisations/${x.org}/works-councils` },
        {
          method: 'post',
          path: (x) => `/organisations/${x.org}/works-councils`,
          body: { name: 'Hijacked council', kind: 'or' },
        },
        { method: 'get', path: (x) => `/works-councils/${x.council}` },
        {
          method: 'post',
          path: (x) => `/works-councils/${x.council}/committees`,
          body: { name: 'Hijacked committee' },
        },
        { method: 'get', path: (x) => `/organisations/${x.org}/memberships` },
        {
          method: 'post',
          path: (x) => `/organisations/${x.org}/memberships`,
          body: { userId: userOfA, role: 'org_admin' },
        },
        { method: 'delete', path: (x) => `/memberships/${x.membership}` },
        {
          method: 'patch',
          path: (x) => `/memberships/${x.membership}`,
          body: { role: 'council_secretary' },
        },
        { method: 'post', path: (x) => `/organisations/${x.org}/users/${userOfA}/deactivation` },
        { method: 'get', path: (x) => `/works-councils/${x.council}/role-changes` },
        {
          method: 'post',
          path: (x) => `/organisations/${x.org}/invitations`,
          body: { email: newEmail(), roles: [{ role: 'org_admin' }] },
        },
      ];
      const ofA = {
        org: orgA.organisationId,
        council: orgA.worksCouncilId,
        membership: membershipOfA,
      };
      const unknown = { org: randomUUID(), council: randomUUID(), membership: randomUUID() };

      const outcomes = [];
      for (const route of routes) {
        const call = (ids: typeof ofA) =>
          t.http()[route.method](route.path(ids)).set('Authorization', bearer).send(route.body);
        const real = await call(ofA);
        const fake = await call(unknown);
        outcomes.push({
          route: `${route.method.toUpperCase()} ${route.path({ org: ':A', council: ':councilA', membership: ':membershipOfA' })}`,
          status: real.status,
          contentType: real.headers['content-type'],
          body: comparable(real.body),
          unknownStatus: fake.status,
          unknownBody: comparable(fake.body),
        });
      }
      for (const outcome of outcomes) {
        expect(outcome).toEqual({
          route: outcome.route,
          status: 404,
          contentType: expect.stringMatching(PROBLEM_JSON),
          body: outcome.unknownBody,
          unknownStatus: 404,
          unknownBody: expect.objectContaining({
            status: 404,
            code: expect.stringMatching(/\.not_found$/),
          }),
        });
      }

      // Nothing of A changed.
      expect(
        await t.db.query(`SELECT id FROM membership WHERE id = $1`, [membershipOfA]),
      ).toHaveLength(1);
      expect(
        await t.db.query(`SELECT id FROM works_council WHERE organisation_id = $1`, [
          orgA.organisationId,
        ]),
      ).toHaveLength(1);
      expect(
        await t.db.query(`SELECT id FROM committee WHERE works_council_id = $1`, [
          orgA.worksCouncilId,
        ]),
      ).toHaveLength(1);
      expect(
        await t.db.query(`SELECT id FROM membership WHERE user_id = $1 AND role = 'org_admin'`, [
          userOfA,
        ]),
      ).toEqual([]);
      expect(
        await t.db.query(`SELECT deactivated_at FROM app_user WHERE id = $1`, [userOfA]),
      ).toEqual([{ deactivated_at: null }]);
      expect(
        await t.db.query(`SELECT role FROM membership WHERE user_id = $1`, [orgA.member.id]),
      ).toEqual([{ role: 'council_member' }]);
      expect(
        await t.db.query(
          `SELECT id FROM invitation WHERE organisation_id = $1 AND invited_by = $2`,
          [orgA.organisationId, orgB.admin.id],
        ),
      ).toEqual([]);
    });

    it('still serves organisation B its own data (the 404s above are the tenant check, not a broken token)', async () => {
      const bearer = await as(orgB.admin);
      const org = await t
        .http()
        .get(`/organisations/${orgB.organisationId}`)
        .set('Authorization', bearer)
        .expect(200);
      expect(org.body).toEqual({
        id: orgB.organisationId,
        name: expect.any(String),
        kind: 'employer',
        headcount: 250,
      });
      const councils = await t
        .http()
        .get(`/organisations/${orgB.organisationId}/works-councils`)
        .set('Authorization', bearer)
        .expect(200);
      expect(itemsOf(councils)).toEqual([
        {
          id: orgB.worksCouncilId,
          organisationId: orgB.organisationId,
          name: 'Ondernemingsraad',
          kind: 'or',
          committees: [{ id: orgB.committeeId, name: 'Technologie & Digitalisering' }],
        },
      ]);
    });

    it('answers a malformed id with a 400 problem listing the field', async () => {
      const bearer = await as(orgA.admin);
      const cases = [
        { path: '/organisations/not-a-uuid', field: 'organisationId' },
        { path: '/works-councils/123', field: 'worksCouncilId' },
      ];
      for (const { path, field } of cases) {
        const res = await t.http().get(path).set('Authorization', bearer);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
        expect(res.body).toMatchObject({
          status: 400,
          code: 'request.validation_failed',
          errors: [{ path: field, message: expect.stringContaining('UUID') }],
        });
      }
      const remove = await t.http().delete('/memberships/nope').set('Authorization', bearer);
      expect(remove.status).toBe(400);
      expect(remove.body.errors).toEqual([
        { path: 'membershipId', constraint: 'isUuid', message: expect.any(String) },
      ]);
    });
  });
});
