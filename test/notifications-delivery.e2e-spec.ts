import type { GivenOrganisation } from '@wc/testing';
import {
  DeadlineFixtures,
  SmtpSink,
  waitUntil,
  startTestWorker,
  TEST_NOTIFICATIONS_OPTIONS,
  type TestWorker,
} from '@wc/testing';
import { WorkerModule } from '@wc/worker';

import { startTestApp, type TestApp } from './support/test-app';

/**
 * Delivery guarantees with more than one worker and an unreliable mail server: two workers sweep
 * the same due reminders at the same time, and SMTP refusals are retried with backoff and logged.
 */
describe('reminder delivery (e2e)', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let fixtures: DeadlineFixtures;
  const workers: TestWorker[] = [];

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://overleg.test' });
    fixtures = new DeadlineFixtures(t.db);
  });
  afterAll(async () => {
    for (const worker of workers) {
      await worker.close();
    }
    await t?.close();
    await smtp?.close();
  });

  async function settled(): Promise<void> {
    await waitUntil(
      async () =>
        (
          await t.db.query(
            `SELECT count(*)::int AS n FROM mail_delivery WHERE status IN ('queued', 'retrying')`,
          )
        )[0].n === 0,
      // 240 e-mails through a real SMTP server: a loaded 2-core CI machine needs more than 20 s.
      60_000,
      () => 'all e-mail deliveries to settle',
    );
  }

  it('two workers side by side send each reminder exactly once', async () => {
    // Small batches, and each worker's first batch waits until the other has locked one too, so
    // the two dispatch transactions provably overlap (FOR UPDATE SKIP LOCKED hands out disjoint rows).
    const options = {
      ...TEST_NOTIFICATIONS_OPTIONS,
      sweep: { ...TEST_NOTIFICATIONS_OPTIONS.sweep, dispatchBatchSize: 5 },
    };
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothClaimed = new Promise<void>((resolve) => (release = resolve));
    const claims = [0, 0];
    const observer = (index: number) => ({
      batchClaimed: async () => {
        claims[index]++;
        if (claims[index] === 1) {
          arrived++;
          if (arrived === 2) {
            release();
          }
          await Promise.race([bothClaimed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        }
      },
    });
    workers.push(
      await startTestWorker(WorkerModule.forRoot(t.config), t.clock, {
        options,
        observer: observer(0),
      }),
    );
    workers.push(
      await startTestWorker(WorkerModule.forRoot(t.config), t.clock, {
        options,
        observer: observer(1),
      }),
    );

    const orgs: GivenOrganisation[] = [];
    const deadlineIds: string[] = [];
    t.clock.set('2026-03-02T09:00:00Z');
    for (let o = 0; o < 4; o++) {
      const org = await t.given.organisation();
      orgs.push(org);
      const caseId = await fixtures.aiCase(org, { title: `Zaak ${o}` });
      for (let d = 0; d < 10; d++) {
        deadlineIds.push(
          await fixtures.deadline(org, {
            caseId,
            ruleId: 'information_response_term',
            strictDate: '2026-03-20',
            createdAt: new Date('2026-03-10T09:00:00Z'),
          }),
        );
      }
    }
    t.clock.set('2026-03-12T12:00:00Z');
    await workers[0].sweeper.sweepOnce(); // plans a day ahead (one planner at a time; the race is about dispatch)
    t.clock.set('2026-03-13T08:00:00Z'); // the 7-day moment of all forty
    const before = smtp.messages.length;
    const [a, b] = await Promise.all(workers.map((w) => w.sweeper.sweepOnce()));
    const [again] = await Promise.all(workers.map((w) => w.sweeper.sweepOnce()));

    expect(claims.every((n) => n > 0)).toBe(true);
    expect(a.dispatched + b.dispatched).toBe(40);
    expect(again.dispatched).toBe(0);
    const counts = await fixtures.notificationCounts(deadlineIds);
    expect(counts).toHaveLength(40 * 6);
    expect(counts.every((c) => c.count === 1)).toBe(true);

    await settled();
    const mails = smtp.messages.slice(before);
    expect(mails).toHaveLength(240);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(240);
    const deliveries = await t.db.query(
      `SELECT status, count(*)::int AS n FROM mail_delivery md JOIN notification n ON n.id = md.notification_id WHERE n.deadline_id = ANY($1::uuid[]) GROUP BY status`,
      [deadlineIds],
    );
    expect(deliveries).toEqual([{ status: 'sent', n: 240 }]);
    for (const org of orgs) {
      expect(
        smtp.to(org.member.email).filter((m) => m.subject.includes('verloopt over 7 dagen')),
      ).toHaveLength(10);
    }
  }, 120_000);

  it('retries a refused e-mail with backoff, logs each attempt, and gives up after the retry limit', async () => {
    // Close the earlier test's terms so that only this test's e-mails meet the refusals.
    await t.db.query(`UPDATE deadline SET status = 'met' WHERE status = 'open'`);
    await workers[0].sweeper.sweepOnce();
    await settled();
    const org = await t.given.organisation();
    // A draft case concerns only the employer side; the representative wants no e-mail, so exactly
    // one message (to the HR manager) goes out per reminder.
    const caseId = await fixtures.aiCase(org, { title: 'Nog intern', status: 'draft' });
    await t.db.query(
      `INSERT INTO notification_preference (user_id, channels, email_delivery, updated_at) VALUES ($1, $2, 'immediate', now())`,
      [
        org.employerRep.id,
        JSON.stringify({
          'deadline.reminder': { inApp: true, email: false },
          'deadline.overdue': { inApp: true, email: false },
        }),
      ],
    );
    t.clock.set('2026-04-01T10:00:00Z');
    const first = await fixtures.deadline(org, {
      caseId,
      strictDate: '2026-04-10',
      createdAt: new Date('2026-04-01T10:00:00Z'),
    });
    const worker = workers[0];

    smtp.refuse(2); // refused twice, accepted on the third attempt
    t.clock.set('2026-04-03T07:00:00Z');
    await worker.sweeper.sweepOnce();
    await waitUntil(
      () => smtp.to(org.hr.email).length === 1,
      20_000,
      () => 'the retried e-mail',
    );
    await settled();
    const log = await t.db.query(
      `SELECT md.status, md.attempts, md.last_error FROM mail_delivery md JOIN notification n ON n.id = md.notification_id WHERE n.deadline_id = $1`,
      [first],
    );
    expect(log).toEqual([
      { status: 'sent', attempts: 3, last_error: expect.stringContaining('451') },
    ]);
    expect(smtp.refused).toBe(2);

    smtp.refuse(10); // more refusals than the retry limit (2 retries) allows
    t.clock.set('2026-04-08T07:00:00Z');
    await worker.sweeper.sweepOnce();
    await settled();
    const failed = await t.db.query(
      `SELECT r.kind, md.status, md.attempts FROM mail_delivery md JOIN notification n ON n.id = md.notification_id JOIN reminder r ON r.id = n.reminder_id
        WHERE n.deadline_id = $1 AND r.kind = '2d'`,
      [first],
    );
    expect(failed).toEqual([{ kind: '2d', status: 'failed', attempts: 3 }]);
    smtp.refuse(0);
    // The inbox still has it: a failed e-mail never loses the notification itself.
    const inbox = (
      await t
        .http()
        .get('/notifications')
        .set('Authorization', await t.login(org.hr))
        .expect(200)
    ).body.items;
    expect(inbox.map((n: { kind: string }) => n.kind)).toEqual(['2d', '7d']);
  });
});
