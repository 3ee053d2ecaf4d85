import { DataSource } from 'typeorm';

import { domainEvent, type DomainEventDraft, Outbox, TransactionHost } from '@wc/database';
import type { GivenOrganisation } from '@wc/testing';

import { sleep } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The outbox numbers each case's events (`case_seq`, the clients' cursor) and takes the case
 * lock itself, so callers that do not lock first still get a gap-free, unique sequence.
 */
describe('Outbox', () => {
  let t: TestApp;
  let org: GivenOrganisation;

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
  });

  afterAll(async () => {
    await t.close();
  });

  const assessmentUpdated = (caseId: string, version: number): DomainEventDraft => ({
    type: 'assessment.updated',
    caseId,
    organisationId: org.organisationId,
    worksCouncilId: org.worksCouncilId,
    payload: { version },
  });

  async function givenCase(): Promise<string> {
    const db = t.app.get(DataSource);
    const [{ id: systemId }] = await db.query<Array<{ id: string }>>(
      `INSERT INTO ai_system (organisation_id, name, vendor, purpose, primary_purpose, version) VALUES ($1, 'Roster AI', 'Acme', 'Rostering', 'support', 1) RETURNING id`,
      [org.organisationId],
    );
    const [{ id }] = await db.query<Array<{ id: string }>>(
      `INSERT INTO ai_case (organisation_id, works_council_id, ai_system_id, title, status, created_by, version) VALUES ($1, $2, $3, 'Roster AI', 'sent', $4, 1) RETURNING id`,
      [org.organisationId, org.worksCouncilId, systemId, org.hr.id],
    );
    return id;
  }

  /** Backends of this database waiting for a lock, i.e. blocked on another transaction. */
  async function lockWaiters(): Promise<number> {
    const [row] = await t.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return row.n;
  }

  it('makes a second writer of the same case wait for the first, so the sequence stays gap-free', async () => {
    const caseId = await givenCase();
    const tx = t.app.get(TransactionHost);
    const outbox = t.app.get(Outbox);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let appended!: () => void;
    const firstAppended = new Promise<void>((resolve) => (appended = resolve));
    // Neither caller locks the case: the outbox does.
    const first = tx.run(async () => {
      await outbox.append([assessmentUpdated(caseId, 1)], null);
      appended();
      await released;
    });
    await firstAppended;
    const second = tx.run(() => outbox.append([assessmentUpdated(caseId, 2)], null));
    let waiters = 0;
    for (let i = 0; i < 100 && waiters === 0; i++) {
      waiters = await lockWaiters();
      if (waiters === 0) {
        await sleep(20);
      }
    }
    expect(waiters).toBe(1);
    release();
    await Promise.all([first, second]);
    const rows = await t.db.query<Array<{ case_seq: number; version: number }>>(
      `SELECT case_seq, (payload->>'version')::int AS version FROM domain_event WHERE case_id = $1 ORDER BY case_seq`,
      [caseId],
    );
    expect(rows).toEqual([
      { case_seq: 1, version: 1 },
      { case_seq: 2, version: 2 },
    ]);
  });

  it('accepts only the event types and payloads of @wc/contracts', () => {
    // Compile-time checks (`npm run typecheck`): each line below must stay an error.
    // @ts-expect-error an event type that is not in the event map
    domainEvent('case.made_up', {});
    // @ts-expect-error a payload of another shape than the type's
    domainEvent('document.deleted', { version: 1 });
    const wrong: DomainEventDraft = {
      // @ts-expect-error a plain string is no event type
      type: 'anything' as string,
      payload: {},
    };
    expect(domainEvent('document.deleted', { documentId: 'd' }, { caseId: 'c' })).toEqual({
      type: 'document.deleted',
      caseId: 'c',
      payload: { documentId: 'd' },
    });
    expect(wrong.payload).toEqual({});
  });
});
