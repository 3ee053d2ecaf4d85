import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';

import type { GivenOrganisation } from '@wc/testing';
import { SmtpSink, startTestWorker, type TestWorker, waitUntil } from '@wc/testing';
import { WorkerModule } from '@wc/worker';

import { nl } from '../../apps/web/src/messages/nl';
import { completeDossier, fileCase } from '../support/case-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  prepareWebApp,
  signIn,
  type UserPage,
} from './support/browser';

/** What a received invitation's ICS says, as ical.js reads it. */
function parsed(mail: { calendar: string }) {
  const calendar = new ICAL.Component(ICAL.parse(mail.calendar));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
  };
}

/**
 * Issue #18 in the browser: a council runs its meetings (invitations by e-mail with an ICS that a
 * calendar library reads, moved and cancelled; minutes that lock after the amendment window), its
 * votes are tied to the position, and every case tab is reachable at phone width. The clock:
 * Monday 2 March 2026, 10:00 in Amsterdam.
 */
describe('web app: meetings, votes and the phone (browser)', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let worker: TestWorker;
  let browser: Browser;
  let org: GivenOrganisation;
  let caseId = '';
  const pages: UserPage[] = [];

  const invitations = (email: string) => smtp.to(email).filter((m) => m.calendar);

  beforeAll(async () => {
    prepareWebApp();
    smtp = await SmtpSink.start();
    [t, browser] = await Promise.all([
      startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://overleg.test' }),
      launchBrowser(),
    ]);
    worker = await startTestWorker(WorkerModule.forRoot(t.config), t.clock);
    org = await t.given.organisation('Demo Logistiek B.V.');
    for (const [user, name] of [
      [org.chair, 'Pieter Jansen'],
      [org.secretary, 'Ria Smits'],
      [org.member, 'Sanne Bakker'],
    ] as const) {
      await t.db.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [user.id, name]);
    }
    const hrBearer = await t.login(org.hr);
    ({ caseId } = await fileCase(t, org, hrBearer));
    await completeDossier(t, caseId, hrBearer);
    for (const action of [
      { type: 'submit_request' },
      { type: 'record_consultation_held', heldOn: '2026-03-02' },
    ]) {
      const { version } = (
        await t.http().get(`/cases/${caseId}`).set('Authorization', hrBearer).expect(200)
      ).body as { version: number };
      await t
        .http()
        .post(`/cases/${caseId}/tracks/advice/transitions`)
        .set('Authorization', hrBearer)
        .send({ version, action })
        .expect(201);
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  afterEach(async () => {
    const errors = pages.flatMap((p) => p.errors.splice(0));
    for (const p of pages.splice(0)) {
      await p.context.close();
    }
    if (errors.length > 0) {
      throw new Error(`uncaught errors in the app:\n${errors.join('\n')}`);
    }
  });

  it('a moved meeting sends an updated invitation that ical.js reads; a cancelled one METHOD:CANCEL', async () => {
    const chair = await signIn(browser, t.url, org.chair, { now: t.clock.now() });
    pages.push(chair);
    const { page } = chair;
    await page.getByRole('link', { name: nl['meetings.title'] }).click();
    await page.getByText(nl['meetings.new']).click();
    await page.getByLabel(nl['meetings.meetingTitle']).fill('OR-vergadering maart');
    await page.getByLabel(nl['meetings.kind']).selectOption('internal');
    await page.getByRole('button', { name: nl['meetings.create'], exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'OR-vergadering maart' }).waitFor();

    // Invite two attendees: each gets an invitation.
    await page.getByText(nl['meetings.edit']).click();
    await page.getByLabel('Sanne Bakker').check();
    await page.getByLabel('Ria Smits').check();
    await page.getByRole('button', { name: nl['meetings.editSubmit'] }).click();
    await page.getByTestId('attendees').getByText('Sanne Bakker').waitFor();
    await waitUntil(() => invitations(org.member.email).length === 1, 20_000);
    const first = parsed(invitations(org.member.email)[0]);
    expect(first).toMatchObject({ method: 'REQUEST', start: '2026-03-02T13:00:00.000Z' });

    // Move it: an update with the same UID, a higher SEQUENCE and the new time.
    await page.getByLabel(nl['meetings.startsAt']).fill('2026-03-05T15:30');
    await page.getByRole('button', { name: nl['meetings.editSubmit'] }).click();
    await waitUntil(() => invitations(org.member.email).length === 2, 20_000);
    const moved = parsed(invitations(org.member.email)[1]);
    expect(moved.method).toBe('REQUEST');
    expect(moved.uid).toBe(first.uid);
    expect(moved.sequence).toBeGreaterThan(first.sequence);
    expect(moved.start).toBe('2026-03-05T14:30:00.000Z');
    expect(invitations(org.member.email)[1].subject).toBe(
      'Gewijzigde uitnodiging: OR-vergadering maart',
    );
    await expectNoSeriousA11yViolations(page, 'meeting (edit)');

    // Cancel it, after confirming: METHOD:CANCEL under the same UID, to each attendee.
    await page.getByRole('button', { name: nl['meetings.cancel'] }).click();
    await page.getByRole('alertdialog').getByText(nl['meetings.cancelConfirm']).waitFor();
    await page.getByRole('button', { name: nl['meetings.cancelConfirmYes'] }).click();
    await page.locator('.badge', { hasText: nl['meetingStatus.cancelled'] }).waitFor();
    await waitUntil(
      () =>
        invitations(org.member.email).length === 3 && invitations(org.secretary.email).length === 3,
      20_000,
    );
    for (const email of [org.member.email, org.secretary.email]) {
      const cancel = parsed(invitations(email)[2]);
      expect(cancel).toMatchObject({ method: 'CANCEL', uid: first.uid });
      expect(cancel.sequence).toBeGreaterThan(moved.sequence);
    }
  }, 120_000);

  it('warns of a start time in the past without refusing it', async () => {
    const chair = await signIn(browser, t.url, org.chair, { now: t.clock.now() });
    pages.push(chair);
    const { page } = chair;
    await page.getByRole('link', { name: nl['meetings.title'] }).click();
    await page.getByText(nl['meetings.new']).click();
    await page.getByLabel(nl['meetings.meetingTitle']).fill('Vergadering van vorige week');
    await page.getByLabel(nl['meetings.kind']).selectOption('internal');
    await page.getByLabel(nl['meetings.startsAt']).fill('2026-02-23T14:00');
    await page.getByRole('button', { name: nl['meetings.create'], exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Vergadering van vorige week' }).waitFor();
    await page.getByText(nl['meetingWarning.meeting.starts_in_past']).waitFor();
    expect(await page.locator('[data-warning="meeting.starts_in_past"]').count()).toBe(1);
  }, 60_000);

  it('minutes go round the attendees for amendments and lock when the window ends', async () => {
    const chairBearer = await t.login(org.chair);
    const meeting = await t
      .http()
      .post(`/works-councils/${org.worksCouncilId}/meetings`)
      .set('Authorization', chairBearer)
      .send({
        kind: 'internal',
        title: 'Fractieoverleg',
        startsAt: '2026-03-02T08:00:00Z',
        participantIds: [org.secretary.id],
      })
      .expect(201);
    const path = `/#/meetings/${meeting.body.id as string}`;

    const chair = await signIn(browser, t.url, org.chair, { now: t.clock.now() });
    pages.push(chair);
    await chair.page.goto(`${t.url}${path}`);
    const minutes = chair.page.locator('section[data-minutes-status]');
    await minutes.waitFor();
    expect(await minutes.getAttribute('data-minutes-status')).toBe('draft');
    await chair.page
      .getByRole('textbox', { name: nl['meetings.minutesText'], exact: true })
      .fill('Besproken: de pilot WarehouseInsight.');
    await chair.page.getByRole('button', { name: nl['meetings.saveMinutes'] }).click();
    await chair.page.getByText(nl['meetings.circulate']).click();
    await chair.page.getByLabel(nl['meetings.amendmentDays']).fill('2');
    await chair.page
      .getByRole('button', { name: nl['meetings.circulateSubmit'], exact: true })
      .click();
    await chair.page.locator('section[data-minutes-status="amendment_window"]').waitFor();

    // The attendee proposes an amendment while the window is open.
    const secretary = await signIn(browser, t.url, org.secretary, { now: t.clock.now() });
    pages.push(secretary);
    await secretary.page.goto(`${t.url}${path}`);
    await secretary.page
      .getByLabel(nl['meetings.amendmentText'])
      .fill('Graag ook de evaluatiedatum noemen.');
    await secretary.page.getByRole('button', { name: nl['meetings.amendSubmit'] }).click();
    await secretary.page
      .getByTestId('amendments')
      .getByText('Graag ook de evaluatiedatum noemen.')
      .waitFor();
    await expectNoSeriousA11yViolations(secretary.page, 'meeting (amendments)');

    // Two days on, the window has ended: the minutes are locked, with no way to edit them.
    t.clock.advance({ days: 2 });
    const later = await signIn(browser, t.url, org.chair, { now: t.clock.now() });
    pages.push(later);
    await later.page.goto(`${t.url}${path}`);
    await later.page.locator('section[data-minutes-status="locked"]').waitFor();
    await later.page.getByTestId('minutes-locked').waitFor();
    expect(
      await later.page
        .getByRole('textbox', { name: nl['meetings.minutesText'], exact: true })
        .count(),
    ).toBe(0);
    expect(await later.page.getByLabel(nl['meetings.amendmentText']).count()).toBe(0);
    const refused = await t
      .http()
      .put(`/meetings/${meeting.body.id as string}/minutes`)
      .set('Authorization', await t.login(org.chair))
      .send({ version: 99, minutes: 'Achteraf' });
    expect(refused.status).toBe(409);
    t.clock.set('2026-03-02T09:00:00Z');
  }, 120_000);

  it('warns when the position is recorded while a vote is open; closing a vote asks first; the quorum is shown against the council', async () => {
    const chairBearer = await t.login(org.chair);
    await t
      .http()
      .post(`/cases/${caseId}/internal/votes`)
      .set('Authorization', chairBearer)
      .send({
        proposal: 'Welk advies geven we?',
        options: ['positive', 'negative', 'conditional'],
        quorum: 2,
        closesAt: '2026-03-04T09:00:00Z',
      })
      .expect(201);
    const chair = await signIn(browser, t.url, org.chair, { now: t.clock.now() });
    pages.push(chair);
    const { page } = chair;
    await page.goto(`${t.url}/#/cases/${caseId}`);
    const form = page.locator(
      '[data-track="advice"] details[data-action="record_council_position"]',
    );
    await form.locator('summary').click();
    await form.getByTestId('open-vote-warning').waitFor();
    expect(await form.getByTestId('open-vote-warning').innerText()).toContain(
      'Welk advies geven we?',
    );
    await expectNoSeriousA11yViolations(page, 'case (position with an open vote)');

    await page.getByRole('link', { name: nl['case.tabCouncil'] }).click();
    const vote = page.locator('li.vote[data-status="open"]');
    await vote.waitFor();
    // chair, secretary and member: three seats.
    expect(await vote.getByTestId('quorum-of-size').innerText()).toContain('quorum 2 van 3 zetels');
    await vote.getByRole('button', { name: nl['council.closeVote'] }).click();
    await vote.getByRole('alertdialog').waitFor();
    expect(await page.locator('li.vote[data-status="closed"]').count()).toBe(0);
    await vote.getByRole('button', { name: nl['council.closeConfirmYes'] }).click();
    await page.locator('li.vote[data-status="closed"]').waitFor();

    await page.goto(`${t.url}/#/cases/${caseId}`);
    await form.locator('summary').click();
    await form.getByRole('button').first().waitFor();
    expect(await form.getByTestId('open-vote-warning').count()).toBe(0);
  }, 120_000);

  it('reaches every case tab at phone width', async () => {
    const phone = await signIn(browser, t.url, org.chair, {
      now: t.clock.now(),
      viewport: { width: 390, height: 844 },
    });
    pages.push(phone);
    const { page } = phone;
    await page.goto(`${t.url}/#/cases/${caseId}`);
    const tabs = page.locator('nav.tabs a');
    await tabs.first().waitFor();
    const count = await tabs.count();
    expect(count).toBeGreaterThanOrEqual(7);
    // The tab list itself never sticks out, and nothing of it hides beyond the screen's edge.
    const list = await page
      .locator('nav.tabs ul')
      .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(list.scroll).toBeLessThanOrEqual(list.client);
    for (let i = 0; i < count; i++) {
      const tab = tabs.nth(i);
      const box = await tab.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      const href = await tab.getAttribute('href');
      await tab.click();
      await page.locator(`nav.tabs a[aria-current="page"][href="${href}"]`).waitFor();
    }
    await expectNoSeriousA11yViolations(page, 'case tabs (phone)');
  }, 120_000);
});
