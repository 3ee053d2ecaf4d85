import type { GivenOrganisation } from '@wc/testing';
import { SmtpSink, startTestWorker, type TestWorker, waitUntil } from '@wc/testing';
import { EvaluationSweep } from '@wc/evaluations';
import { WorkerModule } from '@wc/worker';

import { completeDossier, fileCase, fulfilGoLiveDuties } from './support/case-fixtures';
import { pdfText } from './support/pdf-text';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Issue #19, points 3-5, end to end on real PostgreSQL with a fake clock: a case followed from
 * go-live through two evaluations with a re-rating beside the forecast, two complaints logged at
 * the system's desk (the council sees counts only), and a material register change that opens a
 * linked follow-up case and notifies the council.
 */
describe('monitoring, evaluation, complaints and follow-up cases (e2e)', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let worker: TestWorker;
  let org: GivenOrganisation;
  let other: GivenOrganisation;
  let hr: string;
  let rep: string;
  let chair: string;
  let member: string;
  let outsider: string;
  let outsiderHr: string;
  let caseId: string;
  let aiSystemId: string;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://overleg.test' });
    worker = await startTestWorker(WorkerModule.forRoot(t.config), t.clock);
    org = await t.given.organisation();
    other = await t.given.organisation();
    await logins();
  });

  async function logins(): Promise<void> {
    hr = await t.login(org.hr);
    rep = await t.login(org.employerRep);
    chair = await t.login(org.chair);
    member = await t.login(org.member);
    outsider = await t.login(other.chair);
    outsiderHr = await t.login(other.hr);
  }

  /** Moves the fake clock; access tokens are short-lived, so everyone logs in again. */
  async function at(iso: string): Promise<void> {
    t.clock.set(iso);
    await logins();
  }
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  const get = (path: string, bearer: string, status = 200) =>
    t.http().get(path).set('Authorization', bearer).expect(status);

  async function act(bearer: string, kind: string, action: Record<string, unknown>) {
    const current = await get(`/cases/${caseId}`, hr);
    const res = await t
      .http()
      .post(`/cases/${caseId}/tracks/${kind}/transitions`)
      .set('Authorization', bearer)
      .send({ version: current.body.version, action });
    if (res.status !== 201) {
      throw new Error(`${kind}/${String(action.type)}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res;
  }

  /** The notification types a user received about a case. */
  async function notified(userId: string, ofCase: string): Promise<string[]> {
    const rows = await t.db.query<Array<{ type: string }>>(
      `SELECT type FROM notification WHERE user_id = $1 AND case_id = $2 ORDER BY created_at`,
      [userId, ofCase],
    );
    return rows.map((r) => r.type);
  }

  const sweep = () => t.app.get(EvaluationSweep).sweepOnce();

  it('records goals and indicators at intake, by the employer only', async () => {
    ({ caseId } = await fileCase(t, org, hr));
    aiSystemId = (await get(`/cases/${caseId}`, hr)).body.aiSystemId;
    await completeDossier(t, caseId, hr);
    const plan = {
      version: 0,
      goals: [
        { key: 'route-time', description: 'Kortere looproutes', target: '15% minder looptijd' },
      ],
      indicators: ['C', 'D'],
    };
    const refused = await t
      .http()
      .put(`/cases/${caseId}/monitoring-plan`)
      .set('Authorization', chair)
      .send(plan)
      .expect(403);
    expect(refused.body.code).toBe('auth.permission_denied');
    const saved = await t
      .http()
      .put(`/cases/${caseId}/monitoring-plan`)
      .set('Authorization', hr)
      .send(plan)
      .expect(200);
    expect(saved.body).toMatchObject({ version: 1, indicators: ['C', 'D'] });
    expect((await get(`/cases/${caseId}/monitoring-plan`, member)).body.goals).toEqual(plan.goals);
    // Another organisation's council does not learn the case exists.
    await get(`/cases/${caseId}/monitoring-plan`, outsider, 404);
    await get(`/cases/${caseId}/evaluations`, outsider, 404);
  });

  it('plans evaluations at 3, 6 and 12 months after go-live and reminds both parties', async () => {
    expect((await get(`/cases/${caseId}/evaluations`, hr)).body.evaluations).toEqual([]);
    for (const kind of ['advice', 'consent']) {
      await act(hr, kind, {
        type: 'request_consultation',
        reasons: 'Bespreken voorgenomen besluit',
      });
      await act(chair, kind, { type: 'record_consultation_held', heldOn: '2026-03-02' });
      await act(hr, kind, { type: 'submit_request' });
    }
    await act(chair, 'advice', {
      type: 'record_council_position',
      position: 'negative',
      reasons: 'Geen individuele monitoring',
    });
    await act(chair, 'consent', {
      type: 'record_council_position',
      position: 'granted',
      reasons: 'Met waarborgen',
    });
    await act(hr, 'advice', {
      type: 'record_employer_decision',
      follows: false,
      reasons: 'Bedrijfsbelang',
      receivedOn: '2026-03-02',
    });
    await act(hr, 'consent', {
      type: 'record_employer_decision',
      follows: true,
      implementationDate: '2026-05-01',
      receivedOn: '2026-03-02',
    });
    await act(chair, 'advice', { type: 'waive_suspension', whole: true });
    await fulfilGoLiveDuties((kind, action) => act(hr, kind, action));
    await at('2026-03-16T09:00:00Z');
    await act(hr, 'advice', { type: 'mark_implemented' });
    await act(hr, 'consent', { type: 'mark_implemented' });

    const report = (await get(`/cases/${caseId}/evaluations`, member)).body;
    expect(report).toMatchObject({ goLiveOn: '2026-03-16', intervalSource: 'default' });
    expect(
      report.evaluations.map((e: { monthsAfter: number; dueOn: string; status: string }) => [
        e.monthsAfter,
        e.dueOn,
        e.status,
      ]),
    ).toEqual([
      [3, '2026-06-16', 'scheduled'],
      [6, '2026-09-16', 'scheduled'],
      [12, '2027-03-16', 'scheduled'],
    ]);

    // Nothing is reminded until two weeks before the first date; then once.
    expect((await sweep()).reminded).toBe(0);
    await at('2026-06-02T07:00:00Z');
    expect((await sweep()).reminded).toBe(1);
    expect((await sweep()).reminded).toBe(0);
    await waitUntil(
      async () => (await notified(org.member.id, caseId)).includes('evaluation.due_soon'),
      10_000,
      () => 'the council member is reminded of the evaluation',
    );
    expect(await notified(org.hr.id, caseId)).toContain('evaluation.due_soon');
  });

  it('logs signals after go-live: overseers their overrides, staff via the council', async () => {
    await t
      .http()
      .post(`/cases/${caseId}/incidents`)
      .set('Authorization', hr)
      .send({
        kind: 'override',
        description: 'Route handmatig aangepast',
        occurredOn: '2026-04-02',
      })
      .expect(201);
    await t
      .http()
      .post(`/cases/${caseId}/incidents`)
      .set('Authorization', chair)
      .send({
        kind: 'staff_report',
        description: 'Orderpickers ervaren meer tijdsdruk',
        occurredOn: '2026-05-11',
      })
      .expect(201);
    const refused = await t
      .http()
      .post(`/cases/${caseId}/incidents`)
      .set('Authorization', chair)
      .send({ kind: 'override', description: 'x', occurredOn: '2026-05-11' })
      .expect(403);
    expect(refused.body.code).toBe('monitoring_incident.kind_not_for_side');
    const page = (await get(`/cases/${caseId}/incidents?limit=1`, member)).body;
    expect(page.items.map((i: { kind: string }) => i.kind)).toEqual(['staff_report']);
    const next = (await get(`/cases/${caseId}/incidents?limit=1&cursor=${page.nextCursor}`, hr))
      .body;
    expect(next).toMatchObject({ items: [{ kind: 'override' }], nextCursor: null });
  });

  it('keeps a complaints desk for the designated contact; the council sees counts only', async () => {
    // Before a contact is designated, the desk exists for nobody.
    await get(`/ai-systems/${aiSystemId}/complaints`, hr, 404);
    const bad = await t
      .http()
      .put(`/ai-systems/${aiSystemId}/complaint-contact`)
      .set('Authorization', hr)
      .send({ userId: org.member.id })
      .expect(422);
    expect(bad.body.code).toBe('complaint.contact_not_employer');
    await t
      .http()
      .put(`/ai-systems/${aiSystemId}/complaint-contact`)
      .set('Authorization', hr)
      .send({ userId: org.hr.id })
      .expect(200);
    const first = await t
      .http()
      .post(`/ai-systems/${aiSystemId}/complaints`)
      .set('Authorization', hr)
      .send({
        kind: 'explanation_request',
        legalBasis: 'ai_act_86',
        complainant: 'Piet Jansen',
        description: 'Waarom kreeg ik de langste route?',
        receivedOn: '2026-05-04',
      })
      .expect(201);
    // AI Act art. 86 / GDPR art. 12(3): one month from receipt.
    expect(first.body).toMatchObject({ dueOn: '2026-06-04', status: 'open', overdue: false });
    await t
      .http()
      .post(`/ai-systems/${aiSystemId}/complaints`)
      .set('Authorization', hr)
      .send({
        kind: 'complaint',
        legalBasis: 'gdpr_22',
        complainant: 'Fatima El Amrani',
        description: 'Mijn score werd zonder menselijke blik gebruikt',
        receivedOn: '2026-05-20',
      })
      .expect(201);
    // The other employer-side user and another employer do not see the desk; the council
    // side has no desk permission at all.
    await get(`/ai-systems/${aiSystemId}/complaints`, rep, 404);
    await get(`/ai-systems/${aiSystemId}/complaints`, outsiderHr, 404);
    await get(`/ai-systems/${aiSystemId}/complaints`, member, 403);
    await t
      .http()
      .patch(`/complaints/${first.body.id}`)
      .set('Authorization', rep)
      .send({ version: 1, outcome: 'x', explanation: 'y' })
      .expect(404);
    const answered = await t
      .http()
      .patch(`/complaints/${first.body.id}`)
      .set('Authorization', hr)
      .send({
        version: first.body.version,
        outcome: 'Route blijft, werkdruk wordt gevolgd',
        explanation: 'De route volgt uit de orderverdeling van die dag; uitgelegd in gesprek.',
        answeredOn: '2026-05-28',
      })
      .expect(200);
    expect(answered.body).toMatchObject({ status: 'answered', answeredOn: '2026-05-28' });

    const counts = (await get(`/works-councils/${org.worksCouncilId}/complaint-counts`, member))
      .body.items;
    expect(counts).toEqual([
      {
        aiSystemId,
        name: 'WarehouseInsight',
        complaints: 1,
        explanationRequests: 1,
        open: 1,
        overdue: 0,
      },
    ]);
    // Anonymised: no name and no text reaches the council.
    expect(JSON.stringify(counts)).not.toMatch(/Piet|Fatima|route|score/i);
    await get(`/works-councils/${org.worksCouncilId}/complaint-counts`, outsider, 404);
  });

  it('takes two evaluations with the re-rating beside the forecast', async () => {
    await at('2026-05-25T09:00:00Z');
    const early = await t
      .http()
      .put(`/cases/${caseId}/evaluations/1`)
      .set('Authorization', hr)
      .send({ ratings: [], goals: [], summary: '' })
      .expect(409);
    expect(early.body.code).toBe('evaluation.not_yet_due');
    await at('2026-06-10T09:00:00Z');
    // A council member who is not on the board reads but does not record.
    await t
      .http()
      .put(`/cases/${caseId}/evaluations/1`)
      .set('Authorization', member)
      .send({ ratings: [], goals: [], summary: '' })
      .expect(403);
    const first = await t
      .http()
      .put(`/cases/${caseId}/evaluations/1`)
      .set('Authorization', hr)
      .send({
        ratings: [
          { dimension: 'C', rating: -1, note: 'Minder contact met collega’s' },
          { dimension: 'D', rating: 1, note: 'Meer regelruimte dan gedacht' },
        ],
        goals: [{ key: 'route-time', outcome: 'partly_met', note: '9% minder looptijd' }],
        summary: 'Eerste evaluatie na drie maanden',
      })
      .expect(200);
    const byDimension = (e: { dimensions: Array<{ dimension: string }> }) =>
      Object.fromEntries(e.dimensions.map((d) => [d.dimension, d]));
    // The dossier's forecast rated every dimension 0 (completeDossier).
    expect(byDimension(first.body).C).toEqual({
      dimension: 'C',
      forecast: 0,
      actual: -1,
      diff: -1,
    });
    expect(byDimension(first.body).D).toEqual({ dimension: 'D', forecast: 0, actual: 1, diff: 1 });
    expect(byDimension(first.body).A).toEqual({
      dimension: 'A',
      forecast: 0,
      actual: null,
      diff: null,
    });
    expect(first.body).toMatchObject({
      status: 'recorded',
      recordedSide: 'employer',
      complaints: { complaints: 1, explanationRequests: 1, open: 1 },
      incidents: { override: 1, staffReport: 1, correction: 0 },
    });
    const again = await t
      .http()
      .put(`/cases/${caseId}/evaluations/1`)
      .set('Authorization', hr)
      .send({ ratings: [], goals: [], summary: '' })
      .expect(409);
    expect(again.body.code).toBe('evaluation.already_recorded');

    await at('2026-09-15T09:00:00Z');
    const second = await t
      .http()
      .put(`/cases/${caseId}/evaluations/2`)
      .set('Authorization', chair)
      .send({
        ratings: [{ dimension: 'C', rating: -2, note: 'Tijdsdruk neemt toe' }],
        goals: [{ key: 'route-time', outcome: 'met', note: '16% minder looptijd' }],
        summary: 'Tweede evaluatie: doel gehaald, sociale relaties onder druk',
      })
      .expect(200);
    expect(byDimension(second.body).C).toMatchObject({ forecast: 0, actual: -2, diff: -2 });
    expect(second.body.recordedSide).toBe('council');

    const report = (await get(`/cases/${caseId}/evaluations`, member)).body;
    expect(report.evaluations.map((e: { status: string }) => e.status)).toEqual([
      'recorded',
      'recorded',
      'scheduled',
    ]);
  });

  it('opens a linked follow-up case on a material register change and tells the council', async () => {
    const system = (await get(`/ai-systems/${aiSystemId}`, hr)).body;
    const changed = await t
      .http()
      .patch(`/ai-systems/${aiSystemId}`)
      .set('Authorization', hr)
      .send({ version: system.version, modelName: 'RouteNet', modelVersion: '2.0' })
      .expect(200);
    expect(changed.body.materialChange).toBe(true);

    const links = (await get(`/cases/${caseId}/follow-ups`, member)).body;
    expect(links.follows).toBeNull();
    expect(links.followUps).toHaveLength(1);
    expect(links.followUps[0].fields).toEqual(['modelName', 'modelVersion']);
    const followUpId = links.followUps[0].caseId as string;

    // The follow-up is sent to the same council, starts over, and links back.
    const followUp = (await get(`/cases/${followUpId}`, member)).body;
    expect(followUp).toMatchObject({
      status: 'sent',
      aiSystemId,
      worksCouncilId: org.worksCouncilId,
    });
    expect(followUp.triage).not.toBeNull();
    expect((await get(`/cases/${followUpId}/follow-ups`, member)).body.follows).toMatchObject({
      caseId,
    });
    // The earlier dossier is its starting point.
    const oversight = (await get(`/cases/${followUpId}/oversight`, hr)).body;
    expect(oversight.overseers[0].name).toBe('Anna de Vries');
    const plan = (await get(`/cases/${followUpId}/training-plan`, hr)).body;
    expect(plan.modules.map((m: { key: string }) => m.key)).toEqual([
      'toezicht-basis',
      'werken-met',
    ]);
    // Outsiders see neither case.
    await get(`/cases/${followUpId}/follow-ups`, outsider, 404);

    // The council hears of the change on the first case and of the new case.
    await waitUntil(
      async () =>
        (await notified(org.member.id, caseId)).includes('ai_system.changed_materially') &&
        (await notified(org.member.id, followUpId)).includes('case.sent'),
      10_000,
      () => 'the council is told of the change and of the follow-up case',
    );

    // A second change follows up the follow-up, not the first case again.
    await t
      .http()
      .patch(`/ai-systems/${aiSystemId}`)
      .set('Authorization', hr)
      .send({ version: changed.body.version, vendor: 'Other AI' })
      .expect(200);
    expect((await get(`/cases/${caseId}/follow-ups`, member)).body.followUps).toHaveLength(1);
    expect((await get(`/cases/${followUpId}/follow-ups`, member)).body.followUps).toHaveLength(1);
  });

  it('puts the evaluation report in the dossier PDF', async () => {
    const res = await t
      .http()
      .get(`/cases/${caseId}/dossier.pdf?language=en`)
      .set('Authorization', member)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const text = (await pdfText(res.body as Buffer)).replace(/\s+/g, ' ');
    expect(text).toContain('10. Evaluations after go-live');
    expect(text).toContain('Go-live: 2026-03-16');
    expect(text).toContain('Evaluation 1 (3 months, 2026-06-16): recorded');
    expect(text).toContain('C: forecast 0, actual -1, difference -1');
    expect(text).toContain('Evaluation 3 (12 months, 2027-03-16): scheduled');
    expect(text).toContain('Complaints: 1, explanation requests: 1');
  });
});
