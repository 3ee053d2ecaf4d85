import { activeTracks, compareTriage, triage } from './triage';
import type { TriageAnswers, TriageOutcome } from './triage';
import { NO_ANSWERS } from './domain-fixtures';

const none: TriageAnswers = NO_ANSWERS;

const answers = (overrides: Partial<TriageAnswers>): TriageAnswers => ({ ...none, ...overrides });

function reason(outcome: TriageOutcome, code: string) {
  return outcome.reasons.find((r) => r.code === code);
}

function codesStartingWith(outcome: TriageOutcome, prefix: string) {
  return outcome.reasons.filter((r) => r.code.startsWith(prefix)).map((r) => [r.code, r.sources]);
}

describe('triage: WOR 25 advice right', () => {
  it.each([
    ['introducesOrChangesTechnology', 'k', ['W1', 'S1', 'S23']],
    ['changesActivities', 'd', ['W1', 'S1']],
    ['changesWorkOrganisation', 'e', ['W1', 'S1']],
    ['recruitmentOfStaff', 'g', ['W1', 'S1']],
    ['majorInvestment', 'h', ['W1', 'S1']],
  ] as const)('%s gives advice letter (%s) citing %j', (answer, letter, sources) => {
    const outcome = triage(answers({ [answer]: true }));
    expect(outcome.advice).toEqual({ applies: true, letters: [letter] });
    expect(reason(outcome, `advice.${letter}`)?.sources).toEqual(sources);
  });

  it('adds (n) for an external adviser on an art. 25 subject [W2]', () => {
    const outcome = triage(
      answers({ introducesOrChangesTechnology: true, externalAdviserEngaged: true }),
    );
    expect(outcome.advice.letters).toEqual(['k', 'n']);
    expect(reason(outcome, 'advice.n')?.sources).toEqual(['W2', 'S18']);
  });

  it('an adviser on an art. 27 subject only needs the 31c notice [W20]', () => {
    const outcome = triage(
      answers({ processesStaffPersonalData: true, externalAdviserEngaged: true }),
    );
    expect(outcome.advice.applies).toBe(false);
    expect(reason(outcome, 'information.external_adviser_31c')?.sources).toEqual(['W20', 'S18']);
  });

  it('orders several letters like the statute', () => {
    const outcome = triage(
      answers({
        majorInvestment: true,
        introducesOrChangesTechnology: true,
        changesActivities: true,
      }),
    );
    expect(outcome.advice.letters).toEqual(['d', 'h', 'k']);
  });

  it('gives no advice right when nothing is triggered', () => {
    expect(triage(none).advice).toEqual({ applies: false, letters: [] });
  });
});

describe('triage: WOR 27 consent right', () => {
  it.each([
    ['processesStaffPersonalData', 'k', ['W10', 'S8']],
    ['canMonitorStaff', 'l', ['W10', 'S8', 'D2']],
    ['usedForAppraisal', 'g', ['W10', 'S8']],
    ['affectsHiringFiringPromotion', 'e', ['W10', 'S8']],
    ['affectsWorkingTimes', 'b', ['W10', 'S8']],
    ['affectsHealthSafety', 'd', ['W10', 'S8', 'B2']],
    ['affectsTraining', 'f', ['W10', 'S8']],
  ] as const)('%s gives consent letter (%s) citing %j', (answer, letter, sources) => {
    const outcome = triage(answers({ [answer]: true }));
    expect(outcome.consent).toMatchObject({ applies: true, letters: [letter], settledByCao: [] });
    expect(reason(outcome, `consent.${letter}`)?.sources).toEqual(sources);
  });

  it.each([
    [['k', 'l'], ['g'], ['k', 'l']],
    [['g', 'k', 'l'], [], ['g', 'k', 'l']],
    [['b'], ['g', 'k', 'l'], []],
  ] as const)('cao settling %j leaves %j (dropped %j) [W11]', (settled, left, dropped) => {
    const outcome = triage(
      answers({
        processesStaffPersonalData: true,
        canMonitorStaff: true,
        usedForAppraisal: true,
        caoSettledConsentLetters: [...settled],
        caoReference: 'cao Metalektro art. 7.3',
      }),
    );
    expect(outcome.consent.letters).toEqual(left);
    expect(outcome.consent.settledByCao).toEqual(dropped);
    expect(outcome.consent.applies).toBe(left.length > 0);
    const caoReason = reason(outcome, 'consent.settled_by_cao');
    expect([caoReason?.sources, caoReason?.text.includes('cao Metalektro art. 7.3')]).toEqual(
      dropped.length > 0 ? [['W11', 'S11'], true] : [undefined, undefined],
    );
  });
});

