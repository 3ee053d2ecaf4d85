import type { Browser, Page } from 'playwright-core';

import type { GivenOrganisation } from '@wc/testing';

import { nl } from '../../apps/web/src/messages/nl';
import { SmtpSink, waitUntil } from '@wc/testing';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectNoSeriousA11yViolations, launchBrowser, prepareWebApp } from './support/browser';

const NEW_PASSWORD = 'tram 7 naar de Dam, twee keer';

/** "Wachtwoord vergeten" from the login screen to signing in with the new password, in a browser. */
describe('web app: password reset (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let smtp: SmtpSink;
  let org: GivenOrganisation;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    prepareWebApp();
    smtp = await SmtpSink.start();
    [t, browser] = await Promise.all([startTestApp({ SMTP_URL: smtp.url }), launchBrowser()]);
    org = await t.given.organisation();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  it('asks for a link, follows it from the e-mail, sets a new password and signs in with it', async () => {
    page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${t.url}/`);
    await page.getByRole('link', { name: nl['login.forgotPassword'] }).click();
    await page.getByRole('heading', { name: nl['passwordReset.forgotTitle'] }).waitFor();
    await page.getByLabel(nl['login.email']).fill(org.hr.email);
    await page.getByRole('button', { name: nl['passwordReset.send'] }).click();
    await page.getByText(nl['passwordReset.sent']).waitFor();
    await expectNoSeriousA11yViolations(page, 'password forgotten');

    await waitUntil(() => smtp.to(org.hr.email).length === 1, 10_000);
    const link = /(http:\/\/\S+\/password-reset#token=[A-Za-z0-9_-]+)/.exec(
      smtp.to(org.hr.email)[0].text.replace(/=\r?\n/g, ''),
    )?.[1];
    expect(link).toBeDefined();
    // The e-mail's link names PUBLIC_URL; open the same path on the test server.
    await page.goto(`${t.url}${new URL(link!).pathname}${new URL(link!).hash}`);
    await page.getByRole('heading', { name: nl['passwordReset.resetTitle'] }).waitFor();
    await page.getByLabel(nl['passwordReset.newPassword'], { exact: true }).fill('Welkom2026!!');
    await page.getByRole('button', { name: nl['passwordReset.save'] }).click();
    await page.getByText(nl['problem.auth.weak_password']).waitFor();
    await page.getByLabel(nl['passwordReset.newPassword'], { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: nl['passwordReset.save'] }).click();
    await page.getByText(nl['passwordReset.done']).waitFor();
    await expectNoSeriousA11yViolations(page, 'password reset');

    await page.getByRole('link', { name: nl['passwordReset.backToLogin'] }).click();
    await page.getByLabel(nl['login.email']).fill(org.hr.email);
    await page.getByLabel(nl['login.password']).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: nl['login.submit'], exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
    expect(errors).toEqual([]);
  }, 90_000);
});
