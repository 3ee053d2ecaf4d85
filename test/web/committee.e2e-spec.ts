import { en } from '../../apps/web/src/messages/en';
import { nl } from '../../apps/web/src/messages/nl';
import { fileCase } from '../support/case-fixtures';
import { expectNoSeriousA11yViolations } from './support/browser';
import { browserSuite } from './support/browser-suite';

const q = (key: keyof typeof nl) => nl[key];

/**
 * The case page's committee (commissie) card: the chair picks the committee that prepares a case;
 * its committee member then finds the case, and sees which committee prepares it.
 */
describe('web app: the committee that prepares a case (browser)', () => {
  const suite = browserSuite('Demo Logistiek B.V.');

  it('the chair assigns the case to a committee; only then does the committee member see it', async () => {
    const { t, org } = suite;
    const { caseId } = await fileCase(t, org, await t.login(org.hr));
    const committeeMember = await suite.signIn(org.committeeMember);
    await committeeMember.page.goto(`${t.url}/#/cases/${caseId}`);
    await committeeMember.page.getByRole('alert').waitFor();
    expect(await committeeMember.page.locator(`article[data-case-id="${caseId}"]`).count()).toBe(0);

    const chair = await suite.signIn(org.chair);
    await chair.page.goto(`${t.url}/#/cases/${caseId}`);
    const card = chair.page.locator('section.committee');
    await card.getByText(q('committee.none')).waitFor();
    await card
      .getByLabel(q('committee.choose'))
      .selectOption({ label: 'Technologie & Digitalisering' });
    await card.getByRole('button', { name: q('committee.save') }).click();
    await card
      .getByText(nl['committee.preparedBy'].replace('{name}', 'Technologie & Digitalisering'))
      .waitFor();
    await chair.page.locator(`section.committee[data-committee-id="${org.committeeId}"]`).waitFor();
    await expectNoSeriousA11yViolations(chair.page, 'case (committee)');
    const [row] = await t.db.query<Array<{ committee_id: string }>>(
      `SELECT committee_id FROM ai_case WHERE id = $1`,
      [caseId],
    );
    expect(row.committee_id).toBe(org.committeeId);

    await committeeMember.page.goto(`${t.url}/#/`);
    await committeeMember.page.goto(`${t.url}/#/cases/${caseId}`);
    const seen = committeeMember.page.locator('section.committee');
    await seen
      .getByText(nl['committee.preparedBy'].replace('{name}', 'Technologie & Digitalisering'))
      .waitFor();
    // Only the council board may change it.
    expect(await seen.getByLabel(q('committee.choose')).count()).toBe(0);
    expect(en['committee.preparedBy']).toContain('{name}');
  }, 90_000);
});
