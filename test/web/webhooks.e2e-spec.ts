import { nl } from '../../apps/web/src/messages/nl';
import { expectNoSeriousA11yViolations } from './support/browser';
import { browserSuite } from './support/browser-suite';

/** The organisation admin registers a webhook, copies its secret once, turns it off and opens its log. */
describe('web app: webhooks on the admin screen (browser)', () => {
  const suite = browserSuite();

  it('registers an endpoint, shows its secret once, disables it and shows its empty delivery log', async () => {
    const { t, org } = suite;
    const { page } = await suite.signIn(org.admin);
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: nl['webhooks.title'] }),
    });
    await section.getByText(nl['webhooks.none']).waitFor();
    await section.getByLabel(nl['webhooks.url']).fill('https://hooks.example.test/overleg');
    await section.getByLabel(nl['webhooks.description']).fill('HR-systeem');
    await section.getByRole('checkbox', { name: 'case.sent' }).check();
    await section.getByRole('button', { name: nl['webhooks.create'] }).click();

    const secret = section.getByLabel(nl['webhooks.secret']);
    await secret.waitFor();
    const shown = await secret.inputValue();
    expect(shown).toMatch(/^whsec_/);
    const [stored] = await t.db.query<Array<{ secret: string; enabled: boolean }>>(
      'SELECT secret, enabled FROM webhook_endpoint WHERE organisation_id = $1',
      [org.organisationId],
    );
    // Kept encrypted: a database dump does not give away the secret.
    expect(stored.enabled).toBe(true);
    expect(stored.secret).toMatch(/^v1:/);
    expect(stored.secret).not.toContain(shown.slice(6));
    await expectNoSeriousA11yViolations(page, 'admin (webhooks)');

    await section.getByRole('button', { name: nl['webhooks.disable'] }).click();
    await section.getByRole('button', { name: nl['webhooks.enable'] }).waitFor();
    const [after] = await t.db.query<Array<{ enabled: boolean }>>(
      'SELECT enabled FROM webhook_endpoint WHERE organisation_id = $1',
      [org.organisationId],
    );
    expect(after.enabled).toBe(false);

    await section.getByRole('button', { name: nl['webhooks.deliveries'] }).click();
    await section.getByText(nl['webhooks.noDeliveries']).waitFor();
  });
});
