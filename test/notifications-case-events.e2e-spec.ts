import type { GivenOrganisation, GivenUser } from '@wc/testing';
import { SmtpSink, waitUntil, startTestWorker, type TestWorker } from '@wc/testing';
import { ReminderSweeper, VoteClosingSweep } from '@wc/notifications';
import { WorkerModule } from '@wc/worker';

import { fileCase } from './support/case-fixtures';
import { Listener } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';
import { relayNotifications } from './support/notification-relay';

type Who =
  | 'hr'
  | 'employerRep'
  | 'chair'
  | 'secretary'
  | 'member'
  | 'committeeMember'
  | 'expert'
  | 'admin'
  | 'officer'
  | 'otherHr'
  | 'otherChair';

/** Issue #16: whom each case event reaches (by hand, from model.md "Visibility"), and who caused it. */
const COUNCIL: Who[] = ['chair', 'secretary', 'member'];
const EMPLOYER: Who[] = ['hr', 'employerRep'];
const TABLE: Array<{
  type: string;
  actor: Who;
  to: Who[];
  mustAct: boolean;
  path: (ids: { caseId: string; meetingId: string }) => string;
}> = [
  {
    type: 'case.request_submitted',
    actor: 'hr',
    to: COUNCIL,
    mustAct: true,
    path: ({ caseId }) => `/cases/${caseId}`,
  },
  {
    type: 'case.information_requested',
    actor: 'chair',
    to: EMPLOYER,
    mustAct: true,
    path: ({ caseId }) => `/cases/${caseId}/information`,
  },
  {
    type: 'case.information_provided',
    actor: 'hr',
    to: COUNCIL,
    mustAct: false,
    path: ({ caseId }) => `/cases/${caseId}/information`,
  },
  {
    type: 'case.consultation_requested',
    actor: 'secretary',
    to: EMPLOYER,
    mustAct: true,
    path: ({ caseId }) => `/cases/${caseId}`,
  },
  {
    type: 'meeting.scheduled',
    actor: 'secretary',
    to: ['hr', 'employerRep', 'chair', 'member'],
    mustAct: false,
    path: ({ meetingId }) => `/meetings/${meetingId}`,
  },
  {
    type: 'meeting.updated',
    actor: 'secretary',
    to: ['hr', 'employerRep', 'chair', 'member'],
    mustAct: false,
    path: ({ meetingId }) => `/meetings/${meetingId}`,
  },
  {
    type: 'meeting.cancelled',
    actor: 'hr',
    to: ['employerRep', ...COUNCIL],
    mustAct: false,
    path: ({ meetingId }) => `/meetings/${meetingId}`,
  },
  {
    type: 'meeting.minutes_recorded',
    actor: 'secretary',
    to: ['hr', 'employerRep', 'chair', 'member'],
    mustAct: true,
    path: ({ meetingId }) => `/meetings/${meetingId}`,
  },
  {
    type: 'case.council_position_recorded',
    actor: 'chair',
    to: EMPLOYER,
    mustAct: true,
    path: ({ caseId }) => `/cases/${caseId}`,
  },
  {
    type: 'case.employer_decision_recorded',
    actor: 'employerRep',
    to: COUNCIL,
    mustAct: true,
    path: ({ caseId }) => `/cases/${caseId}`,
  },
  {
    type: 'case.suspension_waived',
    actor: 'chair',
    to: [...EMPLOYER, 'secretary', 'member'],
    mustAct: false,
    path: ({ caseId }) => `/cases/${caseId}`,
  },
  {
    type: 'case.triage_proposed',
    actor: 'hr',
    to: ['chair', 'secretary'],
    mustAct: true,
    path: ({ caseId }) => `/cases/${caseId}/triage`,
  },
  {
    type: 'case.use_reported',
    actor: 'member',
    to: EMPLOYER,
    mustAct: true,
    path: ({ caseId }) => `/cases/${caseId}`,
  },
  {
    type: 'ai_system.use_started_gate_closed',
    actor: 'hr',
    to: COUNCIL,
    mustAct: true,
    path: ({ caseId }) => `/cases/${caseId}`,
  },
  {
    type: 'case.go_live_gate_opened',
    actor: 'hr',
    to: ['employerRep', ...COUNCIL],
    mustAct: false,
    path: ({ caseId }) => `/cases/${caseId}`,
  },
  {
    type: 'case.go_live_gate_closed',
    actor: 'chair',
    to: [...EMPLOYER, 'secretary', 'member'],
    mustAct: false,
    path: ({ caseId }) => `/cases/${caseId}`,
  },
];

