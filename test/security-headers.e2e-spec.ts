import type { GivenOrganisation } from '@wc/testing';

import { startTestApp, type TestApp } from './support/test-app';

describe('security headers (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://overleg.test' });
    org = await t.given.organisation();
  });
  afterAll(() => t.close());

  it('sends nosniff, frame-ancestors none, HSTS and no-store on authenticated JSON', async () => {
    const res = await t
      .http()
      .get('/auth/me')
      .set('Authorization', await t.login(org.hr))
      .expect(200);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'x-frame-options': 'DENY',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'referrer-policy': 'same-origin',
    });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('keeps the tokens of a login out of every cache, and errors carry the headers too', async () => {
    const login = await t
      .http()
      .post('/auth/login')
      .send({ email: org.hr.email, password: org.hr.password })
      .expect(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const refused = await t.http().get('/auth/me').expect(401);
    expect(refused.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
  });

  it('lets the API docs use their inline styles, and nothing more', async () => {
    const res = await t.http().get('/api/docs/').expect(200);
    expect(res.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self';");
  });
});

describe('security headers on plain http (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'http://localhost:3000' });
  });
  afterAll(() => t.close());

  it('sends no HSTS, which would lock browsers out of a plain-http server', async () => {
    const res = await t.http().get('/health/live');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('JSON only (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
  });
  afterAll(() => t.close());

  it.each([
    ['application/x-www-form-urlencoded', 'email=a%40b.nl&password=x'],
    ['text/plain', '{"email":"a@b.nl","password":"x"}'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.nl\r\n--x--\r\n',
    ],
  ])('refuses a %s body with 415', async (type, body) => {
    const res = await t.http().post('/auth/login').set('Content-Type', type).send(body).expect(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('request.unsupported_media_type');
  });

  it('refuses a form post to an authenticated route before it changes anything', async () => {
    const bearer = await t.login(org.hr);
    const res = await t
      .http()
      .patch('/auth/me')
      .set('Authorization', bearer)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('displayName=Mallory')
      .expect(415);
    expect(res.body.code).toBe('request.unsupported_media_type');
    const me = await t.http().get('/auth/me').set('Authorization', bearer).expect(200);
    expect(me.body.displayName).not.toBe('Mallory');
  });

  it.each(['__proto__', 'constructor'])('refuses a %s key with 400, at any depth', async (key) => {
    const bearer = await t.login(org.hr);
    for (const body of [
      `{"${key}": {"displayName": "Mallory"}}`,
      `{"displayName": "Ok", "nested": {"${key}": {"x": 1}}}`,
    ]) {
      const res = await t
        .http()
        .patch('/auth/me')
        .set('Authorization', bearer)
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'request.validation_failed',
        errors: [{ path: key, message: `property ${key} should not exist` }],
      });
    }
    const me = await t.http().get('/auth/me').set('Authorization', bearer).expect(200);
    expect(me.body.displayName).not.toBe('Mallory');
  });
});
