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
    expect(me.body).toMatchObject({
      userId: org.hr.id,
      email: org.hr.email,
      organisationId: org.organisationId,
      memberships: [expect.objectContaining({ role: 'hr_manager' })],
    });
  });

  it('refuses a wrong password with problem+json', async () => {
    const res = await t
      .http()
      .post('/auth/login')
      .send({ email: org.member.email, password: 'wrong-password' })
      .expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, code: 'auth.invalid_credentials' });
  });

  it('refuses requests without a token', async () => {
    const res = await t.http().get('/auth/me').expect(401);
    expect(res.body.code).toBe('auth.unauthenticated');
  });

  it('rotates refresh tokens and revokes the family when an old one is reused', async () => {
    const first = (
      await t
        .http()
        .post('/auth/login')
        .send({ email: org.chair.email, password: org.chair.password })
        .expect(200)
    ).body;
    const second = (
      await t.http().post('/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)
    ).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);

    const reuse = await t
      .http()
      .post('/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(401);
    expect(reuse.body.code).toBe('auth.refresh_token_reused');
    // The thief's reuse also kills the legitimate newest token of that family.
    const after = await t
      .http()
      .post('/auth/refresh')
      .send({ refreshToken: second.refreshToken })
      .expect(401);
    expect(after.body.code).toBe('auth.refresh_token_reused');
  });

  it('logs out by revoking the refresh token family', async () => {
    const pair = (
      await t
        .http()
        .post('/auth/login')
        .send({ email: org.secretary.email, password: org.secretary.password })
        .expect(200)
    ).body;
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
    const user = await t.given.user(org.organisationId, 'council_member', {
      worksCouncilId: org.worksCouncilId,
    });
    for (let i = 0; i < 3; i++) {
      await t
        .http()
        .post('/auth/login')
        .send({ email: user.email, password: 'not the password' })
        .expect(401);
    }
    const locked = await t
      .http()
      .post('/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(429);
    expect(locked.body.code).toBe('auth.account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance({ minutes: 16 });
    await t
      .http()
      .post('/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(200);
  });

  it('changes the password and revokes other sessions', async () => {
    const user = await t.given.user(org.organisationId, 'hr_manager');
    const other = (
      await t
        .http()
        .post('/auth/login')
        .send({ email: user.email, password: user.password })
        .expect(200)
    ).body;
    const bearer = await t.login(user);
    const wrong = await t
      .http()
      .post('/auth/password')
      .set('Authorization', bearer)
      .send({ currentPassword: 'nope', newPassword: 'a much longer new secret' })
      .expect(400);
    expect(wrong.body.errors).toEqual([{ path: 'currentPassword', message: 'is wrong' }]);
    await t
      .http()
      .post('/auth/password')
      .set('Authorization', bearer)
      .send({ currentPassword: user.password, newPassword: 'a much longer new secret' })
      .expect(204);
    await t.http().post('/auth/refresh').send({ refreshToken: other.refreshToken }).expect(401);
    await t
      .http()
      .post('/auth/login')
      .send({ email: user.email, password: 'a much longer new secret' })
      .expect(200);
  });

  it('refuses a new password that is common or the e-mail address, naming the field', async () => {
    const user = await t.given.user(org.organisationId, 'hr_manager');
    const bearer = await t.login(user);
    const weak = (message: string) => ({
      status: 400,
      code: 'auth.weak_password',
      errors: [{ path: 'newPassword', message }],
    });
    for (const [newPassword, expected] of [
      ['Welkom2026!!', weak('is too common or too easy to guess')],
      [user.email, weak('must not be your e-mail address')],
      // Too short is refused by the DTO's validation before the policy runs.
      [
        'short pass',
        {
          status: 400,
          code: 'request.validation_failed',
          errors: [expect.objectContaining({ path: 'newPassword' })],
        },
      ],
    ] as const) {
      const res = await t
        .http()
        .post('/auth/password')
        .set('Authorization', bearer)
        .send({ currentPassword: user.password, newPassword });
      expect({ status: res.status, code: res.body.code, errors: res.body.errors }).toEqual(
        expected,
      );
    }
    await t
      .http()
      .post('/auth/refresh')
      .send({ refreshToken: 'x'.repeat(20) })
      .expect(401);
    await t.login(user); // the old password still stands
  });

  it('lists each bad field of a malformed body', async () => {
    const res = await t
      .http()
      .post('/auth/login')
      .send({ email: 'not-an-email', extra: 1 })
      .expect(400);
    expect(res.body.code).toBe('request.validation_failed');
    const paths = (res.body.errors as Array<{ path: string }>).map((e) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
  });

  it('answers broken JSON with a problem, not a 500', async () => {
    const res = await t
      .http()
      .post('/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(res.body.code).toBe('request.malformed');
  });
});

describe('per-address login throttling (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_MAX_FAILURES: '100',
      LOGIN_IP_MAX_FAILURES: '3',
      LOGIN_LOCK_MINUTES: '15',
    });
  });
  afterAll(() => t.close());

  it('refuses an address that sprays many accounts, even with a right password, until the window passes', async () => {
    const org = await t.given.organisation();
    for (const victim of [org.member, org.chair, org.secretary]) {
      await t
        .http()
        .post('/auth/login')
        .send({ email: victim.email, password: 'guess-guess' })
        .expect(401);
    }
    const blocked = await t
      .http()
      .post('/auth/login')
      .send({ email: org.hr.email, password: org.hr.password })
      .expect(429);
    expect(blocked.body.code).toBe('auth.too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBe(15 * 60);
    // The refused attempt was not counted: only the three failures hold the address.
    expect(await t.db.query(`SELECT attempts FROM login_throttle WHERE scope = 'address'`)).toEqual(
      [{ attempts: 3 }],
    );
    t.clock.advance({ minutes: 16 });
    await t
      .http()
      .post('/auth/login')
      .send({ email: org.hr.email, password: org.hr.password })
      .expect(200);
  });
});

