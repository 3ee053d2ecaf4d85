import ICAL from 'ical.js';

import type { GivenOrganisation } from '@wc/testing';
import { SmtpSink, startTestWorker, type TestWorker, waitUntil } from '@wc/testing';
import { WorkerModule } from '@wc/worker';

import { startTestApp, type TestApp } from './support/test-app';

type Json = Record<string, unknown>;

/** What a received invitation's ICS says, as ical.js reads it. */
function invitationOf(mail: { calendar: string; calendarMethod: string }) {
  const calendar = new ICAL.Component(ICAL.parse(mail.calendar));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return {
    method: calendar.getFirstPropertyValue('method'),
    partMethod: mail.calendarMethod,
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    summary: event.summary,
    location: event.location,
  };
}

/**
 * Issue #18: meetings a council can run. Invitations go out by e-mail with an ICS (METHOD:REQUEST;
 * a move raises SEQUENCE under the same UID; a cancellation is METHOD:CANCEL) through the outbox,
 * the worker's relay and a real SMTP server; the minutes go from draft through an amendment window
 * for the attendees to locked, by the (fake) clock.
 */
describe('meetings: invitations and minutes (e2e)', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let worker: TestWorker;
  let org: GivenOrganisation;
  const bearer: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://overleg.test' });
    worker = await startTestWorker(WorkerModule.forRoot(t.config), t.clock);
    org = await t.given.organisation();
    for (const name of ['chair', 'secretary', 'member', 'hr', 'expert'] as const) {
      bearer[name] = await t.login(org[name]);
    }
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  async function mailsTo(email: string, count: number) {
    await waitUntil(
      () => smtp.to(email).filter((m) => m.calendar).length >= count,
      20_000,
      () =>
        `${count} invitations to ${email}, got ${smtp.to(email).filter((m) => m.calendar).length}`,
    );
    return smtp.to(email).filter((m) => m.calendar);
  }

  function patch(who: string, id: string, body: Json) {
    return t.http().patch(`/meetings/${id}`).set('Authorization', bearer[who]).send(body);
  }

  it('invites the attendees, sends an update with a higher SEQUENCE on a move, and cancels', async () => {
    const created = await t
      .http()
      .post(`/works-councils/${org.worksCouncilId}/meetings`)
      .set('Authorization', bearer.chair)
      .send({
        kind: 'internal',
        title: 'Fractieoverleg',
        startsAt: '2026-03-10T13:00:00Z',
        durationMinutes: 60,
        location: 'Zaal 2',
        participantIds: [org.member.id, org.secretary.id],
      })
      .expect(201);
    expect(created.body).toMatchObject({ invitationSequence: 0, warnings: [] });
    const id = created.body.id as string;

    const [first] = await mailsTo(org.member.email, 1);
    const invited = invitationOf(first);
    expect(invited).toMatchObject({
      method: 'REQUEST',
      partMethod: 'REQUEST',
      sequence: 0,
      start: '2026-03-10T13:00:00.000Z',
      end: '2026-03-10T14:00:00.000Z',
      summary: 'Fractieoverleg',
      location: 'Zaal 2',
    });
    expect(invited.uid).toBe(`meeting-${id}@overleg.test`);
    expect(first.subject).toBe('Uitnodiging: Fractieoverleg');
    await mailsTo(org.secretary.email, 1);

    // A move: the same UID, SEQUENCE up, the new time.
    const moved = await patch('chair', id, {
      version: created.body.version,
      startsAt: '2026-03-12T08:30:00Z',
    }).expect(200);
    expect(moved.body.invitationSequence).toBe(1);
    const update = invitationOf((await mailsTo(org.member.email, 2))[1]);
    expect(update).toMatchObject({
      method: 'REQUEST',
      uid: invited.uid,
      sequence: 1,
      start: '2026-03-12T08:30:00.000Z',
      end: '2026-03-12T09:30:00.000Z',
    });

    // Taken off the list: that attendee is told it is off for them; the others get the revision.
    const fewer = await patch('chair', id, {
      version: moved.body.version,
      participantIds: [org.member.id],
    }).expect(200);
    const dropped = invitationOf((await mailsTo(org.secretary.email, 3))[2]);
    expect(dropped).toMatchObject({ method: 'CANCEL', uid: invited.uid, sequence: 2 });
    expect(invitationOf((await mailsTo(org.member.email, 3))[2])).toMatchObject({
      method: 'REQUEST',
      sequence: 2,
    });

    // A change that touches no calendar sends nothing; a cancellation sends METHOD:CANCEL.
    const cancelled = await patch('chair', id, {
      version: fewer.body.version,
      status: 'cancelled',
    }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', invitationSequence: 3 });
    const [, , , cancel] = await mailsTo(org.member.email, 4);
    expect(invitationOf(cancel)).toMatchObject({
      method: 'CANCEL',
      partMethod: 'CANCEL',
      uid: invited.uid,
      sequence: 3,
    });
    expect(cancel.subject).toBe('Geannuleerd: Fractieoverleg');
    expect(smtp.to(org.secretary.email).filter((m) => m.calendar)).toHaveLength(3);

    const statuses = async () =>
      (
        await t.db.query<Array<{ status: string }>>(
          `SELECT status FROM mail_delivery WHERE kind = 'meeting_invitation' AND user_id = $1`,
          [org.member.id],
        )
      ).map((r) => r.status);
    await waitUntil(async () => (await statuses()).every((s) => s === 'sent'), 10_000);
    expect(await statuses()).toEqual(['sent', 'sent', 'sent', 'sent']);
  }, 60_000);

  it('warns of, and does not refuse, a start time in the past', async () => {
    const res = await t
      .http()
      .post(`/works-councils/${org.worksCouncilId}/meetings`)
      .set('Authorization', bearer.chair)
      .send({ kind: 'internal', title: 'Achteraf vastgelegd', startsAt: '2026-02-20T13:00:00Z' })
      .expect(201);
    expect(res.body.warnings).toEqual(['meeting.starts_in_past']);
    const future = await patch('chair', res.body.id as string, {
      version: res.body.version,
      startsAt: '2026-04-01T13:00:00Z',
    }).expect(200);
    expect(future.body.warnings).toEqual([]);
  });

  it('takes the minutes from draft through the amendment window to locked, by the clock', async () => {
    const created = await t
      .http()
      .post(`/works-councils/${org.worksCouncilId}/meetings`)
      .set('Authorization', bearer.chair)
      .send({
        kind: 'internal',
        title: 'Notulen',
        startsAt: '2026-03-03T13:00:00Z',
        participantIds: [org.secretary.id],
      })
      .expect(201);
    const id = created.body.id as string;
    expect(created.body.minutesStatus).toBe('draft');
    const amend = (who: string, text: string) =>
      t
        .http()
        .post(`/meetings/${id}/minutes/amendments`)
        .set('Authorization', bearer[who])
        .send({ text });

    // Nothing to circulate yet; no amendments to a draft.
    const empty = await t
      .http()
      .post(`/meetings/${id}/minutes/circulation`)
      .set('Authorization', bearer.chair)
      .send({ version: created.body.version, amendmentDays: 3 })
      .expect(422);
    expect(empty.body.code).toBe('meeting.minutes_empty');
    expect((await amend('secretary', 'Vroeg').expect(409)).body.code).toBe(
      'meeting.minutes_not_circulated',
    );

    const draft = await t
      .http()
      .put(`/meetings/${id}/minutes`)
      .set('Authorization', bearer.chair)
      .send({ version: created.body.version, minutes: 'Besproken: de pilot.' })
      .expect(200);
    const circulated = await t
      .http()
      .post(`/meetings/${id}/minutes/circulation`)
      .set('Authorization', bearer.chair)
      .send({ version: draft.body.version, amendmentDays: 3 })
      .expect(200);
    expect(circulated.body).toMatchObject({
      minutesStatus: 'amendment_window',
      minutesCirculatedAt: t.clock.now().toISOString(),
      minutesAmendmentsUntil: new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString(),
    });
    const again = await t
      .http()
      .post(`/meetings/${id}/minutes/circulation`)
      .set('Authorization', bearer.chair)
      .send({ version: circulated.body.version, amendmentDays: 3 })
      .expect(409);
    expect(again.body.code).toBe('meeting.minutes_already_circulated');

    // An attendee proposes an amendment; a council member who did not attend may not.
    const amended = await amend('secretary', 'Graag ook de evaluatiedatum noemen.').expect(201);
    expect(amended.body.amendments).toEqual([
      expect.objectContaining({
        authorId: org.secretary.id,
        text: 'Graag ook de evaluatiedatum noemen.',
      }),
    ]);
    expect((await amend('member', 'Ik was er niet').expect(403)).body.code).toBe(
      'meeting.attendees_only',
    );
    // The employer side never sees an internal meeting.
    await amend('hr', 'Werkgever').expect(404);

    // The organiser works the amendment in while the window is open.
    const revised = await t
      .http()
      .put(`/meetings/${id}/minutes`)
      .set('Authorization', bearer.chair)
      .send({ version: amended.body.version, minutes: 'Besproken: de pilot; evaluatie 1 juni.' })
      .expect(200);

    t.clock.advance({ days: 3 });
    // Access tokens are short-lived: sign in again on the new day.
    for (const name of ['chair', 'secretary'] as const) {
      bearer[name] = await t.login(org[name]);
    }
    const locked = await t
      .http()
      .get(`/meetings/${id}`)
      .set('Authorization', bearer.secretary)
      .expect(200);
    expect(locked.body.minutesStatus).toBe('locked');
    const edit = await t
      .http()
      .put(`/meetings/${id}/minutes`)
      .set('Authorization', bearer.chair)
      .send({ version: revised.body.version, minutes: 'Achteraf gewijzigd' })
      .expect(409);
    expect(edit.body).toMatchObject({ code: 'meeting.minutes_locked' });
    expect((await amend('secretary', 'Te laat').expect(409)).body.code).toBe(
      'meeting.minutes_locked',
    );
    const after = await t
      .http()
      .get(`/meetings/${id}`)
      .set('Authorization', bearer.chair)
      .expect(200);
    expect(after.body.minutes).toBe('Besproken: de pilot; evaluatie 1 juni.');
    t.clock.set('2026-03-02T09:00:00Z');
  });
});
