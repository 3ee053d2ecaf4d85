import type { GivenOrganisation } from '@wc/testing';
import { startTestWorker, type TestWorker } from '@wc/testing';
import { WorkerModule } from '@wc/worker';

import { completeDossier, fileCase, fulfilGoLiveDuties } from './support/case-fixtures';
import { pdfText } from './support/pdf-text';
import { startTestApp, type TestApp } from './support/test-app';
import { relayNotifications } from './support/notification-relay';

type Json = Record<string, any>;

/**
 * Issue #19: a conditional consent's conditions are checked at every evaluation. The evaluation
 * reviews each open commitment (met with evidence, still open, at risk, proposed broken), is not
 * recorded while one is left out, keeps how it found them, and tells the council of those at
 * risk or overdue; the commitments themselves change only by their own rules.
 */
describe('commitments reviewed at each evaluation (e2e)', () => {
  let t: TestApp;
  let worker: TestWorker;
  let org: GivenOrganisation;
  let caseId: string;
  let commitments: Json[];
  const bearer: Record<string, string> = {};

  const conditions = [
    'Geen individuele prestatienormen op basis van de routeplanning',
    'Evaluatie met de OR na zes maanden',
    'Medewerkers zien hun eigen gegevens in',
  ];

  async function at(instant: string): Promise<void> {
    t.clock.set(new Date(instant));
    bearer.hr = await t.login(org.hr);
    bearer.chair = await t.login(org.chair);
    bearer.member = await t.login(org.member);
  }

  const put = (who: string, seq: number, body: Json) =>
    t
      .http()
      .put(`/cases/${caseId}/evaluations/${seq}`)
      .set('Authorization', bearer[who])
      .send(body);
  const get = (who: string, path: string) =>
    t.http().get(path).set('Authorization', bearer[who]).expect(200);

  async function act(who: string, kind: string, action: Json): Promise<void> {
    const current = await get('hr', `/cases/${caseId}`);
    const res = await t
      .http()
      .post(`/cases/${caseId}/tracks/${kind}/transitions`)
      .set('Authorization', bearer[who])
      .send({ version: current.body.version, action });
    if (res.status !== 201) {
      throw new Error(`${kind}/${String(action.type)}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }

  async function notifiedOf(type: string): Promise<string[]> {
    await relayNotifications(worker, t.db);
    const rows = await t.db.query<Array<{ user_id: string }>>(
      `SELECT user_id FROM notification WHERE type = $1 AND case_id = $2 ORDER BY user_id`,
      [type, caseId],
    );
    return rows.map((r) => r.user_id);
  }

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(WorkerModule.forRoot(t.config), t.clock);
    org = await t.given.organisation();
    await at('2026-03-02T09:00:00Z');
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('lists the open commitments a scheduled evaluation must review', async () => {
    ({ caseId } = await fileCase(t, org, bearer.hr));
    await completeDossier(t, caseId, bearer.hr);
    for (const kind of ['advice', 'consent']) {
      await act('hr', kind, { type: 'request_consultation', reasons: 'Voorgenomen besluit' });
      await act('chair', kind, { type: 'record_consultation_held', heldOn: '2026-03-02' });
      await act('hr', kind, { type: 'submit_request' });
    }
    await act('chair', 'advice', { type: 'record_council_position', position: 'positive' });
    await act('chair', 'consent', {
      type: 'record_council_position',
      position: 'conditional',
      conditions,
      reasons: 'Instemming onder voorwaarden',
    });
    for (const kind of ['advice', 'consent']) {
      await act('hr', kind, {
        type: 'record_employer_decision',
        follows: true,
        implementationDate: '2026-03-02',
        receivedOn: '2026-03-02',
      });
    }
    await fulfilGoLiveDuties((kind, action) => act('hr', kind, action));
    await act('hr', 'advice', { type: 'mark_implemented' });
    await act('hr', 'consent', { type: 'mark_implemented' });

    commitments = (await get('hr', `/cases/${caseId}/commitments`)).body.items as Json[];
    // The first condition is due before the first evaluation; it will be overdue then.
    await t
      .http()
      .patch(`/commitments/${commitments[0].id}`)
      .set('Authorization', bearer.hr)
      .send({ ownerId: org.hr.id, dueDate: '2026-05-01', version: commitments[0].version })
      .expect(200);

    await at('2026-05-25T09:00:00Z');
    const report = (await get('member', `/cases/${caseId}/evaluations`)).body;
    expect(report.evaluations[0]).toMatchObject({ seq: 1, dueOn: '2026-06-02' });
    expect(
      report.evaluations[0].commitments.map((c: Json) => [c.conditionNo, c.state, c.overdue]),
    ).toEqual([
      [1, null, true],
      [2, null, false],
      [3, null, false],
    ]);
    expect(report.evaluations[0].commitments[0]).toMatchObject({
      commitmentId: commitments[0].id,
      track: 'consent',
      condition: conditions[0],
      dueDate: '2026-05-01',
    });
  });

  it('is not recorded while an open commitment is left unreviewed, or met without evidence', async () => {
    const base = { ratings: [], goals: [], summary: 'Eerste evaluatie' };
    const none = await put('hr', 1, base).expect(422);
    expect(none.body).toMatchObject({
      code: 'evaluation.commitments_unreviewed',
      unreviewed: commitments.map((c) => c.id),
    });
    const noEvidence = await put('hr', 1, {
      ...base,
      commitments: commitments.map((c) => ({ commitmentId: c.id, state: 'met', note: '' })),
    }).expect(422);
    expect(noEvidence.body).toMatchObject({
      code: 'evaluation.commitments_unreviewed',
      unreviewed: commitments.map((c) => c.id),
    });
    const twice = await put('hr', 1, {
      ...base,
      commitments: [...commitments, commitments[1]].map((c) => ({
        commitmentId: c.id,
        state: 'open',
        note: '',
      })),
    }).expect(422);
    expect(twice.body).toMatchObject({
      code: 'evaluation.commitment_not_under_review',
      unknown: [commitments[1].id],
    });
    const bad = await put('hr', 1, {
      ...base,
      commitments: [{ commitmentId: commitments[0].id, state: 'fine', note: '' }],
    }).expect(400);
    expect(bad.body.errors[0].path).toBe('commitments.0.state');
    // Nothing was recorded by the refusals.
    const [row] = await t.db.query<Array<{ status: string }>>(
      `SELECT status FROM evaluation WHERE case_id = $1 AND seq = 1`,
      [caseId],
    );
    expect(row.status).toBe('scheduled');
  });

  it('keeps each commitment as found and tells the council of those at risk or overdue', async () => {
    const recorded = await put('hr', 1, {
      ratings: [{ dimension: 'C', rating: 0, note: '' }],
      goals: [],
      summary: 'Eerste evaluatie',
      commitments: [
        { commitmentId: commitments[2].id, state: 'at_risk', note: 'Inzage nog niet gebouwd' },
        { commitmentId: commitments[1].id, state: 'met', note: 'Evaluatie gepland op 1 sept.' },
        { commitmentId: commitments[0].id, state: 'open', note: '' },
      ],
    }).expect(200);
    expect(
      recorded.body.commitments.map((c: Json) => [c.conditionNo, c.state, c.overdue, c.note]),
    ).toEqual([
      [1, 'open', true, ''],
      [2, 'met', false, 'Evaluatie gepland op 1 sept.'],
      [3, 'at_risk', false, 'Inzage nog niet gebouwd'],
    ]);
    const [row] = await t.db.query<Array<{ commitment_reviews: Json[] }>>(
      `SELECT commitment_reviews FROM evaluation WHERE case_id = $1 AND seq = 1`,
      [caseId],
    );
    expect(row.commitment_reviews.map((r) => r.state)).toEqual(['open', 'met', 'at_risk']);

    // The council (not the employer who recorded it) is told once, naming the flagged ones.
    const told = await notifiedOf('evaluation.commitments_flagged');
    expect(told).toEqual(expect.arrayContaining([org.chair.id, org.secretary.id, org.member.id]));
    expect(new Set(told).size).toBe(told.length);
    expect(told).not.toContain(org.hr.id);
    expect(told).not.toContain(org.employerRep.id);
    const [event] = await t.db.query<Array<{ payload: Json }>>(
      `SELECT payload FROM domain_event WHERE case_id = $1 AND type = 'evaluation.commitments_flagged'`,
      [caseId],
    );
    expect(event.payload).toMatchObject({
      seq: 1,
      commitmentIds: [commitments[0].id, commitments[2].id],
    });

    // Found met at an evaluation does not make a commitment met: that is its own step.
    const after = (await get('chair', `/cases/${caseId}/commitments`)).body.items as Json[];
    expect(after.map((c) => c.status)).toEqual(['open', 'open', 'open']);
  });

  it('lets the next evaluation review only what is still open', async () => {
    const third = (await get('chair', `/cases/${caseId}/commitments`)).body.items[2] as Json;
    await t
      .http()
      .post(`/commitments/${third.id}/breach`)
      .set('Authorization', bearer.chair)
      .send({ note: 'Geen inzage na drie maanden', version: third.version })
      .expect(201);
    const report = (await get('hr', `/cases/${caseId}/evaluations`)).body;
    expect(report.evaluations[1].commitments.map((c: Json) => c.conditionNo)).toEqual([1, 2]);
    // The first evaluation keeps the third as it was found then.
    expect(report.evaluations[0].commitments[2]).toMatchObject({ state: 'at_risk' });

    await at('2026-08-25T09:00:00Z');
    const stale = await put('chair', 2, {
      ratings: [],
      goals: [],
      summary: '',
      commitments: commitments.map((c) => ({ commitmentId: c.id, state: 'open', note: '' })),
    }).expect(422);
    expect(stale.body).toMatchObject({
      code: 'evaluation.commitment_not_under_review',
      unknown: [commitments[2].id],
    });
  });

  it('puts the commitment review in the dossier PDF', async () => {
    const res = await t
      .http()
      .get(`/cases/${caseId}/dossier.pdf?language=en`)
      .set('Authorization', bearer.member)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const text = (await pdfText(res.body as Buffer)).replace(/\s+/g, ' ');
    expect(text).toContain(`Commitment 1 (${conditions[0]}): still open, past its due date`);
    expect(text).toContain(`Commitment 3 (${conditions[2]}): at risk (Inzage nog niet gebouwd)`);
  });
});
