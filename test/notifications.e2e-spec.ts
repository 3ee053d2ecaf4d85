import ICAL from 'ical.js';

import type { GivenOrganisation } from '@wc/testing';
import {
  DeadlineFixtures,
  SECRET_CONTENTS,
  SmtpSink,
  waitUntil,
  startTestWorker,
  type TestWorker,
} from '@wc/testing';
import { WorkerModule } from '@wc/worker';

import { startTestApp, type TestApp } from './support/test-app';

/**
 * Deadline reminders end to end (issue #7): the real API and worker modules on one database and one
 * FakeClock, and a real SMTP server in the test process. Time moves only when a test moves it;
 * asynchronous e-mail is awaited by bounded polling.
 */
describe('deadline reminders (e2e)', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let worker: TestWorker;
  let fixtures: DeadlineFixtures;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://overleg.test' });
    worker = await startTestWorker(WorkerModule.forRoot(t.config), t.clock);
    fixtures = new DeadlineFixtures(t.db);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  const at = (iso: string) => t.clock.set(iso);
  const sweep = () => worker.sweeper.sweepOnce();
  const councilAndEmployer = (org: GivenOrganisation) =>
    [org.hr, org.employerRep, org.chair, org.secretary, org.member, org.committeeMember]
      .map((u) => u.email)
      .sort();

  /** Who got which reminder of a deadline; other tests' deadlines share the database and the clock. */
  async function received(deadlineId: string): Promise<Record<string, string[]>> {
    const rows = await t.db.query(
      `SELECT r.kind, n.user_id FROM notification n JOIN reminder r ON r.id = n.reminder_id WHERE n.deadline_id = $1 ORDER BY n.user_id`,
      [deadlineId],
    );
    const byKind: Record<string, string[]> = {};
    for (const row of rows as Array<{ kind: string; user_id: string }>) {
      (byKind[row.kind] ??= []).push(row.user_id);
    }
    return byKind;
  }

  const planOf = async (deadlineId: string) =>
    (
      await t.db.query(
        `SELECT lead_days, next_due_at, sequence FROM reminder_plan WHERE deadline_id = $1`,
        [deadlineId],
      )
    )[0] as { lead_days: number[]; next_due_at: Date | null; sequence: number };

  async function mailDeliveriesSettled(): Promise<void> {
    await waitUntil(
      async () =>
        (
          await t.db.query(
            `SELECT count(*)::int AS n FROM mail_delivery WHERE status IN ('queued', 'retrying')`,
          )
        )[0].n === 0,
      15_000,
      () => 'all e-mail deliveries to settle',
    );
  }

  describe('one advice term, from planning to overdue', () => {
    let org: GivenOrganisation;
    let caseId: string;
    let deadlineId: string;
    let mailsBefore: number;

    beforeAll(async () => {
      org = await t.given.organisation();
      await fixtures.setLanguage(org.member.id, 'en');
      caseId = await fixtures.aiCase(org, { title: 'Roosterplanning met AI' });
      at('2026-03-02T09:00:00Z');
      deadlineId = await fixtures.deadline(org, {
        caseId,
        strictDate: '2026-03-20',
        createdAt: new Date('2026-03-02T09:00:00Z'),
      });
      mailsBefore = smtp.messages.length;
    });

    it('plans reminders 14, 7, 2 and 0 days before and an overdue notice, writing each to the ledger about a day ahead', async () => {
      expect((await sweep()).dispatched).toBe(0);
      expect(await fixtures.reminders(deadlineId)).toEqual([]);
      expect(await planOf(deadlineId)).toMatchObject({
        lead_days: [14, 7, 2, 0],
        next_due_at: new Date('2026-03-06T08:00:00.000Z'),
      });
      at('2026-03-05T08:00:00Z'); // 24 hours ahead: within the planning horizon
      expect((await sweep()).dispatched).toBe(0);
      expect(
        (await fixtures.reminders(deadlineId)).map((r) => [
          r.kind,
          r.status,
          r.due_at.toISOString(),
        ]),
      ).toEqual([['14d', 'pending', '2026-03-06T08:00:00.000Z']]);
      expect(await planOf(deadlineId)).toMatchObject({
        next_due_at: new Date('2026-03-13T08:00:00.000Z'),
      });
    });

    it('sends the 14-day reminder at 09:00 Amsterdam to the employer side and the council, once', async () => {
      at('2026-03-06T07:59:00Z');
      expect((await sweep()).dispatched).toBe(0);
      at('2026-03-06T08:00:00Z');
      expect(await sweep()).toMatchObject({ dispatched: 1, notifications: 6, emails: 6 });
      expect(await sweep()).toMatchObject({ dispatched: 0, notifications: 0 });

      const mails = (await smtp.waitForCount(mailsBefore + 6)).slice(mailsBefore);
      expect(mails.flatMap((m) => m.to).sort()).toEqual(councilAndEmployer(org));
      const dutch = mails.find((m) => m.to.includes(org.chair.email))!;
      expect(dutch.subject).toBe(
        'Herinnering: Adviestermijn ondernemingsraad verloopt over 14 dagen – Roosterplanning met AI',
      );
      expect(dutch.text).toContain('op vrijdag 20 maart 2026');
      expect(dutch.text).toContain(`https://overleg.test/cases/${caseId}`);
      expect(dutch.html).toContain(`href="https://overleg.test/cases/${caseId}"`);
      const english = mails.find((m) => m.to.includes(org.member.email))!;
      expect(english.subject).toBe(
        'Reminder: Works council advice term (adviestermijn) ends in 14 days – Roosterplanning met AI',
      );
      for (const mail of mails) {
        expect(mail.raw).not.toContain(SECRET_CONTENTS);
        expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@overleg\.test>$/);
      }
      await mailDeliveriesSettled();
      const log = await t.db.query(
        `SELECT status, attempts FROM mail_delivery WHERE user_id = $1`,
        [org.chair.id],
      );
      expect(log).toEqual([{ status: 'sent', attempts: 1 }]);
    });

    it('announces each new inbox entry to its user through the outbox', async () => {
      const events = await t.db.query(
        `SELECT type, user_id, case_id, works_council_id, payload FROM domain_event WHERE type = 'notification.created' AND user_id = $1`,
        [org.member.id],
      );
      expect(events).toEqual([
        {
          type: 'notification.created',
          user_id: org.member.id,
          case_id: null,
          works_council_id: null,
          payload: { notificationIds: [expect.any(String)] },
        },
      ]);
    });

    it('sends the 7-, 2- and 0-day reminders and the overdue notice each once, at their moments', async () => {
      for (const moment of [
        '2026-03-13T08:00:00Z',
        '2026-03-18T08:00:00Z',
        '2026-03-20T08:00:00Z',
        '2026-03-20T23:00:00Z',
      ]) {
        at(moment);
        expect((await sweep()).dispatched).toBe(1);
        expect((await sweep()).dispatched).toBe(0);
      }
      at('2026-03-25T12:00:00Z');
      expect((await sweep()).dispatched).toBe(0);
      const mails = (await smtp.waitForCount(mailsBefore + 30)).slice(mailsBefore);
      expect(mails).toHaveLength(30);
      expect(
        mails
          .filter((m) => m.to.includes(org.hr.email))
          .map((m) => m.subject)
          .sort(),
      ).toEqual([
        'Herinnering: Adviestermijn ondernemingsraad verloopt over 14 dagen – Roosterplanning met AI',
        'Herinnering: Adviestermijn ondernemingsraad verloopt over 2 dagen – Roosterplanning met AI',
        'Herinnering: Adviestermijn ondernemingsraad verloopt over 7 dagen – Roosterplanning met AI',
        'Herinnering: Adviestermijn ondernemingsraad verloopt vandaag – Roosterplanning met AI',
        'Termijn verstreken: Adviestermijn ondernemingsraad – Roosterplanning met AI',
      ]);
      const counts = await fixtures.notificationCounts([deadlineId]);
      expect(counts).toHaveLength(5 * 6);
      expect(counts.every((c) => c.count === 1)).toBe(true);
      expect(
        (await fixtures.reminders(deadlineId)).every(
          (r) => r.status === 'sent' && r.late === false && r.recipient_count === 6,
        ),
      ).toBe(true);
      await mailDeliveriesSettled();
    });
  });

  describe('the inbox', () => {
    let org: GivenOrganisation;
    let bearer: string;

    beforeAll(async () => {
      org = await t.given.organisation();
      const caseId = await fixtures.aiCase(org);
      // Known on 8 April: the 14-day moment (6 April) had passed, so the first reminder is the 7-day one.
      at('2026-04-08T10:00:00Z');
      await fixtures.deadline(org, {
        caseId,
        strictDate: '2026-04-20',
        createdAt: new Date('2026-04-08T10:00:00Z'),
      });
      await sweep();
      at('2026-04-13T07:00:00Z'); // 7 days before, 09:00 CEST
      await sweep();
      at('2026-04-18T07:00:00Z'); // 2 days before
      await sweep();
      bearer = await t.login(org.member);
    });

    it('lists the own notifications, newest first, ready to show in the user language', async () => {
      const res = await t.http().get('/notifications').set('Authorization', bearer).expect(200);
      expect(res.body.items).toHaveLength(2);
      expect(res.body.items[0]).toMatchObject({
        type: 'deadline.reminder',
        kind: '2d',
        title:
          'Herinnering: Adviestermijn ondernemingsraad verloopt over 2 dagen – Roosterplanning met AI',
        ruleLabel: 'Adviestermijn ondernemingsraad',
        strictDate: '2026-04-20',
        late: false,
        read: false,
        link: expect.stringMatching(/^\/cases\/[0-9a-f-]{36}$/),
      });
      expect(res.body.items[1]).toMatchObject({ kind: '7d' });
      const page = await t
        .http()
        .get('/notifications')
        .query({ limit: 1 })
        .set('Authorization', bearer)
        .expect(200);
      expect(page.body.items).toHaveLength(1);
      const next = await t
        .http()
        .get('/notifications')
        .query({ limit: 1, cursor: page.body.nextCursor })
        .set('Authorization', bearer)
        .expect(200);
      expect(next.body.items[0].kind).toBe('7d');
    });

    it('counts unread, marks one read, then all', async () => {
      expect(
        (await t.http().get('/notifications/unread-count').set('Authorization', bearer).expect(200))
          .body,
      ).toEqual({ unread: 2 });
      const list = (await t.http().get('/notifications').set('Authorization', bearer).expect(200))
        .body.items;
      const read = await t
        .http()
        .post(`/notifications/${list[0].id}/read`)
        .set('Authorization', bearer)
        .expect(200);
      expect(read.body).toMatchObject({ id: list[0].id, read: true, readAt: expect.any(String) });
      expect(
        (await t.http().get('/notifications/unread-count').set('Authorization', bearer).expect(200))
          .body,
      ).toEqual({ unread: 1 });
      expect(
        (
          await t
            .http()
            .get('/notifications')
            .query({ unreadOnly: true })
            .set('Authorization', bearer)
            .expect(200)
        ).body.items,
      ).toHaveLength(1);
      expect(
        (await t.http().post('/notifications/read-all').set('Authorization', bearer).expect(200))
          .body,
      ).toEqual({ marked: 1 });
      expect(
        (await t.http().get('/notifications/unread-count').set('Authorization', bearer).expect(200))
          .body,
      ).toEqual({ unread: 0 });
    });

    it("answers 404 for someone else's notification, and never shows it", async () => {
      const hrBearer = await t.login(org.hr);
      const hrItems = (
        await t.http().get('/notifications').set('Authorization', hrBearer).expect(200)
      ).body.items;
      const res = await t
        .http()
        .post(`/notifications/${hrItems[0].id}/read`)
        .set('Authorization', bearer)
        .expect(404);
      expect(res.body).toMatchObject({ code: 'notification.not_found' });
      const mine = (await t.http().get('/notifications').set('Authorization', bearer).expect(200))
        .body.items;
      expect(mine.map((n: { id: string }) => n.id)).not.toContain(hrItems[0].id);
      const stranger = (await t.given.organisation()).member;
      expect(
        (
          await t
            .http()
            .get('/notifications')
            .set('Authorization', await t.login(stranger))
            .expect(200)
        ).body.items,
      ).toEqual([]);
    });

    it('refuses anonymous callers', async () => {
      await t.http().get('/notifications').expect(401);
    });
  });

  describe('fatal terms', () => {
    it('escalate to the council chair and the HR manager only, two days before', async () => {
      const org = await t.given.organisation();
      const caseId = await fixtures.aiCase(org, { title: 'Beroep tegen besluit' });
      // Known three days before its end, so the 2-day moment is the first.
      at('2026-05-26T10:00:00Z');
      const deadlineId = await fixtures.deadline(org, {
        caseId,
        ruleId: 'appeal_term',
        fatal: true,
        statutory: true,
        strictDate: '2026-05-29',
        createdAt: new Date('2026-05-26T10:00:00Z'),
      });
      await sweep();
      at('2026-05-27T07:00:00Z');
      await sweep();
      const ids = (users: GivenOrganisation['hr'][]) => users.map((u) => u.id).sort();
      expect(await received(deadlineId)).toEqual({
        '2d': ids([
          org.hr,
          org.employerRep,
          org.chair,
          org.secretary,
          org.member,
          org.committeeMember,
        ]),
        escalation: ids([org.chair, org.hr]),
      });
      await mailDeliveriesSettled();
      const escalations = smtp.messages.filter((m) =>
        m.subject.startsWith('Escalatie fatale termijn'),
      );
      expect(
        escalations
          .flatMap((m) => m.to)
          .filter((to) => councilAndEmployer(org).includes(to))
          .sort(),
      ).toEqual([org.chair.email, org.hr.email].sort());
      const chairMail = smtp.to(org.chair.email).find((m) => m.subject.startsWith('Escalatie'))!;
      expect(chairMail.subject).toBe(
        'Escalatie fatale termijn: Beroepstermijn Ondernemingskamer (art. 26 WOR) verloopt over 2 dagen – Beroep tegen besluit',
      );
      expect(chairMail.text).toContain('fatale termijn');
      expect(
        (await fixtures.reminders(deadlineId)).find((r) => r.kind === 'escalation'),
      ).toMatchObject({ status: 'sent', recipient_count: 2 });
    });
  });

  describe('a worker that was down', () => {
    it('sends what fell due meanwhile at the next sweep, once, marked late', async () => {
      const org = await t.given.organisation();
      const caseId = await fixtures.aiCase(org);
      at('2026-06-01T10:00:00Z');
      const deadlineId = await fixtures.deadline(org, {
        caseId,
        strictDate: '2026-06-30',
        createdAt: new Date('2026-06-01T10:00:00Z'),
      });
      await sweep();
      // Down from before the 14-day moment (16 June 09:00) until after the 7-day one (23 June 09:00).
      at('2026-06-24T12:00:00Z');
      await sweep();
      await sweep();
      expect((await fixtures.reminders(deadlineId)).map((r) => [r.kind, r.status, r.late])).toEqual(
        [
          ['14d', 'sent', true],
          ['7d', 'sent', true],
        ],
      );
      expect(await planOf(deadlineId)).toMatchObject({
        next_due_at: new Date('2026-06-28T07:00:00.000Z'),
      });
      await mailDeliveriesSettled();
      const subjects = smtp.to(org.secretary.email).map((m) => m.subject);
      expect(subjects).toHaveLength(2);
      expect(
        subjects.every((subject) =>
          subject.startsWith(
            '[Vertraagd] Herinnering: Adviestermijn ondernemingsraad verloopt over 6 dagen',
          ),
        ),
      ).toBe(true);
      const inbox = (
        await t
          .http()
          .get('/notifications')
          .set('Authorization', await t.login(org.secretary))
          .expect(200)
      ).body.items;
      expect(inbox.map((n: { late: boolean }) => n.late)).toEqual([true, true]);
    });
  });

  describe('a deadline that changes', () => {
    let org: GivenOrganisation;
    let caseId: string;

    beforeAll(async () => {
      org = await t.given.organisation();
      caseId = await fixtures.aiCase(org);
    });

    it('moved later in place: pending reminders follow, a sent one fires again for the new date', async () => {
      at('2026-07-01T10:00:00Z');
      const deadlineId = await fixtures.deadline(org, {
        caseId,
        strictDate: '2026-07-20',
        createdAt: new Date('2026-07-01T10:00:00Z'),
      });
      await sweep();
      at('2026-07-06T07:00:00Z');
      await sweep(); // 14 days before 20 July
      expect(Object.keys(await received(deadlineId))).toEqual(['14d']);
      await fixtures.move(deadlineId, '2026-08-10');
      at('2026-07-13T07:00:00Z'); // the old 7-day moment: nothing goes out
      await sweep();
      expect(Object.keys(await received(deadlineId))).toEqual(['14d']);
      // The 14-day reminder was sent for 20 July; for 10 August it fires again on 27 July, as a new
      // revision. The 7-day one had not been written yet (beyond the horizon): it is simply planned anew.
      expect(
        (await fixtures.reminders(deadlineId)).map((r) => [
          r.kind,
          r.status,
          r.due_at.toISOString(),
          r.revision,
        ]),
      ).toEqual([['14d', 'pending', '2026-07-27T07:00:00.000Z', 2]]);
      expect(await planOf(deadlineId)).toMatchObject({
        next_due_at: new Date('2026-08-03T07:00:00.000Z'),
        sequence: 1,
      });
      at('2026-07-27T07:00:00Z');
      await sweep();
      const counts = await fixtures.notificationCounts([deadlineId]);
      expect(counts.filter((c) => c.kind === '14d')).toHaveLength(12); // revision 1 and 2, six users each, once
      expect(counts.every((c) => c.count === 1)).toBe(true);
    });

    it('closed (met or case withdrawn): its pending reminders are cancelled', async () => {
      at('2026-07-01T10:00:00Z');
      const deadlineId = await fixtures.deadline(org, {
        caseId,
        ruleId: 'consent_response_term',
        strictDate: '2026-07-30',
        createdAt: new Date('2026-07-01T10:00:00Z'),
      });
      await sweep();
      await fixtures.close(deadlineId, 'met');
      at('2026-08-15T12:00:00Z');
      await sweep();
      expect(await received(deadlineId)).toEqual({});
      expect((await fixtures.reminders(deadlineId)).every((r) => r.status === 'cancelled')).toBe(
        true,
      );
    });

    it('replaced by a new term (the cases service cancels the row and starts another): the old reminders stop, the new ones run', async () => {
      at('2026-09-01T10:00:00Z');
      const old = await fixtures.deadline(org, {
        caseId,
        ruleId: 'suspension_term',
        statutory: true,
        strictDate: '2026-09-20',
        createdAt: new Date('2026-09-01T10:00:00Z'),
      });
      await sweep();
      at('2026-09-02T10:00:00Z');
      await fixtures.close(old, 'cancelled');
      const replacement = await fixtures.deadline(org, {
        caseId,
        ruleId: 'suspension_term',
        statutory: true,
        strictDate: '2026-10-02',
        createdAt: new Date('2026-09-02T10:00:00Z'),
      });
      at('2026-09-13T07:00:00Z'); // old 7-day moment
      await sweep();
      at('2026-09-18T07:00:00Z'); // new 14-day moment
      await sweep();
      expect(await received(old)).toEqual({});
      expect(Object.keys(await received(replacement))).toEqual(['14d']);
      expect((await fixtures.reminders(old)).every((r) => r.status === 'cancelled')).toBe(true);
      expect((await fixtures.reminders(replacement))[0]).toMatchObject({
        kind: '14d',
        status: 'sent',
      });
    });
  });

  describe('preferences', () => {
    let org: GivenOrganisation;

    beforeAll(async () => {
      org = await t.given.organisation();
    });

    it('starts from the defaults and refuses malformed preferences', async () => {
      const bearer = await t.login(org.member);
      const res = await t
        .http()
        .get('/me/notification-preferences')
        .set('Authorization', bearer)
        .expect(200);
      expect(res.body).toEqual({
        channels: {
          deadlineReminder: { inApp: true, email: true },
          deadlineOverdue: { inApp: true, email: true },
          deadlineEscalation: { inApp: true, email: true },
          mention: { inApp: true, email: true },
        },
        // Issue #16: every case-event type; e-mail at once when the user must act, else the digest.
        caseEvents: expect.arrayContaining([
          { type: 'case.information_requested', mustAct: true, inApp: true, email: 'immediate' },
          { type: 'meeting.scheduled', mustAct: false, inApp: true, email: 'digest' },
        ]),
        emailDelivery: 'immediate',
        leadDays: null,
      });
      const bad = await t
        .http()
        .put('/me/notification-preferences')
        .set('Authorization', bearer)
        .send({ ...res.body, leadDays: [100], emailDelivery: 'hourly' })
        .expect(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'emailDelivery',
        'leadDays',
      ]);
      const partial = await t
        .http()
        .put('/me/notification-preferences')
        .set('Authorization', bearer)
        .send({ ...res.body, channels: { deadlineOverdue: { inApp: true, email: true } } })
        .expect(400);
      expect(partial.body.errors.map((e: { path: string }) => e.path)).toEqual(
        expect.arrayContaining(['channels.deadlineReminder', 'channels.deadlineEscalation']),
      );
    });

    it('choose channels, own lead days and a daily digest; reminders follow them', async () => {
      const channels = (reminderMail: boolean, overdueInApp: boolean) => ({
        deadlineReminder: { inApp: true, email: reminderMail },
        deadlineOverdue: { inApp: overdueInApp, email: true },
        deadlineEscalation: { inApp: true, email: true },
      });
      // The member wants no reminder e-mails, only 3 days ahead, and no overdue notice in the inbox.
      await t
        .http()
        .put('/me/notification-preferences')
        .set('Authorization', await t.login(org.member))
        .send({ channels: channels(false, false), emailDelivery: 'immediate', leadDays: [3] })
        .expect(200);
      // The secretary wants one digest e-mail a day.
      await t
        .http()
        .put('/me/notification-preferences')
        .set('Authorization', await t.login(org.secretary))
        .send({ channels: channels(true, true), emailDelivery: 'daily_digest', leadDays: null })
        .expect(200);

      const caseId = await fixtures.aiCase(org, { title: 'Digest-zaak' });
      at('2026-10-01T10:00:00Z');
      const deadlineId = await fixtures.deadline(org, {
        caseId,
        strictDate: '2026-10-10',
        createdAt: new Date('2026-10-01T10:00:00Z'),
      });
      await sweep();
      expect((await planOf(deadlineId)).lead_days).toEqual([14, 7, 3, 2, 0]); // the council's days and the member's own 3
      const digestsOf = async (userId: string) =>
        (
          await t.db.query(
            `SELECT digest_date::text AS day FROM mail_delivery WHERE user_id = $1 AND kind = 'digest' ORDER BY digest_date`,
            [userId],
          )
        ).map((r: { day: string }) => r.day);
      // Reminders at 09:00 Amsterdam; the digest of a day (07:00) holds what came before it.
      for (const moment of [
        '2026-10-03T07:00:00Z',
        '2026-10-07T07:00:00Z',
        '2026-10-08T07:00:00Z',
        '2026-10-10T07:00:00Z',
        '2026-10-10T22:00:00Z',
      ]) {
        at(moment);
        await sweep();
        await sweep();
      }
      const kindsOf = async (userId: string, where = 'true') =>
        (
          await t.db.query(
            `SELECT r.kind FROM notification n JOIN reminder r ON r.id = n.reminder_id WHERE n.user_id = $1 AND n.deadline_id = $2 AND ${where} ORDER BY r.due_at`,
            [userId, deadlineId],
          )
        ).map((row: { kind: string }) => row.kind);
      expect(await kindsOf(org.member.id)).toEqual(['3d', 'overdue']);
      expect(await kindsOf(org.member.id, 'n.in_app')).toEqual(['3d']);
      expect(await kindsOf(org.chair.id)).toEqual(['7d', '2d', '0d', 'overdue']);
      expect(await kindsOf(org.secretary.id)).toEqual(['7d', '2d', '0d', 'overdue']);
      expect(await digestsOf(org.secretary.id)).toEqual(['2026-10-07', '2026-10-10']);

      at('2026-10-11T04:59:00Z');
      await sweep();
      expect(await digestsOf(org.secretary.id)).toEqual(['2026-10-07', '2026-10-10']);
      at('2026-10-11T05:00:00Z'); // 07:00 in Amsterdam (summer time)
      await sweep();
      await sweep();
      expect(await digestsOf(org.secretary.id)).toEqual(['2026-10-07', '2026-10-10', '2026-10-11']);

      await mailDeliveriesSettled();
      expect(smtp.to(org.member.email).map((m) => m.subject)).toEqual([
        'Termijn verstreken: Adviestermijn ondernemingsraad – Digest-zaak',
      ]);
      const digests = smtp.to(org.secretary.email);
      expect(digests.map((m) => m.subject)).toEqual([
        'Overleg: dagoverzicht van woensdag 7 oktober 2026 (1 melding)',
        'Overleg: dagoverzicht van zaterdag 10 oktober 2026 (1 melding)',
        'Overleg: dagoverzicht van zondag 11 oktober 2026 (2 meldingen)',
      ]);
      expect(digests[0].text).toContain(
        'Herinnering: Adviestermijn ondernemingsraad verloopt over 7 dagen – Digest-zaak',
      );
      expect(digests[2].text).toContain(
        'Herinnering: Adviestermijn ondernemingsraad verloopt vandaag – Digest-zaak',
      );
      expect(digests[2].text).toContain(
        'Termijn verstreken: Adviestermijn ondernemingsraad – Digest-zaak',
      );
      expect(digests[2].raw).not.toContain(SECRET_CONTENTS);
    });
  });

  describe("a council's reminder rhythm", () => {
    it('is set by its board, re-plans open deadlines, and is not for others to change', async () => {
      const org = await t.given.organisation();
      const caseId = await fixtures.aiCase(org);
      at('2026-11-02T07:00:00Z');
      // The 14-day reminder (2 November, 09:00 Amsterdam) is already in the ledger.
      const deadlineId = await fixtures.deadline(org, {
        caseId,
        strictDate: '2026-11-16',
        createdAt: new Date('2026-11-01T10:00:00Z'),
      });
      await sweep();
      expect((await fixtures.reminders(deadlineId)).map((r) => [r.kind, r.status])).toEqual([
        ['14d', 'pending'],
      ]);
      const path = `/works-councils/${org.worksCouncilId}/reminder-settings`;
      expect(
        (
          await t
            .http()
            .get(path)
            .set('Authorization', await t.login(org.member))
            .expect(200)
        ).body,
      ).toEqual({
        worksCouncilId: org.worksCouncilId,
        leadDays: [14, 7, 2, 0],
        escalationLeadDays: 2,
        isDefault: true,
      });

      const denied = await t
        .http()
        .put(path)
        .set('Authorization', await t.login(org.member))
        .send({ leadDays: [10], escalationLeadDays: 3 })
        .expect(403);
      expect(denied.body.code).toBe('auth.permission_denied');
      const stranger = (await t.given.organisation()).chair;
      expect(
        (
          await t
            .http()
            .put(path)
            .set('Authorization', await t.login(stranger))
            .send({ leadDays: [10], escalationLeadDays: 3 })
            .expect(404)
        ).body.code,
      ).toBe('works_council.not_found');

      const res = await t
        .http()
        .put(path)
        .set('Authorization', await t.login(org.chair))
        .send({ leadDays: [10, 1, 10], escalationLeadDays: 3 })
        .expect(200);
      expect(res.body).toEqual({
        worksCouncilId: org.worksCouncilId,
        leadDays: [10, 1],
        escalationLeadDays: 3,
        isDefault: false,
      });
      await sweep();
      expect((await fixtures.reminders(deadlineId)).map((r) => [r.kind, r.status])).toEqual([
        ['14d', 'cancelled'],
      ]);
      expect(await planOf(deadlineId)).toMatchObject({
        lead_days: [10, 1],
        next_due_at: new Date('2026-11-06T08:00:00.000Z'),
      });
      at('2026-11-02T08:00:00Z');
      await sweep();
      expect(await received(deadlineId)).toEqual({});
    });
  });

  describe('the calendar feed', () => {
    let org: GivenOrganisation;
    let caseId: string;
    let deadlineId: string;

    beforeAll(async () => {
      org = await t.given.organisation();
      caseId = await fixtures.aiCase(org, { title: 'Agenda, met; tekens' });
      at('2026-12-01T10:00:00Z');
      deadlineId = await fixtures.deadline(org, {
        caseId,
        ruleId: 'nullity_term',
        fatal: true,
        statutory: true,
        strictDate: '2026-12-24',
        extendedDate: '2026-12-28',
        createdAt: new Date('2026-12-01T10:00:00Z'),
      });
      const draft = await fixtures.aiCase(org, { title: 'Nog niet verstuurd', status: 'draft' });
      await fixtures.deadline(org, {
        caseId: draft,
        strictDate: '2026-12-31',
        createdAt: new Date('2026-12-01T10:00:00Z'),
      });
      await sweep();
    });

    async function events(url: string): Promise<Array<InstanceType<typeof ICAL.Event>>> {
      const res = await t.http().get(new URL(url).pathname).expect(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      return new ICAL.Component(ICAL.parse(res.text))
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v));
    }

    it('serves the user’s open deadlines as valid iCalendar behind a secret URL', async () => {
      const bearer = await t.login(org.chair);
      expect(
        (await t.http().get('/me/calendar-feed').set('Authorization', bearer).expect(200)).body,
      ).toEqual({ active: false, createdAt: null });
      const created = (
        await t.http().post('/me/calendar-feed').set('Authorization', bearer).expect(201)
      ).body;
      expect(created.url).toMatch(/^https:\/\/overleg\.test\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      expect(created.webcalUrl).toBe(created.url.replace('https:', 'webcal:'));
      expect(
        (await t.http().get('/me/calendar-feed').set('Authorization', bearer).expect(200)).body,
      ).toMatchObject({ active: true });

      const [event, ...others] = await events(created.url);
      expect(others).toEqual([]); // the draft case's deadline is not the council's business yet
      expect(event.uid).toBe(`deadline-${deadlineId}@overleg.test`);
      expect(event.summary).toBe(
        'Termijn inroepen nietigheid (art. 27 lid 5 WOR) – Agenda, met; tekens',
      );
      expect(event.startDate.toString()).toBe('2026-12-24');
      expect(event.description).toContain('Fatale termijn.');
      expect(event.description).toContain('uiterlijk maandag 28 december 2026');
      expect(event.description).toContain(`https://overleg.test/cases/${caseId}`);
      expect(event.sequence).toBe(0);

      const hrFeed = (
        await t
          .http()
          .post('/me/calendar-feed')
          .set('Authorization', await t.login(org.hr))
          .expect(201)
      ).body;
      expect(await events(hrFeed.url)).toHaveLength(2); // the employer side sees its drafts
    });

    it('keeps the UID when the deadline moves, with a higher SEQUENCE, so calendars replace the event', async () => {
      const bearer = await t.login(org.secretary);
      const { url } = (
        await t.http().post('/me/calendar-feed').set('Authorization', bearer).expect(201)
      ).body;
      await fixtures.move(deadlineId, '2027-01-08');
      await sweep();
      const [event] = await events(url);
      expect(event.uid).toBe(`deadline-${deadlineId}@overleg.test`);
      expect(event.startDate.toString()).toBe('2027-01-08');
      expect(event.sequence).toBe(1);
    });

    it('stops working when rotated or revoked', async () => {
      const bearer = await t.login(org.member);
      const first = (
        await t.http().post('/me/calendar-feed').set('Authorization', bearer).expect(201)
      ).body;
      const second = (
        await t.http().post('/me/calendar-feed').set('Authorization', bearer).expect(201)
      ).body;
      const gone = await t.http().get(new URL(first.url).pathname).expect(404);
      expect(gone.body.code).toBe('calendar_feed.not_found');
      await t.http().get(new URL(second.url).pathname).expect(200);
      await t.http().delete('/me/calendar-feed').set('Authorization', bearer).expect(204);
      await t.http().get(new URL(second.url).pathname).expect(404);
      await t.http().get('/calendar/not-a-token.ics').expect(404);
    });
  });
});
