import { nl } from '../../apps/web/src/messages/nl';
import { completeDossier, fileCase } from '../support/case-fixtures';
import { expectNoSeriousA11yViolations } from './support/browser';
import { browserSuite } from './support/browser-suite';

/**
 * Who must act, on what, by when, in the browser (issue #16). The clock: Monday 2 March 2026. HR
 * files the case and submits the advice request today, so the council's agreed six-week advice
 * term runs to 13 April 2026: 42 days.
 */
describe('web app: the agenda, the case header and the council position (browser)', () => {
  const suite = browserSuite('Demo Logistiek B.V.');
  let caseId = '';
  let hrBearer = '';

  const transition = async (who: string, kind: string, action: Record<string, unknown>) => {
    const { version } = (
      await suite.t.http().get(`/cases/${caseId}`).set('Authorization', who).expect(200)
    ).body as { version: number };
    await suite.t
      .http()
      .post(`/cases/${caseId}/tracks/${kind}/transitions`)
      .set('Authorization', who)
      .send({ version, action })
      .expect(201);
  };

  beforeAll(async () => {
    const { t, org } = suite;
    hrBearer = await t.login(org.hr);
    ({ caseId } = await fileCase(t, org, hrBearer));
    await completeDossier(t, caseId, hrBearer);
    await transition(hrBearer, 'advice', { type: 'submit_request' });
  }, 60_000);

  it("the chair's home leads with the running advice term and its agenda item; the case header names who must act", async () => {
    const { t, org } = suite;
    const chair = await suite.signIn(org.chair);
    const agenda = chair.page.locator('section.agenda');
    await agenda.getByRole('heading', { name: nl['agenda.title'] }).waitFor();
    const item = agenda.locator(
      `li[data-action="record_council_position"][data-case-id="${caseId}"]`,
    );
    await item.waitFor();
    expect(await item.innerText()).toContain('Advies uitbrengen');
    expect(await item.innerText()).toContain('vóór 13 april 2026, nog 42 dagen');
    // The agenda leads the page: it comes before every other card.
    expect(await chair.page.locator('section.card').first().getAttribute('class')).toContain(
      'agenda',
    );
    await expectNoSeriousA11yViolations(chair.page, 'home (agenda)');

    await item.getByRole('link').click();
    const header = chair.page.getByTestId('next-action');
    await header.waitFor();
    expect((await header.innerText()).replace(/\s+/g, ' ')).toBe(
      'Aan zet: de OR — advies uitbrengen vóór 13 april 2026, nog 42 dagen',
    );
    expect(await header.getAttribute('data-side')).toBe('council');
    // The header's overall stage badge is the server's, the same the case list shows.
    const badge = await chair.page.locator('.case-page header .badge').first().innerText();
    const { stage } = (
      await suite.t.http().get(`/cases/${caseId}`).set('Authorization', hrBearer).expect(200)
    ).body as { stage: string };
    expect(badge).toBe(nl[`caseStage.${stage}` as keyof typeof nl]);

    // The case list names who must act on each case, from the server (no rules in the browser).
    await chair.page.goto(`${t.url}/#/cases`);
    const row = chair.page.locator(`li.case-item[data-case-id="${caseId}"]`);
    await row.getByTestId('case-next-action').waitFor();
    expect((await row.getByTestId('case-next-action').innerText()).replace(/\s+/g, ' ')).toBe(
      'Aan zet: de OR — advies uitbrengen vóór 13 april 2026, nog 42 dagen',
    );
    expect(await row.locator('.badge').first().innerText()).toBe(badge);
    await chair.page.goto(`${t.url}/#/cases/${caseId}`);
    await header.waitFor();
    // The header names each track's own stage, agreeing with the tracks below it.
    expect(await chair.page.locator('[data-track-stage="advice"]').innerText()).toBe(
      `${nl['track.advice']}: ${nl['stage.request_submitted']}`,
    );
    // No meeting held yet: the position is offered refused, with what is missing and where.
    const refused = chair.page.locator(
      '[data-track="advice"] li[data-refused-action="record_council_position"]',
    );
    await refused.getByRole('link', { name: nl['missing.consultation_meeting_held'] }).waitFor();
    expect(
      await chair.page
        .locator('[data-track="advice"] details[data-action="record_council_position"]')
        .count(),
    ).toBe(0);
  }, 90_000);

  it("after a conditional advice, the employer's case page shows the position with its reasons and conditions", async () => {
    const { t, org } = suite;
    await transition(hrBearer, 'advice', {
      type: 'record_consultation_held',
      heldOn: '2026-03-02',
    });
    const chairBearer = await t.login(org.chair);
    await transition(chairBearer, 'advice', {
      type: 'record_council_position',
      position: 'conditional',
      reasons: 'Alleen met waarborgen voor de orderpickers.',
      conditions: ['Geen individuele prestatienormen', 'Evaluatie na zes maanden met de OR'],
    });
    const hr = await suite.signIn(org.hr);
    await hr.page.goto(`${t.url}/#/cases/${caseId}`);
    const position = hr.page.getByTestId('council-position-advice');
    await position.waitFor();
    const text = await position.innerText();
    expect(text).toContain(nl['position.conditional']);
    expect(text).toContain('Alleen met waarborgen voor de orderpickers.');
    expect(await position.locator('ol.conditions li').allInnerTexts()).toEqual([
      'Geen individuele prestatienormen',
      'Evaluatie na zes maanden met de OR',
    ]);
    // Now the employer must decide: the header says so (the two-week decision SLA, 16 March).
    const header = hr.page.getByTestId('next-action');
    expect((await header.innerText()).replace(/\s+/g, ' ')).toBe(
      'Aan zet: de werkgever — besluit nemen en meedelen vóór 16 maart 2026, nog 14 dagen',
    );
    await hr.page
      .locator('[data-track="advice"] details[data-action="record_employer_decision"]')
      .waitFor();
    expect(await hr.page.locator('[data-track-stage="advice"]').innerText()).toBe(
      `${nl['track.advice']}: ${nl['stage.council_position']}`,
    );
    // The stepper marks the stages the track went past without entering them as skipped; the meeting was held.
    const skipped = await hr.page
      .locator('[data-track="advice"] .step-skipped .step-label')
      .allInnerTexts();
    expect(skipped.map((s) => s.split(/\n| \(/)[0].trim())).toEqual([
      nl['stage.information'],
      nl['stage.consultation_requested'],
      nl['stage.council_deliberation'],
    ]);
    expect(
      await hr.page.locator('[data-track="advice"] .step-done .step-label').allInnerTexts(),
    ).toEqual(expect.arrayContaining([expect.stringContaining(nl['stage.consultation_held'])]));
    await expectNoSeriousA11yViolations(hr.page, 'case (council position)');
  }, 90_000);
});