/**
 * Case events through the notification relay into the inbox and e-mail (issue #16), against the
 * real API and worker on one database and a real SMTP server in the test process.
 */
describe('case-event notifications (e2e)', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let worker: TestWorker;
  let org: GivenOrganisation;
  let other: GivenOrganisation;
  let union: { organisationId: string; officer: GivenUser };
  let caseId: string;
  const meetingId = '00000000-0000-4000-8000-000000000001';
  const users = {} as Record<Who, GivenUser>;
  const bearer = {} as Record<Who, string>;
  const listeners: Listener[] = [];

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://overleg.test' });
    t.clock.set(new Date('2026-12-01T09:00:00Z'));
    worker = await startTestWorker(WorkerModule.forRoot(t.config), t.clock);
    org = await t.given.organisation();
    other = await t.given.organisation();
    union = await t.given.union();
    Object.assign(users, {
      hr: org.hr,
      employerRep: org.employerRep,
      chair: org.chair,
      secretary: org.secretary,
      member: org.member,
      committeeMember: org.committeeMember,
      expert: org.expert,
      admin: org.admin,
      officer: union.officer,
      otherHr: other.hr,
      otherChair: other.chair,
    });
    // The member reads Overleg in English; everyone else in Dutch, the default.
    await t.db.query(`UPDATE app_user SET language = 'en' WHERE id = $1`, [org.member.id]);
    for (const who of Object.keys(users) as Who[]) {
      bearer[who] = await t.login(users[who]);
    }
    ({ caseId } = await fileCase(t, org, bearer.hr, { send: false }));
  });
  afterAll(async () => {
    for (const listener of listeners) {
      listener.socket.disconnect();
    }
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  const relay = async () => {
    await relayNotifications(worker, t.db);
  };

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

  /** A committed event as the producing lib writes it (its outbox row, in its own transaction). */
  async function emit(
    type: string,
    actor: Who,
    payload: Record<string, unknown> = {},
    onCase: string | null = caseId,
  ): Promise<string> {
    t.clock.set(new Date(t.clock.now().getTime() + 1000));
    const [{ id }] = await t.db.query<Array<{ id: string }>>(
      `INSERT INTO domain_event (type, organisation_id, works_council_id, case_id, case_seq, actor_id, payload, occurred_at)
       VALUES ($1, $2, $3, $4::uuid, CASE WHEN $4::uuid IS NULL THEN NULL ELSE (SELECT COALESCE(max(case_seq), 0) + 1 FROM domain_event WHERE case_id = $4::uuid) END, $5, $6, $7)
       RETURNING id::text`,
      [
        type,
        org.organisationId,
        org.worksCouncilId,
        onCase,
        users[actor].id,
        JSON.stringify(payload),
        t.clock.now(),
      ],
    );
    return id;
  }

  const recipientsOf = async (eventId: string) =>
    await t.db.query<Array<{ user_id: string; email: string }>>(
      `SELECT user_id, email FROM notification WHERE source_event_id = $1 ORDER BY user_id`,
      [eventId],
    );
  const namesOf = (ids: string[]) =>
    ids.map((id) => (Object.keys(users) as Who[]).find((who) => users[who].id === id) ?? id).sort();

  it('a case sent to the council tells the council side who see it, once, in their language, live and by e-mail', async () => {
    const chair = await Listener.connect(t.url, bearer.chair.replace(/^Bearer /, ''));
    listeners.push(chair);
    const triaged = await t
      .http()
      .get(`/cases/${caseId}`)
      .set('Authorization', bearer.hr)
      .expect(200);
    await t
      .http()
      .post(`/cases/${caseId}/sending`)
      .set('Authorization', bearer.hr)
      .send({ version: triaged.body.version })
      .expect(201);
    await relay();
    const [{ id: sentEvent }] = await t.db.query<Array<{ id: string }>>(
      `SELECT id::text FROM domain_event WHERE type = 'case.sent' AND case_id = $1`,
      [caseId],
    );
    expect(namesOf((await recipientsOf(sentEvent)).map((r) => r.user_id))).toEqual([
      'chair',
      'member',
      'secretary',
    ]);

    const inbox = await t
      .http()
      .get('/notifications')
      .set('Authorization', bearer.member)
      .expect(200);
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        type: 'case.sent',
        kind: 'case.sent',
        caseId,
        link: `/cases/${caseId}`,
        title: 'New case for the works council – Introductie WarehouseInsight',
      }),
    ]);
    const [chairItem] = (
      await t.http().get('/notifications').set('Authorization', bearer.chair).expect(200)
    ).body.items as Array<{ id: string; title: string }>;
    expect(chairItem.title).toBe(
      'Nieuwe zaak voor de ondernemingsraad – Introductie WarehouseInsight',
    );
    expect(
      await chair.event(
        'notification.created',
        (e) => (e.notificationIds as string[] | undefined)?.includes(chairItem.id) ?? false,
      ),
    ).toMatchObject({ userId: org.chair.id });

    await waitUntil(
      () => smtp.to(org.member.email).length === 1 && smtp.to(org.chair.email).length === 1,
      15_000,
      () => 'the case.sent e-mails',
    );
    const [mail] = smtp.to(org.member.email);
    expect(mail.subject).toBe('New case for the works council – Introductie WarehouseInsight');
    expect(mail.text).toContain(`https://overleg.test/cases/${caseId}`);
    expect(smtp.to(org.chair.email)[0].subject).toBe(
      'Nieuwe zaak voor de ondernemingsraad – Introductie WarehouseInsight',
    );
    // The case's contents never leave in an e-mail.
    expect(mail.raw).not.toContain('Route planning');
    for (const who of [
      'hr',
      'employerRep',
      'committeeMember',
      'expert',
      'admin',
      'officer',
      'otherHr',
      'otherChair',
    ] as Who[]) {
      expect(
        (await t.http().get('/notifications').set('Authorization', bearer[who]).expect(200)).body
          .items,
      ).toEqual([]);
    }
  });

  it.each(TABLE)(
    '$type reaches exactly those who must act or are concerned',
    async ({ type, actor, to, mustAct, path }) => {
      const eventId = await emit(type, actor, { meetingId });
      await relay();
      const rows = await recipientsOf(eventId);
      expect(namesOf(rows.map((r) => r.user_id))).toEqual([...to].sort());
      expect(new Set(rows.map((r) => r.email))).toEqual(
        new Set([mustAct ? 'immediate' : 'digest']),
      );
      const [item] = (
        await t.http().get('/notifications').set('Authorization', bearer[to[0]]).expect(200)
      ).body.items as Array<{ type: string; link: string }>;
      expect(item).toMatchObject({ type, link: path({ caseId, meetingId }) });

      // Relayed a second time: nothing new.
      await t.db.query(`INSERT INTO notification_relay_delivery (event_id) VALUES ($1)`, [eventId]);
      await relay();
      expect(await recipientsOf(eventId)).toHaveLength(rows.length);
    },
  );

  it('a committee member hears of the cases of their committee only, an expert of the cases they were added to', async () => {
    const before = await emit('case.employer_decision_recorded', 'hr');
    await relay();
    await t.db.query(`UPDATE ai_case SET committee_id = $2, expert_ids = $3::jsonb WHERE id = $1`, [
      caseId,
      org.committeeId,
      JSON.stringify([org.expert.id]),
    ]);
    const after = await emit('case.employer_decision_recorded', 'hr');
    await relay();
    expect(namesOf((await recipientsOf(before)).map((r) => r.user_id))).toEqual([
      'chair',
      'member',
      'secretary',
    ]);
    expect(namesOf((await recipientsOf(after)).map((r) => r.user_id))).toEqual([
      'chair',
      'committeeMember',
      'expert',
      'member',
      'secretary',
    ]);
    // The board only: not the committee, not the expert.
    const proposal = await emit('case.triage_proposed', 'hr');
    await relay();
    expect(namesOf((await recipientsOf(proposal)).map((r) => r.user_id))).toEqual([
      'chair',
      'secretary',
    ]);
    await t.db.query(
      `UPDATE ai_case SET committee_id = NULL, expert_ids = '[]'::jsonb WHERE id = $1`,
      [caseId],
    );
  });

  it('a union share granted or revoked reaches that union’s officers only', async () => {
    for (const type of ['union_share.granted', 'union_share.revoked']) {
      const eventId = await emit(
        type,
        'chair',
        { unionOrganisationId: union.organisationId, caseId: null, scope: 'status' },
        null,
      );
      await relay();
      expect(namesOf((await recipientsOf(eventId)).map((r) => r.user_id))).toEqual(['officer']);
    }
    const items = (
      await t.http().get('/notifications').set('Authorization', bearer.officer).expect(200)
    ).body.items as Array<{ type: string; title: string }>;
    expect(items.map((i) => i.type)).toEqual(['union_share.revoked', 'union_share.granted']);
    expect(items[1].title).toBe('Een ondernemingsraad deelt zaken met uw vakbond');
  });

  it('a vote opened reaches the council members who have not voted yet, never the employer side or an expert', async () => {
    await t.db.query(`UPDATE ai_case SET committee_id = $2, expert_ids = $3::jsonb WHERE id = $1`, [
      caseId,
      org.committeeId,
      JSON.stringify([org.expert.id]),
    ]);
    const [{ id: voteId }] = await t.db.query<Array<{ id: string }>>(
      `INSERT INTO vote (case_id, proposal, options, quorum, closes_at, created_by, created_at, version)
       VALUES ($1, 'Advies?', '["positive","negative"]'::jsonb, 1, $3, $2, $4, 1) RETURNING id`,
      [caseId, org.chair.id, new Date('2026-12-10T12:00:00Z'), t.clock.now()],
    );
    await t.db.query(
      `INSERT INTO ballot (vote_id, member_id, option, cast_at) VALUES ($1, $2, 'positive', $3)`,
      [voteId, org.secretary.id, t.clock.now()],
    );
    const eventId = await emit('internal.vote_opened', 'chair', { voteId });
    await relay();
    await t.db.query(
      `UPDATE ai_case SET committee_id = NULL, expert_ids = '[]'::jsonb WHERE id = $1`,
      [caseId],
    );
    expect(namesOf((await recipientsOf(eventId)).map((r) => r.user_id))).toEqual([
      'committeeMember',
      'member',
    ]);
    const [item] = (
      await t.http().get('/notifications').set('Authorization', bearer.member).expect(200)
    ).body.items as Array<{ type: string; link: string; title: string }>;
    expect(item).toMatchObject({
      type: 'internal.vote_opened',
      link: `/cases/${caseId}/council`,
      title: 'A council vote is open – Introductie WarehouseInsight',
    });
  });

  it('a vote closing within a day reminds, once, the council members who have not voted yet', async () => {
    const voteAt = async (hours: number) => {
      const [{ id }] = await t.db.query<Array<{ id: string }>>(
        `INSERT INTO vote (case_id, proposal, options, quorum, closes_at, created_by, created_at, version)
         VALUES ($1, 'Advies?', '["positive","negative"]'::jsonb, 1, $3, $2, $4, 1) RETURNING id`,
        [
          caseId,
          org.chair.id,
          new Date(t.clock.now().getTime() + hours * 3_600_000),
          t.clock.now(),
        ],
      );
      return id;
    };
    const soon = await voteAt(20);
    const later = await voteAt(48);
    await t.db.query(
      `INSERT INTO ballot (vote_id, member_id, option, cast_at) VALUES ($1, $2, 'positive', $3)`,
      [soon, org.secretary.id, t.clock.now()],
    );
    const sweep = worker.module.get(VoteClosingSweep);
    expect(await sweep.sweepOnce()).toEqual({ reminded: 1 });
    // A second sweep reminds nobody again.
    expect(await sweep.sweepOnce()).toEqual({ reminded: 0 });
    await relay();
    const events = await t.db.query<Array<{ id: string; payload: { voteId: string } }>>(
      `SELECT id::text, payload FROM domain_event WHERE type = 'internal.vote_closing_soon' AND case_id = $1`,
      [caseId],
    );
    expect(events.map((e) => e.payload.voteId)).toEqual([soon]);
    // Not the secretary (voted), never the employer side or an expert.
    expect(namesOf((await recipientsOf(events[0].id)).map((r) => r.user_id))).toEqual([
      'chair',
      'member',
    ]);
    const items = (
      await t.http().get('/notifications').set('Authorization', bearer.member).expect(200)
    ).body.items as Array<{ type: string; link: string; title: string }>;
    // Created at the same (fake) instant as the earlier vote notices: found by type, not by position.
    expect(items.filter((i) => i.type === 'internal.vote_closing_soon')).toEqual([
      expect.objectContaining({
        link: `/cases/${caseId}/council`,
        title: 'A council vote closes soon – Introductie WarehouseInsight',
      }),
    ]);
    // A day later the other vote is due, and only it.
    t.clock.set(new Date(t.clock.now().getTime() + 30 * 3_600_000));
    expect(await sweep.sweepOnce()).toEqual({ reminded: 1 });
    const all = await t.db.query<Array<{ payload: { voteId: string } }>>(
      `SELECT payload FROM domain_event WHERE type = 'internal.vote_closing_soon' AND case_id = $1 ORDER BY id`,
      [caseId],
    );
    expect(all.map((e) => e.payload.voteId)).toEqual([soon, later]);
    await relay();
    // Tokens expire by the clock: sign everyone in again for the tests that follow.
    for (const who of Object.keys(users) as Who[]) {
      bearer[who] = await t.login(users[who]);
    }
  });

  it('a material change in the register tells the council of the system’s case, through the register’s own event', async () => {
    const [{ ai_system_id: aiSystemId }] = await t.db.query<Array<{ ai_system_id: string }>>(
      `SELECT ai_system_id FROM ai_case WHERE id = $1`,
      [caseId],
    );
    const system = await t
      .http()
      .get(`/ai-systems/${aiSystemId}`)
      .set('Authorization', bearer.hr)
      .expect(200);
    await t
      .http()
      .patch(`/ai-systems/${aiSystemId}`)
      .set('Authorization', bearer.hr)
      .send({
        version: system.body.version,
        purpose: 'Route planning, productivity and shift scoring',
      })
      .expect(200);
    await relay();
    const [{ id: eventId }] = await t.db.query<Array<{ id: string }>>(
      `SELECT id::text FROM domain_event WHERE type = 'ai_system.changed_materially' AND case_id = $1`,
      [caseId],
    );
    expect(namesOf((await recipientsOf(eventId)).map((r) => r.user_id))).toEqual([
      'chair',
      'member',
      'secretary',
    ]);
  });

  it('a council position tells the employer which position and how many conditions, not their text', async () => {
    const eventId = await emit('case.council_position_recorded', 'chair', {
      track: 'advice',
      position: 'conditional',
      conditions: ['Geen individuele prestatienormen', 'Evaluatie na zes maanden'],
    });
    await relay();
    expect(namesOf((await recipientsOf(eventId)).map((r) => r.user_id))).toEqual(
      [...EMPLOYER].sort(),
    );
    const items = (await t.http().get('/notifications').set('Authorization', bearer.hr).expect(200))
      .body.items as Array<{ type: string; body: string }>;
    const [position] = items.filter((i) => i.type === 'case.council_position_recorded');
    expect(position.body).toContain(
      'Standpunt van de OR: onder voorwaarden, met 2 voorwaarden (zie de zaak).',
    );
    await waitUntil(
      () => smtp.to(org.hr.email).some((m) => m.text.includes('met 2 voorwaarden')),
      15_000,
      () => 'the position e-mail',
    );
    expect(smtp.to(org.hr.email).some((m) => m.raw.includes('prestatienormen'))).toBe(false);
  });

  it('a consultation meeting planned, then given the case, moved and cancelled: both sides of the case hear each, through the real routes', async () => {
    const meetingEvents = async (type: string) =>
      await t.db.query<Array<{ id: string }>>(
        `SELECT id::text FROM domain_event WHERE type = $1 AND case_id = $2 AND payload->>'meetingId' = $3 ORDER BY id`,
        [type, caseId, created.body.id],
      );
    const created = await t
      .http()
      .post(`/works-councils/${org.worksCouncilId}/meetings`)
      .set('Authorization', bearer.secretary)
      .send({
        kind: 'consultation',
        title: 'Overlegvergadering december',
        startsAt: '2026-12-15T13:00:00Z',
        location: 'Zaal 2',
      })
      .expect(201);
    // Planned without an agenda: no case is concerned yet, so no case event.
    expect(await meetingEvents('meeting.scheduled')).toEqual([]);
    await t
      .http()
      .post(`/meetings/${created.body.id}/agenda-items`)
      .set('Authorization', bearer.secretary)
      .send({ title: 'WarehouseInsight', caseId })
      .expect(201);
    await relay();
    const both = ['chair', 'employerRep', 'hr', 'member'];
    const [scheduled] = await meetingEvents('meeting.scheduled');
    expect(namesOf((await recipientsOf(scheduled.id)).map((r) => r.user_id))).toEqual(both);
    const current = await t
      .http()
      .get(`/meetings/${created.body.id}`)
      .set('Authorization', bearer.secretary)
      .expect(200);
    const moved = await t
      .http()
      .patch(`/meetings/${created.body.id}`)
      .set('Authorization', bearer.secretary)
      .send({ version: current.body.version, startsAt: '2026-12-16T13:00:00Z' })
      .expect(200);
    await t
      .http()
      .patch(`/meetings/${created.body.id}`)
      .set('Authorization', bearer.secretary)
      .send({ version: moved.body.version, status: 'cancelled' })
      .expect(200);
    await relay();
    for (const type of ['meeting.updated', 'meeting.cancelled']) {
      const events = await meetingEvents(type);
      expect({ type, count: events.length }).toEqual({ type, count: 1 });
      expect(namesOf((await recipientsOf(events[0].id)).map((r) => r.user_id))).toEqual(both);
    }
    const items = (await t.http().get('/notifications').set('Authorization', bearer.hr).expect(200))
      .body.items as Array<{ type: string; link: string }>;
    expect(items.find((i) => i.type === 'meeting.cancelled')).toMatchObject({
      link: `/meetings/${created.body.id}`,
    });
  });

  it('a confidential document shared with named people tells exactly them, once, and only while they see the case', async () => {
    await t.db.query(`UPDATE ai_case SET expert_ids = $2::jsonb WHERE id = $1`, [
      caseId,
      JSON.stringify([org.expert.id]),
    ]);
    const uploaded = await t
      .http()
      .post(`/cases/${caseId}/documents`)
      .set('Authorization', bearer.hr)
      .field('title', 'Modelkaart leverancier')
      .field('confidentialScope', 'Model card and pricing of the vendor')
      .attach('file', Buffer.from('geheim'), { filename: 'kaart.txt', contentType: 'text/plain' })
      .expect(201);
    const share = (version: number) =>
      t
        .http()
        .put(`/cases/${caseId}/documents/${uploaded.body.id}/confidentiality`)
        .set('Authorization', bearer.hr)
        .send({
          version,
          scope: 'Model card and pricing of the vendor',
          // The chair is exempted, the expert admitted; the union officer does not see the case.
          allowedExpertIds: [org.expert.id],
          exemptedUserIds: [org.chair.id, union.officer.id],
        })
        .expect(200);
    const shared = await share(uploaded.body.version);
    await relay();
    const sharedEvents = async () =>
      await t.db.query<Array<{ id: string; user_id: string }>>(
        `SELECT id::text, user_id FROM domain_event WHERE type = 'document.shared' AND case_id = $1 ORDER BY id`,
        [caseId],
      );
    const events = await sharedEvents();
    expect(namesOf(events.map((e) => e.user_id))).toEqual(['chair', 'expert', 'officer']);
    // Each event reaches the one person it names, if they see the case: never the officer.
    const reached: string[] = [];
    for (const event of events) {
      const rows = await recipientsOf(event.id);
      expect(rows.map((r) => r.user_id)).toEqual(
        event.user_id === union.officer.id ? [] : [event.user_id],
      );
      reached.push(...rows.map((r) => r.user_id));
    }
    expect(namesOf(reached)).toEqual(['chair', 'expert']);
    const [item] = (
      await t.http().get('/notifications').set('Authorization', bearer.expert).expect(200)
    ).body.items as Array<{ type: string; link: string; title: string }>;
    expect(item).toMatchObject({
      type: 'document.shared',
      link: `/cases/${caseId}/documents`,
      title: 'Een vertrouwelijk document is met u gedeeld – Introductie WarehouseInsight',
    });
    await waitUntil(
      () =>
        smtp
          .to(org.expert.email)
          .some((m) => m.subject.startsWith('Een vertrouwelijk document is met u gedeeld')),
      15_000,
      () => 'the document.shared e-mail to the expert',
    );
    // The same mark again names nobody new: nobody is told twice.
    await share(shared.body.version);
    await relay();
    expect(await sharedEvents()).toHaveLength(3);
    await t.db.query(`UPDATE ai_case SET expert_ids = '[]'::jsonb WHERE id = $1`, [caseId]);
  });

  it('a draft case tells the council side nothing, and no council-internal event notifies anyone', async () => {
    const draft = await t.db.query<Array<{ id: string }>>(
      `SELECT id FROM ai_case WHERE id = $1 AND status = 'sent'`,
      [caseId],
    );
    expect(draft).toHaveLength(1);
    await t.db.query(`UPDATE ai_case SET status = 'draft' WHERE id = $1`, [caseId]);
    const onDraft = await emit('case.request_submitted', 'hr');
    const internal = await emit('internal.meeting_scheduled', 'secretary', { meetingId });
    await relay();
    await t.db.query(`UPDATE ai_case SET status = 'sent' WHERE id = $1`, [caseId]);
    expect(await recipientsOf(onDraft)).toEqual([]);
    expect(await recipientsOf(internal)).toEqual([]);
  });

  it('gathers informational ones in the daily digest and e-mails must-act ones at once', async () => {
    await mailSettled();
    // The member (English) had: case.sent, request, information answered, meetings, decisions …
    const immediate = smtp.to(org.member.email).map((m) => m.subject);
    expect(immediate).toEqual(
      expect.arrayContaining(['Advice or consent request filed – Introductie WarehouseInsight']),
    );
    expect(immediate).not.toContain('Information request answered – Introductie WarehouseInsight');
    t.clock.set(new Date('2026-12-02T06:00:00Z')); // 07:00 in Amsterdam
    await worker.module.get(ReminderSweeper).sweepOnce();
    await mailSettled();
    for (const who of Object.keys(users) as Who[]) {
      bearer[who] = await t.login(users[who]);
    }
    const digest = smtp
      .to(org.member.email)
      .find((m) => m.subject.startsWith('Overleg: daily digest'));
    expect(digest?.text).toContain('Information request answered – Introductie WarehouseInsight');
    expect(digest?.text).toContain('Consultation meeting scheduled – Introductie WarehouseInsight');
    expect(digest?.text).toContain(`https://overleg.test/meetings/${meetingId}`);
  });

  it('switches each type off, and a type left out of the PUT keeps its choice', async () => {
    const prefs = await t
      .http()
      .get('/me/notification-preferences')
      .set('Authorization', bearer.member)
      .expect(200);
    expect(prefs.body.caseEvents).toEqual(
      expect.arrayContaining([
        { type: 'case.request_submitted', mustAct: true, inApp: true, email: 'immediate' },
        { type: 'case.information_provided', mustAct: false, inApp: true, email: 'digest' },
      ]),
    );
    const off = (prefs.body.caseEvents as Array<{ type: string }>).map(({ type }) => ({
      type,
      inApp: false,
      email: 'off',
    }));
    await t
      .http()
      .put('/me/notification-preferences')
      .set('Authorization', bearer.member)
      .send({
        channels: prefs.body.channels,
        emailDelivery: prefs.body.emailDelivery,
        leadDays: prefs.body.leadDays,
        caseEvents: off,
      })
      .expect(200);
    const kept = await t
      .http()
      .put('/me/notification-preferences')
      .set('Authorization', bearer.member)
      .send({
        channels: prefs.body.channels,
        emailDelivery: prefs.body.emailDelivery,
        leadDays: prefs.body.leadDays,
      })
      .expect(200);
    expect(
      new Set(
        (kept.body.caseEvents as Array<{ inApp: boolean; email: string }>).map(
          (c) => `${c.inApp}/${c.email}`,
        ),
      ),
    ).toEqual(new Set(['false/off']));
    await t
      .http()
      .put('/me/notification-preferences')
      .set('Authorization', bearer.member)
      .send({
        channels: prefs.body.channels,
        emailDelivery: 'immediate',
        leadDays: null,
        caseEvents: [{ type: 'case.sent', inApp: 'yes', email: 'sometimes' }],
      })
      .expect(400);

    for (const { type, actor, to } of TABLE.filter((row) => row.to.includes('member'))) {
      const eventId = await emit(type, actor, { meetingId });
      await relay();
      expect(namesOf((await recipientsOf(eventId)).map((r) => r.user_id))).toEqual(
        to.filter((who) => who !== 'member').sort(),
      );
    }
  });

  it('names the term an event starts with its last day: an art. 31 question tells the employer by when to answer, in the inbox and the e-mail', async () => {
    const asked = await t
      .http()
      .post(`/cases/${caseId}/information-requests`)
      .set('Authorization', bearer.chair)
      .send({ question: 'Welke gegevens?' })
      .expect(201);
    await relay();
    const [term] = await t.db.query<Array<{ strict_date: string }>>(
      `SELECT strict_date::text FROM deadline WHERE case_id = $1 AND track_kind = $2 AND status = 'open'`,
      [caseId, `information:${asked.body.id}`],
    );
    expect(term.strict_date).toBe(asked.body.dueDate);
    const [y, m, d] = term.strict_date.split('-').map(Number);
    const day = new Intl.DateTimeFormat('nl-NL', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(y, m - 1, d)));
    const items = (await t.http().get('/notifications').set('Authorization', bearer.hr).expect(200))
      .body.items as Array<{ type: string; body: string }>;
    const question = items.filter((i) => i.type === 'case.information_requested').at(0);
    expect(question?.body.split('\n\n')).toEqual([
      expect.any(String),
      `Antwoordtermijn informatieverzoek: tot en met ${day}.`,
    ]);
    await waitUntil(
      () => smtp.to(org.hr.email).some((mail) => mail.text.includes(`tot en met ${day}`)),
      15_000,
      () => 'the e-mail naming the answer term',
    );
  });
});