describe('triage: small undertakings, WOR 35b-d [W26]', () => {
  const hrAi = {
    processesStaffPersonalData: true,
    canMonitorStaff: true,
    affectsWorkingTimes: true,
    affectsHealthSafety: true,
    introducesOrChangesTechnology: true,
  };

  it('a PVT has consent only on 27(1)(b) and (d), not on (k) or (l)', () => {
    const outcome = triage(answers({ ...hrAi, councilType: 'pvt', headcount: 30 }));
    expect(outcome.consent).toEqual({
      applies: true,
      letters: ['b', 'd'],
      settledByCao: [],
      outsidePvtScope: ['k', 'l'],
      partlySettledByCao: [],
    });
    expect(outcome.smallUndertaking.consentLimitedTo).toEqual(['b', 'd']);
    expect(reason(outcome, 'small_undertaking.pvt_consent_scope')?.sources).toEqual(['W26', 'S19']);
  });

  it('a PVT with only (k)/(l) subjects has no consent track', () => {
    const outcome = triage(
      answers({
        councilType: 'pvt',
        headcount: 30,
        processesStaffPersonalData: true,
        canMonitorStaff: true,
      }),
    );
    expect(outcome.consent.applies).toBe(false);
    expect(activeTracks(outcome)).not.toContain('consent');
  });

  it.each([
    [false, false, []],
    [true, true, ['k']],
  ] as const)(
    'a PVT advises only on major effects for a quarter of staff (%s)',
    (major, applies, letters) => {
      const outcome = triage(
        answers({
          councilType: 'pvt',
          headcount: 30,
          introducesOrChangesTechnology: true,
          majorEffectOnQuarterOfStaff: major,
        }),
      );
      expect(outcome.advice).toEqual({ applies, letters });
      expect(
        reason(
          outcome,
          major ? 'small_undertaking.pvt_advice' : 'small_undertaking.pvt_advice_scope',
        ),
      ).toBeDefined();
    },
  );

  it('no council at all: no WOR rights, and the 26(7) notice goes to all affected workers', () => {
    const outcome = triage(
      answers({
        ...hrAi,
        councilType: 'none',
        headcount: 30,
        annexIIIPoint4: 'monitoring_evaluation',
      }),
    );
    expect(outcome.advice.applies).toBe(false);
    expect(outcome.consent.applies).toBe(false);
    expect(outcome.aiAct.noticeRecipients).toEqual(['affected_workers']);
    expect(reason(outcome, 'ai_act.notice_all_affected_workers')?.sources).toEqual([
      'E4',
      'A1',
      'W26',
    ]);
    expect(reason(outcome, 'small_undertaking.no_council')?.sources).toEqual(['W26', 'S19']);
    expect(activeTracks(outcome)).toEqual(['ai_act', 'dpia', 'skills']);
  });

  it.each([
    ['none', 30, true],
    // WOR 35b: a PVT company has no personnel-meeting duty [legal-rules (e)4]
    ['pvt', 30, false],
    ['none', 8, false],
    ['or', 30, false],
    ['none', 60, false],
  ] as const)(
    'council %s with %i staff: personeelsvergadering required = %s',
    (councilType, headcount, required) => {
      expect(
        triage(answers({ councilType, headcount })).smallUndertaking.personnelMeetingRequired,
      ).toBe(required);
    },
  );
});