describe('failed-login limits that hold (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  const login = (email: string, password: string, forwardedFor?: string) => {
    const req = t.http().post('/auth/login');
    return (forwardedFor ? req.set('X-Forwarded-For', forwardedFor) : req).send({
      email,
      password,
    });
  };

  // The defaults: 5 per address and account, 50 per account, 100 per address.
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback' });
    org = await t.given.organisation();
  });
  afterAll(() => t.close());

  it('locks the account after exactly 5 of 100 parallel wrong passwords', async () => {
    const user = await t.given.user(org.organisationId, 'hr_manager');
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => login(user.email, 'a wrong guess', '198.51.100.1')),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(95);
    const right = await login(user.email, user.password, '198.51.100.1').expect(429);
    expect(right.body.code).toBe('auth.account_locked');
    expect(
      await t.db.query(
        `SELECT attempts FROM login_throttle WHERE scope = 'address_account' AND key = $1`,
        [`198.51.100.1 ${user.email}`],
      ),
    ).toEqual([{ attempts: 5 }]);
  });

  it('does not lock another account behind the same address after 20 failures for one', async () => {
    const typist = await t.given.user(org.organisationId, 'hr_manager');
    const colleague = await t.given.user(org.organisationId, 'hr_manager');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => login(typist.email, 'a wrong guess', '198.51.100.2')),
    );
    expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    await login(colleague.email, colleague.password, '198.51.100.2').expect(200);
  });

  it('answers a locked account and an unknown e-mail address alike', async () => {
    const user = await t.given.user(org.organisationId, 'hr_manager');
    const unknown = `nobody-${user.id}@example.org`;
    for (let i = 0; i < 5; i++) {
      const [known, none] = await Promise.all([
        login(user.email, 'a wrong guess', '198.51.100.3'),
        login(unknown, 'a wrong guess', '198.51.100.3'),
      ]);
      expect([known.status, known.body.code]).toEqual([none.status, none.body.code]);
    }
    const [locked, none] = await Promise.all([
      login(user.email, 'a wrong guess', '198.51.100.3'),
      login(unknown, 'a wrong guess', '198.51.100.3'),
    ]);
    const shape = (res: typeof locked) => ({
      status: res.status,
      retryAfter: res.headers['retry-after'],
      body: { ...res.body, instance: undefined, correlationId: undefined },
    });
    expect(shape(locked)).toEqual(shape(none));
    expect(locked.status).toBe(429);
  });

  it('believes X-Forwarded-For only from a trusted proxy (TRUST_PROXY)', async () => {
    const user = await t.given.user(org.organisationId, 'hr_manager');
    for (let i = 0; i < 5; i++) {
      await login(user.email, 'a wrong guess', '198.51.100.4').expect(401);
    }
    await login(user.email, user.password, '198.51.100.4').expect(429);
    // The test client is on loopback, which TRUST_PROXY names: another forwarded address is another client.
    await login(user.email, user.password, '198.51.100.5').expect(200);
  });
});

describe('failed-login limits without a trusted proxy (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'false' });
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For, so a client cannot pick a fresh address per guess', async () => {
    const org = await t.given.organisation();
    for (let i = 0; i < 5; i++) {
      await t
        .http()
        .post('/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i}`)
        .send({ email: org.hr.email, password: 'a wrong guess' })
        .expect(401);
    }
    const res = await t
      .http()
      .post('/auth/login')
      .set('X-Forwarded-For', '203.0.113.99')
      .send({ email: org.hr.email, password: org.hr.password })
      .expect(429);
    expect(res.body.code).toBe('auth.account_locked');
  });
});
