import { Client } from 'pg';

import { DEFAULT_APP_USER } from '@wc/database';
import type { GivenOrganisation } from '@wc/testing';

import { fileCase } from './support/case-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

const PERMISSION_DENIED = {
  code: '42501',
  message: expect.stringMatching(/permission denied|must be owner/),
};

/**
 * Two database roles (issue #14): the app under test connects as the runtime role, which may not
 * alter the tables, switch their triggers off, or change the append-only records.
 */
describe('database roles (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  let hr: string;
  /** A connection of its own as the runtime role, as a compromised application would hold. */
  let app: Client;

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
    hr = await t.login(org.hr);
    app = new Client({ connectionString: t.config.database.url });
    await app.connect();
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  it('runs the app as the runtime role, neither superuser nor owner of the tables', async () => {
    const [pool] = await t.db.query<
      Array<{ current_user: string; superuser: boolean; owns_audit: boolean }>
    >(`
      SELECT current_user, r.rolsuper AS superuser, pg_has_role(current_user, c.relowner, 'USAGE') AS owns_audit
      FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'audit_entry'::regclass`);
    expect(pool).toEqual({ current_user: DEFAULT_APP_USER, superuser: false, owns_audit: false });
  });

  it('refuses the runtime role to disable the audit triggers, alter the table or change its rows', async () => {
    const { caseId } = await fileCase(t, org, hr);
    for (const sql of [
      'ALTER TABLE audit_entry DISABLE TRIGGER tr_audit_entry__append_only',
      'ALTER TABLE audit_entry DISABLE TRIGGER ALL',
      'ALTER TABLE audit_entry ADD COLUMN note text',
      `UPDATE audit_entry SET action = 'forged' WHERE case_id = '${caseId}'`,
      `DELETE FROM audit_entry WHERE case_id = '${caseId}'`,
      'TRUNCATE audit_entry',
      `UPDATE audit_head SET seq = 1 WHERE case_id = '${caseId}'`,
      `DELETE FROM audit_head WHERE case_id = '${caseId}'`,
      `INSERT INTO audit_head (case_id, seq, hash) VALUES (gen_random_uuid(), 1, 'x')`,
      'SET session_replication_role = replica',
    ]) {
      await expect(app.query(sql)).rejects.toMatchObject(PERMISSION_DENIED);
    }
    const verdict = await t
      .http()
      .get(`/cases/${caseId}/audit/verify`)
      .set('Authorization', hr)
      .expect(200);
    expect(verdict.body).toMatchObject({ valid: true });
  });

  it('lets the runtime role append only entries that extend the anchored head', async () => {
    const { caseId } = await fileCase(t, org, hr);
    const [head] = await t.db.query<Array<{ seq: number; hash: string }>>(
      `SELECT seq, hash FROM audit_head WHERE case_id = $1`,
      [caseId],
    );
    const insert = (seq: number, prevHash: string) =>
      app.query(
        `INSERT INTO audit_entry (case_id, seq, action, occurred_at, prev_hash, hash) VALUES ($1, $2, 'forged', now(), $3, 'x')`,
        [caseId, seq, prevHash],
      );
    await expect(insert(head.seq, head.hash)).rejects.toMatchObject({
      code: '23000',
      message: expect.stringMatching(/extend the chain/),
    });
    await expect(insert(head.seq + 1, '0'.repeat(64))).rejects.toMatchObject({ code: '23000' });
  });

  it('grants no UPDATE or DELETE on any table whose trigger refuses them', async () => {
    const rows = await t.db.query<
      Array<{ table_name: string; may_update: boolean; may_delete: boolean }>
    >(`
      SELECT DISTINCT c.relname AS table_name,
             has_table_privilege(current_user, c.oid, 'UPDATE') AS may_update,
             has_table_privilege(current_user, c.oid, 'DELETE') AS may_delete
      FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_proc p ON p.oid = tg.tgfoid
      WHERE NOT tg.tgisinternal AND p.prosrc ~ 'RAISE EXCEPTION' AND (tg.tgtype & 24) <> 0
      ORDER BY 1`);
    // tgtype bits 8 and 16: the trigger fires on DELETE or UPDATE.
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['assessment_version', 'audit_entry']),
    );
    expect(rows.filter((r) => r.may_update || r.may_delete)).toEqual([]);
  });
});
