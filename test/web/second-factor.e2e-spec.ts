import { generate } from 'otplib';

import { nl } from '../../apps/web/src/messages/nl';
import { expectNoSeriousA11yViolations } from './support/browser';
import { browserSuite } from './support/browser-suite';

/** Two-step verification in the browser: enrolment on the settings screen, then the login step. */
describe('web app: two-step verification (browser)', () => {
  const suite = browserSuite();

  const codeNow = (secret: string) =>
    generate({ secret, epoch: Math.floor(suite.t.clock.now().getTime() / 1000) });

  it('sets it up in settings, shows the recovery codes once, and asks for a code at the next login', async () => {
    const { t, org, browser } = suite;
    const hr = await suite.signIn(org.hr);
    await hr.page.goto(`${t.url}/#/settings`);
    const card = hr.page.locator('section.second-factor');
    await card.getByText(nl['secondFactor.off']).waitFor();
    await card.getByRole('button', { name: nl['secondFactor.start'] }).click();
    const secret = (await card.locator('[data-secret]').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await card.getByLabel(nl['secondFactor.firstCode']).fill(await codeNow(secret));
    await card.getByRole('button', { name: nl['secondFactor.activate'] }).click();
    await card.getByText(nl['secondFactor.recoveryCodesLead']).waitFor();
    expect(await card.locator('.recovery-codes li').count()).toBe(10);
    await card.getByText(nl['secondFactor.on']).waitFor();
    await expectNoSeriousA11yViolations(hr.page, 'settings (two-step verification)');
    t.clock.advance({ minutes: 1 });

    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(`${t.url}/`);
    await page.getByLabel(nl['login.email']).fill(org.hr.email);
    await page.getByLabel(nl['login.password']).fill(org.hr.password);
    await page.getByRole('button', { name: nl['login.submit'], exact: true }).click();
    await page.getByText(nl['login.secondFactorLead']).waitFor();
    await page.getByLabel(nl['login.totpCode']).fill('000000');
    await page.getByRole('button', { name: nl['login.submit'], exact: true }).click();
    await page.getByText(nl['problem.auth.invalid_second_factor']).waitFor();
    await page.getByLabel(nl['login.totpCode']).fill(await codeNow(secret));
    await page.getByRole('button', { name: nl['login.submit'], exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
    expect(hr.errors).toEqual([]);
  }, 90_000);

  it('makes a person set it up before anything else when the organisation requires it', async () => {
    const { t, browser } = suite;
    const own = await t.given.organisation();
    await t
      .http()
      .put(`/organisations/${own.organisationId}/auth-policy`)
      .set('Authorization', await t.login(own.admin))
      .send({ secondFactorRequired: true })
      .expect(200);
    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${t.url}/`);
    await page.getByLabel(nl['login.email']).fill(own.hr.email);
    await page.getByLabel(nl['login.password']).fill(own.hr.password);
    await page.getByRole('button', { name: nl['login.submit'], exact: true }).click();
    await page.getByRole('heading', { level: 1, name: nl['secondFactor.requiredTitle'] }).waitFor();
    await expectNoSeriousA11yViolations(page, 'second factor required');
    await page.getByRole('button', { name: nl['secondFactor.start'] }).click();
    const secret = (await page.locator('[data-secret]').textContent()) ?? '';
    await page.getByLabel(nl['secondFactor.firstCode']).fill(await codeNow(secret));
    await page.getByRole('button', { name: nl['secondFactor.activate'] }).click();
    await page.getByText(nl['secondFactor.recoveryCodesLead']).waitFor();
    await page.getByRole('button', { name: nl['secondFactor.continue'] }).click();
    await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
    expect(errors).toEqual([]);
  }, 90_000);
});
