import { en } from '../../apps/web/src/messages/en';
import { nl } from '../../apps/web/src/messages/nl';
import { fileCase, FULL_CONTENTS } from '../support/case-fixtures';
import { expectNoSeriousA11yViolations } from './support/browser';
import { browserSuite } from './support/browser-suite';

/**
 * The search box in the top bar: a council member types a word of a case's request, sees the case
 * with the word marked, and opens it; the employer side finds nothing in the council's internal meeting.
 */
describe('web app: search (browser)', () => {
  const suite = browserSuite('Demo Logistiek B.V.');

  it('finds a case by a word of its request, marks the word, and leads to the case; HR does not find the internal meeting', async () => {
    const { t, org } = suite;
    const { caseId } = await fileCase(t, org, await t.login(org.hr), {
      contents: { ...FULL_CONTENTS, intendedDecision: 'Invoering van de Zonnebloemroosteraar' },
    });
    await t
      .http()
      .post(`/works-councils/${org.worksCouncilId}/meetings`)
      .set('Authorization', await t.login(org.chair))
      .send({
        kind: 'internal',
        title: 'Voorbereiding lijsterbes',
        startsAt: '2026-03-10T09:00:00Z',
      })
      .expect(201);

    const member = await suite.signIn(org.member);
    await member.page.getByLabel(nl['search.label']).fill('zonnebloemroosteraar');
    await member.page.getByRole('button', { name: nl['search.submit'] }).click();
    await member.page.getByRole('heading', { name: nl['search.title'] }).waitFor();
    const hit = member.page.locator(`li.search-hit[data-kind="case"][data-id="${caseId}"]`);
    await hit.waitFor();
    expect(await hit.locator('mark').allTextContents()).toEqual(['Zonnebloemroosteraar']);
    expect(await hit.getByText(nl['search.kind.case'], { exact: true }).count()).toBe(1);
    await expectNoSeriousA11yViolations(member.page, 'search results');
    await hit.getByRole('link').click();
    await member.page.locator(`article[data-case-id="${caseId}"]`).waitFor();

    const hr = await suite.signIn(org.hr);
    await hr.page.goto(`${t.url}/#/search?q=lijsterbes`);
    await hr.page.getByText(nl['search.none']).waitFor();
    expect(await hr.page.locator('li.search-hit').count()).toBe(0);
    expect(en['search.lead']).toContain('{query}');
  }, 90_000);
});
