import { randomInt } from 'node:crypto';

import { startTestApp, type TestApp } from './support/test-app';

/** A documentation address (RFC 5737) unique to this run, so runs sharing one Redis never meet. */
const runAddress = () =>
  `192.0.2.${randomInt(1, 255)}, 198.18.${randomInt(0, 255)}.${randomInt(1, 255)}`;

describe('rate limits on the doors that take a secret (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it.each([
    [
      'login',
      () =>
        t
          .http()
          .post('/auth/login')
          .send({ email: 'someone@example.org', password: 'a wrong guess' }),
    ],
    ['refresh', () => t.http().post('/auth/refresh').send({ refreshToken: 'not-a-refresh-token' })],
    [
      'invitation accept',
      () =>
        t.http().post('/invitations/accept').send({
          token: 'not-an-invitation-token',
          displayName: 'X',
          password: 'a long enough password 1',
        }),
    ],
    ['calendar feed', () => t.http().get('/calendar/not-a-feed-token.ics')],
  ])(
    'refuses the fourth %s request in a minute from one address with 429 and Retry-After',
    async (_name, send) => {
      for (let i = 0; i < 3; i++) {
        expect((await send()).status).not.toBe(429);
      }
      const refused = await send().expect(429);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 429, code: 'request.rate_limited' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    },
  );
});

describe('rate limits shared through Redis (e2e)', () => {
  let a: TestApp;
  let b: TestApp;
  const env = {
    RATE_LIMIT_PER_MINUTE: '3',
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    TRUST_PROXY: 'loopback',
  };

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
  });
  afterAll(() => Promise.all([a.close(), b.close()]));

  it('counts one address across API instances', async () => {
    const address = runAddress();
    const login = (t: TestApp) =>
      t
        .http()
        .post('/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email: 'someone@example.org', password: 'a wrong guess' });
    expect((await login(a)).status).toBe(401);
    expect((await login(b)).status).toBe(401);
    expect((await login(a)).status).toBe(401);
    const refused = await login(b).expect(429);
    expect(refused.body.code).toBe('request.rate_limited');
    // Another address is another client.
    expect(
      (
        await b
          .http()
          .post('/auth/login')
          .set('X-Forwarded-For', runAddress())
          .send({ email: 'someone@example.org', password: 'a wrong guess' })
      ).status,
    ).toBe(401);
  });
});
