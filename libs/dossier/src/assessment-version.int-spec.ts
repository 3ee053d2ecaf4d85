import { Client } from 'pg';

import { createTestDatabase, type TestDatabase } from '@wc/testing';

/**
 * Submitted assessment versions are immutable in the database itself (migration
 * 1767744000000-create-dossier), whoever connects, yet deleting the whole case still cascades.
 */
describe('assessment_version immutability (real PostgreSQL)', () => {
  let database: TestDatabase;
  let db: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    // As the owner: the trigger holds even for the role that may disable it (the application role
    // lacks UPDATE and DELETE on the table altogether, test/database-roles.e2e-spec.ts).
    db = new Client({ connectionString: database.ownerUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  async function caseWithVersion(): Promise<string> {
    const one = async (sql: string, params: unknown[]) =>
      (await db.query<{ id: string }>(sql, params)).rows[0].id;
    const organisationId = await one(
      `INSERT INTO organisation (name, kind) VALUES ('Org', 'employer') RETURNING id`,
      [],
    );
    const councilId = await one(
      `INSERT INTO works_council (organisation_id, name, kind) VALUES ($1, 'OR', 'or') RETURNING id`,
      [organisationId],
    );
    const systemId = await one(
      `INSERT INTO ai_system (organisation_id, name, vendor, purpose, primary_purpose, version) VALUES ($1, 'S', 'V', 'P', 'support', 1) RETURNING id`,
      [organisationId],
    );
    const caseId = await one(
      `INSERT INTO ai_case (organisation_id, works_council_id, ai_system_id, title, created_by, version) VALUES ($1, $2, $3, 'Case', gen_random_uuid(), 1) RETURNING id`,
      [organisationId, councilId, systemId],
    );
    await db.query(
      `INSERT INTO assessment_version (case_id, seq, content, sections, submitted_by, submitted_at) VALUES ($1, 1, '{"answers":{}}', '{"dpia":false,"fria":false}', gen_random_uuid(), now())`,
      [caseId],
    );
    return caseId;
  }

  it('refuses to update or delete a submitted version', async () => {
    const caseId = await caseWithVersion();
    await expect(
      db.query(`UPDATE assessment_version SET content = '{}' WHERE case_id = $1`, [caseId]),
    ).rejects.toThrow(/assessment_version is immutable/);
    await expect(
      db.query(`UPDATE assessment_version SET seq = 2 WHERE case_id = $1`, [caseId]),
    ).rejects.toThrow(/immutable/);
    await expect(
      db.query(`DELETE FROM assessment_version WHERE case_id = $1`, [caseId]),
    ).rejects.toThrow(/immutable/);
    const { rows } = await db.query(`SELECT content FROM assessment_version WHERE case_id = $1`, [
      caseId,
    ]);
    expect(rows).toEqual([{ content: { answers: {} } }]);
  });

  it('refuses a version number below 1 and a second version with the same number', async () => {
    const caseId = await caseWithVersion();
    const insert = (seq: number) =>
      db.query(
        `INSERT INTO assessment_version (case_id, seq, content, sections, submitted_by, submitted_at) VALUES ($1, $2, '{}', '{}', gen_random_uuid(), now())`,
        [caseId, seq],
      );
    await expect(insert(0)).rejects.toThrow(/ck_assessment_version__seq/);
    await expect(insert(1)).rejects.toThrow(/uq_assessment_version__case_seq/);
  });

  it('lets the versions go with the case when the case itself is deleted', async () => {
    const caseId = await caseWithVersion();
    await db.query(`DELETE FROM ai_case WHERE id = $1`, [caseId]);
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM assessment_version WHERE case_id = $1`,
      [caseId],
    );
    expect(rows).toEqual([{ n: 0 }]);
  });
});
