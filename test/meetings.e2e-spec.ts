import type { GivenOrganisation, GivenUser } from '@wc/testing';

import { completeDossier, fileCase } from './support/case-fixtures';
import { Listener, QUIET_MS, sleep } from './support/sockets';
import { itemsOf } from './support/pages';
import { startTestApp, type TestApp } from './support/test-app';

type Json = Record<string, unknown>;

describe('meetings: consultation and internal meetings (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  let other: GivenOrganisation;
  const bearer: Record<string, string> = {};
  const listeners: Listener[] = [];

  async function listen(user: GivenUser): Promise<Listener> {
    const listener = await Listener.connect(t.url, (await t.login(user)).replace(/^Bearer /, ''));
    listeners.push(listener);
    return listener;
  }

  function schedule(who: string, body: Json, worksCouncilId = org.worksCouncilId) {
    return t
      .http()
      .post(`/works-councils/${worksCouncilId}/meetings`)
      .set('Authorization', bearer[who])
      .send({
        title: 'Overlegvergadering maart',
        startsAt: '2026-03-02T07:00:00Z',
        location: 'Zaal 2',
        ...body,
      });
  }

  function addItem(meetingId: string, who: string, body: Json) {
    return t
      .http()
      .post(`/meetings/${meetingId}/agenda-items`)
      .set('Authorization', bearer[who])
      .send(body);
  }

  async function track(caseId: string, kind: string): Promise<{ stage: string; snapshot: Json }> {
    const res = await t.http().get(`/cases/${caseId}`).set('Authorization', bearer.hr).expect(200);
    return res.body.tracks.find((tr: { kind: string }) => tr.kind === kind);
  }

  async function act(who: string, caseId: string, kind: string, action: Json, expected = 201) {
    const { version } = (
      await t.http().get(`/cases/${caseId}`).set('Authorization', bearer.hr).expect(200)
    ).body as { version: number };
    const res = await t
      .http()
      .post(`/cases/${caseId}/tracks/${kind}/transitions`)
      .set('Authorization', bearer[who])
      .send({ version, action });
    if (res.status !== expected) {
      throw new Error(
        `${kind}/${String(action.type)}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`,
      );
    }
    return res;
  }

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
    other = await t.given.organisation();
    const users = {
      hr: org.hr,
      employerRep: org.employerRep,
      chair: org.chair,
      secretary: org.secretary,
      member: org.member,
      expert: org.expert,
      admin: org.admin,
      otherChair: other.chair,
      otherHr: other.hr,
    };
    for (const [name, user] of Object.entries(users)) {
      bearer[name] = await t.login(user);
    }
  });
  afterEach(() => {
    for (const listener of listeners.splice(0)) {
      listener.socket.disconnect();
    }
  });
  afterAll(() => t.close());

  it('keeps internal meetings to the council and shares consultation meetings with the employer side', async () => {
    const internal = await schedule('chair', {
      kind: 'internal',
      title: 'Fractieoverleg',
      participantIds: [org.chair.id, org.member.id],
    }).expect(201);
    expect(internal.body).toMatchObject({
      kind: 'internal',
      status: 'planned',
      title: 'Fractieoverleg',
      participantIds: [org.chair.id, org.member.id].sort(),
      agendaItems: [],
      minutes: null,
      minutesApproved: false,
      version: 1,
    });
    const consultation = await schedule('hr', {
      kind: 'consultation',
      participantIds: [org.hr.id, org.chair.id],
    }).expect(201);

    await t
      .http()
      .get(`/meetings/${internal.body.id}`)
      .set('Authorization', bearer.member)
      .expect(200);
    for (const who of ['hr', 'employerRep', 'otherChair', 'admin']) {
      const res = await t
        .http()
        .get(`/meetings/${internal.body.id}`)
        .set('Authorization', bearer[who])
        .expect(404);
      expect(res.body.code).toBe('meeting.not_found');
    }
    await t
      .http()
      .get(`/meetings/${consultation.body.id}`)
      .set('Authorization', bearer.employerRep)
      .expect(200);
    await t
      .http()
      .get(`/meetings/${consultation.body.id}`)
      .set('Authorization', bearer.otherHr)
      .expect(404);
    await t
      .http()
      .patch(`/meetings/${internal.body.id}`)
      .set('Authorization', bearer.hr)
      .send({ version: 1, title: 'Gekaapt' })
      .expect(404);

    const asHr = await t
      .http()
      .get(`/works-councils/${org.worksCouncilId}/meetings`)
      .set('Authorization', bearer.hr)
      .expect(200);
    expect(itemsOf(asHr).map((m: { id: string }) => m.id)).toEqual([consultation.body.id]);
    const asMember = await t
      .http()
      .get(`/works-councils/${org.worksCouncilId}/meetings`)
      .set('Authorization', bearer.member)
      .expect(200);
    expect(
      itemsOf(asMember)
        .map((m: { id: string }) => m.id)
        .sort(),
    ).toEqual([internal.body.id, consultation.body.id].sort());
    await t
      .http()
      .get(`/works-councils/${org.worksCouncilId}/meetings`)
      .set('Authorization', bearer.otherChair)
      .expect(404);

    expect((await schedule('hr', { kind: 'internal' }).expect(403)).body.code).toBe(
      'meeting.council_only',
    );
    expect((await schedule('member', { kind: 'internal' }).expect(403)).body.code).toBe(
      'meeting.board_only',
    );
    await schedule('otherChair', { kind: 'internal' }).expect(404);
    const outsider = await schedule('chair', {
      kind: 'internal',
      participantIds: [org.hr.id],
    }).expect(422);
    expect(outsider.body).toMatchObject({
      code: 'meeting.participant_not_allowed',
      userIds: [org.hr.id],
    });
    await schedule('chair', { kind: 'consultation', participantIds: [other.hr.id] }).expect(422);

    // Cancelling and re-planning, against the version last seen.
    const cancelled = await t
      .http()
      .patch(`/meetings/${consultation.body.id}`)
      .set('Authorization', bearer.chair)
      .send({ version: 1, status: 'cancelled' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', version: 2 });
    await t
      .http()
      .patch(`/meetings/${consultation.body.id}`)
      .set('Authorization', bearer.hr)
      .send({ version: 1, status: 'planned' })
      .expect(409);
    await t
      .http()
      .patch(`/meetings/${consultation.body.id}`)
      .set('Authorization', bearer.member)
      .send({ version: 2, status: 'planned' })
      .expect(403);
    await t
      .http()
      .patch(`/meetings/${consultation.body.id}`)
      .set('Authorization', bearer.hr)
      .send({ version: 2, status: 'planned', participantIds: [org.hr.id] })
      .expect(200);
  });

  it('puts cases on the agenda, records decisions and minutes, and tells the rooms entitled to them', async () => {
    const { caseId } = await fileCase(t, org, bearer.hr);
    const draft = await fileCase(t, org, bearer.hr, { send: false });
    const foreign = await fileCase(t, other, bearer.otherHr);
    const hr = await listen(org.hr);
    const member = await listen(org.member);
    expect(await hr.request('subscribe', { caseId })).toEqual({ ok: true });
    expect(await member.request('subscribe-internal', { caseId })).toEqual({ ok: true });

    const meeting = await schedule('chair', { kind: 'consultation' }).expect(201);
    const meetingId = meeting.body.id as string;
    const withCase = await addItem(meetingId, 'hr', {
      title: 'Introductie WarehouseInsight',
      caseId,
    }).expect(201);
    await addItem(meetingId, 'chair', { title: 'Rondvraag' }).expect(201);
    expect(
      (await addItem(meetingId, 'hr', { title: 'Concept', caseId: draft.caseId }).expect(422)).body
        .code,
    ).toBe('meeting.case_not_sent');
    await addItem(meetingId, 'chair', { title: 'Concept', caseId: draft.caseId }).expect(404);
    await addItem(meetingId, 'chair', { title: 'Elders', caseId: foreign.caseId }).expect(404);
    await addItem(meetingId, 'member', { title: 'Van een lid' }).expect(403);
    expect(withCase.body.agendaItems).toEqual([
      {
        id: expect.any(String),
        position: 1,
        title: 'Introductie WarehouseInsight',
        caseId,
        decision: null,
      },
    ]);
    const itemId = withCase.body.agendaItems[0].id as string;

    await t
      .http()
      .patch(`/meetings/${meetingId}/agenda-items/${itemId}`)
      .set('Authorization', bearer.chair)
      .send({ decision: 'Werkgever past het voorstel aan: geen individuele scores.' })
      .expect(200);
    const current = await t
      .http()
      .get(`/meetings/${meetingId}`)
      .set('Authorization', bearer.hr)
      .expect(200);
    const minutes = await t
      .http()
      .put(`/meetings/${meetingId}/minutes`)
      .set('Authorization', bearer.secretary)
      .send({
        version: current.body.version,
        minutes: 'Aanwezig: bestuurder, OR. Besproken: WarehouseInsight.',
        approved: true,
      })
      .expect(200);
    expect(minutes.body).toMatchObject({
      minutes: 'Aanwezig: bestuurder, OR. Besproken: WarehouseInsight.',
      minutesApproved: true,
      version: current.body.version + 1,
    });
    await t
      .http()
      .put(`/meetings/${meetingId}/minutes`)
      .set('Authorization', bearer.hr)
      .send({ version: current.body.version, minutes: 'Oud' })
      .expect(409);
    const read = await t
      .http()
      .get(`/meetings/${meetingId}`)
      .set('Authorization', bearer.employerRep)
      .expect(200);
    expect(
      read.body.agendaItems.map((a: { position: number; decision: string | null }) => [
        a.position,
        a.decision,
      ]),
    ).toEqual([
      [1, 'Werkgever past het voorstel aan: geen individuele scores.'],
      [2, null],
    ]);
    const [row] = await t.db.query<Array<{ minutes: string; minutes_approved: boolean }>>(
      `SELECT minutes, minutes_approved FROM meeting WHERE id = $1`,
      [meetingId],
    );
    expect(row).toEqual({
      minutes: 'Aanwezig: bestuurder, OR. Besproken: WarehouseInsight.',
      minutes_approved: true,
    });

    // The case room hears of the consultation meeting about its case; the council room of all of it.
    expect(await hr.event('meeting.minutes_recorded')).toMatchObject({
      caseId,
      meetingId,
      kind: 'consultation',
      caseSeq: expect.any(Number),
    });
    expect(await member.event('meeting.minutes_recorded')).toMatchObject({
      caseId: null,
      worksCouncilId: org.worksCouncilId,
      meetingId,
    });

    // An internal meeting about the case stays in the council's rooms.
    const internal = await schedule('chair', { kind: 'internal', title: 'Voorbereiding' }).expect(
      201,
    );
    await addItem(internal.body.id, 'chair', {
      title: 'Standpunt WarehouseInsight',
      caseId,
    }).expect(201);
    expect(await member.event('internal.meeting_agenda_item_added')).toMatchObject({
      caseId,
      meetingId: internal.body.id,
    });
    await sleep(QUIET_MS);
    expect(hr.events.filter((e) => e.meetingId === internal.body.id)).toEqual([]);
    const log = await t
      .http()
      .get(`/cases/${caseId}/events?after=0`)
      .set('Authorization', bearer.hr)
      .expect(200);
    expect(
      (log.body.items as Array<{ type: string; payload: Json }>).filter(
        (e) => e.payload.meetingId === internal.body.id,
      ),
    ).toEqual([]);
  });

  it('counts a held consultation meeting as the consultation the advice and consent tracks need', async () => {
    // Case A's only consultation is the meeting; case B has none.
    const a = await fileCase(t, org, bearer.hr);
    const b = await fileCase(t, org, bearer.hr);
    for (const { caseId } of [a, b]) {
      await act('hr', caseId, 'advice', {
        type: 'request_consultation',
        reasons: 'Voorgenomen besluit bespreken',
      });
      await act('hr', caseId, 'consent', {
        type: 'request_consultation',
        reasons: 'Regeling bespreken',
      });
      await completeDossier(t, caseId, bearer.hr);
    }

    const future = await schedule('hr', {
      kind: 'consultation',
      startsAt: '2026-03-09T09:00:00Z',
    }).expect(201);
    await addItem(future.body.id, 'hr', { title: 'WarehouseInsight', caseId: a.caseId }).expect(
      201,
    );
    const early = await t
      .http()
      .post(`/meetings/${future.body.id}/held`)
      .set('Authorization', bearer.hr)
      .send({ version: 2 })
      .expect(422);
    expect(early.body.code).toBe('meeting.not_yet_held');

    const meeting = await schedule('hr', {
      kind: 'consultation',
      startsAt: '2026-03-02T07:00:00Z',
    }).expect(201);
    const withItem = await addItem(meeting.body.id, 'chair', {
      title: 'WarehouseInsight',
      caseId: a.caseId,
    }).expect(201);
    await t
      .http()
      .post(`/meetings/${meeting.body.id}/held`)
      .set('Authorization', bearer.member)
      .send({ version: withItem.body.version })
      .expect(403);
    const held = await t
      .http()
      .post(`/meetings/${meeting.body.id}/held`)
      .set('Authorization', bearer.chair)
      .send({ version: withItem.body.version })
      .expect(200);
    expect(held.body).toMatchObject({
      status: 'held',
      heldOn: '2026-03-02',
      consultationsRecorded: [
        { caseId: a.caseId, track: 'advice' },
        { caseId: a.caseId, track: 'consent' },
      ],
    });
    expect(
      (
        await t
          .http()
          .post(`/meetings/${meeting.body.id}/held`)
          .set('Authorization', bearer.hr)
          .send({ version: held.body.version })
          .expect(409)
      ).body.code,
    ).toBe('meeting.already_held');

    const advice = await track(a.caseId, 'advice');
    expect(advice).toMatchObject({
      stage: 'consultation_held',
      snapshot: { consultationsHeld: 1 },
    });
    expect((advice.snapshot.history as Array<{ action: Json }>).at(-1)?.action).toEqual({
      type: 'record_consultation_held',
      heldOn: '2026-03-02',
      meetingId: meeting.body.id,
    });
    expect((await track(b.caseId, 'advice')).snapshot.consultationsHeld).toBe(0);

    for (const { caseId } of [a, b]) {
      await act('hr', caseId, 'advice', { type: 'submit_request' });
      await act('hr', caseId, 'consent', { type: 'submit_request' });
    }
    await act('chair', a.caseId, 'advice', {
      type: 'record_council_position',
      position: 'positive',
    });
    await act('chair', a.caseId, 'consent', {
      type: 'record_council_position',
      position: 'granted',
      reasons: 'Met waarborgen',
    });
    expect((await track(a.caseId, 'advice')).stage).toBe('council_position');
    expect((await track(a.caseId, 'consent')).stage).toBe('council_position');
    const refused = await act(
      'chair',
      b.caseId,
      'advice',
      { type: 'record_council_position', position: 'positive' },
      409,
    );
    expect(refused.body).toMatchObject({
      code: 'case.transition_not_allowed',
      missing: ['consultation_meeting_held'],
    });

    // Case B's meeting is held after the request: it still counts (the stage stays request_submitted).
    const late = await schedule('chair', {
      kind: 'consultation',
      startsAt: '2026-03-02T08:00:00Z',
    }).expect(201);
    const lateItem = await addItem(late.body.id, 'hr', {
      title: 'WarehouseInsight',
      caseId: b.caseId,
    }).expect(201);
    await t
      .http()
      .post(`/meetings/${late.body.id}/held`)
      .set('Authorization', bearer.hr)
      .send({ version: lateItem.body.version, heldOn: '2026-03-02' })
      .expect(200);
    expect(await track(b.caseId, 'advice')).toMatchObject({
      stage: 'request_submitted',
      snapshot: { consultationsHeld: 1 },
    });
    await act('chair', b.caseId, 'advice', {
      type: 'record_council_position',
      position: 'positive',
    });

    // An internal meeting is no overlegvergadering.
    const c = await fileCase(t, org, bearer.hr);
    await act('hr', c.caseId, 'advice', { type: 'request_consultation', reasons: 'Bespreken' });
    const internal = await schedule('chair', { kind: 'internal' }).expect(201);
    const internalItem = await addItem(internal.body.id, 'chair', {
      title: 'Voorbereiding',
      caseId: c.caseId,
    }).expect(201);
    const internalHeld = await t
      .http()
      .post(`/meetings/${internal.body.id}/held`)
      .set('Authorization', bearer.chair)
      .send({ version: internalItem.body.version })
      .expect(200);
    expect(internalHeld.body.consultationsRecorded).toEqual([]);
    expect(await track(c.caseId, 'advice')).toMatchObject({
      stage: 'consultation_requested',
      snapshot: { consultationsHeld: 0 },
    });
  });
});
