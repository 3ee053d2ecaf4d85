import type { Browser } from 'playwright-core';

import type { GivenOrganisation } from '@wc/testing';

import { en } from '../../apps/web/src/messages/en';
import { nl } from '../../apps/web/src/messages/nl';
import { SmtpSink, waitUntil } from '@wc/testing';
import { fileCase } from '../support/case-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  prepareWebApp,
  signIn,
  type UserPage,
} from './support/browser';

const DIMENSIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'];
const linkIn = (text: string) =>
  /(https?:\/\/\S+\/survey#token=[A-Za-z0-9_-]+)/.exec(text.replace(/=\r?\n/g, ''))?.[1];

/** The council's survey screen and the public answer page (issue #19), in a browser. */
describe('web app: the voice of staff (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let smtp: SmtpSink;
  let org: GivenOrganisation;
  const pages: UserPage[] = [];

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

  it('the chair creates and sends a survey; staff answer without an account; results show from five', async () => {
    const { caseId } = await fileCase(t, org, await t.login(org.hr));
    const chair = await signIn(browser, t.url, org.chair, { now: t.clock.now() });
    pages.push(chair);
    await chair.page.goto(`${t.url}/#/cases/${caseId}/surveys`);
    const section = chair.page.locator('section[aria-labelledby="surveys-title"]');
    await section.getByText(nl['survey.none']).waitFor();
    await section.getByText(nl['survey.create'], { exact: true }).first().click();
    await section.getByLabel(nl['survey.name']).fill('WarehouseInsight');
    await section.getByLabel(nl['survey.ownQuestions']).fill('Ik ben vooraf goed geïnformeerd');
    await section.getByRole('button', { name: nl['survey.create'] }).click();
    await section.locator('li.survey').waitFor();

    const emails = Array.from({ length: 5 }, (_, i) => `medewerker${i + 1}@magazijn.test`);
    await section.getByText(nl['survey.send'], { exact: true }).first().click();
    await section.getByLabel(nl['survey.emails']).fill(emails.join('\n'));
    await section.getByRole('button', { name: nl['survey.send'] }).click();
    await section
      .getByText(nl['survey.sent'].replace('{sent}', '5').replace('{failed}', '0'))
      .waitFor();
    await section.getByTestId('survey-no-results').waitFor();
    await expectNoSeriousA11yViolations(chair.page, 'surveys (council)');
    await waitUntil(() => emails.every((e) => smtp.to(e).length === 1), 10_000);
    const links = emails.map((e) => linkIn(smtp.to(e)[0].text) as string);

    // Four answer through the API, the fifth in a browser without an account, in English.
    const tokenOf = (link: string) => new URL(link).hash.replace('#token=', '');
    for (const link of links.slice(0, 4)) {
      await t
        .http()
        .post('/survey-responses')
        .send({
          token: tokenOf(link),
          answers: [...DIMENSIONS, 'Q1'].map((questionId) => ({ questionId, value: 1 })),
        })
        .expect(204);
    }
    const context = await browser.newContext({ locale: 'en-GB' });
    const answer = await context.newPage();
    const errors: string[] = [];
    answer.on('pageerror', (error) => errors.push(error.message));
    const url = new URL(links[4]);
    await answer.goto(`${t.url}${url.pathname}${url.hash}`);
    await answer.getByRole('heading', { name: 'WarehouseInsight' }).waitFor();
    if ((await answer.getByText(nl['survey.submit']).count()) > 0) {
      await answer.getByRole('button', { name: 'English' }).click();
    }
    await answer.getByRole('button', { name: en['survey.submit'] }).waitFor();
    expect(await answer.getByRole('button', { name: en['survey.submit'] }).isDisabled()).toBe(true);
    for (const fieldset of await answer.locator('fieldset.survey-question').all()) {
      await fieldset.getByLabel(en['survey.dontKnow']).check();
    }
    await expectNoSeriousA11yViolations(answer, 'survey answer (public)');
    await answer.getByRole('button', { name: en['survey.submit'] }).click();
    await answer.getByText(en['survey.thanks']).waitFor();
    // The link works once.
    await answer.reload();
    await answer.getByText(en['problem.survey.invitation_used']).waitFor();
    expect(errors).toEqual([]);

    await chair.page.reload();
    const results = chair.page.getByTestId('survey-results');
    await results.waitFor();
    expect(await results.locator('tbody tr').count()).toBe(DIMENSIONS.length + 1);
    await chair.page.getByText(nl['survey.results'].replace('{count}', '5')).waitFor();
    // The screen says plainly that results come per five responses (here none wait).
    expect(await chair.page.getByTestId('survey-in-blocks').textContent()).toContain(
      'Resultaten per vijf antwoorden; alle antwoorden zijn getoond.',
    );

    // Three more answer: the results stay those of five, and the screen says three wait.
    const surveyId = (await chair.page.locator('li.survey').getAttribute('data-survey')) as string;
    const more = [
      'medewerker6@magazijn.test',
      'medewerker7@magazijn.test',
      'medewerker8@magazijn.test',
    ];
    await t
      .http()
      .post(`/cases/${caseId}/surveys/${surveyId}/invitations`)
      .set('Authorization', await t.login(org.chair))
      .send({ emails: more, language: 'nl' })
      .expect(200);
    await waitUntil(() => more.every((e) => smtp.to(e).length === 1), 10_000);
    for (const e of more) {
      await t
        .http()
        .post('/survey-responses')
        .send({
          token: tokenOf(linkIn(smtp.to(e)[0].text) as string),
          answers: [...DIMENSIONS, 'Q1'].map((questionId) => ({ questionId, value: -2 })),
        })
        .expect(204);
    }
    await chair.page.reload();
    await chair.page
      .getByTestId('survey-in-blocks')
      .getByText('Resultaten per vijf antwoorden; 3 antwoorden nog niet getoond.')
      .waitFor();
    await chair.page.getByText(nl['survey.results'].replace('{count}', '5')).waitFor();
    await expectNoSeriousA11yViolations(chair.page, 'surveys (results)');
    expect(chair.errors).toEqual([]);
  }, 120_000);
});
