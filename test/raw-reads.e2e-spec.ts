import { asEntity, selectListOf } from '@wc/database';
import type { GivenOrganisation } from '@wc/testing';

import { completeDossier, fileCase } from './support/case-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The hot read paths select raw rows (`selectListOf` + `asEntity`) instead of `find`; for every
 * entity it accepts, the rows must be exactly what TypeORM's hydration gives (dates, jsonb,
 * timestamps), here over the tables a filed case with a complete dossier fills.
 */
describe('raw entity reads (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
    const hr = await t.login(org.hr);
    const { caseId } = await fileCase(t, org, hr);
    await completeDossier(t, caseId, hr);
    // An information request starts a deadline (dates, timestamps, a nullable extended date).
    await t
      .http()
      .post(`/cases/${caseId}/information-requests`)
      .set('Authorization', await t.login(org.chair))
      .send({ question: 'Welke data?' })
      .expect(201);
  });
  afterAll(() => t.close());

  it('reads every entity it accepts exactly as find() does', async () => {
    const compared: string[] = [];
    const refused: string[] = [];
    for (const metadata of t.db.entityMetadatas) {
      const entity = metadata.target as new () => object;
      let select: string;
      try {
        select = selectListOf(t.db.manager, entity, 'x');
      } catch (error) {
        refused.push(String(error));
        continue;
      }
      const keys = metadata.primaryColumns;
      const viaFind = await t.db.manager.find(entity, {
        order: Object.fromEntries(keys.map((k) => [k.propertyName, 'ASC'])),
      });
      const rows = await t.db.manager.query<object[]>(
        `SELECT ${select} FROM ${metadata.tableName} x ORDER BY ${keys.map((k) => `x.${k.databaseName}`).join(', ')}`,
      );
      expect({ table: metadata.tableName, rows: rows.map((row) => asEntity(entity, row)) }).toEqual(
        { table: metadata.tableName, rows: viaFind },
      );
      if (rows.length > 0) {
        compared.push(metadata.tableName);
      }
    }
    expect(refused.filter((message) => !message.includes("needs TypeORM's own hydration"))).toEqual(
      [],
    );
    // The tables the case detail view reads raw are among those with rows to compare.
    expect(compared).toEqual(
      expect.arrayContaining(['ai_case', 'case_track', 'deadline', 'app_user', 'membership']),
    );
  });

  it('refuses a class that is not an entity', () => {
    class NotAnEntity {}
    expect(() => selectListOf(t.db.manager, NotAnEntity, 'x')).toThrow();
  });
});
