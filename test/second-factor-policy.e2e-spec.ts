import { generate } from 'otplib';

import type { GivenOrganisation } from '@wc/testing';

import { Listener } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';

/** Issue #15: an organisation admin can require a second factor of everyone in the organisation. */
describe('a second factor required by the organisation (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
  });
  afterAll(() => t.close());

  const policyPath = () => `/organisations/${org.organisationId}/auth-policy`;
  const loginPair = async (user: { email: string; password: string }, proof = {}) =>
    (
      await t
        .http()
        .post('/auth/login')
        .send({ email: user.email, password: user.password, ...proof })
        .expect(200)
    ).body as { accessToken: string; refreshToken: string };

  it("is the admin's to set, and another organisation's admin does not see it", async () => {
    const admin = await t.login(org.admin);
    expect((await t.http().get(policyPath()).set('Authorization', admin).expect(200)).body).toEqual(
      { secondFactorRequired: false },
    );
    const hr = await t
      .http()
      .put(policyPath())
      .set('Authorization', await t.login(org.hr))
      .send({
        secondFactorRequired: true,
      });
    expect(hr.body).toMatchObject({ status: 403, code: 'auth.permission_denied' });
    const other = await t.given.organisation();
    const foreign = await t
      .http()
      .get(policyPath())
      .set('Authorization', await t.login(other.admin));
    expect(foreign.body).toMatchObject({ status: 404, code: 'organisation.not_found' });
  });

  it('gives a person without one an enrolment-only session until they set one up', async () => {
    const other = await t.given.organisation();
    const person = await t.given.user(org.organisationId, 'hr_manager');
    await t
      .http()
      .put(policyPath())
      .set('Authorization', await t.login(org.admin))
      .send({ secondFactorRequired: true })
      .expect(200);

    const pair = await loginPair(person);
    const bearer = `Bearer ${pair.accessToken}`;
    const refused = await t
      .http()
      .get(`/organisations/${org.organisationId}`)
      .set('Authorization', bearer);
    expect(refused.body).toMatchObject({
      status: 403,
      code: 'auth.second_factor_enrolment_required',
    });
    expect(
      (await t.http().get('/auth/me').set('Authorization', bearer).expect(200)).body,
    ).toMatchObject({ secondFactorEnabled: false, secondFactorEnrolmentRequired: true });
    await expect(Listener.connect(t.url, pair.accessToken)).rejects.toMatchObject({
      message: expect.stringContaining('second factor'),
    });
    // A refresh before enrolling gives another enrolment-only session.
    const stillPending = (
      await t.http().post('/auth/refresh').send({ refreshToken: pair.refreshToken }).expect(200)
    ).body as { accessToken: string; refreshToken: string };
    await t
      .http()
      .get(`/organisations/${org.organisationId}`)
      .set('Authorization', `Bearer ${stillPending.accessToken}`)
      .expect(403);

    const pendingBearer = `Bearer ${stillPending.accessToken}`;
    const { secret } = (
      await t
        .http()
        .post('/auth/second-factor/enrolment')
        .set('Authorization', pendingBearer)
        .expect(200)
    ).body as { secret: string };
    const epoch = () => Math.floor(t.clock.now().getTime() / 1000);
    await t
      .http()
      .post('/auth/second-factor/activation')
      .set('Authorization', pendingBearer)
      .send({ code: await generate({ secret, epoch: epoch() }) })
      .expect(200);
    const full = (
      await t
        .http()
        .post('/auth/refresh')
        .send({ refreshToken: stillPending.refreshToken })
        .expect(200)
    ).body as { accessToken: string };
    await t
      .http()
      .get(`/organisations/${org.organisationId}`)
      .set('Authorization', `Bearer ${full.accessToken}`)
      .expect(200);
    const socket = await Listener.connect(t.url, full.accessToken);
    socket.socket.disconnect();

    // From now on the code is asked at login, as for anyone with a second factor.
    t.clock.advance({ minutes: 1 });
    const withoutCode = await t
      .http()
      .post('/auth/login')
      .send({ email: person.email, password: person.password });
    expect(withoutCode.body).toMatchObject({ status: 401, code: 'auth.second_factor_required' });
    const withCode = await loginPair(person, {
      totpCode: await generate({ secret, epoch: epoch() }),
    });
    await t
      .http()
      .get(`/organisations/${org.organisationId}`)
      .set('Authorization', `Bearer ${withCode.accessToken}`)
      .expect(200);
    // Another organisation's people are not touched by this policy.
    await t
      .http()
      .get(`/organisations/${other.organisationId}`)
      .set('Authorization', await t.login(other.hr))
      .expect(200);
  });
});
