import type { GivenOrganisation } from '@wc/testing';

import { SmtpSink, waitUntil } from '@wc/testing';
import { Listener } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';

const NEW_PASSWORD = 'tram 7 naar de Dam, twee keer';
const tokenIn = (text: string) =>
  /\/password-reset#token=([A-Za-z0-9_-]+)/.exec(text.replace(/=\r?\n/g, ''))?.[1];

describe('password reset by e-mail (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let org: GivenOrganisation;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://overleg.test' });
    org = await t.given.organisation();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const requestReset = (email: string) =>
    t.http().post('/auth/password-reset-requests').send({ email });

  it('mails a one-hour, single-use link that sets a new password and ends every session', async () => {
    const user = await t.given.user(org.organisationId, 'hr_manager');
    const session = (
      await t
        .http()
        .post('/auth/login')
        .send({ email: user.email, password: user.password })
        .expect(200)
    ).body;
    const listener = await Listener.connect(t.url, session.accessToken);
    try {
      await requestReset(user.email.toUpperCase()).expect(202);
      await waitUntil(() => smtp.to(user.email).length === 1, 10_000);
      const mail = smtp.to(user.email)[0];
      expect(mail.subject).toBe('Nieuw wachtwoord voor Overleg');
      const token = tokenIn(mail.text);
      expect(token).toBeDefined();
      expect(mail.text).toContain(`https://overleg.test/password-reset#token=${token}`);

      await t
        .http()
        .post('/auth/password-resets')
        .send({ token, newPassword: NEW_PASSWORD })
        .expect(204);
      await t
        .http()
        .post('/auth/login')
        .send({ email: user.email, password: user.password })
        .expect(401);
      await t
        .http()
        .post('/auth/login')
        .send({ email: user.email, password: NEW_PASSWORD })
        .expect(200);
      // The old session ends, socket included.
      await t.http().post('/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
      await waitUntil(() => !listener.socket.connected, 10_000);
      // Single use.
      const again = await t
        .http()
        .post('/auth/password-resets')
        .send({ token, newPassword: 'yet another long passphrase' })
        .expect(400);
      expect(again.body.code).toBe('auth.invalid_reset_token');
    } finally {
      listener.socket.disconnect();
    }
  });

  it('answers an unknown or deactivated address exactly like a known one, and mails nothing', async () => {
    const known = await t.given.user(org.organisationId, 'hr_manager');
    const before = smtp.messages.length;
    const answers = await Promise.all([
      requestReset(known.email),
      requestReset(`nobody-${known.id}@example.org`),
    ]);
    expect(answers.map((a) => [a.status, a.text])).toEqual([
      [202, ''],
      [202, ''],
    ]);
    await waitUntil(() => smtp.messages.length === before + 1, 10_000);
    expect(smtp.messages.slice(before).map((m) => m.to)).toEqual([[known.email]]);
  });

  it('refuses a link after an hour, and an older link once a newer one was sent', async () => {
    const user = await t.given.user(org.organisationId, 'hr_manager');
    await requestReset(user.email).expect(202);
    await waitUntil(() => smtp.to(user.email).length === 1, 10_000);
    await requestReset(user.email).expect(202);
    await waitUntil(() => smtp.to(user.email).length === 2, 10_000);
    const [older, newer] = smtp.to(user.email).map((m) => tokenIn(m.text));
    const stale = await t
      .http()
      .post('/auth/password-resets')
      .send({ token: older, newPassword: NEW_PASSWORD })
      .expect(400);
    expect(stale.body.code).toBe('auth.invalid_reset_token');
    t.clock.advance({ minutes: 61 });
    const expired = await t
      .http()
      .post('/auth/password-resets')
      .send({ token: newer, newPassword: NEW_PASSWORD })
      .expect(400);
    expect(expired.body.code).toBe('auth.invalid_reset_token');
    await t.login(user);
  });

  it('refuses a weak new password and keeps the link usable', async () => {
    const user = await t.given.user(org.organisationId, 'hr_manager');
    await requestReset(user.email).expect(202);
    await waitUntil(() => smtp.to(user.email).length === 1, 10_000);
    const token = tokenIn(smtp.to(user.email)[0].text);
    const weak = await t
      .http()
      .post('/auth/password-resets')
      .send({ token, newPassword: 'Welkom2026!!' })
      .expect(400);
    expect(weak.body).toMatchObject({
      code: 'auth.weak_password',
      errors: [{ path: 'newPassword', message: 'is too common or too easy to guess' }],
    });
    await t
      .http()
      .post('/auth/password-resets')
      .send({ token, newPassword: NEW_PASSWORD })
      .expect(204);
  });
});
