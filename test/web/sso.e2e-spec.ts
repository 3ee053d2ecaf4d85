import type { Browser } from 'playwright-core';

import { freePort, type GivenOrganisation } from '@wc/testing';

import { nl } from '../../apps/web/src/messages/nl';
import { TestOpenIdProvider } from '../support/oidc-provider';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  prepareWebApp,
  signIn,
} from './support/browser';

const CLIENT = { clientId: 'overleg-web', clientSecret: 'a secret from the provider' };

/** Single sign-on in the browser: the admin sets it up, a person signs in with their organisation. */
describe('web app: single sign-on (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let idp: TestOpenIdProvider;
  let org: GivenOrganisation;

  beforeAll(async () => {
    prepareWebApp();
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    [t, browser, idp] = await Promise.all([
      startTestApp({ PORT: String(port), PUBLIC_URL: publicUrl }),
      launchBrowser(),
      TestOpenIdProvider.start({ ...CLIENT, redirectUri: `${publicUrl}/sso/callback` }),
    ]);
    org = await t.given.organisation();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await idp?.stop();
    await t?.close();
  });

  it('is configured on the admin screen and signs an invited person in through the provider', async () => {
    const admin = await signIn(browser, t.url, org.admin, { now: t.clock.now() });
    const form = admin.page.locator('form[aria-labelledby="sso-title"]');
    await form.getByLabel(nl['sso.issuer']).fill(idp.issuer);
    await form.getByLabel(nl['sso.clientId']).fill(CLIENT.clientId);
    await form.getByLabel(nl['sso.clientSecret']).fill(CLIENT.clientSecret);
    await form.getByLabel(nl['sso.emailDomains']).fill('example.test');
    await form.getByLabel(nl['sso.groupRoles']).fill('grp-hr=hr_manager');
    await form.getByRole('button', { name: nl['common.save'] }).click();
    await form.getByText(nl['common.saved'], { exact: true }).waitFor();
    await form.getByText(nl['sso.clientSecretKept']).waitFor();
    expect(await form.getByLabel(nl['sso.redirectUri']).inputValue()).toBe(
      `${t.config.app.publicUrl}/sso/callback`,
    );
    await expectNoSeriousA11yViolations(admin.page, 'admin (single sign-on)');
    expect(
      await t.db.query('SELECT issuer, client_id FROM sso_connection WHERE organisation_id = $1', [
        org.organisationId,
      ]),
    ).toEqual([{ issuer: idp.issuer, client_id: CLIENT.clientId }]);

    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${t.url}/`);
    await page.getByLabel(nl['login.email']).fill('someone@nowhere.test');
    await page.getByRole('button', { name: nl['login.sso'] }).click();
    await page.getByText(nl['problem.sso_organisation.not_found']).waitFor();

    await page.getByLabel(nl['login.email']).fill(org.employerRep.email);
    await page.getByRole('button', { name: nl['login.sso'] }).click();
    await page.getByLabel('Account e-mail').fill(org.employerRep.email);
    await page.getByRole('button', { name: 'Sign in at the provider' }).click();
    await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
    expect(
      await t.db.query('SELECT sso_subject FROM app_user WHERE id = $1', [org.employerRep.id]),
    ).toEqual([{ sso_subject: org.employerRep.email }]);
    expect(errors).toEqual([]);
    expect(admin.errors).toEqual([]);
  }, 120_000);
});
