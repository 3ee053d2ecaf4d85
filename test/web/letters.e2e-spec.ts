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
});
