import type { Browser, Page } from 'playwright-core';

import type { GivenOrganisation } from '@wc/testing';
import { waitUntil } from '@wc/testing';

import { nl } from '../../apps/web/src/messages/nl';
import { completeDossier, fileCase, fulfilGoLiveDuties } from '../support/case-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  prepareWebApp,
  signIn,
  type UserPage,
} from './support/browser';

type Json = Record<string, any>;

/** A catalogue text with its ICU arguments filled in (no plurals in the texts used here). */
const fill = (text: string, args: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => String(args[name]));

/**
 * Issue #19 in a browser: the council's intake (a member raises a signal, the board turns it into
 * an art. 31 information request, the employer answers it), the evaluation screens (the monitoring
 * plan, an evaluation with its commitment review, an incident), and the complaints desk (the
 * designated contact logs a complaint; the council sees anonymised counts only).
 */
describe('web app: intake, evaluation and complaints (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let org: GivenOrganisation;
  const pages: UserPage[] = [];

  beforeAll(async () => {
    prepareWebApp();
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    org = await t.given.organisation();
    // Real names, so the raw-text check reads the screens and not the factory's role names.
    for (const [user, name] of [
      [org.hr, 'Hanna de Vries'],
      [org.chair, 'Pieter Jansen'],
      [org.member, 'Sanne Bakker'],
      [org.secretary, 'Ahmed Yilmaz'],
      [org.employerRep, 'Joost Smit'],
    ] as const) {
      await t.db.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [user.id, name]);
    }
    t.clock.set(new Date('2026-03-02T09:00:00Z'));
  }, 120_000);

  afterEach(async () => {
    const errors = pages.flatMap((p) => p.errors);
    for (const p of pages.splice(0)) {
      await p.context.close();
    }
    if (errors.length > 0) {
      throw new Error(`uncaught page errors:\n${errors.join('\n')}`);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function as(user: { email: string; password: string }): Promise<Page> {
    const signedIn = await signIn(browser, t.url, user, { now: t.clock.now() });
    pages.push(signedIn);
    return signedIn.page;
  }

  // The texts of every screen are checked by the browser's screen watch (support/browser.ts),
  // which knows the test kit's fixtures as the users' own words.
  async function check(page: Page, screen: string): Promise<void> {
    await expectNoSeriousA11yViolations(page, screen);
  }

  const api = async (user: { email: string; password: string }, path: string) =>
    (
      await t
        .http()
        .get(path)
        .set('Authorization', await t.login(user))
        .expect(200)
    ).body as Json;

  it('a member raises a signal, the board asks for information, the employer answers', async () => {
    const member = await as(org.member);
    await member.goto(`${t.url}/#/intake`);
    const raise = member.getByRole('form', { name: nl['intake.raiseTitle'] });
    await raise.getByLabel(nl['intake.text']).fill('We horen dat de planning straks AI gebruikt');
    await raise.getByLabel(nl['intake.sourceKind']).selectOption('software_update');
    await raise.getByRole('button', { name: nl['intake.raise'] }).click();
    const signal = member.locator('li[data-signal-id]');
    await signal.getByText('We horen dat de planning straks AI gebruikt').waitFor();
    expect(await signal.getAttribute('data-status')).toBe('open');
    await check(member, 'intake (council member)');

    const signals = await api(org.chair, `/works-councils/${org.worksCouncilId}/signals`);
    expect(signals.items).toEqual([
      expect.objectContaining({
        text: 'We horen dat de planning straks AI gebruikt',
        sourceKind: 'software_update',
        status: 'open',
      }),
    ]);
    // The employer side does not see the council's signals.
    await t
      .http()
      .get(`/works-councils/${org.worksCouncilId}/signals`)
      .set('Authorization', await t.login(org.hr))
      .expect((res) => expect([403, 404]).toContain(res.status));

    const chair = await as(org.chair);
    await chair.goto(`${t.url}/#/intake`);
    const act = chair.locator('li[data-signal-id]').getByRole('form', {
      name: nl['intake.actTitle'],
    });
    await act.getByLabel(nl['intake.kind'], { exact: true }).selectOption('information');
    await act
      .getByLabel(nl['intake.subject'])
      .fill('Welke AI-functies zitten in de nieuwe planningssoftware?');
    await act.getByRole('button', { name: nl['intake.send'] }).click();
    const request = chair.locator('li[data-request-id]');
    await request.getByText('Welke AI-functies zitten in de nieuwe planningssoftware?').waitFor();
    expect(await request.getAttribute('data-status')).toBe('open');
    await chair.locator('li[data-signal-id][data-status="acted"]').waitFor();
    await check(chair, 'intake (council board)');

    const [made] = (await api(org.chair, `/works-councils/${org.worksCouncilId}/council-requests`))
      .items as Json[];
    expect(made).toMatchObject({ kind: 'information', status: 'open', caseId: null });

    const hr = await as(org.hr);
    await hr.goto(`${t.url}/#/intake`);
    // The employer sees the request, not the signal behind it.
    await hr.getByText('Welke AI-functies zitten in de nieuwe planningssoftware?').waitFor();
    expect(await hr.getByText('We horen dat de planning straks AI gebruikt').count()).toBe(0);
    await check(hr, 'intake (employer)');
    const open = hr.locator(`li[data-request-id="${made.id as string}"]`);
    await open.getByLabel(nl['intake.answer']).fill('Alleen een routesuggestie; geen beoordeling.');
    await open.getByRole('button', { name: nl['intake.sendAnswer'] }).click();
    await hr
      .locator(`li[data-request-id="${made.id as string}"][data-status="answered"]`)
      .waitFor();
    await open.getByText('Alleen een routesuggestie; geen beoordeling.').waitFor();

    const [answered] = (
      await api(org.chair, `/works-councils/${org.worksCouncilId}/council-requests`)
    ).items as Json[];
    expect(answered).toMatchObject({
      status: 'answered',
      answer: 'Alleen een routesuggestie; geen beoordeling.',
    });
  }, 120_000);

  it('the employer sets the plan, records an evaluation with its commitment review and logs an incident', async () => {
    const hrBearer = await t.login(org.hr);
    const chairBearer = await t.login(org.chair);
    const { caseId } = await fileCase(t, org, hrBearer);
    await completeDossier(t, caseId, hrBearer);
    const act = async (bearer: string, kind: string, action: Json) => {
      const current = await t.http().get(`/cases/${caseId}`).set('Authorization', hrBearer);
      const res = await t
        .http()
        .post(`/cases/${caseId}/tracks/${kind}/transitions`)
        .set('Authorization', bearer)
        .send({ version: current.body.version, action });
      if (res.status !== 201) {
        throw new Error(
          `${kind}/${String(action.type)}: ${res.status} ${JSON.stringify(res.body)}`,
        );
      }
    };
    for (const kind of ['advice', 'consent']) {
      await act(hrBearer, kind, { type: 'request_consultation', reasons: 'Voorgenomen besluit' });
      await act(chairBearer, kind, { type: 'record_consultation_held', heldOn: '2026-03-02' });
      await act(hrBearer, kind, { type: 'submit_request' });
    }
    await act(chairBearer, 'advice', { type: 'record_council_position', position: 'positive' });
    await act(chairBearer, 'consent', {
      type: 'record_council_position',
      position: 'conditional',
      conditions: ['Geen individuele prestatienormen', 'Medewerkers zien hun eigen gegevens in'],
      reasons: 'Instemming onder voorwaarden',
    });
    for (const kind of ['advice', 'consent']) {
      await act(hrBearer, kind, {
        type: 'record_employer_decision',
        follows: true,
        implementationDate: '2026-03-02',
        receivedOn: '2026-03-02',
      });
    }
    await fulfilGoLiveDuties((kind, action) => act(hrBearer, kind, action));
    await act(hrBearer, 'advice', { type: 'mark_implemented' });
    await act(hrBearer, 'consent', { type: 'mark_implemented' });

    // A week before the first evaluation (due 2026-06-02), when it may be recorded.
    t.clock.set(new Date('2026-05-26T09:00:00Z'));
    const hr = await as(org.hr);
    await hr.goto(`${t.url}/#/cases/${caseId}/evaluation`);
    const plan = hr.getByTestId('monitoring-plan');
    await plan.getByText(nl['evaluation.noGoals']).waitFor();
    await plan.getByLabel(nl['evaluation.goalDescription']).fill('Kortere looproutes');
    await plan.getByLabel(nl['evaluation.goalTarget']).fill('15% minder looptijd');
    await plan.getByRole('button', { name: nl['evaluation.addGoal'] }).click();
    await plan.getByText('Kortere looproutes').waitFor();
    await plan.getByRole('checkbox', { name: 'C', exact: true }).check();
    await waitUntil(
      async () =>
        JSON.stringify((await api(org.hr, `/cases/${caseId}/monitoring-plan`)).indicators) ===
        '["C"]',
      10_000,
      () => 'indicator C saved',
    );
    const savedPlan = await api(org.hr, `/cases/${caseId}/monitoring-plan`);
    expect(savedPlan.goals).toEqual([
      { key: 'goal-1', description: 'Kortere looproutes', target: '15% minder looptijd' },
    ]);

    const first = hr.locator('article[data-evaluation="1"]');
    await first.locator('[data-commitment="2"]').waitFor();
    await check(hr, 'evaluation (employer, before recording)');
    await first.getByLabel(`${nl['evaluation.actual']} C`).selectOption('-1');
    // Left unreviewed, and found met without its evidence: the server refuses, the screen says why.
    await first.getByLabel(`${nl['evaluation.commitmentState']} (1)`).selectOption('met');
    await first.getByRole('button', { name: nl['evaluation.record'] }).click();
    const refused = first.getByRole('alert');
    await refused.getByText(nl['problem.evaluation.commitments_unreviewed']).waitFor();
    expect((await refused.innerText()).trim()).toBe(
      nl['problem.evaluation.commitments_unreviewed'],
    );
    await check(hr, 'evaluation (commitments left unreviewed)');
    expect((await api(org.hr, `/cases/${caseId}/evaluations`)).evaluations[0].status).toBe(
      'scheduled',
    );
    await first.getByLabel(`${nl['evaluation.commitmentState']} (1)`).selectOption('met');
    await first
      .getByLabel(`${nl['evaluation.commitmentNote']} (1)`)
      .fill('Werkinstructie teamleiders v2');
    await first.getByLabel(`${nl['evaluation.commitmentState']} (2)`).selectOption('at_risk');
    await first
      .getByLabel(`${nl['evaluation.commitmentNote']} (2)`)
      .fill('Inzage nog niet gebouwd');
    await first.getByLabel(nl['evaluation.summary']).fill('Eerste evaluatie na drie maanden');
    await first.getByRole('button', { name: nl['evaluation.record'] }).click();
    await hr.locator('article[data-evaluation="1"][data-status="recorded"]').waitFor();
    await first.locator('li[data-commitment="1"][data-state="met"]').waitFor();
    await first.locator('li[data-commitment="2"][data-state="at_risk"]').waitFor();
    await first.getByText(nl['commitmentReview.at_risk']).waitFor();
    const diff = first.locator('tr[data-dimension="C"] td');
    expect(await diff.allTextContents()).toEqual(['C', '0', '-1', '-1']);

    const report = await api(org.chair, `/cases/${caseId}/evaluations`);
    expect(report.evaluations[0]).toMatchObject({
      status: 'recorded',
      recordedSide: 'employer',
      summary: 'Eerste evaluatie na drie maanden',
    });
    expect(
      (report.evaluations[0].commitments as Json[]).map((c) => [c.conditionNo, c.state, c.note]),
    ).toEqual([
      [1, 'met', 'Werkinstructie teamleiders v2'],
      [2, 'at_risk', 'Inzage nog niet gebouwd'],
    ]);

    const incidents = hr
      .getByRole('heading', { name: nl['evaluation.incidentsTitle'] })
      .locator('..');
    await incidents.getByLabel(nl['evaluation.incidentKind']).selectOption('override');
    await incidents
      .getByLabel(nl['evaluation.incidentDescription'])
      .fill('Route handmatig aangepast');
    await incidents.getByLabel(nl['evaluation.occurredOn']).fill('2026-05-20');
    await incidents.getByRole('button', { name: nl['evaluation.logIncident'] }).click();
    await incidents
      .locator('li[data-incident="override"]')
      .getByText(/Route handmatig/)
      .waitFor();
    await check(hr, 'evaluation (employer, recorded)');
    const logged = await api(org.chair, `/cases/${caseId}/incidents`);
    expect(logged.items).toEqual([
      expect.objectContaining({
        kind: 'override',
        description: 'Route handmatig aangepast',
        occurredOn: '2026-05-20',
        reportedSide: 'employer',
      }),
    ]);

    // The council reads the recorded evaluation and its review; a member records nothing.
    const member = await as(org.member);
    await member.goto(`${t.url}/#/cases/${caseId}/evaluation`);
    await member.locator('article[data-evaluation="1"][data-status="recorded"]').waitFor();
    await member.locator('li[data-commitment="2"][data-state="at_risk"]').waitFor();
    expect(
      await member
        .locator('article[data-evaluation="2"]')
        .getByRole('button', { name: nl['evaluation.record'] })
        .count(),
    ).toBe(0);
    await check(member, 'evaluation (council member)');
  }, 180_000);

  it('the designated contact logs a complaint; the council sees counts, never names', async () => {
    const { caseId } = await fileCase(t, org, await t.login(org.hr));
    const aiSystemId = (await api(org.hr, `/cases/${caseId}`)).aiSystemId as string;

    const hr = await as(org.hr);
    await hr.goto(`${t.url}/#/ai-systems/${aiSystemId}`);
    const desk = hr.getByTestId('complaints-desk');
    await desk.getByText(nl['complaints.onlyContact']).waitFor();
    await desk.getByRole('button', { name: nl['complaints.designateMe'] }).click();
    await desk.getByRole('button', { name: nl['complaints.log'] }).waitFor();
    await desk.getByLabel(nl['complaints.kind']).selectOption('explanation_request');
    await desk.getByLabel(nl['complaints.legalBasis']).selectOption('gdpr_22');
    await desk.getByLabel(nl['complaints.complainant']).fill('Kees Visser');
    await desk.getByLabel(nl['complaints.description']).fill('Waarom kreeg ik de langste route?');
    await desk.getByLabel(nl['complaints.receivedOn']).fill('2026-05-20');
    await desk.getByRole('button', { name: nl['complaints.log'] }).click();
    const item = desk.locator('li[data-complaint]');
    await item.getByText(/Kees Visser/).waitFor();
    expect(await item.getAttribute('data-status')).toBe('open');
    await check(hr, 'complaints desk (designated contact)');

    const bearer = await t.login(org.hr);
    const listed = await t
      .http()
      .get(`/ai-systems/${aiSystemId}/complaints`)
      .set('Authorization', bearer)
      .expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        kind: 'explanation_request',
        legalBasis: 'gdpr_22',
        complainant: 'Kees Visser',
        receivedOn: '2026-05-20',
        dueOn: '2026-06-20',
        status: 'open',
      }),
    ]);

    const member = await as(org.member);
    await member.goto(`${t.url}/#/ai-systems/${aiSystemId}`);
    const counts = member.locator(`li[data-system="${aiSystemId}"]`);
    await counts.waitFor();
    await member.getByRole('heading', { name: nl['complaints.countsTitle'] }).waitFor();
    expect(await member.getByTestId('complaints-desk').count()).toBe(0);
    const body = (await member.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/Kees|Visser|langste route/);
    const [row] = (
      await api(org.member, `/works-councils/${org.worksCouncilId}/complaint-counts`)
    ).items.filter((c: Json) => c.aiSystemId === aiSystemId) as Json[];
    expect(row).toMatchObject({ complaints: 0, explanationRequests: 1, open: 1 });
    expect(await counts.textContent()).toBe(
      `${row.name as string}: ${fill(nl['complaints.counts'], { complaints: 0, explanations: 1, open: 1, overdue: 0 })}`,
    );
    await check(member, 'complaint counts (council)');
  }, 120_000);
});