describe('triage: AI Act', () => {
  it('blocks emotion inference at work [E2]', () => {
    const outcome = triage(answers({ infersEmotions: true, processesStaffPersonalData: true }));
    expect(outcome.blocked).toBe(true);
    expect(outcome.blockReason).toMatchObject({
      code: 'ai_act.emotion_recognition_prohibited',
      sources: ['E2', 'A4'],
    });
    expect(activeTracks(outcome)).toEqual([]);
  });

  it('allows emotion inference for medical or safety reasons, with the art. 50(3) duty', () => {
    const outcome = triage(answers({ infersEmotions: true, emotionMedicalOrSafety: true }));
    expect(outcome.blocked).toBe(false);
    expect(outcome.blockReason).toBeUndefined();
    expect(outcome.aiAct.deployerDuties).toContain('inform_persons_exposed_to_emotion_recognition');
    expect(reason(outcome, 'ai_act.emotion_medical_or_safety')?.sources).toEqual([
      'E2',
      'E14',
      'A4',
      'A9',
    ]);
  });

  it.each([
    'recruitment_selection',
    'work_related_decisions',
    'task_allocation',
    'monitoring_evaluation',
  ] as const)('Annex III point 4 %s is high-risk with the 26(7) notice [E3, E4]', (category) => {
    const outcome = triage(answers({ annexIIIPoint4: category }));
    expect(outcome.aiAct).toMatchObject({
      highRisk: true,
      annexIIICategory: category,
      noticeToWorkersRequired: true,
      noticeRecipients: ['workers_representatives', 'affected_workers'],
    });
    expect(outcome.aiAct.deployerDuties).toEqual(
      expect.arrayContaining([
        'inform_workers_before_use',
        'assign_human_oversight',
        'keep_logs_six_months',
      ]),
    );
    expect(reason(outcome, 'ai_act.high_risk')?.sources).toEqual(['E3', 'A3']);
    expect(activeTracks(outcome)).toContain('ai_act');
  });

  it.each([
    ['none', false, false, false, null],
    // Claimed without the provider's art. 6(4) document: still high-risk [legal-rules (e)6]
    ['work_related_decisions', true, false, true, 'ai_act.article_6_3_needs_provider_assessment'],
    ['work_related_decisions', true, true, true, 'ai_act.article_6_3_unavailable_profiling'],
    ['work_related_decisions', false, true, true, null],
  ] as const)(
    'Annex III %s, 6(3) claimed %s, profiling %s → high-risk %s [E3]',
    (category, exception, profiling, highRisk, code) => {
      const outcome = triage(
        answers({
          annexIIIPoint4: category,
          article6_3Exception: exception,
          profilesNaturalPersons: profiling,
        }),
      );
      expect(outcome.aiAct.highRisk).toBe(highRisk);
      expect(codesStartingWith(outcome, 'ai_act.article_6_3').map(([c]) => c)).toEqual(
        code ? [code] : [],
      );
    },
  );

  it.each([
    ['private', 'work_related_decisions', false, 'ai_act.fria_not_required_private'],
    ['public_body', 'work_related_decisions', true, 'ai_act.fria'],
    ['private_public_service', 'recruitment_selection', true, 'ai_act.fria'],
    ['public_body', 'none', false, undefined],
  ] as const)('deployer %s with %s: FRIA %s [E12]', (deployerType, category, fria, code) => {
    const outcome = triage(answers({ deployerType: deployerType, annexIIIPoint4: category }));
    expect(outcome.aiAct.fria).toBe(fria);
    expect(outcome.aiAct.deployerDuties.includes('fundamental_rights_impact_assessment')).toBe(
      fria,
    );
    expect(codesStartingWith(outcome, 'ai_act.fria')).toEqual(code ? [[code, ['E12', 'A2']]] : []);
  });
});

