import type { GivenOrganisation } from '@wc/testing';

import { FULL_CONTENTS, monitoringTriageAnswers } from './support/case-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The triage an HR manager can answer (issue #17): the AI register pre-fills answers ("verzuim"
 * is health data), "weet ik niet" takes the cautious answer with something to find out, and an
 * answer that says less than the register is warned about.
 */
describe('triage questionnaire (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  let hr: string;
  let caseId: string;
  let version: number;

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
    hr = await t.login(org.hr);
    const system = await t
      .http()
      .post(`/organisations/${org.organisationId}/ai-systems`)
      .set('Authorization', hr)
      .send({
        name: 'VerzuimRadar',
        vendor: 'Acme AI',
        purpose: 'Predicts absence',
        primaryPurpose: 'control_monitor',
        monitoringCapability: true,
        dataCategories: ['verzuim', 'GPS-posities'],
      })
      .expect(201);
    const created = await t
      .http()
      .post('/cases')
      .set('Authorization', hr)
      .send({
        aiSystemId: system.body.id,
        worksCouncilId: org.worksCouncilId,
        title: 'VerzuimRadar',
        contents: FULL_CONTENTS,
      })
      .expect(201);
    caseId = created.body.id;
    version = created.body.version;
  });
  afterAll(() => t.close());

  it('pre-fills from the AI register: verzuim is health data, GPS is location data', async () => {
    const res = await t
      .http()
      .get(`/cases/${caseId}/triage/prefill`)
      .set('Authorization', hr)
      .expect(200);
    expect(res.body.answers).toEqual({
      canMonitorStaff: true,
      processesStaffPersonalData: true,
      healthData: true,
      specialCategoryData: true,
      locationData: true,
    });
    expect(res.body.because).toMatchObject({ healthData: 'verzuim', locationData: 'GPS-posities' });
  });

  it('"weet ik niet" gives the cautious outcome with what to find out, and warns against the register', async () => {
    const res = await t
      .http()
      .put(`/cases/${caseId}/triage`)
      .set('Authorization', hr)
      .send({
        version,
        answers: monitoringTriageAnswers({ canMonitorStaff: false, healthData: false }),
        unknown: ['affectsPayOrJobEvaluation', 'article6_3Exception'],
      })
      .expect(200);
    const outcome = res.body.triage.outcome;
    expect(outcome.toFindOut).toEqual([
      expect.objectContaining({ question: 'affectsPayOrJobEvaluation', assumed: true }),
      expect.objectContaining({ question: 'article6_3Exception', assumed: false }),
    ]);
    expect(outcome.consent.letters).toEqual(expect.arrayContaining(['c']));
    expect(outcome.aiAct.highRisk).toBe(true);
    expect(outcome.registerWarnings).toEqual(
      expect.arrayContaining([
        { question: 'canMonitorStaff', register: 'monitoringCapability' },
        { question: 'healthData', register: 'verzuim' },
        { question: 'locationData', register: 'GPS-posities' },
      ]),
    );
    version = res.body.version;

    // The gate says whether each AI Act duty binds today (2 March 2026), from the calendar rows.
    const gate = await t
      .http()
      .get(`/cases/${caseId}/go-live-gate`)
      .set('Authorization', hr)
      .expect(200);
    expect(gate.body.dutyDates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          group: 'ai_literacy',
          appliesFrom: '2025-02-02',
          bindsToday: true,
        }),
        expect.objectContaining({
          group: 'high_risk_annex_iii',
          appliesFrom: '2027-12-02',
          bindsToday: false,
          note: 'not_yet_applicable',
        }),
      ]),
    );
  });

  it('refuses "weet ik niet" for something that is no triage question', async () => {
    const res = await t
      .http()
      .put(`/cases/${caseId}/triage`)
      .set('Authorization', hr)
      .send({ version, answers: monitoringTriageAnswers(), unknown: ['favouriteColour'] })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'case.triage_question_unknown' });
  });
});
