import { highRiskReading, prohibitedPractices, transparencyDuties } from './ai-act-screening';
import { NO_ANSWERS } from './domain-fixtures';
import { dpiaReading } from './dpia-screening';
import { activeTracks, triage } from './triage';
import type { TriageAnswers } from './triage';

// Hand-worked cases for issue #17. Sources: legal-rules (e)3-8 and the articles cited beside each.
const answers = (overrides: Partial<TriageAnswers>): TriageAnswers => ({
  ...NO_ANSWERS,
  councilType: 'or',
  headcount: 250,
  ...overrides,
});

describe('AI Act art. 5: each prohibited practice at work blocks the case', () => {
  it.each<[string, Partial<TriageAnswers>, string, string]>([
    [
      '(a) manipulative nudging of pickers',
      { manipulativeTechniques: true },
      'ai_act.prohibited.manipulative_or_deceptive',
      'AI Act 5(1)(a)',
    ],
    [
      '(b) exploiting the financial distress of staff',
      { exploitsVulnerabilities: true },
      'ai_act.prohibited.exploits_vulnerabilities',
      'AI Act 5(1)(b)',
    ],
    [
      '(c) social scoring of staff',
      { socialScoring: true },
      'ai_act.prohibited.social_scoring',
      'AI Act 5(1)(c)',
    ],
    [
      '(e) scraping CCTV faces into a database',
      { untargetedFacialScraping: true },
      'ai_act.prohibited.untargeted_facial_scraping',
      'AI Act 5(1)(e)',
    ],
    [
      '(f) emotion inference in call-centre voices',
      { infersEmotions: true },
      'ai_act.emotion_recognition_prohibited',
      'E2',
    ],
    [
      '(g) inferring trade-union membership from faces',
      { biometricCategorisationSensitive: true },
      'ai_act.prohibited.sensitive_biometric_categorisation',
      'AI Act 5(1)(g)',
    ],
  ])('%s', (_name, overrides, code, source) => {
    const outcome = triage(answers({ introducesOrChangesTechnology: true, ...overrides }));
    expect(outcome.blocked).toBe(true);
    expect(outcome.blockReason?.code).toBe(code);
    expect(outcome.blockReason?.sources).toContain(source);
    expect(activeTracks(outcome)).toEqual([]);
  });

  it('(g) names trade-union membership in its reason', () => {
    const [reason] = prohibitedPractices({ ...NO_ANSWERS, biometricCategorisationSensitive: true });
    expect(reason.text).toContain('trade-union membership');
  });

  it('lists every practice found, the first one as the block reason', () => {
    const outcome = triage(answers({ socialScoring: true, manipulativeTechniques: true }));
    expect(outcome.aiAct.prohibitedPractices).toEqual([
      'manipulative_or_deceptive',
      'social_scoring',
    ]);
  });

  it('emotion recognition for safety (driver fatigue) is allowed, not blocked', () => {
    expect(triage(answers({ infersEmotions: true, emotionMedicalOrSafety: true })).blocked).toBe(
      false,
    );
  });
});