describe('triage: DPIA [G1]', () => {
  it.each([
    ['largeScaleMonitoring', 'large_scale_monitoring'],
    ['systematicProfilingWithSignificantEffects', 'systematic_profiling'],
    ['specialCategoryData', 'special_category_data'],
    ['biometrics', 'biometrics'],
  ] as const)('%s requires a DPIA', (answer, trigger) => {
    const outcome = triage(answers({ [answer]: true }));
    expect(outcome.dpia).toMatchObject({ required: true, triggers: [trigger] });
    expect(reason(outcome, `dpia.${trigger}`)?.sources).toEqual(['G1', 'G2', 'G5']);
    expect(activeTracks(outcome)).toContain('dpia');
  });

  it('needs no DPIA without a trigger and without staff data', () => {
    expect(triage(answers({ introducesOrChangesTechnology: true })).dpia.required).toBe(false);
  });

  it('staff data processed by AI meets two EDPB criteria: a DPIA [EDPB WP248]', () => {
    const outcome = triage(answers({ processesStaffPersonalData: true }));
    expect(outcome.dpia).toMatchObject({
      required: true,
      apCategories: [],
      edpbCriteria: ['vulnerable_data_subjects', 'innovative_technology'],
    });
    expect(reason(outcome, 'dpia.edpb_two_criteria')?.sources).toContain('EDPB WP248 rev.01');
  });

  it('adds the 26(9) duty to a high-risk system that needs a DPIA [E10]', () => {
    const outcome = triage(
      answers({ annexIIIPoint4: 'monitoring_evaluation', largeScaleMonitoring: true }),
    );
    expect(outcome.aiAct.deployerDuties).toContain('use_provider_information_in_dpia');
  });
});

describe('triage: skills and RI&E', () => {
  it.each([
    [true, true],
    [false, false],
  ])('job content changes %s → BW 7:611a training %s [B1]', (changes, required) => {
    const outcome = triage(answers({ jobContentChanges: changes }));
    expect(outcome.skills).toEqual({ trainingRequired: required, aiLiteracy: true });
    expect(reason(outcome, 'skills.training_611a') !== undefined).toBe(required);
    expect(reason(outcome, 'skills.ai_literacy')?.sources).toEqual(['E1', 'A10', 'O5']);
  });

  it('asks for an RI&E update when working conditions change [B2]', () => {
    expect(triage(answers({ affectsHealthSafety: true })).riskInventory.updateRequired).toBe(true);
    expect(triage(none).riskInventory.updateRequired).toBe(false);
  });
});

describe('activeTracks and re-triage', () => {
  it('opens every track for a high-risk HR system with personal data', () => {
    const outcome = triage(
      answers({
        introducesOrChangesTechnology: true,
        processesStaffPersonalData: true,
        annexIIIPoint4: 'recruitment_selection',
        biometrics: true,
      }),
    );
    expect(activeTracks(outcome)).toEqual(['advice', 'consent', 'ai_act', 'dpia', 'skills']);
  });

  it('reports the tracks a changed answer opens and closes', () => {
    const before = triage(
      answers({ introducesOrChangesTechnology: true, largeScaleMonitoring: true }),
    );
    const after = triage(answers({ introducesOrChangesTechnology: true, usedForAppraisal: true }));
    expect(compareTriage(before, after)).toEqual({
      tracksAdded: ['consent'],
      tracksRemoved: ['dpia'],
      becameBlocked: false,
      unblocked: false,
      reasonsAdded: ['consent.g'],
      reasonsRemoved: ['dpia.large_scale_monitoring', 'dpia.ap.employee_monitoring'],
    });
  });

  it('reports a case that becomes prohibited', () => {
    const change = compareTriage(triage(none), triage(answers({ infersEmotions: true })));
    expect(change.becameBlocked).toBe(true);
    expect(change.tracksRemoved).toEqual(['skills']);
  });
});
