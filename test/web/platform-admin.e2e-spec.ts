import type { Browser, Page } from 'playwright-core';

import { PlatformService } from '@wc/councils';
import { SmtpSink, waitUntil } from '@wc/testing';

import { nl } from '../../apps/web/src/messages/nl';
import { invitationToken } from '../support/admin-command';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  prepareWebApp,
  signIn,
} from './support/browser';

const ADMIN = { email: 'beheer@nieuwe-werkgever.nl', password: 'een lange zin als wachtwoord 7' };
const CHAIR = { email: 'voorzitter@nieuwe-werkgever.nl', password: 'de or vergadert elke dinsdag' };
const NAME = 'Nieuwe Werkgever B.V.';
const fill = (text: string, vars: Record<string, string>) =>
  Object.entries(vars).reduce((s, [k, v]) => s.replace(`{${k}}`, v), text);

/** Issue #15 through the screens: the operator provisions, the admin sets up the council, the chair joins. */
describe('web app: the platform-admin screen provisions a working tenant (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let smtp: SmtpSink;

  beforeAll(async () => {
    prepareWebApp();
    smtp = await SmtpSink.start();
    [t, browser] = await Promise.all([startTestApp({ SMTP_URL: smtp.url }), launchBrowser()]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  /** An invitation link, opened in a fresh browser, accepted with a name and password. */
  async function accept(token: string, name: string, password: string): Promise<Page> {
    const context = await browser.newContext({ baseURL: t.url, locale: 'nl-NL' });
    await context.clock.setFixedTime(t.clock.now());
    const page = await context.newPage();
    await page.goto(`/invitations/accept#token=${token}`);
    await page.getByLabel(nl['invite.name']).fill(name);
    await page.getByLabel(nl['invite.password']).fill(password);
    await page.getByRole('button', { name: nl['invite.submit'] }).click();
    await page.getByRole('heading', { level: 1, name: `Welkom, ${name}` }).waitFor();
    return page;
  }

  it('creates an employer and invites its admin by e-mail; the admin creates the council and invites its chair; both log in', async () => {
    const operatorOrg = await t.app.get(PlatformService).ensureOperator();
    const operator = await t.given.user(operatorOrg.id, 'platform_admin');
    const { page, context } = await signIn(browser, t.url, operator, { now: t.clock.now() });
    const create = page.getByRole('region', { name: nl['platform.create'] });
    await create.getByLabel(nl['admin.name']).fill(NAME);
    await create.getByLabel(nl['platform.kind']).selectOption('employer');
    await create.getByRole('button', { name: nl['platform.createButton'] }).click();
    const row = page.locator('tr', { hasText: NAME });
    await row.getByText(nl['organisationStatus.active']).waitFor();
    await row.getByLabel(fill(nl['platform.adminEmail'], { name: NAME })).fill(ADMIN.email);
    await row.getByRole('button', { name: nl['platform.invite'] }).click();
    await row.getByLabel(nl['admin.link']).waitFor();
    await expectNoSeriousA11yViolations(page, 'home (platform admin)');

    await waitUntil(() => smtp.to(ADMIN.email).length === 1, 10_000);
    const mailed = invitationToken(smtp.to(ADMIN.email)[0].text);
    expect(mailed).toBeDefined();
    expect(invitationToken(await row.getByLabel(nl['admin.link']).inputValue())).toBe(mailed);

    const admin = await accept(mailed!, 'Bea Beheer', ADMIN.password);
    const council = admin.getByRole('region', { name: nl['admin.createCouncil'] });
    await council.getByLabel(nl['admin.councilName']).fill('Ondernemingsraad Nieuwe Werkgever');
    await council.getByRole('button', { name: nl['admin.createCouncilButton'] }).click();
    await council
      .getByText(fill(nl['admin.councilCreated'], { name: 'Ondernemingsraad Nieuwe Werkgever' }))
      .waitFor();
    const invite = admin.getByRole('region', { name: nl['admin.invite'] });
    await invite.getByLabel(nl['login.email']).fill(CHAIR.email);
    await invite.getByLabel(nl['admin.role'], { exact: true }).selectOption('council_chair');
    await invite
      .getByLabel(nl['newCase.council'])
      .locator('option', { hasText: 'Ondernemingsraad Nieuwe Werkgever' })
      .waitFor({ state: 'attached' });
    await invite.getByRole('button', { name: nl['admin.send'] }).click();
    const chairLink = await invite.getByLabel(nl['admin.link']).inputValue();
    await expectNoSeriousA11yViolations(admin, 'home (new organisation admin)');
    await admin.context().close();
    await (
      await accept(invitationToken(chairLink)!, 'Cor Voorzitter', CHAIR.password)
    )
      .context()
      .close();

    for (const who of [ADMIN, CHAIR]) {
      const signedIn = await signIn(browser, t.url, who, { now: t.clock.now() });
      expect(signedIn.errors).toEqual([]);
      await signedIn.context.close();
    }
    // The screen shows the new organisation with its two people; suspending it locks them out.
    await page.reload();
    await row.getByRole('cell', { name: '2', exact: true }).waitFor();
    await row.getByRole('button', { name: fill(nl['platform.suspend'], { name: NAME }) }).click();
    await row.getByText(nl['organisationStatus.suspended']).waitFor();
    await t.http().post('/auth/login').send(ADMIN).expect(401);
    await context.close();
  }, 120_000);
});
