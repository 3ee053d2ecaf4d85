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

  it('serves the questionnaire: help text and example in Dutch and English, follow-ups with their condition', async () => {
    const res = await t
      .http()
      .get(`/cases/${caseId}/triage/questionnaire`)
      .set('Authorization', hr)
      .expect(200);
    const questions = (
      res.body.groups as Array<{ questions: Array<Record<string, unknown>> }>
    ).flatMap((g) => g.questions);
    for (const question of questions) {
      expect(question).toMatchObject({
        text: { nl: expect.any(String), en: expect.any(String) },
        help: { nl: expect.any(String), en: expect.any(String) },
        example: { nl: expect.any(String), en: expect.any(String) },
      });
    }
    // The newer questions are all asked: art. 5, Annex I/III with the provider's document, art. 50,
    // GDPR 22, the DPIA list, consent letters (c), (j), (m) with per-topic cao coverage.
    expect(questions.map((q) => q.key)).toEqual(
      expect.arrayContaining([
        'manipulativeTechniques',
        'biometricCategorisationSensitive',
        'annexIIIPoint1',
        'annexIIIPoint3',
        'annexIProduct',
        'providerAssessmentDocument',
        'chatbot',
        'solelyAutomatedSignificantDecisions',
        'locationData',
        'blacklist',
        'affectsPayOrJobEvaluation',
        'affectsComplaintsProcedure',
        'affectsWhistleblowingProcedure',
        'caoSettlements',
      ]),
    );
    expect(questions.find((q) => q.key === 'emotionMedicalOrSafety')).toMatchObject({
      kind: 'yes_no',
      showWhen: { question: 'infersEmotions', operator: 'is_true' },
      unknownAllowed: true,
      unknownAssumes: false,
    });
    expect(questions.find((q) => q.key === 'providerAssessmentDocument')).toMatchObject({
      kind: 'text',
      showWhen: { question: 'article6_3Exception', operator: 'is_true' },
      unknownAllowed: false,
    });
    expect(questions.find((q) => q.key === 'caoSettledConsentLetters')).toMatchObject({
      options: expect.arrayContaining([
        expect.objectContaining({ value: 'c' }),
        expect.objectContaining({ value: 'j' }),
        expect.objectContaining({ value: 'm' }),
      ]),
    });
  });

  it('ignores answers to follow-ups that do not apply, "weet ik niet" included', async () => {
    const res = await t
      .http()
      .put(`/cases/${caseId}/triage`)
      .set('Authorization', hr)
      .send({
        version,
        answers: monitoringTriageAnswers({
          councilType: 'or',
          majorEffectOnQuarterOfStaff: true,
          infersEmotions: false,
          emotionMedicalOrSafety: true,
          article6_3Exception: false,
          providerAssessmentDocument: 'vendor memo',
          caoSettledConsentLetters: [],
          caoReference: 'cao 2026 art. 4',
        }),
        unknown: ['emotionMedicalOrSafety'],
      })
      .expect(200);
    const stored = res.body.triage.answers;
    expect(stored.emotionMedicalOrSafety).toBe(false);
    for (const key of [
      'majorEffectOnQuarterOfStaff',
      'providerAssessmentDocument',
      'caoReference',
    ]) {
      expect(stored).not.toHaveProperty(key);
    }
    expect(res.body.triage.outcome.toFindOut).toEqual([]);
    expect(res.body.triage.outcome.aiAct.article6_3Exception).toMatchObject({
      providerAssessmentDocument: null,
    });
    version = res.body.version;

    // When the follow-up applies, its answer counts: the provider's document is recorded.
    const applies = await t
      .http()
      .put(`/cases/${caseId}/triage`)
      .set('Authorization', hr)
      .send({
        version,
        answers: monitoringTriageAnswers({
          annexIIIPoint4: 'task_allocation',
          profilesNaturalPersons: false,
          article6_3Exception: true,
          providerAssessmentDocument: 'Acme AI art. 6(3) assessment v1.2',
        }),
      })
      .expect(200);
    expect(applies.body.triage.answers.providerAssessmentDocument).toBe(
      'Acme AI art. 6(3) assessment v1.2',
    );
    expect(applies.body.triage.outcome.aiAct.article6_3Exception).toEqual({
      applied: true,
      providerAssessmentDocument: 'Acme AI art. 6(3) assessment v1.2',
    });
    version = applies.body.version;
  });
});
