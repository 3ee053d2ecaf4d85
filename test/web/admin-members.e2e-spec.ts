import { nl } from '../../apps/web/src/messages/nl';
import { expectNoSeriousA11yViolations } from './support/browser';
import { browserSuite } from './support/browser-suite';

/** The organisation admin changes and withdraws employer-side roles; council roles stay with the council board. */
describe('web app: members and roles on the admin screen (browser)', () => {
  const suite = browserSuite();

  const roleOf = async (userId: string) =>
    (
      await suite.t.db.query<Array<{ role: string }>>(
        'SELECT role FROM membership WHERE user_id = $1',
        [userId],
      )
    ).map((r) => r.role);

  it('changes an HR manager into an employer representative, withdraws the role, and offers nothing on council members', async () => {
    const { t, org } = suite;
    const hr = await t.given.user(org.organisationId, 'hr_manager');
    const name = `Test hr_manager`;
    const admin = await suite.signIn(org.admin);
    const page = admin.page;
    const row = page.locator('tr', { hasText: hr.email });
    await row.waitFor();
    await row
      .getByLabel(nl['admin.roleOf'].replace('{name}', name))
      .selectOption('employer_representative');
    await expectRole(() => roleOf(hr.id), ['employer_representative']);

    const memberRow = page.locator('tr', { hasText: org.member.email });
    await memberRow.getByText(nl['admin.councilManaged']).waitFor();
    expect(await memberRow.getByRole('combobox').count()).toBe(0);
    expect(await memberRow.getByRole('button').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'admin (members)');

    page.once('dialog', (dialog) => void dialog.accept());
    await page
      .locator('tr', { hasText: hr.email })
      .getByRole('button', { name: nl['admin.remove'] })
      .click();
    await page.locator('tr', { hasText: hr.email }).waitFor({ state: 'detached' });
    expect(await roleOf(hr.id)).toEqual([]);
    expect(admin.errors).toEqual([]);
  }, 90_000);
});

async function expectRole(read: () => Promise<string[]>, expected: string[]): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const roles = await read();
    if (JSON.stringify(roles) === JSON.stringify(expected) || Date.now() > deadline) {
      expect(roles).toEqual(expected);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
