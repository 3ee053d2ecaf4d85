import { DataSource } from 'typeorm';

import { dataSourceOptions } from '@wc/database';
import { createTestDatabase, type TestDatabase } from '@wc/testing';

const submittedThenPosition = (submitted: string, position: string) => [
  { at: '2026-01-01T09:00:00.000Z', to: 'information' },
  { at: submitted, to: 'request_submitted' },
  { at: submitted, to: 'council_deliberation' },
  { at: position, to: 'council_position' },
];

/**
 * `track_procedure_days` (migration 1771400000000), which the union dashboard's median durations
 * read: days from the written request to the council's position on a track.
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
});