describe('AI Act art. 6: high-risk routes beyond Annex III point 4', () => {
  it('permitted emotion recognition at work is high-risk (Annex III 1(c)) with its art. 50(3) duty', () => {
    const outcome = triage(answers({ infersEmotions: true, emotionMedicalOrSafety: true }));
    expect(outcome.aiAct.highRisk).toBe(true);
    expect(outcome.aiAct.highRiskRoutes).toEqual(['annex_iii_1:emotion_recognition']);
    expect(outcome.aiAct.transparencyDuties).toEqual(['inform_emotion_or_biometric_exposure']);
    expect(activeTracks(outcome)).toContain('ai_act');
  });

  it('a vocational-training system evaluating learning outcomes is high-risk (Annex III 3(b))', () => {
    const outcome = triage(answers({ annexIIIPoint3: 'evaluating_learning_outcomes' }));
    expect(outcome.aiAct.highRisk).toBe(true);
    expect(outcome.aiAct.highRiskRoutes).toEqual(['annex_iii_3:evaluating_learning_outcomes']);
    expect(outcome.aiAct.noticeToWorkersRequired).toBe(true);
  });

  it('a cobot under the Machinery Regulation (Annex I) is high-risk; 6(3) cannot take it out', () => {
    const reading = highRiskReading({
      annexIIIPoint4: 'none',
      infersEmotions: false,
      emotionMedicalOrSafety: false,
      annexIProduct: true,
      profilesNaturalPersons: false,
      article6_3Exception: true,
      providerAssessmentDocument: 'doc-1',
    });
    expect(reading).toMatchObject({ highRisk: true, routes: ['annex_i_product'] });
  });

  it.each<[string, Partial<TriageAnswers>, boolean, string | null]>([
    ["the employer's own opinion: still high-risk", { article6_3Exception: true }, true, null],
    [
      "the provider's art. 6(4) document: not high-risk, recorded with its document",
      { article6_3Exception: true, providerAssessmentDocument: 'Vendor 6(4) assessment v2' },
      false,
      'Vendor 6(4) assessment v2',
    ],
    [
      'profiling: never excepted',
      {
        article6_3Exception: true,
        providerAssessmentDocument: 'doc',
        profilesNaturalPersons: true,
      },
      true,
      null,
    ],
  ])('art. 6(3) on a task-allocation tool, %s', (_name, overrides, highRisk, document) => {
    const outcome = triage(answers({ annexIIIPoint4: 'task_allocation', ...overrides }));
    expect(outcome.aiAct.highRisk).toBe(highRisk);
    expect(outcome.aiAct.article6_3Exception?.providerAssessmentDocument).toBe(document);
  });
});

describe('AI Act art. 50 and GDPR art. 22', () => {
  it('an HR chatbot must disclose it is AI (art. 50(1)), not high-risk by itself', () => {
    const outcome = triage(answers({ chatbot: true }));
    expect(outcome.aiAct.transparencyDuties).toEqual(['disclose_ai_interaction']);
    expect(outcome.aiAct.highRisk).toBe(false);
    expect(
      outcome.reasons.find((r) => r.code === 'ai_act.art50.disclose_ai_interaction')?.sources,
    ).toContain('AI Act 50(1)');
  });

  it.each([
    [{ generatesContent: true }, ['mark_synthetic_content']],
    [{ deepfakes: true }, ['disclose_deepfakes']],
    [{ biometricCategorisation: true }, ['inform_emotion_or_biometric_exposure']],
  ] as const)('%j → %j', (overrides, duties) => {
    expect(
      transparencyDuties({
        infersEmotions: false,
        emotionMedicalOrSafety: false,
        biometricCategorisation: false,
        ...overrides,
      }).map((d) => d.duty),
    ).toEqual(duties);
  });

  it('solely automated decisions with significant effects: human intervention and a DPIA', () => {
    const outcome = triage(answers({ solelyAutomatedSignificantDecisions: true }));
    expect(outcome.gdpr).toEqual({ article22: true, humanInterventionRequired: true });
    expect(outcome.dpia.required).toBe(true);
    expect(outcome.reasons.find((r) => r.code === 'gdpr.article_22')?.sources).toEqual([
      'G4',
      'G1',
      'legal-rules (e)8',
    ]);
  });
});

describe('DPIA: the Dutch DPA list (Stcrt. 2019, 64418) and the EDPB two-of-nine rule', () => {
  const base = {
    processesStaffPersonalData: false,
    largeScaleMonitoring: false,
    systematicProfilingWithSignificantEffects: false,
    specialCategoryData: false,
    biometrics: false,
  };
  it.each([
    ['GPS tracking of drivers', { locationData: true }, 'location_data'],
    ['reading staff e-mail and chat', { communicationData: true }, 'communication_data'],
    ['absence (verzuim) and reintegration data', { healthData: true }, 'health_data'],
    ['covert monitoring', { covertMonitoring: true }, 'covert_investigation'],
    ['camera surveillance of the floor', { cameraSurveillance: true }, 'camera_surveillance'],
    ['nudging behaviour', { observesOrInfluencesBehaviour: true }, 'behaviour_observation'],
    ['fraud detection on expense claims', { fraudDetection: true }, 'fraud_detection'],
    ['a blacklist of former staff', { blacklist: true }, 'blacklists'],
    ['wearables', { connectedDevices: true }, 'internet_of_things'],
  ] as const)('%s needs a DPIA', (_name, overrides, category) => {
    const reading = dpiaReading({ ...base, ...overrides });
    expect(reading.required).toBe(true);
    expect(reading.apCategories).toEqual([category]);
    expect(reading.reasons[0].sources).toContain('AP DPIA list, Stcrt. 2019, 64418');
  });

  it('GPS tracking of drivers in the full triage: a DPIA track', () => {
    const outcome = triage(
      answers({ processesStaffPersonalData: true, locationData: true, canMonitorStaff: true }),
    );
    expect(outcome.dpia).toMatchObject({ required: true, apCategories: ['location_data'] });
    expect(outcome.dpia.edpbCriteria).toEqual([
      'vulnerable_data_subjects',
      'innovative_technology',
      'systematic_monitoring',
    ]);
    expect(activeTracks(outcome)).toContain('dpia');
  });

  it('one EDPB criterion alone is not enough', () => {
    expect(
      dpiaReading({
        ...base,
        systematicProfilingWithSignificantEffects: false,
        specialCategoryData: false,
      }).required,
    ).toBe(false);
  });
});

