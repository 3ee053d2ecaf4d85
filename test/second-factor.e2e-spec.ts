import { generate } from 'otplib';

import type { GivenOrganisation } from '@wc/testing';

import { startTestApp, type TestApp } from './support/test-app';

describe('TOTP second factor with recovery codes (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
  });
  afterAll(() => t.close());

  const codeAt = (secret: string, advanceSeconds = 0) =>
    generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) + advanceSeconds });
  const login = (user: { email: string; password: string }, proof: Record<string, string> = {}) =>
    t
      .http()
      .post('/auth/login')
      .send({ email: user.email, password: user.password, ...proof });

  async function enrolled() {
    const user = await t.given.user(org.organisationId, 'hr_manager');
    const bearer = await t.login(user);
    const enrolment = (
      await t.http().post('/auth/second-factor/enrolment').set('Authorization', bearer).expect(200)
    ).body as { secret: string; otpauthUri: string };
    expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/Overleg:.*secret=/);
    // Not in use until activated.
    await login(user).expect(200);
    const wrong = await t
      .http()
      .post('/auth/second-factor/activation')
      .set('Authorization', bearer)
      .send({ code: '000000' })
      .expect(400);
    expect(wrong.body.code).toBe('auth.invalid_second_factor');
    const activation = await t
      .http()
      .post('/auth/second-factor/activation')
      .set('Authorization', bearer)
      .send({ code: await codeAt(enrolment.secret) });
    expect(activation.status).toBe(200);
    const { recoveryCodes } = activation.body as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    t.clock.advance({ minutes: 1 });
    return { user, bearer, secret: enrolment.secret, recoveryCodes };
  }

  it('asks for the code after the right password, accepts a fresh code once, and says so on /auth/me', async () => {
    const { user, bearer, secret } = await enrolled();
    const without = await login(user).expect(401);
    expect(without.body.code).toBe('auth.second_factor_required');
    const code = await codeAt(secret);
    const pair = (await login(user, { totpCode: code }).expect(200)).body as {
      accessToken: string;
    };
    expect(pair.accessToken).toEqual(expect.any(String));
    const replay = await login(user, { totpCode: code }).expect(401);
    expect(replay.body.code).toBe('auth.invalid_second_factor');
    t.clock.advance({ minutes: 1 });
    await login(user, { totpCode: await codeAt(secret) }).expect(200);
    expect(
      (await t.http().get('/auth/me').set('Authorization', bearer).expect(200)).body
        .secondFactorEnabled,
    ).toBe(true);
    // The secret is stored encrypted, never as given.
    const [row] = await t.db.query<Array<{ totp_secret: string }>>(
      'SELECT totp_secret FROM app_user WHERE id = $1',
      [user.id],
    );
    expect(row.totp_secret).not.toContain(secret);
  });

  it('logs in with a recovery code once, typed loosely', async () => {
    const { user, recoveryCodes } = await enrolled();
    await login(user, {
      recoveryCode: ` ${recoveryCodes[3].toUpperCase().replace('-', ' ')} `,
    }).expect(200);
    const again = await login(user, { recoveryCode: recoveryCodes[3] }).expect(401);
    expect(again.body.code).toBe('auth.invalid_second_factor');
    await login(user, { recoveryCode: recoveryCodes[4] }).expect(200);
  });

  it('counts wrong codes like wrong passwords: the account locks after 5', async () => {
    const { user, secret } = await enrolled();
    for (let i = 0; i < 5; i++) {
      await login(user, { totpCode: '123456' }).expect(401);
    }
    const locked = await login(user, { totpCode: await codeAt(secret) }).expect(429);
    expect(locked.body.code).toBe('auth.account_locked');
  });

  it('turns off only with the password', async () => {
    const { user, bearer } = await enrolled();
    const wrong = await t
      .http()
      .post('/auth/second-factor/deactivation')
      .set('Authorization', bearer)
      .send({ password: 'not the password at all' })
      .expect(400);
    expect(wrong.body.code).toBe('auth.wrong_password');
    await login(user).expect(401);
    await t
      .http()
      .post('/auth/second-factor/deactivation')
      .set('Authorization', bearer)
      .send({ password: user.password })
      .expect(204);
    await login(user).expect(200);
    expect(
      await t.db.query('SELECT count(*)::int AS n FROM recovery_code WHERE user_id = $1', [
        user.id,
      ]),
    ).toEqual([{ n: 0 }]);
  });
});
