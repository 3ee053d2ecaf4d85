import type { GivenOrganisation } from '@wc/testing';
import { startTestWorker, type TestWorker } from '@wc/testing';
import { WorkerModule } from '@wc/worker';

import { fileCase } from './support/case-fixtures';
import { Listener } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';
import { relayNotifications } from './support/notification-relay';

/**
 * Issue #22: the employer's written answer to the council's initiative proposal is a domain
 * event, written with the answer: the case room hears it, the audit trail keeps it, and the
 * council that waits on the answer (its chair, secretary and members) is told; nobody else.
 */
describe('the answer to a letter (e2e)', () => {
  let t: TestApp;
  let worker: TestWorker;
  let org: GivenOrganisation;
  const listeners: Listener[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(WorkerModule.forRoot(t.config), t.clock);
    org = await t.given.organisation();
  });
  afterAll(async () => {
    listeners.forEach((l) => l.socket.disconnect());
    await worker?.close();
    await t?.close();
  });

  async function relay(): Promise<void> {
    await relayNotifications(worker, t.db);
  }

  it('publishes letter.answered in the transaction of the answer and notifies exactly the council side (its chair, secretary and members)', async () => {
    t.clock.set(new Date('2026-03-02T09:00:00Z'));
    const [hr, rep, chair, member] = await Promise.all(
      [org.hr, org.employerRep, org.chair, org.member].map((u) => t.login(u)),
    );
    const { caseId } = await fileCase(t, org, hr);
    // An expert on the case sees it, but reads no formal letters: the answer is not theirs to hear.
    const current = await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
    await t
      .http()
      .post(`/cases/${caseId}/experts`)
      .set('Authorization', chair)
      .send({ version: current.body.version, userId: org.expert.id })
      .expect(201);

    const letters = `/cases/${caseId}/letters`;
    const drafted = await t
      .http()
      .post(letters)
      .set('Authorization', member)
      .send({
        kind: 'initiative_proposal',
        language: 'nl',
        fields: { proposal: 'Een openbaar algoritmeregister' },
      })
      .expect(201);
    const letterId = drafted.body.id as string;
    const signed = await t
      .http()
      .post(`${letters}/${letterId}/sign-off`)
      .set('Authorization', chair)
      .send({ version: drafted.body.version })
      .expect(200);
    await t
      .http()
      .post(`${letters}/${letterId}/sending`)
      .set('Authorization', chair)
      .send({ version: signed.body.version, delivery: 'platform' })
      .expect(200);
    const opened = await t
      .http()
      .get(`${letters}/${letterId}`)
      .set('Authorization', rep)
      .expect(200);
    expect(opened.body.allowedActions).toContain('answer');
    await relay();
    const toldOf = async (type: string) =>
      (
        await t.db.query<Array<{ user_id: string }>>(
          `SELECT user_id FROM notification WHERE type = $1 AND case_id = $2 ORDER BY user_id`,
          [type, caseId],
        )
      ).map((r) => r.user_id);
    // The proposal itself reached the employer side it was sent to.
    expect(await toldOf('letter.sent_to_employer')).toEqual([org.hr.id, org.employerRep.id].sort());

    const listener = await Listener.connect(t.url, chair.replace(/^Bearer /, ''));
    listeners.push(listener);
    expect((await listener.request('subscribe', { caseId })).ok).toBe(true);

    const answered = await t
      .http()
      .post(`${letters}/${letterId}/answer`)
      .set('Authorization', rep)
      .send({ version: opened.body.version, answer: 'Wij voeren het register in per 1 juni.' })
      .expect(200);

    const events = await t.db.query<
      Array<{ type: string; payload: Record<string, unknown>; works_council_id: string }>
    >(
      `SELECT type, payload, works_council_id FROM domain_event
        WHERE case_id = $1 AND type = 'letter.answered'`,
      [caseId],
    );
    expect(events).toEqual([
      {
        type: 'letter.answered',
        payload: expect.objectContaining({
          letterId,
          kind: 'initiative_proposal',
          version: answered.body.version,
          answeredOn: '2026-03-02',
        }),
        works_council_id: org.worksCouncilId,
      },
    ]);
    await listener.event('letter.answered', (e) => e.caseId === caseId);

    await relay();
    expect(await toldOf('letter.answered')).toEqual(
      [org.chair.id, org.secretary.id, org.member.id].sort(),
    );
  });
});
