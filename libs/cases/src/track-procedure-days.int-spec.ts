import { DataSource } from 'typeorm';

import { dataSourceOptions } from '@wc/database';
import { createTestDatabase, Given, type TestDatabase } from '@wc/testing';

const submittedThenPosition = (submitted: string, position: string) => [
  { at: '2026-01-01T09:00:00.000Z', to: 'information' },
  { at: submitted, to: 'request_submitted' },
  { at: submitted, to: 'council_deliberation' },
  { at: position, to: 'council_position' },
];

/**
 * `track_procedure_days` (migration 1771400000000): days from the written request to the
 * council's position on a track, kept in `case_track.procedure_days` by a trigger (migration
 * 1772000000000) for the union dashboard's median durations.
 */
describe('track procedure days (real PostgreSQL)', () => {
  let database: TestDatabase;
  let db: DataSource;
  const daysOf = async (history: unknown): Promise<number | null> =>
    (
      await db.query<Array<{ days: number | null }>>(
        `SELECT track_procedure_days($1::jsonb) AS days`,
        [history === null ? null : JSON.stringify(history)],
      )
    )[0].days;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await new DataSource(
      dataSourceOptions({ url: database.ownerUrl, poolSize: 1 }),
    ).initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('measures from the last request to the first position, to a tenth of a day, and not while it runs', async () => {
    expect(
      await daysOf(submittedThenPosition('2026-03-02T09:00:00.000Z', '2026-03-16T09:00:00.000Z')),
    ).toBe(14);
    // Resubmitted after a change: the clock restarts.
    expect(
      await daysOf([
        { at: '2026-03-02T09:00:00.000Z', to: 'request_submitted' },
        { at: '2026-03-05T09:00:00.000Z', to: 'consultation_held' },
        { at: '2026-03-09T09:00:00.000Z', to: 'request_submitted' },
        { at: '2026-03-19T21:00:00.000Z', to: 'council_position' },
      ]),
    ).toBe(10.5);
    // A position before any request does not count; the one after the request does.
    expect(
      await daysOf([
        { at: '2026-03-01T09:00:00.000Z', to: 'council_position' },
        { at: '2026-03-02T09:00:00.000Z', to: 'request_submitted' },
        { at: '2026-03-04T09:00:00.000Z', to: 'council_position' },
      ]),
    ).toBe(2);
    expect(await daysOf([{ at: '2026-03-02T09:00:00.000Z', to: 'request_submitted' }])).toBeNull();
    expect(await daysOf([])).toBeNull();
    expect(await daysOf(null)).toBeNull();
    expect(await daysOf({ not: 'a list' })).toBeNull();
  });

  it('keeps case_track.procedure_days to the snapshot on every write, for advice and consent only', async () => {
    const org = await new Given(db).organisation();
    const [{ id: systemId }] = await db.query<Array<{ id: string }>>(
      `INSERT INTO ai_system (organisation_id, name, vendor, purpose, primary_purpose, version)
       VALUES ($1, 'Route AI', 'Acme', 'Routing', 'support', 1) RETURNING id`,
      [org.organisationId],
    );
    const [{ id: caseId }] = await db.query<Array<{ id: string }>>(
      `INSERT INTO ai_case (organisation_id, works_council_id, ai_system_id, title, status, created_by, version)
       VALUES ($1, $2, $3, 'Route AI', 'sent', $4, 1) RETURNING id`,
      [org.organisationId, org.worksCouncilId, systemId, org.hr.id],
    );
    const running = [{ at: '2026-03-02T09:00:00.000Z', to: 'request_submitted' }];
    const decided = submittedThenPosition('2026-03-02T09:00:00.000Z', '2026-03-16T09:00:00.000Z');
    const write = async (kind: string, history: unknown) =>
      db.query(
        `INSERT INTO case_track (case_id, kind, stage, snapshot) VALUES ($1, $2, 'x', $3::jsonb)
         ON CONFLICT (case_id, kind) DO UPDATE SET snapshot = EXCLUDED.snapshot`,
        [caseId, kind, JSON.stringify({ kind, stage: 'x', history })],
      );
    const stored = async () =>
      Object.fromEntries(
        (
          await db.query<Array<{ kind: string; days: number | null }>>(
            `SELECT kind, procedure_days AS days FROM case_track WHERE case_id = $1`,
            [caseId],
          )
        ).map((r) => [r.kind, r.days]),
      );

    await write('advice', running);
    await write('dpia', decided);
    expect(await stored()).toEqual({ advice: null, dpia: null });
    await write('advice', decided);
    expect(await stored()).toEqual({ advice: 14, dpia: null });
    // Nobody stores a figure the history does not give.
    await db.query(`UPDATE case_track SET procedure_days = 99 WHERE case_id = $1`, [caseId]);
    expect(await stored()).toEqual({ advice: 14, dpia: null });
  });
});
