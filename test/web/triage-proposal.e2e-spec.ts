import { nl } from '../../apps/web/src/messages/nl';
import { fileCase, monitoringTriageAnswers } from '../support/case-fixtures';
import { expectNoSeriousA11yViolations } from './support/browser';
import { browserSuite } from './support/browser-suite';

/**
 * Issue #14 in the browser: the council board sees the employer's re-triage proposal with its
 * answers and contests or accepts it; the register says why "live" is refused.
 */
describe('web app: rights the council holds (browser)', () => {
  const suite = browserSuite('Demo Logistiek B.V.');

  it('the chair sees the proposal with the employer’s answers, contests one answer, then accepts', async () => {
    const { t, org } = suite;
    const hr = await t.login(org.hr);
    const { caseId, version } = await fileCase(t, org, hr);
    await t
      .http()
      .put(`/cases/${caseId}/triage`)
      .set('Authorization', hr)
      .send({ version, answers: monitoringTriageAnswers({ councilType: 'none' }) })
      .expect(200);

    const chair = await suite.signIn(org.chair);
    await chair.page.goto(`${t.url}/#/cases/${caseId}`);
    const card = chair.page.locator('section.triage-proposal[data-proposal-status="proposed"]');
    await card
      .getByText(nl['proposal.reason.withdraws_track'].replace('{track}', nl['track.advice']))
      .waitFor();
    const row = card.locator('tr[data-answer="councilType"]');
    expect(await row.locator('td').allInnerTexts()).toEqual([
      nl['choice.councilType.or'],
      nl['choice.councilType.none'],
      nl['choice.councilType.or'],
    ]);
    await expectNoSeriousA11yViolations(chair.page, 'case (triage proposal)');

    await card.getByText(nl['proposal.contest']).click();
    // The question as the server's questionnaire words it (issue #17).
    const questionnaire = await t
      .http()
      .get(`/cases/${caseId}/triage/questionnaire`)
      .set('Authorization', hr)
      .expect(200);
    const councilType = (
      questionnaire.body.groups as Array<{
        questions: Array<{ key: string; text: { nl: string } }>;
      }>
    )
      .flatMap((g) => g.questions)
      .find((q) => q.key === 'councilType')!.text.nl;
    await card.getByRole('checkbox', { name: councilType }).check();
    await card
      .getByLabel(nl['proposal.contestReasons'])
      .fill('Wij zijn de ondernemingsraad van deze onderneming.');
    await card.getByRole('button', { name: nl['proposal.contestSubmit'] }).click();
    await chair.page.locator('section.triage-proposal[data-proposal-status="contested"]').waitFor();
    const contested = (await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200))
      .body;
    expect(contested.triage.proposal.contest.answers).toEqual(['councilType']);
    expect(contested.tracks.find((tr: { kind: string }) => tr.kind === 'advice').stage).toBe(
      'screening',
    );

    await chair.page.getByRole('button', { name: nl['proposal.accept'] }).first().click();
    await chair.page.locator('section.triage-proposal').first().waitFor({ state: 'detached' });
    const accepted = (await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200))
      .body;
    expect(accepted.tracks.find((tr: { kind: string }) => tr.kind === 'advice').stage).toBe(
      'withdrawn',
    );
  }, 90_000);

  it('the register shows which gate conditions keep a system from going live', async () => {
    const { t, org } = suite;
    const hrBearer = await t.login(org.hr);
    const { caseId } = await fileCase(t, org, hrBearer);
    const { aiSystemId } = (
      await t.http().get(`/cases/${caseId}`).set('Authorization', hrBearer).expect(200)
    ).body;
    const hr = await suite.signIn(org.hr);
    await hr.page.goto(`${t.url}/#/ai-systems/${aiSystemId}`);
    await hr.page.getByRole('button', { name: nl['common.edit'] }).click();
    await hr.page
      .getByLabel(nl['aiSystems.status'])
      .selectOption({ label: nl['systemStatus.live'] });
    await hr.page.getByRole('button', { name: nl['common.save'] }).click();
    const alert = hr.page.getByRole('alert');
    await alert.getByText(nl['problem.ai_system.go_live_blocked']).waitFor();
    await alert
      .locator(`[data-blocked-case="${caseId}"]`)
      .getByText(nl['gate.consent_present'])
      .waitFor();
  }, 90_000);
});
