import type { GivenOrganisation } from '@wc/testing';

import { startTestApp, type TestApp } from './support/test-app';

describe('authentication (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_IP_MAX_FAILURES: '1000' });
    org = await t.given.organisation();
  });
  afterAll(() => t.close());

  it('logs in with e-mail and password and returns the actor on /auth/me', async () => {
    const bearer = await t.login(org.hr);
    const me = await t.http().get('/auth/me').set('Authorization', bearer).expect(200);
    expect(me.body).toMatchObject({ userId: org.hr.id, email: org.hr.email, organisationId: org.organisationId, memberships: [expect.objectContaining({ role: 'hr_manager' })] });
  });

  it('refuses a wrong password with problem+json', async () => {
    const res = await t.http().post('/auth/login').send({ email: org.member.email, password: 'wrong-password' }).expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, code: 'auth.invalid_credentials' });
  });

  it('refuses requests without a token', async () => {
    const res = await t.http().get('/auth/me').expect(401);
    expect(res.body.code).toBe('auth.unauthenticated');
  });

  it('rotates refresh tokens and revokes the family when an old one is reused', async () => {
    const first = (await t.http().post('/auth/login').send({ email: org.chair.email, password: org.chair.password }).expect(200)).body;
    const second = (await t.http().post('/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);

    const reuse = await t.http().post('/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(reuse.body.code).toBe('auth.refresh_token_reused');
    // The thief's reuse also kills the legitimate newest token of that family.
    const after = await t.http().post('/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
    expect(after.body.code).toBe('auth.refresh_token_reused');
  });

  it('logs out by revoking the refresh token family', async () => {
    const pair = (await t.http().post('/auth/login').send({ email: org.secretary.email, password: org.secretary.password }).expect(200)).body;
    await t.http().post('/auth/logout').send({ refreshToken: pair.refreshToken }).expect(204);
    await t.http().post('/auth/refresh').send({ refreshToken: pair.refreshToken }).expect(401);
  });

  it('expires access tokens by the clock', async () => {
    const user = await t.given.user(org.organisationId, 'hr_manager');
    const bearer = await t.login(user);
    t.clock.advance({ minutes: 16 });
    const res = await t.http().get('/auth/me').set('Authorization', bearer).expect(401);
    expect(res.body.code).toBe('auth.invalid_token');
  });

  it('locks an account after repeated failures, with Retry-After, and unlocks after the lock time', async () => {
    const user = await t.given.user(org.organisationId, 'council_member', { worksCouncilId: org.worksCouncilId });
    for (let i = 0; i < 3; i++) {
      await t.http().post('/auth/login').send({ email: user.email, password: 'not the password' }).expect(401);
    }
    const locked = await t.http().post('/auth/login').send({ email: user.email, password: user.password }).expect(429);
    expect(locked.body.code).toBe('auth.account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance({ minutes: 16 });
    await t.http().post('/auth/login').send({ email: user.email, password: user.password }).expect(200);
  });

  it('changes the password and revokes other sessions', async () => {
    const user = await t.given.user(org.organisationId, 'hr_manager');
    const other = (await t.http().post('/auth/login').send({ email: user.email, password: user.password }).expect(200)).body;
    const bearer = await t.login(user);
    const wrong = await t.http().post('/auth/password').set('Authorization', bearer).send({ currentPassword: 'nope', newPassword: 'a much longer new secret' }).expect(400);
    expect(wrong.body.errors).toEqual([{ path: 'currentPassword', message: 'is wrong' }]);
    await t.http().post('/auth/password').set('Authorization', bearer).send({ currentPassword: user.password, newPassword: 'a much longer new secret' }).expect(204);
    await t.http().post('/auth/refresh').send({ refreshToken: other.refreshToken }).expect(401);
    await t.http().post('/auth/login').send({ email: user.email, password: 'a much longer new secret' }).expect(200);
  });

  it('lists each bad field of a malformed body', async () => {
    const res = await t.http().post('/auth/login').send({ email: 'not-an-email', extra: 1 }).expect(400);
    expect(res.body.code).toBe('request.validation_failed');
    const paths = (res.body.errors as Array<{ path: string }>).map((e) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
  });

  it('answers broken JSON with a problem, not a 500', async () => {
    const res = await t.http().post('/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(res.body.code).toBe('request.malformed');
  });
});

describe('per-address login throttling (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '100', LOGIN_IP_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' });
  });
  afterAll(() => t.close());

  it('refuses an address that sprays many accounts, even with a right password, until the window passes', async () => {
    const org = await t.given.organisation();
    for (const victim of [org.member, org.chair, org.secretary]) {
      await t.http().post('/auth/login').send({ email: victim.email, password: 'guess-guess' }).expect(401);
    }
    const blocked = await t.http().post('/auth/login').send({ email: org.hr.email, password: org.hr.password }).expect(429);
    expect(blocked.body.code).toBe('auth.too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBe(15 * 60);
    const [{ count }] = await t.db.query<Array<{ count: string }>>('SELECT count(*) FROM login_failure');
    expect(Number(count)).toBe(3);
    t.clock.advance({ minutes: 16 });
    await t.http().post('/auth/login').send({ email: org.hr.email, password: org.hr.password }).expect(200);
  });
});