describe('WOR 27(1) letters (c), (j), (m) and the cao per topic (27(3) "voor zover")', () => {
  it('a pay-evaluation tool gives consent on (c)', () => {
    const outcome = triage(answers({ affectsPayOrJobEvaluation: true }));
    expect(outcome.consent).toMatchObject({ applies: true, letters: ['c'] });
    expect(outcome.reasons.find((r) => r.code === 'consent.c')?.sources).toEqual([
      'W10',
      'S8',
      'legal-rules (e)5',
    ]);
  });

  it.each([
    [{ affectsComplaintsProcedure: true }, ['j']],
    [{ affectsWhistleblowingProcedure: true }, ['m']],
  ] as const)('%j → consent %j', (overrides, letters) => {
    expect(triage(answers(overrides)).consent.letters).toEqual(letters);
  });

  it('a cao that settles only the pay scales of (c) leaves consent on the evaluation tool', () => {
    const outcome = triage(
      answers({
        affectsPayOrJobEvaluation: true,
        caoSettlements: [
          { letter: 'c', scope: 'part', topic: 'pay scales', reference: 'cao art. 4.2' },
        ],
      }),
    );
    expect(outcome.consent.letters).toEqual(['c']);
    expect(outcome.consent.settledByCao).toEqual([]);
    expect(outcome.consent.partlySettledByCao).toEqual([
      { letter: 'c', scope: 'part', topic: 'pay scales', reference: 'cao art. 4.2' },
    ]);
    expect(outcome.reasons.find((r) => r.code === 'consent.partly_settled_by_cao')?.text).toContain(
      'pay scales',
    );
  });

  it('a cao that settles the whole of (b) takes only (b) out, not the other letters', () => {
    const outcome = triage(
      answers({
        affectsWorkingTimes: true,
        processesStaffPersonalData: true,
        caoSettlements: [{ letter: 'b', scope: 'whole', topic: 'rostering rules' }],
      }),
    );
    expect(outcome.consent).toMatchObject({ letters: ['k'], settledByCao: ['b'] });
  });
});

describe('small undertakings (WOR 2, 35b-35d)', () => {
  it.each([
    [
      'PVT, 30 staff: no personnel meeting, PVT rights',
      'pvt',
      30,
      false,
      false,
      'small_undertaking.pvt_rights',
    ],
    [
      'no representation, 30 staff: personnel meeting',
      'none',
      30,
      true,
      false,
      'small_undertaking.personnel_meeting',
    ],
    [
      'no OR, 50 staff: duty to set one up',
      'none',
      50,
      false,
      true,
      'small_undertaking.works_council_duty',
    ],
    [
      'PVT, 60 staff: duty to set up an OR',
      'pvt',
      60,
      false,
      true,
      ['small_undertaking.pvt_rights', 'small_undertaking.works_council_duty'],
    ],
    ['OR, 250 staff: neither', 'or', 250, false, false, null],
  ] as const)('%s', (_name, councilType, headcount, meeting, duty, code) => {
    const outcome = triage(answers({ councilType, headcount }));
    expect(outcome.smallUndertaking.personnelMeetingRequired).toBe(meeting);
    expect(outcome.smallUndertaking.worksCouncilDuty).toBe(duty);
    const codes = outcome.reasons
      .map((r) => r.code)
      .filter((c) => c.startsWith('small_undertaking.'));
    expect(codes).toEqual(code === null ? [] : typeof code === 'string' ? [code] : code);
  });
});
