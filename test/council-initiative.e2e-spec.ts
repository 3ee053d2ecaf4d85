import { CommitmentReminderSweep } from '@wc/commitments';
import type { GivenOrganisation, GivenUser } from '@wc/testing';
import { startTestWorker, type TestWorker } from '@wc/testing';
import { WorkerModule } from '@wc/worker';

import { completeDossier, fileCase, fulfilGoLiveDuties } from './support/case-fixtures';
import { itemsOf } from './support/pages';
import { startTestApp, type TestApp } from './support/test-app';
import { relayNotifications } from './support/notification-relay';

type Json = Record<string, any>;

/**
 * Issue #19, the council's own initiative and the follow-up of its conditions: a signal becomes
 * an art. 31 request outside any case and then a case the council asked for; a conditional
 * consent's conditions become commitments, met, broken, and the case reopened from the broken one.
 */
describe('council intake and commitments (e2e)', () => {
  let t: TestApp;
  let worker: TestWorker;
  let org: GivenOrganisation;
  let other: GivenOrganisation;
  let union: { organisationId: string; officer: GivenUser };
  const bearer: Record<string, string> = {};

  const as = (who: string) => ({
    get: (path: string) => t.http().get(path).set('Authorization', bearer[who]),
    post: (path: string, body: Json) =>
      t.http().post(path).set('Authorization', bearer[who]).send(body),
    patch: (path: string, body: Json) =>
      t.http().patch(path).set('Authorization', bearer[who]).send(body),
  });

  async function relay(): Promise<void> {
    await relayNotifications(worker, t.db);
  }

  async function notified(type: string): Promise<string[]> {
    const rows = await t.db.query<Array<{ user_id: string }>>(
      `SELECT user_id FROM notification WHERE type = $1 ORDER BY user_id`,
      [type],
    );
    return rows.map((r) => r.user_id);
  }

  const users: Record<string, GivenUser> = {};

  /** Moves the fake clock; access tokens are short-lived, so everyone signs in again. */
  async function at(instant: string): Promise<void> {
    t.clock.set(new Date(instant));
    for (const [who, user] of Object.entries(users)) {
      bearer[who] = await t.login(user);
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(WorkerModule.forRoot(t.config), t.clock);
    org = await t.given.organisation();
    other = await t.given.organisation();
    union = await t.given.union('Vakbond X');
    Object.assign(users, {
      hr: org.hr,
      employerRep: org.employerRep,
      chair: org.chair,
      member: org.member,
      otherHr: other.hr,
      otherChair: other.chair,
      officer: union.officer,
    });
    await at('2026-03-02T09:00:00Z');
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('a signal becomes an art. 31 request outside any case, is answered, and turns into a case the council asked for', async () => {
    const system = await as('hr')
      .post(`/organisations/${org.organisationId}/ai-systems`, {
        name: 'ShiftPredict',
        vendor: 'Acme AI',
        purpose: 'Roster forecasting',
        primaryPurpose: 'control_monitor',
        monitoringCapability: true,
      })
      .expect(201);

    // A council member records what came with a software update; the council alone sees it.
    const raised = await as('member')
      .post(`/works-councils/${org.worksCouncilId}/signals`, {
        text: 'Sinds de update voorspelt ShiftPredict verzuim per medewerker.',
        sourceKind: 'software_update',
        aiSystemId: system.body.id,
      })
      .expect(201);
    const signalId = raised.body.id as string;
    expect(raised.body).toMatchObject({ status: 'open', raisedBy: org.member.id, requests: [] });
    for (const who of ['hr', 'officer', 'otherChair']) {
      await as(who).get(`/signals/${signalId}`).expect(404);
      await as(who).get(`/works-councils/${org.worksCouncilId}/signals`).expect(404);
    }
    const listed = await as('chair')
      .get(`/works-councils/${org.worksCouncilId}/signals`)
      .expect(200);
    expect(listed.body).toMatchObject({ items: [{ id: signalId }], nextCursor: null });
    await as('hr')
      .post(`/signals/${signalId}/requests`, { kind: 'information', subject: 'x', version: 1 })
      .expect(404);

    // Any member may put an art. 31 question; its term is the information response term.
    const asked = await as('member')
      .post(`/signals/${signalId}/requests`, {
        kind: 'information',
        subject: 'Welke gegevens gebruikt de verzuimvoorspelling, en voor wie zijn de uitkomsten?',
        version: raised.body.version,
      })
      .expect(201);
    // 2026-03-02 plus ten working days [W19, (d)5].
    expect(asked.body).toMatchObject({
      kind: 'information',
      status: 'open',
      dueDate: '2026-03-16',
      ruleId: 'information_response_term',
      signalId,
      caseId: null,
    });
    const requestId = asked.body.id as string;
    const [term] = await t.db.query<Array<{ case_id: string | null; status: string }>>(
      `SELECT case_id, status, strict_date::text FROM deadline WHERE track_kind = $1`,
      [`council_request:${requestId}`],
    );
    expect(term).toMatchObject({ case_id: null, status: 'open', strict_date: '2026-03-16' });

    // The employer is told and sees it on the personal agenda; another employer sees nothing.
    await relay();
    expect(await notified('council_request.made')).toEqual([org.hr.id, org.employerRep.id].sort());
    const agenda = await as('hr').get('/me/agenda').expect(200);
    expect(agenda.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'council_request',
          yours: true,
          action: 'answer_council_request',
          dueDate: '2026-03-16',
          path: '/intake',
        }),
      ]),
    );
    await as('otherHr').get(`/council-requests/${requestId}`).expect(404);
    await as('otherHr').get(`/works-councils/${org.worksCouncilId}/council-requests`).expect(404);
    const employerList = await as('hr')
      .get(`/works-councils/${org.worksCouncilId}/council-requests`)
      .expect(200);
    expect(employerList.body.items.map((r: Json) => r.id)).toEqual([requestId]);

    // Only the employer answers; the answer meets the term and tells the council.
    const wrongSide = await as('member')
      .post(`/council-requests/${requestId}/answer`, { answer: 'x', version: asked.body.version })
      .expect(403);
    expect(wrongSide.body.code).toBe('auth.permission_denied');
    await at('2026-03-05T10:00:00Z');
    const answered = await as('hr')
      .post(`/council-requests/${requestId}/answer`, {
        answer: 'Roosterhistorie en verzuimregistratie; de uitkomsten zien alleen teamleiders.',
        version: asked.body.version,
      })
      .expect(201);
    expect(answered.body).toMatchObject({
      status: 'answered',
      answeredAt: '2026-03-05T10:00:00.000Z',
    });
    const again = await as('hr')
      .post(`/council-requests/${requestId}/answer`, {
        answer: 'x',
        version: answered.body.version,
      })
      .expect(409);
    expect(again.body.code).toBe('council_request.already_answered');
    const [met] = await t.db.query<Array<{ status: string }>>(
      `SELECT status FROM deadline WHERE track_kind = $1`,
      [`council_request:${requestId}`],
    );
    expect(met.status).toBe('met');
    await relay();
    expect(await notified('council_request.answered')).toEqual(
      [org.chair.id, org.secretary.id, org.member.id].sort(),
    );

    // The council now asks for a case: the board's act, for the signal's system.
    const signalNow = await as('chair').get(`/signals/${signalId}`).expect(200);
    const byMember = await as('member')
      .post(`/signals/${signalId}/requests`, {
        kind: 'case_opening',
        subject: 'Leg de verzuimvoorspelling ter advies en instemming voor.',
        version: signalNow.body.version,
      })
      .expect(403);
    expect(byMember.body.code).toBe('council_signal.council_only');
    const caseRequest = await as('chair')
      .post(`/signals/${signalId}/requests`, {
        kind: 'case_opening',
        subject: 'Leg de verzuimvoorspelling ter advies en instemming voor.',
        version: signalNow.body.version,
      })
      .expect(201);
    expect(caseRequest.body).toMatchObject({
      kind: 'case_opening',
      aiSystemId: system.body.id,
      ruleId: 'initiative_response_term',
      // Six weeks after 2026-03-05 (the internal SLA of art. 23(3)).
      dueDate: '2026-04-16',
    });
    const opened = await as('hr')
      .post(`/council-requests/${caseRequest.body.id}/case`, {
        title: 'Verzuimvoorspelling ShiftPredict',
        version: caseRequest.body.version,
      })
      .expect(201);
    expect(opened.body).toMatchObject({ status: 'case_opened', caseId: expect.any(String) });
    const aiCase = await as('hr').get(`/cases/${opened.body.caseId}`).expect(200);
    expect(aiCase.body).toMatchObject({ aiSystemId: system.body.id, status: 'draft' });
    const signalAfter = await as('chair').get(`/signals/${signalId}`).expect(200);
    expect(signalAfter.body).toMatchObject({ status: 'acted' });
    expect(signalAfter.body.requests.map((r: Json) => [r.kind, r.status, r.caseId])).toEqual([
      ['information', 'answered', null],
      ['case_opening', 'case_opened', opened.body.caseId],
    ]);
    await relay();
    expect(await notified('council_request.case_opened')).toEqual(
      [org.chair.id, org.secretary.id, org.member.id].sort(),
    );
  });

  it("a conditional consent's conditions become commitments: one met, one broken, and the case reopened from it", async () => {
    await at('2026-03-02T09:00:00Z');
    const { caseId } = await fileCase(t, org, bearer.hr);
    const act = async (who: string, kind: string, action: Json) => {
      const current = await as('hr').get(`/cases/${caseId}`).expect(200);
      const res = await as(who).post(`/cases/${caseId}/tracks/${kind}/transitions`, {
        version: current.body.version,
        action,
      });
      if (res.status !== 201) {
        throw new Error(
          `${kind}/${String(action.type)}: ${res.status} ${JSON.stringify(res.body)}`,
        );
      }
      return res.body as Json;
    };
    await completeDossier(t, caseId, bearer.hr);
    for (const kind of ['advice', 'consent']) {
      await act('hr', kind, { type: 'request_consultation', reasons: 'Voorgenomen besluit' });
      await act('chair', kind, { type: 'record_consultation_held', heldOn: '2026-03-02' });
      await act('hr', kind, { type: 'submit_request' });
    }
    await act('chair', 'advice', { type: 'record_council_position', position: 'positive' });
    const conditions = [
      'Geen individuele prestatienormen op basis van de routeplanning',
      'Evaluatie met de OR na zes maanden',
      'Medewerkers zien hun eigen gegevens in',
    ];
    await act('chair', 'consent', {
      type: 'record_council_position',
      position: 'conditional',
      conditions,
      reasons: 'Instemming onder voorwaarden',
    });

    const listed = await as('hr').get(`/cases/${caseId}/commitments`).expect(200);
    expect(
      itemsOf(listed).map((c: Json) => [c.track, c.conditionNo, c.condition, c.status]),
    ).toEqual(conditions.map((text, i) => ['consent', i + 1, text, 'open']));
    expect(itemsOf(listed)[0].allowedActions).toEqual(['assign', 'record_evidence']);
    const [first, second, third] = listed.body.items as Json[];
    const councilView = await as('chair').get(`/cases/${caseId}/commitments`).expect(200);
    expect(itemsOf(councilView)[0].allowedActions).toEqual(['declare_broken', 'waive']);
    await as('otherHr').get(`/cases/${caseId}/commitments`).expect(404);

    for (const kind of ['advice', 'consent']) {
      await act('hr', kind, {
        type: 'record_employer_decision',
        follows: true,
        implementationDate: '2026-05-01',
        receivedOn: '2026-03-02',
      });
    }
    await fulfilGoLiveDuties((kind, action) => act('hr', kind, action));
    await act('hr', 'advice', { type: 'mark_implemented' });
    await act('hr', 'consent', { type: 'mark_implemented' });

    // The employer names an owner on its own side and a due date; a council member is refused.
    const badOwner = await as('hr')
      .patch(`/commitments/${first.id}`, { ownerId: org.chair.id, version: first.version })
      .expect(422);
    expect(badOwner.body.code).toBe('commitment.owner_not_employer');
    const owned = await as('hr')
      .patch(`/commitments/${first.id}`, {
        ownerId: org.hr.id,
        dueDate: '2026-04-01',
        version: first.version,
      })
      .expect(200);
    await as('chair')
      .patch(`/commitments/${first.id}`, { dueDate: '2026-05-01', version: owned.body.version })
      .expect(403);
    const met = await as('hr')
      .post(`/commitments/${first.id}/evidence`, {
        evidence: 'Werkinstructie teamleiders v2: geen normen per medewerker.',
        met: true,
        version: owned.body.version,
      })
      .expect(201);
    expect(met.body).toMatchObject({ status: 'met', evidence: expect.stringContaining('v2') });
    await relay();
    expect(await notified('commitment.evidence_recorded')).toEqual(
      expect.arrayContaining([org.chair.id, org.member.id]),
    );

    // Only the council's board declares it broken; the employer cannot.
    const byEmployer = await as('hr')
      .post(`/commitments/${second.id}/breach`, { note: 'x', version: second.version })
      .expect(403);
    expect(byEmployer.body.code).toBe('auth.permission_denied');
    const broken = await as('chair')
      .post(`/commitments/${second.id}/breach`, {
        note: 'Geen evaluatie gepland; de bestuurder weigert een datum.',
        version: second.version,
      })
      .expect(201);
    expect(broken.body).toMatchObject({ status: 'broken', allowedActions: ['waive', 'reopen'] });
    await relay();
    expect(await notified('commitment.broken')).toEqual([org.hr.id, org.employerRep.id].sort());
    const notBroken = await as('chair')
      .post(`/commitments/${first.id}/reopening`, { step: 'reopen', version: met.body.version })
      .expect(409);
    expect(notBroken.body.code).toBe('commitment.not_broken');

    // From the broken commitment the council reopens the case: the consent track starts over.
    const reopened = await as('chair')
      .post(`/commitments/${second.id}/reopening`, {
        step: 'reopen',
        version: broken.body.version,
      })
      .expect(201);
    expect(reopened.body).toMatchObject({ status: 'broken', reopenedAt: expect.any(String) });
    expect(reopened.body.allowedActions).not.toContain('reopen');
    const after = await as('hr').get(`/cases/${caseId}`).expect(200);
    expect(after.body.tracks.find((tr: Json) => tr.kind === 'consent').stage).toBe('screening');
    const events = await t.db.query<Array<{ type: string }>>(
      `SELECT type FROM domain_event WHERE case_id = $1 AND type IN ('case.change_proposed', 'commitment.reopened') ORDER BY id`,
      [caseId],
    );
    expect(events.map((e) => e.type)).toEqual(['case.change_proposed', 'commitment.reopened']);

    // The owner of an open commitment is reminded a week before it is due, once.
    const thirdOwned = await as('hr')
      .patch(`/commitments/${third.id}`, {
        ownerId: org.employerRep.id,
        dueDate: '2026-03-12',
        version: third.version,
      })
      .expect(200);
    const sweep = t.app.get(CommitmentReminderSweep);
    await expect(sweep.sweepOnce()).resolves.toEqual({ reminded: 0 });
    await at('2026-03-05T08:00:00Z');
    await expect(sweep.sweepOnce()).resolves.toEqual({ reminded: 1 });
    await expect(sweep.sweepOnce()).resolves.toEqual({ reminded: 0 });
    await relay();
    expect(await notified('commitment.due_soon')).toEqual([org.employerRep.id]);
    const repAgenda = await as('employerRep').get('/me/agenda').expect(200);
    expect(repAgenda.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'commitment', yours: true, dueDate: '2026-03-12' }),
      ]),
    );
    expect(thirdOwned.body.status).toBe('open');

    // A union sees the commitments per its share's scope: status only, then the dossier.
    const share = await as('chair')
      .post(`/works-councils/${org.worksCouncilId}/union-shares`, {
        unionOrganisationId: union.organisationId,
        caseId,
        scope: 'status',
      })
      .expect(201);
    const dashboard = await as('officer')
      .get(`/unions/${union.organisationId}/dashboard`)
      .expect(200);
    expect(dashboard.body.cases.find((c: Json) => c.id === caseId).commitments).toEqual({
      open: 1,
      met: 1,
      broken: 1,
      waived: 0,
    });
    const statusOnly = await as('officer').get(`/cases/${caseId}/commitments`).expect(200);
    expect(itemsOf(statusOnly).map((c: Json) => [c.status, c.condition, c.evidence])).toEqual([
      ['met', null, null],
      ['broken', null, null],
      ['open', null, null],
    ]);
    expect(itemsOf(statusOnly)[1].allowedActions).toEqual([]);
    await as('chair')
      .patch(`/union-shares/${share.body.id}`, { scope: 'dossier', version: share.body.version })
      .expect(200);
    const dossier = await as('officer').get(`/cases/${caseId}/commitments`).expect(200);
    expect(itemsOf(dossier).map((c: Json) => c.condition)).toEqual(conditions);
  });
});
