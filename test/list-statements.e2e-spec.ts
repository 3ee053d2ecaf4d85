import { AuthService } from '@wc/auth';
import { LettersService } from '@wc/letters';
import { OverviewsService } from '@wc/overviews';
import type { GivenOrganisation } from '@wc/testing';

import { completeDossier, fileCase } from './support/case-fixtures';
import { itemsOf } from './support/pages';
import { StatementCounter } from './support/statement-counter';
import { startTestApp, type TestApp } from './support/test-app';

type Json = Record<string, any>;

/**
 * Lists read sets, not rows one by one: the number of SQL statements the employer's overview,
 * a page of a case's letters and the dossier's letters cost is the same for one row as for
 * four. Statements are counted at the pg client, for the service call only (an
 * AsyncLocalStorage scope), so the relays' polling does not count.
 */
describe('lists run a constant number of SQL statements (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  const bearer: Record<string, string> = {};
  const counter = new StatementCounter();

  beforeAll(async () => {
    counter.install();
    t = await startTestApp();
    org = await t.given.organisation();
    bearer.hr = await t.login(org.hr);
    bearer.chair = await t.login(org.chair);
  });
  afterAll(async () => {
    counter.uninstall();
    await t.close();
  });

  const hrActor = async () => (await t.app.get(AuthService).actorFor(org.hr.id))!;

  describe("the employer's overview", () => {
    async function measure() {
      const actor = await hrActor();
      const { result, statements } = await counter.statementsOf(() =>
        t.app.get(OverviewsService).employerOverview(actor, org.organisationId),
      );
      return {
        statements: statements.length,
        cases: result.systems.flatMap((s) => s.cases),
      };
    }

    it("costs the same statements for one case as for four, and shows each case's gate as its own route does", async () => {
      await fileCase(t, org, bearer.hr);
      const one = await measure();
      // A case whose oversight comes from its dossier, a draft, and one more like the first.
      const { caseId: withDossier } = await fileCase(t, org, bearer.hr);
      await completeDossier(t, withDossier, bearer.hr);
      await fileCase(t, org, bearer.hr, { send: false });
      await fileCase(t, org, bearer.hr);
      const four = await measure();

      expect({ one: one.cases.length, four: four.cases.length }).toEqual({ one: 1, four: 4 });
      expect(four.statements).toBe(one.statements);
      // Counted at all, and not five per case as before the set read (7 for one case, 22 for
      // four): the register, the visible cases, their access, rows, tracks and dossier states.
      expect(one.statements).toBeGreaterThanOrEqual(4);
      expect(four.statements).toBeLessThanOrEqual(6);

      // The same gates as before: what the case's own go-live gate route says, case by case.
      const routes: Record<string, unknown> = {};
      for (const c of four.cases) {
        const gate = (
          await t
            .http()
            .get(`/cases/${c.id}/go-live-gate`)
            .set('Authorization', bearer.hr)
            .expect(200)
        ).body as Json;
        routes[c.id] = {
          open: gate.open,
          unmet: (gate.conditions as Json[]).filter((g) => !g.met).map((g) => g.key),
        };
      }
      expect(Object.fromEntries(four.cases.map((c) => [c.id, c.goLiveGate]))).toEqual(routes);
      // The complete dossier names and trains the overseers; the others' gates still miss that.
      const unmetOf = (id: string) => four.cases.find((c) => c.id === id)!.goLiveGate!.unmet;
      expect(unmetOf(withDossier)).not.toContain('oversight_trained');
      expect(four.cases.filter((c) => unmetOf(c.id).includes('oversight_trained'))).toHaveLength(3);
    });
  });

  describe("a case's letters", () => {
    let caseId: string;
    const base = () => `/cases/${caseId}/letters`;

    /** HR drafts a consultation request, edits it once (a second version), signs and sends it. */
    async function sendLetter(reasons: string): Promise<void> {
      const drafted = await t
        .http()
        .post(base())
        .set('Authorization', bearer.hr)
        .send({
          kind: 'consultation_request',
          track: 'advice',
          language: 'nl',
          fields: { reasons: 'Planning' },
        })
        .expect(201);
      const edited = await t
        .http()
        .put(`${base()}/${drafted.body.id}`)
        .set('Authorization', bearer.hr)
        .send({ version: drafted.body.version, fields: { reasons } })
        .expect(200);
      expect(edited.body.versionSeq).toBe(2);
      const signed = await t
        .http()
        .post(`${base()}/${drafted.body.id}/sign-off`)
        .set('Authorization', bearer.hr)
        .send({ version: edited.body.version })
        .expect(200);
      await t
        .http()
        .post(`${base()}/${drafted.body.id}/sending`)
        .set('Authorization', bearer.hr)
        .send({ version: signed.body.version, delivery: 'platform' })
        .expect(200);
    }

    async function measure() {
      const letters = t.app.get(LettersService);
      const actor = await hrActor();
      const page = await counter.statementsOf(() => letters.list(actor, caseId, {}));
      const dossier = await counter.statementsOf(() => letters.dossierLetters(actor, caseId, 'nl'));
      return {
        page: { statements: page.statements.length, letters: page.result.items },
        dossier: { statements: dossier.statements.length, letters: dossier.result },
      };
    }

    it('costs the same statements for one letter as for four, on the list page and in the dossier, and shows each letter as its own route does', async () => {
      ({ caseId } = await fileCase(t, org, bearer.hr));
      await sendLetter('Planning en bezetting');
      const one = await measure();
      for (const reasons of ['Bewaartermijn', 'Toegang', 'Scores per pick']) {
        await sendLetter(reasons);
      }
      const four = await measure();

      expect({
        page: four.page.letters.length,
        dossier: four.dossier.letters.length,
      }).toEqual({ page: 4, dossier: 4 });
      expect({ one: one.page.letters.length, dossierOne: one.dossier.letters.length }).toEqual({
        one: 1,
        dossierOne: 1,
      });
      expect({ page: four.page.statements, dossier: four.dossier.statements }).toEqual({
        page: one.page.statements,
        dossier: one.dossier.statements,
      });
      // The actor's access, the letters and their versions: no longer one version read per
      // letter (3 for one letter, 6 for four before).
      expect(four.page.statements).toBeLessThanOrEqual(3);
      expect(four.dossier.statements).toBeLessThanOrEqual(3);

      // Each row's subject is the one the letter's own route shows (the latest, signed, version).
      const listed = itemsOf<{ id: string; subject: string }>(
        await t.http().get(base()).set('Authorization', bearer.hr).expect(200),
      );
      const subjects: Record<string, string> = {};
      for (const { id } of listed) {
        const letter = await t
          .http()
          .get(`${base()}/${id}`)
          .set('Authorization', bearer.hr)
          .expect(200);
        subjects[id] = (letter.body as Json).structured.subject as string;
      }
      expect(Object.fromEntries(four.page.letters.map((l) => [l.id, l.subject]))).toEqual(subjects);
      expect(four.dossier.letters.map((l) => l.subject).sort()).toEqual(
        Object.values(subjects).sort(),
      );
      expect(Object.values(subjects).every((s) => s.length > 0)).toBe(true);
    });
  });
});
