import type { GivenOrganisation } from '@wc/testing';

import { TestOpenIdProvider } from './support/oidc-provider';
import { startTestApp, type TestApp } from './support/test-app';

const PUBLIC_URL = 'http://overleg.test';
const REDIRECT_URI = `${PUBLIC_URL}/sso/callback`;
const CLIENT = { clientId: 'overleg', clientSecret: 'the-provider-issued-client-secret' };
/** The given users' addresses are all at example.test (libs/testing factories). */
const DOMAIN = 'example.test';
const EMPLOYER_GROUP = 'grp-employer-representatives';

/** Issue #15: OpenID Connect per organisation, against a real provider (oidc-provider). */
describe('single sign-on', () => {
  let t: TestApp;
  let idp: TestOpenIdProvider;
  let org: GivenOrganisation;

  beforeAll(async () => {
    [t, idp] = await Promise.all([
      startTestApp({ PUBLIC_URL }),
      TestOpenIdProvider.start({ ...CLIENT, redirectUri: REDIRECT_URI }),
    ]);
    org = await t.given.organisation();
    await t
      .http()
      .put(`/organisations/${org.organisationId}/sso-connection`)
      .set('Authorization', await t.login(org.admin))
      .send({
        issuer: idp.issuer,
        ...CLIENT,
        emailDomains: [DOMAIN],
        groupRoles: [{ group: EMPLOYER_GROUP, role: 'employer_representative' }],
      })
      .expect(200);
  });

  afterAll(async () => {
    await idp?.stop();
    await t?.close();
  });

  /** The whole way: start, the provider's login, the callback; the callback's answer. */
  async function signIn(
    email: string,
    account: { sub: string; email?: string; groups?: string[] },
  ) {
    const start = await t.http().post('/auth/sso/authorizations').send({ email }).expect(200);
    const back = await idp.signIn(start.body.authorizationUrl, {
      email,
      ...account,
    });
    expect(back.searchParams.get('state')).toBe(start.body.state);
    const params = Object.fromEntries(back.searchParams);
    return { params, res: await t.http().post('/auth/sso/callback').send(params) };
  }

  const userIdOf = async (accessToken: string) =>
    (await t.http().get('/auth/me').set('Authorization', `Bearer ${accessToken}`).expect(200)).body
      .userId;

  const rolesOf = async (userId: string) =>
    (
      await t.db.query<Array<{ role: string }>>(
        'SELECT role FROM membership WHERE user_id = $1 ORDER BY role',
        [userId],
      )
    ).map((r) => r.role);

  it('is configured by the organisation admin only, and never shows the client secret', async () => {
    const res = await t
      .http()
      .get(`/organisations/${org.organisationId}/sso-connection`)
      .set('Authorization', await t.login(org.admin))
      .expect(200);
    expect(res.body).toEqual({
      configured: true,
      issuer: idp.issuer,
      clientId: CLIENT.clientId,
      clientSecretSet: true,
      emailDomains: [DOMAIN],
      groupRoles: [{ group: EMPLOYER_GROUP, role: 'employer_representative' }],
      redirectUri: REDIRECT_URI,
    });
    expect(JSON.stringify(res.body)).not.toContain(CLIENT.clientSecret);
    const [stored] = await t.db.query<Array<{ client_secret: string }>>(
      'SELECT client_secret FROM sso_connection WHERE organisation_id = $1',
      [org.organisationId],
    );
    expect(stored.client_secret).not.toContain(CLIENT.clientSecret);

    const hr = await t
      .http()
      .get(`/organisations/${org.organisationId}/sso-connection`)
      .set('Authorization', await t.login(org.hr));
    expect(hr.body).toMatchObject({ status: 403, code: 'auth.permission_denied' });
    const other = await t.given.organisation();
    const foreign = await t
      .http()
      .get(`/organisations/${org.organisationId}/sso-connection`)
      .set('Authorization', await t.login(other.admin));
    expect(foreign.body).toMatchObject({ status: 404, code: 'organisation.not_found' });
    // A council role can never be mapped from the employer's identity provider.
    const councilRole = await t
      .http()
      .put(`/organisations/${org.organisationId}/sso-connection`)
      .set('Authorization', await t.login(org.admin))
      .send({
        issuer: idp.issuer,
        clientId: CLIENT.clientId,
        emailDomains: [DOMAIN],
        groupRoles: [{ group: 'grp-or', role: 'council_member' }],
      });
    expect(councilRole.body).toMatchObject({ status: 400, code: 'request.validation_failed' });
    // Another organisation cannot claim the domain.
    const taken = await t
      .http()
      .put(`/organisations/${other.organisationId}/sso-connection`)
      .set('Authorization', await t.login(other.admin))
      .send({ issuer: idp.issuer, ...CLIENT, emailDomains: [DOMAIN] });
    expect(taken.body).toMatchObject({ status: 409, code: 'sso.domain_taken' });
  });

  it("signs an invited person in with the platform's own tokens, links the account and maps the group to an employer role", async () => {
    const person = await t.given.user(org.organisationId, 'hr_manager');
    const { res } = await signIn(person.email, { sub: 'idp-hr-1', groups: [EMPLOYER_GROUP] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      accessTokenExpiresAt: expect.any(String),
      refreshToken: expect.any(String),
      refreshTokenExpiresAt: expect.any(String),
    });
    expect(await userIdOf(res.body.accessToken)).toBe(person.id);
    expect(await t.db.query('SELECT sso_subject FROM app_user WHERE id = $1', [person.id])).toEqual(
      [{ sso_subject: 'idp-hr-1' }],
    );
    expect(await rolesOf(person.id)).toEqual(['employer_representative', 'hr_manager']);
    // The refresh token works like a password login's.
    await t.http().post('/auth/refresh').send({ refreshToken: res.body.refreshToken }).expect(200);

    // Linked by the provider's subject from now on, whatever address the provider sends.
    const again = await signIn(person.email, {
      sub: 'idp-hr-1',
      email: `renamed-${person.email}`,
    });
    expect(again.res.status).toBe(200);
    expect(await userIdOf(again.res.body.accessToken)).toBe(person.id);
    // Another identity at the provider with this person's address is not this person.
    const impostor = await signIn(person.email, { sub: 'idp-someone-else' });
    expect(impostor.res.body).toMatchObject({ status: 403, code: 'sso.no_account' });
  });

  it('gives a council member no employer role from the groups (B.19)', async () => {
    const member = await t.given.user(org.organisationId, 'council_member', {
      worksCouncilId: org.worksCouncilId,
    });
    const { res } = await signIn(member.email, { sub: 'idp-member', groups: [EMPLOYER_GROUP] });
    expect(res.status).toBe(200);
    expect(await rolesOf(member.id)).toEqual(['council_member']);
  });

  it('creates no account for someone not invited, and refuses a deactivated one', async () => {
    const email = `not-invited-${Date.now()}@${DOMAIN}`;
    const { res } = await signIn(email, { sub: 'idp-stranger' });
    expect(res.body).toMatchObject({ status: 403, code: 'sso.no_account' });
    expect(await t.db.query('SELECT id FROM app_user WHERE email = $1', [email])).toEqual([]);

    const leaver = await t.given.user(org.organisationId, 'hr_manager');
    await t.db.query('UPDATE app_user SET deactivated_at = now() WHERE id = $1', [leaver.id]);
    const refused = await signIn(leaver.email, { sub: 'idp-leaver' });
    expect(refused.res.body).toMatchObject({ status: 403, code: 'sso.no_account' });
  });

  it('refuses an address of a domain that belongs to no organisation', async () => {
    const res = await t
      .http()
      .post('/auth/sso/authorizations')
      .send({ email: 'someone@nowhere.test' });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'sso_organisation.not_found' });
  });

  it("refuses the provider's address when its domain is not the organisation's", async () => {
    const person = await t.given.user(org.organisationId, 'hr_manager');
    const { res } = await signIn(person.email, { sub: 'idp-x', email: 'hr@elsewhere.test' });
    expect(res.body).toMatchObject({ status: 403, code: 'sso.domain_not_allowed' });
  });

  it('uses a state once, and refuses a made-up one', async () => {
    const person = await t.given.user(org.organisationId, 'hr_manager');
    const { params, res } = await signIn(person.email, { sub: 'idp-once' });
    expect(res.status).toBe(200);
    const replay = await t.http().post('/auth/sso/callback').send(params);
    expect(replay.body).toMatchObject({ status: 401, code: 'sso.sign_in_expired' });
    const madeUp = await t
      .http()
      .post('/auth/sso/callback')
      .send({ code: 'x', state: 'made-up-state' });
    expect(madeUp.body).toMatchObject({ status: 401, code: 'sso.sign_in_expired' });
  });

  it('refuses a provider that is not the configured issuer', async () => {
    // This provider calls itself http://localhost:<port>; the organisation configured 127.0.0.1.
    const impostor = await TestOpenIdProvider.start({
      ...CLIENT,
      redirectUri: REDIRECT_URI,
      host: 'localhost',
    });
    try {
      const other = await t.given.organisation();
      await t
        .http()
        .put(`/organisations/${other.organisationId}/sso-connection`)
        .set('Authorization', await t.login(other.admin))
        .send({
          issuer: impostor.issuer.replace('localhost', '127.0.0.1'),
          ...CLIENT,
          emailDomains: ['impostor.test'],
        })
        .expect(200);
      const res = await t
        .http()
        .post('/auth/sso/authorizations')
        .send({ email: 'someone@impostor.test' });
      expect(res.body).toMatchObject({ status: 502, code: 'sso.issuer_mismatch' });
    } finally {
      await impostor.stop();
    }
  });
});
