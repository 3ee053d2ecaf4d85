import type { GivenOrganisation } from '@wc/testing';

import { completeDossier, fileCase } from './support/case-fixtures';
import { itemsOf } from './support/pages';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Agreed terms (convenant; legal-rules W5, W13, W19, (d)2, (e)1) for issue #17: the council and
 * the employer agree a term (one proposes, the other confirms, B.19), a new case computes its
 * advice term with it, and an open information request stops that agreed clock until answered.
 */
describe('convenant: agreed terms and stop-the-clock (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  let hr: string;
  let chair: string;
  let member: string;

  const TERMS = {
    adviceTermWeeks: 4,
    consentTermWeeks: 5,
    informationResponseWorkingDays: 5,
    stopClockWhileInformationOpen: true,
    evaluationIntervalMonths: 12,
  };

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
    hr = await t.login(org.hr);
    chair = await t.login(org.chair);
    member = await t.login(org.member);
  });
  afterAll(() => t.close());

  /** Moves the clock; access tokens are short-lived, so everyone logs in again. */
  async function at(instant: string) {
    t.clock.set(instant);
    hr = await t.login(org.hr);
    chair = await t.login(org.chair);
    member = await t.login(org.member);
  }

  const path = () => `/works-councils/${org.worksCouncilId}/convenants`;

  async function adviceTerm(caseId: string) {
    const res = await t
      .http()
      .get(`/cases/${caseId}/deadlines`)
      .set('Authorization', hr)
      .expect(200);
    return itemsOf<Record<string, unknown>>(res).find(
      (d) => d.ruleId === 'advice_response_term' && d.status === 'open',
    );
  }

  async function submitAdviceRequest(caseId: string, bearer = hr) {
    const current = await t.http().get(`/cases/${caseId}`).set('Authorization', bearer).expect(200);
    const res = await t
      .http()
      .post(`/cases/${caseId}/tracks/advice/transitions`)
      .set('Authorization', bearer)
      .send({ version: current.body.version, action: { type: 'submit_request' } });
    if (res.status !== 201) {
      throw new Error(JSON.stringify(res.body));
    }
  }

  it('the employer proposes, the council confirms, and a new case uses the agreed term; the clock stops while information is open', async () => {
    await at('2026-03-02T09:00:00Z');
    const proposed = await t.http().post(path()).set('Authorization', hr).send(TERMS).expect(201);
    expect(proposed.body).toMatchObject({
      version: 1,
      status: 'proposed',
      proposedSide: 'employer',
      ...TERMS,
    });

    // Neither side makes a convenant alone (B.19); a plain member proposes nothing.
    const own = await t
      .http()
      .post(`${path()}/1/confirmation`)
      .set('Authorization', hr)
      .expect(403);
    expect(own.body).toMatchObject({ code: 'convenant.other_side_confirms' });
    await t.http().post(path()).set('Authorization', member).send(TERMS).expect(403);

    const confirmed = await t
      .http()
      .post(`${path()}/1/confirmation`)
      .set('Authorization', chair)
      .expect(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmedBy: org.chair.id });
    const again = await t
      .http()
      .post(`${path()}/1/confirmation`)
      .set('Authorization', chair)
      .expect(409);
    expect(again.body).toMatchObject({ code: 'convenant.not_proposed' });

    // A new case: the advice request received Monday 2 March runs 4 agreed weeks to 30 March.
    const { caseId } = await fileCase(t, org, hr);
    await completeDossier(t, caseId, hr);
    await submitAdviceRequest(caseId);
    expect(await adviceTerm(caseId)).toMatchObject({
      strictDate: '2026-03-30',
      statutory: false,
      pausedDays: 0,
      clockStoppedSince: null,
    });

    // An art. 31 question stops the agreed clock; the response time is the agreed 5 working days.
    await at('2026-03-04T09:00:00Z');
    const asked = await t
      .http()
      .post(`/cases/${caseId}/information-requests`)
      .set('Authorization', member)
      .send({ question: 'Welke gegevens worden bewaard?' })
      .expect(201);
    expect(asked.body.dueDate).toBe('2026-03-11');
    expect(await adviceTerm(caseId)).toMatchObject({
      strictDate: '2026-03-30',
      clockStoppedSince: '2026-03-04',
    });

    // Answered on 9 March: open on 4–8 March (5 days), so the term moves to 4 April. That is a
    // Saturday: an agreed term is not extended by the Algemene termijnenwet, only flagged (e)1.
    await at('2026-03-09T10:00:00Z');
    await t
      .http()
      .post(`/cases/${caseId}/information-requests/${asked.body.id}/answer`)
      .set('Authorization', hr)
      .send({ answer: 'Pickscores, 6 maanden.' })
      .expect(201);
    expect(await adviceTerm(caseId)).toMatchObject({
      strictDate: '2026-04-04',
      extendedDate: '2026-04-04',
      pausedDays: 5,
      clockStoppedSince: null,
      agreedTermEndsOnNonWorkingDay: true,
    });
    const twice = await t
      .http()
      .post(`/cases/${caseId}/information-requests/${asked.body.id}/answer`)
      .set('Authorization', hr)
      .send({ answer: 'Nogmaals' })
      .expect(409);
    expect(twice.body).toMatchObject({ code: 'information_request.already_answered' });

    // The council proposes a new version and the employer confirms it: the running term keeps the
    // term it started with, and every version stays on record.
    await t
      .http()
      .post(path())
      .set('Authorization', chair)
      .send({ ...TERMS, adviceTermWeeks: 8 })
      .expect(201);
    await t.http().post(`${path()}/2/confirmation`).set('Authorization', hr).expect(200);
    expect(await adviceTerm(caseId)).toMatchObject({ strictDate: '2026-04-04' });
    const versions = await t.http().get(path()).set('Authorization', member).expect(200);
    expect(
      itemsOf(versions).map((v: Record<string, unknown>) => [v.version, v.status, v.proposedSide]),
    ).toEqual([
      [2, 'confirmed', 'council'],
      [1, 'superseded', 'employer'],
    ]);
  });

  it('without a convenant the default six weeks apply and the clock runs on', async () => {
    t.clock.set('2026-03-02T09:00:00Z');
    const plain = await t.given.organisation();
    const plainHr = await t.login(plain.hr);
    const { caseId } = await fileCase(t, plain, plainHr);
    await completeDossier(t, caseId, plainHr);
    await submitAdviceRequest(caseId, plainHr);
    await t
      .http()
      .post(`/cases/${caseId}/information-requests`)
      .set('Authorization', await t.login(plain.member))
      .send({ question: 'Welke data?' })
      .expect(201);
    const res = await t.http().get(`/cases/${caseId}/deadlines`).set('Authorization', plainHr);
    expect(itemsOf(res)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ruleId: 'advice_response_term',
          strictDate: '2026-04-13',
          clockStoppedSince: null,
        }),
      ]),
    );
  });
});
