import type { GivenOrganisation } from '@wc/testing';
import { SmtpSink, waitUntil, startTestWorker, type TestWorker } from '@wc/testing';
import { WorkerModule } from '@wc/worker';

import { fileCase } from './support/case-fixtures';
import { Listener } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';
import { notificationQueueEmptied, relayNotifications } from './support/notification-relay';

/** Text that must never leave the thread: not in the inbox, not in e-mail. */
const SECRET = 'VERTROUWELIJK-reorganisatie-magazijn-Tilburg';

interface InboxItem {
  id: string;
  type: string;
  kind: string;
  title: string;
  body: string;
  caseId: string | null;
  caseTitle: string | null;
  commentId: string | null;
  thread: string | null;
  actorName: string | null;
  link: string;
  read: boolean;
}

/**
 * @mentions through the persisted inbox and e-mail (not only the socket): the real API and
 * worker on one database, and a real SMTP server in the test process.
 */
describe('mention notifications (e2e)', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let worker: TestWorker;
  let org: GivenOrganisation;
  let other: GivenOrganisation;
  let caseId: string;
  const bearer: Record<string, string> = {};
  const listeners: Listener[] = [];

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://overleg.test' });
    worker = await startTestWorker(WorkerModule.forRoot(t.config), t.clock);
    org = await t.given.organisation();
    other = await t.given.organisation();
    await t.db.query(`UPDATE app_user SET display_name = 'Hanna de Vries' WHERE id = $1`, [
      org.hr.id,
    ]);
    // B reads Overleg in English; C (the chair) in Dutch, the default.
    await t.db.query(`UPDATE app_user SET language = 'en' WHERE id = $1`, [org.member.id]);
    for (const [name, user] of Object.entries({
      hr: org.hr,
      member: org.member,
      chair: org.chair,
      secretary: org.secretary,
      otherHr: other.hr,
    })) {
      bearer[name] = await t.login(user);
    }
    // This file is about mentions: the council side opts out of the case.sent notice (issue #16).
    for (const who of ['member', 'chair', 'secretary']) {
      const prefs = await t
        .http()
        .get('/me/notification-preferences')
        .set('Authorization', bearer[who])
        .expect(200);
      await t
        .http()
        .put('/me/notification-preferences')
        .set('Authorization', bearer[who])
        .send({ ...prefs.body, caseEvents: [{ type: 'case.sent', inApp: false, email: 'off' }] })
        .expect(200);
    }
    ({ caseId } = await fileCase(t, org, bearer.hr));
  });
  afterAll(async () => {
    for (const listener of listeners) {
      listener.socket.disconnect();
    }
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  async function listen(who: string): Promise<Listener> {
    const listener = await Listener.connect(t.url, bearer[who].replace(/^Bearer /, ''));
    listeners.push(listener);
    return listener;
  }

  function post(who: string, body: Record<string, unknown>, thread = 'case') {
    t.clock.set(new Date(t.clock.now().getTime() + 1000));
    return t
      .http()
      .post(`/cases/${caseId}/comments?thread=${thread}`)
      .set('Authorization', bearer[who])
      .send(body);
  }

  async function inbox(who: string): Promise<InboxItem[]> {
    return (await t.http().get('/notifications').set('Authorization', bearer[who]).expect(200)).body
      .items as InboxItem[];
  }

  async function inboxOfLength(who: string, length: number): Promise<InboxItem[]> {
    let items: InboxItem[] = [];
    await waitUntil(
      async () => (items = await inbox(who)).length >= length,
      10_000,
      () => `${length} notifications for ${who}, got ${items.length}`,
    );
    return items;
  }

  const mentionRows = (commentId: string) =>
    t.db.query<Array<{ user_id: string; email: string; deliveries: number }>>(
      `SELECT n.user_id, n.email, (SELECT count(*)::int FROM mail_delivery md WHERE md.notification_id = n.id) AS deliveries
         FROM notification n WHERE n.type = 'mention' AND n.comment_id = $1 ORDER BY n.user_id`,
      [commentId],
    );

  async function mailSettled(): Promise<void> {
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

  let commentId: string;
  let mentionOfB: InboxItem;

  it('puts a mention in the mentioned user’s inbox once, pushes it live, and e-mails it without the comment text', async () => {
    const defaults = await t
      .http()
      .get('/me/notification-preferences')
      .set('Authorization', bearer.member)
      .expect(200);
    expect(defaults.body.channels.mention).toEqual({ inApp: true, email: true });
    const b = await listen('member');

    const created = await post('hr', {
      body: `${SECRET}: kan @[Lid OR](${org.member.id}) hiernaar kijken?`,
    }).expect(201);
    commentId = created.body.id as string;

    const [item, ...rest] = await inboxOfLength('member', 1);
    expect(rest).toEqual([]);
    mentionOfB = item;
    expect(item).toMatchObject({
      type: 'mention',
      kind: 'mention',
      read: false,
      caseId,
      caseTitle: 'Introductie WarehouseInsight',
      commentId,
      thread: 'case',
      actorName: 'Hanna de Vries',
      link: `/cases/${caseId}/discussion`,
      title: 'Hanna de Vries mentioned you in a discussion – Introductie WarehouseInsight',
      ruleId: null,
      deadlineId: null,
      strictDate: null,
    });
    expect(JSON.stringify(item)).not.toContain(SECRET);
    expect(
      (
        await t
          .http()
          .get('/notifications/unread-count')
          .set('Authorization', bearer.member)
          .expect(200)
      ).body,
    ).toEqual({ unread: 1 });

    // Live: the socket hears the inbox push (and still the mention itself).
    const pushed = await b.event(
      'notification.created',
      (e) => (e.notificationIds as string[] | undefined)?.includes(item.id) ?? false,
    );
    expect(pushed).toMatchObject({ userId: org.member.id });
    expect(await b.event('comment.mentioned')).toMatchObject({ commentId, subjectCaseId: caseId });

    // The e-mail: in B's language, with the link to the discussion, without the comment.
    await waitUntil(
      () => smtp.to(org.member.email).length === 1,
      15_000,
      () => 'the mention e-mail',
    );
    const [mail] = smtp.to(org.member.email);
    expect(mail.subject).toBe(
      'Hanna de Vries mentioned you in a discussion – Introductie WarehouseInsight',
    );
    expect(mail.text).toContain(`https://overleg.test/cases/${caseId}/discussion`);
    expect(mail.html).toContain(`href="https://overleg.test/cases/${caseId}/discussion"`);
    for (const part of [mail.raw, mail.text, mail.html]) {
      expect(part).not.toContain(SECRET);
      expect(part).not.toContain('hiernaar kijken');
    }
    // Nobody else was mentioned, so nobody else is told; the author never is.
    expect((await mentionRows(commentId)).map((r) => r.user_id)).toEqual([org.member.id]);
    expect(await inbox('hr')).toEqual([]);
  });

  it('an edit that adds a mention notifies only the newly mentioned user, in their language', async () => {
    await t
      .http()
      .patch(`/cases/${caseId}/comments/${commentId}`)
      .set('Authorization', bearer.hr)
      .send({
        version: 1,
        body: `${SECRET}: kan @[Lid OR](${org.member.id}) hiernaar kijken? En @[Voorzitter](${org.chair.id})?`,
      })
      .expect(200);

    const [forC, ...restC] = await inboxOfLength('chair', 1);
    expect(restC).toEqual([]);
    expect(forC).toMatchObject({
      type: 'mention',
      commentId,
      title: 'Hanna de Vries heeft u genoemd in een discussie – Introductie WarehouseInsight',
    });
    await waitUntil(
      () => smtp.to(org.chair.email).length === 1,
      15_000,
      () => 'the chair’s mention e-mail',
    );
    expect(smtp.to(org.chair.email)[0].subject).toBe(
      'Hanna de Vries heeft u genoemd in een discussie – Introductie WarehouseInsight',
    );

    await mailSettled();
    expect((await inbox('member')).map((n) => n.id)).toEqual([mentionOfB.id]);
    expect(smtp.to(org.member.email)).toHaveLength(1);
    expect((await mentionRows(commentId)).map((r) => r.user_id).sort()).toEqual(
      [org.chair.id, org.member.id].sort(),
    );
  });

  it('makes exactly one notification even when the mention events are relayed a second time', async () => {
    const requeued = await t.db.query<Array<{ event_id: string }>>(
      `INSERT INTO notification_relay_delivery (event_id)
       SELECT id FROM domain_event WHERE type = 'comment.mentioned' AND payload->>'commentId' = $1
       RETURNING event_id`,
      [commentId],
    );
    expect(requeued).toHaveLength(2);
    await relayNotifications(worker, t.db, 'the requeued events to be relayed');
    await mailSettled();
    expect(await mentionRows(commentId)).toEqual(
      [org.chair.id, org.member.id]
        .sort()
        .map((userId) => ({ user_id: userId, email: 'immediate', deliveries: 1 })),
    );
    expect(await inbox('member')).toHaveLength(1);
    expect(smtp.to(org.member.email)).toHaveLength(1);
    expect(smtp.to(org.chair.email)).toHaveLength(1);
  });

  it('follows the user’s channel choice: no e-mail once switched off, nothing once both are off', async () => {
    const prefs = await t
      .http()
      .get('/me/notification-preferences')
      .set('Authorization', bearer.member)
      .expect(200);
    await t
      .http()
      .put('/me/notification-preferences')
      .set('Authorization', bearer.member)
      .send({
        ...prefs.body,
        channels: { ...prefs.body.channels, mention: { inApp: true, email: false } },
      })
      .expect(200);
    // A client that predates mentions leaves the key out: the choice stays.
    const { mention: _kept, ...older } = prefs.body.channels as Record<string, unknown>;
    const put = await t
      .http()
      .put('/me/notification-preferences')
      .set('Authorization', bearer.member)
      .send({ ...prefs.body, channels: older })
      .expect(200);
    expect(put.body.channels.mention).toEqual({ inApp: true, email: false });

    const second = await post('hr', {
      body: `Nog een vraag voor @[Lid OR](${org.member.id})`,
    }).expect(201);
    const items = await inboxOfLength('member', 2);
    expect(items.map((n) => n.commentId)).toEqual([second.body.id, commentId]);
    expect(await mentionRows(second.body.id)).toEqual([
      { user_id: org.member.id, email: 'none', deliveries: 0 },
    ]);
    await mailSettled();
    expect(smtp.to(org.member.email)).toHaveLength(1);

    await t
      .http()
      .put('/me/notification-preferences')
      .set('Authorization', bearer.member)
      .send({
        ...prefs.body,
        channels: { ...prefs.body.channels, mention: { inApp: false, email: false } },
      })
      .expect(200);
    const third = await post('hr', {
      body: `En nog een voor @[Lid OR](${org.member.id}) en @[Secretaris](${org.secretary.id})`,
    }).expect(201);
    // The secretary, mentioned in the same comment, shows that its events were relayed.
    expect(await inboxOfLength('secretary', 1)).toEqual([
      expect.objectContaining({ commentId: third.body.id }),
    ]);
    await notificationQueueEmptied(t.db);
    expect((await mentionRows(third.body.id)).map((r) => r.user_id)).toEqual([org.secretary.id]);
    expect(await inbox('member')).toHaveLength(2);
  });

  it('marks a mention read like any notification', async () => {
    const read = await t
      .http()
      .post(`/notifications/${mentionOfB.id}/read`)
      .set('Authorization', bearer.member)
      .expect(200);
    expect(read.body).toMatchObject({ id: mentionOfB.id, type: 'mention', read: true });
    expect(
      (
        await t
          .http()
          .get('/notifications/unread-count')
          .set('Authorization', bearer.member)
          .expect(200)
      ).body,
    ).toEqual({ unread: 1 });
    await t
      .http()
      .post(`/notifications/${mentionOfB.id}/read`)
      .set('Authorization', bearer.chair)
      .expect(404);
  });

  it('cannot mention someone who cannot see the thread, so they are never told', async () => {
    const stranger = await post('hr', { body: `Vraag @[HR elders](${other.hr.id})` }).expect(422);
    expect(stranger.body).toMatchObject({
      code: 'comment.mention_not_allowed',
      userIds: [other.hr.id],
    });
    const employerInUnionThread = await post(
      'chair',
      { body: 'Intern', mentions: [org.hr.id] },
      'union',
    ).expect(422);
    expect(employerInUnionThread.body.userIds).toEqual([org.hr.id]);
    const told = await t.db.query(
      `SELECT 1 FROM notification WHERE type = 'mention' AND user_id = ANY($1::uuid[])`,
      [[other.hr.id, org.hr.id]],
    );
    expect(told).toEqual([]);
    expect(await inbox('otherHr')).toEqual([]);
  });
});
