import type { GivenOrganisation, GivenUser } from '@wc/testing';
import { DeadlineFixtures, SmtpSink, startTestWorker, type TestWorker } from '@wc/testing';
import { WorkerModule } from '@wc/worker';

import { fileCase, type FiledCase } from './support/case-fixtures';
import { Listener, QUIET_MS, sleep } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Committees (commissies) prepare cases: the council board assigns a sent case to a committee of
 * its council, and a committee member sees only the sent cases of their committees (model.md
 * "Visibility in one table"), on every path: detail, list, sockets, reminders and the calendar feed.
 */
describe('committee cases (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let worker: TestWorker;
  let org: GivenOrganisation;
  let other: GivenOrganisation;
  /** A second committee of `org`'s council, with one member. */
  let committeeB: string;
  let memberOfB: GivenUser;
  const bearer: Record<string, string> = {};
  const listeners: Listener[] = [];

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://overleg.test' });
    worker = await startTestWorker(WorkerModule.forRoot(t.config), t.clock);
    org = await t.given.organisation();
    other = await t.given.organisation();
    [{ id: committeeB }] = await t.db.query<Array<{ id: string }>>(
      `INSERT INTO committee (works_council_id, name) VALUES ($1, 'Arbo & Welzijn') RETURNING id`,
      [org.worksCouncilId],
    );
    memberOfB = await t.given.user(org.organisationId, 'committee_member', {
      worksCouncilId: org.worksCouncilId,
      committeeId: committeeB,
    });
    const users = {
      hr: org.hr,
      chair: org.chair,
      secretary: org.secretary,
      member: org.member,
      committeeA: org.committeeMember,
      committeeB: memberOfB,
      expert: org.expert,
      otherChair: other.chair,
    };
    for (const [name, user] of Object.entries(users)) {
      bearer[name] = await t.login(user);
    }
  });
  afterAll(async () => {
    for (const listener of listeners) {
      listener.socket.disconnect();
    }
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  const assign = (who: string, caseId: string, body: Record<string, unknown>) =>
    t.http().put(`/cases/${caseId}/committee`).set('Authorization', bearer[who]).send(body);
  const detail = (who: string, caseId: string) =>
    t.http().get(`/cases/${caseId}`).set('Authorization', bearer[who]);
  async function listed(who: string): Promise<string[]> {
    const res = await t
      .http()
      .get('/cases')
      .query({ limit: 200 })
      .set('Authorization', bearer[who])
      .expect(200);
    expect(res.body.nextCursor).toBeNull();
    return (res.body.items as Array<{ id: string }>).map((c) => c.id);
  }
  async function subscribe(who: string, caseId: string): Promise<string> {
    const listener = await Listener.connect(t.url, bearer[who].replace(/^Bearer /, ''));
    listeners.push(listener);
    const ack = await listener.request('subscribe', { caseId });
    listener.socket.disconnect();
    return ack.ok ? 'ok' : ack.code;
  }
  /** A live socket per user, closed after all tests. */
  async function connectAll(users: string[]): Promise<Record<string, Listener>> {
    const sockets: Record<string, Listener> = {};
    for (const who of users) {
      sockets[who] = await Listener.connect(t.url, bearer[who].replace(/^Bearer /, ''));
      listeners.push(sockets[who]);
    }
    return sockets;
  }
  async function assigned(filed: FiledCase, committeeId: string | null): Promise<FiledCase> {
    const res = await assign('chair', filed.caseId, { version: filed.version, committeeId }).expect(
      200,
    );
    return { caseId: filed.caseId, version: res.body.version as number };
  }

  it('lets the council board assign a sent case to a committee of its council, audited and announced', async () => {
    const filed = await fileCase(t, org, bearer.hr);
    const before = await detail('chair', filed.caseId).expect(200);
    expect(before.body.committeeId).toBeNull();

    const res = await assign('secretary', filed.caseId, {
      version: filed.version,
      committeeId: org.committeeId,
    }).expect(200);
    expect(res.body).toMatchObject({
      id: filed.caseId,
      committeeId: org.committeeId,
      version: filed.version + 1,
    });
    expect((await detail('hr', filed.caseId).expect(200)).body.committeeId).toBe(org.committeeId);
    const [row] = await t.db.query<Array<{ committee_id: string }>>(
      `SELECT committee_id FROM ai_case WHERE id = $1`,
      [filed.caseId],
    );
    expect(row.committee_id).toBe(org.committeeId);

    const audit = await t
      .http()
      .get(`/cases/${filed.caseId}/audit`)
      .set('Authorization', bearer.chair)
      .expect(200);
    expect(audit.body.items.at(-1)).toMatchObject({
      action: 'case.committee_assigned',
      actorId: org.secretary.id,
      before: { committeeId: null },
      after: { committeeId: org.committeeId },
    });
    const events = await t.db.query<Array<{ type: string; payload: Record<string, unknown> }>>(
      `SELECT type, payload FROM domain_event WHERE case_id = $1 ORDER BY case_seq DESC LIMIT 1`,
      [filed.caseId],
    );
    expect(events).toEqual([
      {
        type: 'case.updated',
        payload: expect.objectContaining({
          action: 'case.committee_assigned',
          version: filed.version + 1,
          committeeId: org.committeeId,
        }),
      },
    ]);

    const cleared = await assign('chair', filed.caseId, {
      version: filed.version + 1,
      committeeId: null,
    }).expect(200);
    expect(cleared.body.committeeId).toBeNull();
    const [clearedRow] = await t.db.query<Array<{ committee_id: string | null }>>(
      `SELECT committee_id FROM ai_case WHERE id = $1`,
      [filed.caseId],
    );
    expect(clearedRow.committee_id).toBeNull();
  });

  it('refuses a stale version, a committee of another council, other roles and unknown cases', async () => {
    const filed = await fileCase(t, org, bearer.hr);
    const stale = await assign('chair', filed.caseId, {
      version: filed.version - 1,
      committeeId: org.committeeId,
    }).expect(409);
    expect(stale.body.code).toBe('case.version_conflict');

    const foreign = await assign('chair', filed.caseId, {
      version: filed.version,
      committeeId: other.committeeId,
    }).expect(422);
    expect(foreign.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(foreign.body).toMatchObject({
      code: 'case.committee_not_of_council',
      errors: [{ path: 'committeeId', message: expect.any(String) }],
    });
    const unknownCommittee = await assign('chair', filed.caseId, {
      version: filed.version,
      committeeId: '00000000-0000-4000-8000-000000000000',
    }).expect(422);
    expect(unknownCommittee.body.code).toBe('case.committee_not_of_council');

    for (const who of ['member', 'committeeA', 'hr']) {
      await assign(who, filed.caseId, {
        version: filed.version,
        committeeId: org.committeeId,
      }).expect(403);
    }
    await assign('otherChair', filed.caseId, {
      version: filed.version,
      committeeId: other.committeeId,
    }).expect(404);
    await assign('chair', '00000000-0000-4000-8000-000000000000', {
      version: 1,
      committeeId: org.committeeId,
    }).expect(404);
    const draft = await fileCase(t, org, bearer.hr, { send: false });
    await assign('chair', draft.caseId, {
      version: draft.version,
      committeeId: org.committeeId,
    }).expect(404);

    const missing = await assign('chair', filed.caseId, { version: filed.version }).expect(400);
    expect(missing.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'committeeId' })]),
    );
    await assign('chair', filed.caseId, {
      version: filed.version,
      committeeId: 'commissie',
    }).expect(400);

    const [row] = await t.db.query<Array<{ committee_id: string | null; version: number }>>(
      `SELECT committee_id, version FROM ai_case WHERE id = $1`,
      [filed.caseId],
    );
    expect(row).toEqual({ committee_id: null, version: filed.version });
  });

  it('shows a committee member only the sent cases of their committee: detail, list and socket', async () => {
    const ofA = await assigned(await fileCase(t, org, bearer.hr), org.committeeId);
    const ofB = await assigned(await fileCase(t, org, bearer.hr), committeeB);
    const unassigned = await fileCase(t, org, bearer.hr);

    // A committee member: their committee's case only.
    const seen = await detail('committeeA', ofA.caseId).expect(200);
    expect(seen.body).toMatchObject({ committeeId: org.committeeId, yourSide: 'council_member' });
    for (const hidden of [ofB.caseId, unassigned.caseId]) {
      const res = await detail('committeeA', hidden).expect(404);
      expect(res.body.code).toBe('case.not_found');
      await t
        .http()
        .get(`/cases/${hidden}/deadlines`)
        .set('Authorization', bearer.committeeA)
        .expect(404);
      await t
        .http()
        .get(`/cases/${hidden}/events`)
        .set('Authorization', bearer.committeeA)
        .expect(404);
      await t
        .http()
        .get(`/cases/${hidden}/audit`)
        .set('Authorization', bearer.committeeA)
        .expect(404);
    }
    const listA = await listed('committeeA');
    expect(listA).toContain(ofA.caseId);
    expect(listA).not.toContain(ofB.caseId);
    expect(listA).not.toContain(unassigned.caseId);
    expect(await subscribe('committeeA', ofA.caseId)).toBe('ok');
    expect(await subscribe('committeeA', ofB.caseId)).toBe('case.not_found');
    expect(await subscribe('committeeA', unassigned.caseId)).toBe('case.not_found');

    // The other committee's member: the mirror image.
    await detail('committeeB', ofB.caseId).expect(200);
    await detail('committeeB', ofA.caseId).expect(404);
    const listB = await listed('committeeB');
    expect(listB).toContain(ofB.caseId);
    expect(listB).not.toContain(ofA.caseId);
    expect(listB).not.toContain(unassigned.caseId);

    // The board and the council's members keep seeing every sent case of the council.
    for (const who of ['chair', 'secretary', 'member']) {
      for (const c of [ofA, ofB, unassigned]) {
        await detail(who, c.caseId).expect(200);
      }
      expect(await listed(who)).toEqual(
        expect.arrayContaining([ofA.caseId, ofB.caseId, unassigned.caseId]),
      );
    }
    expect(await subscribe('member', unassigned.caseId)).toBe('ok');

    // Moving the case moves the access with it.
    await assigned(ofA, committeeB);
    await detail('committeeA', ofA.caseId).expect(404);
    expect(await listed('committeeA')).not.toContain(ofA.caseId);
    await detail('committeeB', ofA.caseId).expect(200);
  });

  it("tells a committee member's socket of its committee's cases only, and drops a case the committee gives up", async () => {
    const sockets = await connectAll(['member', 'committeeA', 'committeeB']);
    const ofA = await assigned(await fileCase(t, org, bearer.hr), org.committeeId);
    const unassigned = await fileCase(t, org, bearer.hr);
    expect((await sockets.committeeA.request('subscribe', { caseId: ofA.caseId })).ok).toBe(true);
    // A council member hears of both new cases; committee A of its own; committee B of neither.
    const touch = (filed: FiledCase) =>
      t
        .http()
        .patch(`/cases/${filed.caseId}`)
        .set('Authorization', bearer.hr)
        .send({ version: filed.version, title: `Bijgewerkt ${filed.caseId}` })
        .expect(200);
    await touch(ofA);
    await touch(unassigned);
    await sockets.member.event('case.updated', (e) => e.caseId === unassigned.caseId);
    await sockets.member.event('case.updated', (e) => e.caseId === ofA.caseId);
    await sockets.committeeA.event('case.updated', (e) => e.caseId === ofA.caseId);
    await sleep(QUIET_MS);
    expect(sockets.committeeA.events.filter((e) => e.caseId === unassigned.caseId)).toEqual([]);
    expect(
      sockets.committeeB.events.filter(
        (e) => e.caseId === ofA.caseId || e.caseId === unassigned.caseId,
      ),
    ).toEqual([]);

    // Handed to committee B: A's socket leaves the case room before the event; B hears of the
    // case, and A once more (so its list drops the case), after which A hears nothing of it.
    const current = (await detail('chair', ofA.caseId).expect(200)).body.version as number;
    await assign('chair', ofA.caseId, { version: current, committeeId: committeeB }).expect(200);
    await sockets.committeeB.event(
      'case.updated',
      (e) => e.caseId === ofA.caseId && e.version === current + 1,
    );
    await sockets.committeeA.event(
      'case.updated',
      (e) => e.caseId === ofA.caseId && e.version === current + 1,
    );
    await sleep(QUIET_MS);
    expect(
      sockets.committeeA.events.filter((e) => e.caseId === ofA.caseId && e.version === current + 1),
    ).toHaveLength(1);
    const seen = sockets.committeeA.events.length;
    await t
      .http()
      .patch(`/cases/${ofA.caseId}`)
      .set('Authorization', bearer.hr)
      .send({ version: current + 1, title: 'Nog eens bijgewerkt' })
      .expect(200);
    await sockets.committeeB.event(
      'case.updated',
      (e) => e.caseId === ofA.caseId && e.version === current + 2,
    );
    await sleep(QUIET_MS);
    expect(sockets.committeeA.events.slice(seen)).toEqual([]);
  });

  it("keeps union-thread news and the internal deliberation of other committees' cases from a committee member's socket", async () => {
    const sockets = await connectAll(['member', 'committeeA', 'committeeB']);
    const ofA = await assigned(await fileCase(t, org, bearer.hr), org.committeeId);
    const unassigned = await fileCase(t, org, bearer.hr);
    // The union thread's events go to the council, never the case room: only to those who see the case.
    const unionComment = async (caseId: string) =>
      (
        await t
          .http()
          .post(`/cases/${caseId}/comments`)
          .query({ thread: 'union' })
          .set('Authorization', bearer.chair)
          .send({ body: 'Voor de bond' })
          .expect(201)
      ).body.id as string;
    const onA = await unionComment(ofA.caseId);
    const onUnassigned = await unionComment(unassigned.caseId);
    await sockets.member.event('comment.created', (e) => e.commentId === onUnassigned);
    await sockets.member.event('comment.created', (e) => e.commentId === onA);
    const onAEvent = await sockets.committeeA.event('comment.created', (e) => e.commentId === onA);
    expect(onAEvent).not.toHaveProperty('committeeId');
    await sleep(QUIET_MS);
    expect(sockets.committeeA.events.filter((e) => e.commentId === onUnassigned)).toEqual([]);
    expect(sockets.committeeB.ofType('comment.created')).toEqual([]);

    // Following only the internal deliberation, then the case goes to committee B: A hears no more.
    expect(
      (await sockets.committeeA.request('subscribe-internal', { caseId: ofA.caseId })).ok,
    ).toBe(true);
    expect((await sockets.member.request('subscribe-internal', { caseId: ofA.caseId })).ok).toBe(
      true,
    );
    const note = (body: string) =>
      t
        .http()
        .post(`/cases/${ofA.caseId}/internal/notes`)
        .set('Authorization', bearer.chair)
        .send({ kind: 'note', body })
        .expect(201);
    await note('Eerste');
    await sockets.committeeA.event('internal.note_added');
    const current = (await detail('chair', ofA.caseId).expect(200)).body.version as number;
    await assign('chair', ofA.caseId, { version: current, committeeId: committeeB }).expect(200);
    await sockets.committeeA.event(
      'case.updated',
      (e) => e.caseId === ofA.caseId && e.version === current + 1,
    );
    const second = (await note('Tweede')).body.id as string;
    await sockets.member.event('internal.note_added', (e) => e.noteId === second);
    await sleep(QUIET_MS);
    expect(sockets.committeeA.ofType('internal.note_added')).toHaveLength(1);
  });

  it("lists to a committee member the union shares of its committee's cases and of all cases, not of other cases", async () => {
    const union = await t.given.union();
    const ofA = await assigned(await fileCase(t, org, bearer.hr), org.committeeId);
    const unassigned = await fileCase(t, org, bearer.hr);
    const share = async (body: Record<string, unknown>) =>
      (
        await t
          .http()
          .post(`/works-councils/${org.worksCouncilId}/union-shares`)
          .set('Authorization', bearer.chair)
          .send({ unionOrganisationId: union.organisationId, scope: 'status', ...body })
          .expect(201)
      ).body.id as string;
    const shares = {
      ofA: await share({ caseId: ofA.caseId }),
      unassigned: await share({ caseId: unassigned.caseId }),
      all: await share({ allCases: true }),
    };
    const listed = async (who: string) =>
      (
        (
          await t
            .http()
            .get(`/works-councils/${org.worksCouncilId}/union-shares`)
            .set('Authorization', bearer[who])
            .expect(200)
        ).body.items as Array<{ id: string }>
      ).map((s) => s.id);
    expect(await listed('member')).toEqual(expect.arrayContaining(Object.values(shares)));
    const byA = await listed('committeeA');
    expect(byA).toEqual(expect.arrayContaining([shares.ofA, shares.all]));
    expect(byA).not.toContain(shares.unassigned);
    const byB = await listed('committeeB');
    expect(byB).toContain(shares.all);
    expect(byB).not.toEqual(expect.arrayContaining([shares.ofA]));
    expect(byB).not.toContain(shares.unassigned);
  });

  it("shows a committee member only the agenda items of the council's meetings that are on its cases or on no case", async () => {
    const ofA = await assigned(await fileCase(t, org, bearer.hr), org.committeeId);
    const unassigned = await fileCase(t, org, bearer.hr);
    const meeting = await t
      .http()
      .post(`/works-councils/${org.worksCouncilId}/meetings`)
      .set('Authorization', bearer.chair)
      .send({ kind: 'internal', title: 'OR-vergadering', startsAt: '2026-03-09T07:00:00Z' })
      .expect(201);
    const meetingId = meeting.body.id as string;
    for (const item of [
      { title: 'Zaak commissie A', caseId: ofA.caseId },
      { title: 'Zaak hele OR', caseId: unassigned.caseId },
      { title: 'Rondvraag' },
    ]) {
      await t
        .http()
        .post(`/meetings/${meetingId}/agenda-items`)
        .set('Authorization', bearer.chair)
        .send(item)
        .expect(201);
    }
    const titles = async (who: string) => {
      const one = await t
        .http()
        .get(`/meetings/${meetingId}`)
        .set('Authorization', bearer[who])
        .expect(200);
      const list = await t
        .http()
        .get(`/works-councils/${org.worksCouncilId}/meetings`)
        .set('Authorization', bearer[who])
        .expect(200);
      const listed = (
        list.body.items as Array<{ id: string; agendaItems: Array<{ title: string }> }>
      ).find((m) => m.id === meetingId);
      expect(listed?.agendaItems).toEqual(one.body.agendaItems);
      return (one.body.agendaItems as Array<{ title: string }>).map((i) => i.title);
    };
    expect(await titles('member')).toEqual(['Zaak commissie A', 'Zaak hele OR', 'Rondvraag']);
    expect(await titles('committeeA')).toEqual(['Zaak commissie A', 'Rondvraag']);
    expect(await titles('committeeB')).toEqual(['Rondvraag']);
  });

  it('reminds a committee member only of the deadlines of their committee’s cases', async () => {
    const fixtures = new DeadlineFixtures(t.db);
    const ofA = await fixtures.aiCase(org, { title: 'Zaak van commissie A' });
    const unassigned = await fixtures.aiCase(org, {
      title: 'Zaak zonder commissie',
      committeeId: null,
    });
    t.clock.set('2026-03-02T09:00:00Z');
    const deadlines = {
      ofA: await fixtures.deadline(org, {
        caseId: ofA,
        strictDate: '2026-03-20',
        createdAt: new Date('2026-03-02T09:00:00Z'),
      }),
      unassigned: await fixtures.deadline(org, {
        caseId: unassigned,
        strictDate: '2026-03-20',
        createdAt: new Date('2026-03-02T09:00:00Z'),
      }),
    };
    await worker.sweeper.sweepOnce();
    t.clock.set('2026-03-06T08:00:00Z');
    await worker.sweeper.sweepOnce();
    const recipients = async (deadlineId: string) =>
      (
        await t.db.query<Array<{ user_id: string }>>(
          `SELECT user_id FROM notification WHERE deadline_id = $1 ORDER BY user_id`,
          [deadlineId],
        )
      ).map((r) => r.user_id);
    const council = [org.hr, org.employerRep, org.chair, org.secretary, org.member].map(
      (u) => u.id,
    );
    expect(await recipients(deadlines.ofA)).toEqual([...council, org.committeeMember.id].sort());
    expect(await recipients(deadlines.unassigned)).toEqual([...council].sort());

    // The calendar feed tells the same audience (fresh logins: the clock moved past the tokens' expiry).
    const feed = await t
      .http()
      .post('/me/calendar-feed')
      .set('Authorization', await t.login(org.committeeMember))
      .expect(201);
    const ics = await t
      .http()
      .get(new URL(feed.body.url as string).pathname)
      .expect(200);
    expect(ics.text).toContain(`deadline-${deadlines.ofA}@`);
    expect(ics.text).not.toContain(`deadline-${deadlines.unassigned}@`);
    const feedB = await t
      .http()
      .post('/me/calendar-feed')
      .set('Authorization', await t.login(memberOfB))
      .expect(201);
    const icsB = await t
      .http()
      .get(new URL(feedB.body.url as string).pathname)
      .expect(200);
    expect(icsB.text).not.toContain(`deadline-${deadlines.ofA}@`);
    expect(icsB.text).not.toContain(`deadline-${deadlines.unassigned}@`);
  });
});
