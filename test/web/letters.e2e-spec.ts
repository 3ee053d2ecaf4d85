import type { Browser } from 'playwright-core';

import type { GivenOrganisation } from '@wc/testing';

import { en } from '../../apps/web/src/messages/en';
import { nl } from '../../apps/web/src/messages/nl';
import { completeDossier, fileCase } from '../support/case-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { launchBrowser, prepareWebApp, signIn, type UserPage } from './support/browser';

/**
 * Issue #22 in the browser: the employer drafts an advice request on the case's letters tab, signs
 * it off and sends it; the council's chair opens it there, which records the receipt.
 */
describe('web app: formal letters (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let org: GivenOrganisation;
  const pages: UserPage[] = [];

  beforeAll(async () => {
    prepareWebApp();
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    org = await t.given.organisation('Demo Logistiek B.V.');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  afterEach(() => {
    const errors = pages.flatMap((p) => p.errors.splice(0));
    if (errors.length > 0) {
      throw new Error(`uncaught errors in the app:\n${errors.join('\n')}`);
    }
  });

  it('has every letters text in Dutch and English', () => {
    const keysOf = (catalogue: Record<string, string>) =>
      Object.keys(catalogue).filter((k) => k.startsWith('letters.') || k === 'case.tabLetters');
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
    expect(keysOf(nl).length).toBeGreaterThan(30);
  });

  it('drafts, signs off and sends an advice request; the chair opening it records the receipt', async () => {
    const hrBearer = await t.login(org.hr);
    const { caseId } = await fileCase(t, org, hrBearer);
    await completeDossier(t, caseId, hrBearer);
    const hr = await signIn(browser, t.url, org.hr, { now: t.clock.now() });
    pages.push(hr);
    await hr.page.goto(`${t.url}/#/cases/${caseId}/letters`);
    await hr.page.getByRole('heading', { name: nl['letters.title'] }).waitFor();
    await hr.page.getByLabel(nl['letters.kind']).selectOption('advice_request');
    await hr.page.getByRole('button', { name: nl['letters.draft'] }).click();
    const card = hr.page.locator('.letter');
    await card.getByText('WOR art. 25 lid 3').waitFor();
    await card.getByRole('button', { name: nl['letters.signOff'] }).click();
    await card.getByRole('button', { name: nl['letters.send'] }).click();
    await hr.page.locator('.letter[data-status="sent"]').waitFor();

    const chair = await signIn(browser, t.url, org.chair, { now: t.clock.now() });
    pages.push(chair);
    await chair.page.goto(`${t.url}/#/cases/${caseId}/letters`);
    await chair.page.getByRole('button', { name: /Adviesaanvraag \(WOR art\. 25\)/ }).click();
    await chair.page.locator('.letter[data-status="received"]').waitFor();
    await chair.page.getByText(nl['letters.via.opened'], { exact: false }).first().waitFor();
    const [row] = await t.db.query<Array<{ status: string; received_on: string }>>(
      `SELECT status, received_on::text FROM letter WHERE case_id = $1`,
      [caseId],
    );
    expect(row).toEqual({ status: 'received', received_on: '2026-03-02' });
  });

  it("edits a letter's fields through the form built from its kind: a wrong amount is shown at its field and in the summary; a list and a choice reach the letter", async () => {
    const hrBearer = await t.login(org.hr);
    const { caseId } = await fileCase(t, org, hrBearer);
    const chair = await signIn(browser, t.url, org.chair, { now: t.clock.now() });
    pages.push(chair);
    const page = chair.page;
    await page.goto(`${t.url}/#/cases/${caseId}/letters`);
    await page.getByRole('heading', { name: nl['letters.title'] }).waitFor();

    // The expert cost notice: text, textarea and an amount in euros.
    await page.getByLabel(nl['letters.kind']).selectOption('expert_cost_notice');
    await page.getByRole('button', { name: nl['letters.draft'] }).click();
    const card = page.locator('.letter');
    await card.getByText('WOR art. 22 lid 2', { exact: true }).waitFor();
    await card
      .getByText(/Nog nodig voor ondertekening: Deskundige, Verwachte kosten \(EUR\), Opdracht/)
      .waitFor();
    await card.getByLabel('Deskundige', { exact: true }).fill('Dr. Jansen');
    await card
      .getByLabel('Opdracht', { exact: true })
      .fill('Toets van de leveranciersdocumentatie');
    const costs = card.getByLabel('Verwachte kosten (EUR)');
    await costs.fill('veel');
    await card.getByRole('button', { name: nl['letters.save'] }).click();
    const summary = page.getByTestId('error-summary');
    await summary.getByText(nl['letters.moneyInvalid']).waitFor();
    expect(await costs.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await costs.getAttribute('aria-describedby')) ?? '';
    const described = await Promise.all(
      describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).innerText()),
    );
    expect(described).toContain(nl['letters.moneyInvalid']);
    await costs.fill('2500,50');
    await card.getByRole('button', { name: nl['letters.save'] }).click();
    await card.getByText('versie 2', { exact: false }).waitFor();
    await card.getByText(/Verwachte kosten: EUR 2500\.50/).waitFor();
    expect(await card.getByText(/Nog nodig voor ondertekening/).count()).toBe(0);
    const [cost] = await t.db.query<Array<{ fields: Record<string, unknown> }>>(
      `SELECT fields FROM letter WHERE case_id = $1 AND kind = 'expert_cost_notice'`,
      [caseId],
    );
    expect(cost.fields).toEqual({
      expertName: 'Dr. Jansen',
      purpose: 'Toets van de leveranciersdocumentatie',
      expectedCostsCents: 250050,
    });

    // The council's advice: a choice, a list of conditions (one per line) and a yes/no.
    await page.getByLabel(nl['letters.kind']).selectOption('council_decision');
    await page.getByLabel(nl['letters.track']).selectOption('advice');
    await page.getByRole('button', { name: nl['letters.draft'] }).click();
    await card.getByText('WOR art. 25 lid 4', { exact: true }).waitFor();
    await card.getByLabel('Standpunt').selectOption('conditional');
    await card
      .getByLabel('Voorwaarden', { exact: true })
      .fill('Geen individuele beoordeling\nEvaluatie na zes maanden\n');
    await card.getByLabel('Motivering').fill('Privacy van de pickers');
    await card.getByLabel(/ziet af van de opschorting/).selectOption('no');
    await card.getByRole('button', { name: nl['letters.save'] }).click();
    await card.getByText('2. Evaluatie na zes maanden').waitFor();
    await card.getByText('1. Geen individuele beoordeling').waitFor();
    await card.getByText('advies of instemming onder voorwaarden').waitFor();
    const [advice] = await t.db.query<Array<{ fields: Record<string, unknown> }>>(
      `SELECT fields FROM letter WHERE case_id = $1 AND kind = 'council_decision'`,
      [caseId],
    );
    expect(advice.fields).toEqual({
      position: 'conditional',
      conditions: ['Geen individuele beoordeling', 'Evaluatie na zes maanden'],
      reasons: 'Privacy van de pickers',
      waivesSuspension: false,
    });
    // Saved values come back into the form.
    expect(await card.getByLabel('Voorwaarden', { exact: true }).inputValue()).toBe(
      'Geen individuele beoordeling\nEvaluatie na zes maanden',
    );
  });
  it('shows every letter of a case with more than one page of them: the rest behind "more"', async () => {
    const hrBearer = await t.login(org.hr);
    const { caseId } = await fileCase(t, org, hrBearer);
    const chairBearer = await t.login(org.chair);
    // More than the API's default page (50): the web shows the first page, the rest on "more".
    const count = 53;
    for (let n = 0; n < count; n++) {
      await t
        .http()
        .post(`/cases/${caseId}/letters`)
        .set('Authorization', chairBearer)
        .send({ kind: 'initiative_proposal', language: 'nl' })
        .expect(201);
    }
    const chair = await signIn(browser, t.url, org.chair, { now: t.clock.now() });
    pages.push(chair);
    const page = chair.page;
    await page.goto(`${t.url}/#/cases/${caseId}/letters`);
    const rows = page.locator('.letter-list > li');
    await rows.nth(49).waitFor();
    expect(await rows.count()).toBe(50);
    await page.getByRole('button', { name: nl['common.more'] }).click();
    await rows.nth(count - 1).waitFor();
    expect(await rows.count()).toBe(count);
    expect(await page.getByRole('button', { name: nl['common.more'] }).count()).toBe(0);
    const ids = await rows.evaluateAll((items) =>
      items.map((li) => li.getAttribute('data-letter-id')),
    );
    const stored = await t.db.query<Array<{ id: string }>>(
      `SELECT id FROM letter WHERE case_id = $1`,
      [caseId],
    );
    expect(new Set(ids)).toEqual(new Set(stored.map((r) => r.id)));
  });
});
