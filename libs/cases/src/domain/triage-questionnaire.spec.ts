import { NO_ANSWERS } from './domain-fixtures';
import { triage } from './triage';
import {
  CAUTIOUS_ANSWERS,
  prefillFromRegister,
  questionApplies,
  registerWarnings,
  resolveTriageAnswers,
  servedTriageQuestionnaire,
  UNKNOWABLE_QUESTIONS,
} from './triage-questionnaire';
import { TRIAGE_QUESTIONS } from './triage-questions';

describe('triage an HR manager can answer (issue #17)', () => {
  describe('"weet ik niet" gives the cautious outcome and something to find out', () => {
    it.each([
      // [question, assumed, what the outcome then says, source of the cautious reading]
      [
        'canMonitorStaff',
        true,
        (o: ReturnType<typeof triage>) => o.consent.letters.includes('l'),
        'D2',
      ],
      [
        'affectsPayOrJobEvaluation',
        true,
        (o: ReturnType<typeof triage>) => o.consent.letters.includes('c'),
        'W10',
      ],
      ['article6_3Exception', false, (o: ReturnType<typeof triage>) => o.aiAct.highRisk, 'E3'],
      ['emotionMedicalOrSafety', false, (o: ReturnType<typeof triage>) => o.blocked, 'A4'],
      ['locationData', true, (o: ReturnType<typeof triage>) => o.dpia.required, 'legal-rules (e)7'],
    ] as const)('%s unknown → assumed %p', (question, assumed, holds, source) => {
      // A system that profiles, monitors and infers emotions, so follow-ups apply.
      const given = {
        ...NO_ANSWERS,
        introducesOrChangesTechnology: true,
        processesStaffPersonalData: true,
        annexIIIPoint4: 'monitoring_evaluation' as const,
        profilesNaturalPersons: true,
        infersEmotions: true,
        article6_3Exception: true,
        providerAssessmentDocument: 'doc-1',
      };
      const { answers, toFindOut } = resolveTriageAnswers(given, [question]);
      expect(answers[question]).toEqual(assumed);
      expect(toFindOut).toEqual([{ question, assumed, sources: expect.arrayContaining([source]) }]);
      expect(holds(triage(answers))).toBe(true);
    });

    it('every boolean question of the form can be answered "weet ik niet"', () => {
      const booleans = Object.keys(NO_ANSWERS).filter(
        (k) => typeof NO_ANSWERS[k as keyof typeof NO_ANSWERS] === 'boolean',
      );
      expect(booleans.filter((k) => !(k in CAUTIOUS_ANSWERS))).toEqual([]);
      expect(UNKNOWABLE_QUESTIONS).toEqual(expect.arrayContaining(['councilType', 'headcount']));
    });

    it('an unknown council type and headcount assume an OR with its full rights (WOR 2, 25, 27)', () => {
      const { answers, toFindOut } = resolveTriageAnswers(
        { ...NO_ANSWERS, councilType: 'none', headcount: 12 },
        ['councilType', 'headcount'],
      );
      expect(answers).toMatchObject({ councilType: 'or', headcount: 50 });
      expect(toFindOut.map((f) => f.question)).toEqual(['councilType', 'headcount']);
    });
  });

  describe('follow-up questions count only when they apply', () => {
    it.each([
      ['emotionMedicalOrSafety', { infersEmotions: false }, false],
      ['emotionMedicalOrSafety', { infersEmotions: true }, true],
      ['majorEffectOnQuarterOfStaff', { councilType: 'or' }, false],
      ['majorEffectOnQuarterOfStaff', { councilType: 'pvt' }, true],
      ['caoReference', { caoSettledConsentLetters: [] }, false],
      ['caoReference', { caoSettledConsentLetters: ['k'] }, true],
      ['providerAssessmentDocument', { article6_3Exception: false }, false],
      ['providerAssessmentDocument', { article6_3Exception: true }, true],
      ['canMonitorStaff', {}, true],
    ] as const)('%s with %j applies: %p', (question, answers, applies) => {
      expect(questionApplies(question, { ...NO_ANSWERS, ...answers })).toBe(applies);
    });

    it('an answer to a follow-up that does not apply is ignored', () => {
      const { answers } = resolveTriageAnswers({
        ...NO_ANSWERS,
        infersEmotions: false,
        emotionMedicalOrSafety: true,
        caoReference: 'cao 2026',
      });
      expect(answers.emotionMedicalOrSafety).toBe(false);
      expect(answers).not.toHaveProperty('caoReference');
    });
  });

  describe('pre-filled from the AI register, with a warning where an answer contradicts it', () => {
    it.each([
      [
        '"verzuim" is health data',
        ['verzuim'],
        ['processesStaffPersonalData', 'healthData', 'specialCategoryData'],
      ],
      [
        'reintegration is health data',
        ['re-integratie'],
        ['processesStaffPersonalData', 'healthData', 'specialCategoryData'],
      ],
      [
        'GPS positions are location data',
        ['GPS-posities'],
        ['processesStaffPersonalData', 'locationData'],
      ],
      [
        'e-mail metadata is communication data',
        ['e-mailverkeer'],
        ['processesStaffPersonalData', 'communicationData'],
      ],
      ['pick rates are staff data only', ['pickscores'], ['processesStaffPersonalData']],
      ['no categories, no pre-fill', [], []],
    ])('%s', (_name, dataCategories, prefilled) => {
      const { answers } = prefillFromRegister({ dataCategories });
      expect(Object.keys(answers).sort()).toEqual([...prefilled].sort());
    });

    it('the monitoring capability pre-fills "can monitor staff"', () => {
      expect(prefillFromRegister({ monitoringCapability: true })).toEqual({
        answers: { canMonitorStaff: true },
        because: { canMonitorStaff: 'monitoringCapability' },
      });
    });

    it('warns where an answer says less than the register', () => {
      const answers = { ...NO_ANSWERS, processesStaffPersonalData: true, canMonitorStaff: false };
      expect(
        registerWarnings(answers, { monitoringCapability: true, dataCategories: ['verzuim'] }),
      ).toEqual([
        { question: 'canMonitorStaff', register: 'monitoringCapability' },
        { question: 'healthData', register: 'verzuim' },
        { question: 'specialCategoryData', register: 'verzuim' },
      ]);
    });
  });

  describe('the questionnaire in plain language (served with the form)', () => {
    // Every answer the DTO takes: the required ones (NO_ANSWERS) and the optional ones.
    const ALL_KEYS = [
      ...Object.keys(NO_ANSWERS),
      'caoReference',
      'majorEffectOnQuarterOfStaff',
      'caoSettlements',
      'annexIIIPoint1',
      'annexIIIPoint3',
      'providerAssessmentDocument',
    ].sort();

    it('asks every triage answer exactly once', () => {
      expect(TRIAGE_QUESTIONS.map((q) => q.key).sort()).toEqual(ALL_KEYS);
    });

    it.each(TRIAGE_QUESTIONS.map((q) => [q.key, q] as const))(
      '%s has a text, help text and example in Dutch and English, and a source',
      (_key, question) => {
        for (const part of [question.text, question.help, question.example]) {
          expect(part.nl.trim().length).toBeGreaterThan(3);
          expect(part.en.trim().length).toBeGreaterThan(3);
        }
        expect(question.help.nl).not.toEqual(question.text.nl);
        expect(question.sources.length).toBeGreaterThan(0);
      },
    );

    it('declares exactly the follow-ups the server counts, each following an earlier question', () => {
      const order = TRIAGE_QUESTIONS.map((q) => q.key);
      const followUps = TRIAGE_QUESTIONS.filter((q) => q.showWhen);
      expect(followUps.map((q) => q.key).sort()).toEqual([
        'caoReference',
        'emotionMedicalOrSafety',
        'majorEffectOnQuarterOfStaff',
        'providerAssessmentDocument',
      ]);
      for (const q of followUps) {
        expect(order.indexOf(q.showWhen!.question)).toBeLessThan(order.indexOf(q.key));
      }
    });

    it('offers "weet ik niet" on every yes/no and choice question, with what it assumes', () => {
      const served = servedTriageQuestionnaire().flatMap((g) => g.questions);
      const closed = served.filter((q) => q.kind === 'yes_no' || q.kind === 'choice');
      expect(closed.filter((q) => !q.unknownAllowed).map((q) => q.key)).toEqual([]);
      expect(served.find((q) => q.key === 'canMonitorStaff')).toMatchObject({
        unknownAllowed: true,
        unknownAssumes: true,
      });
      // A choice's cautious answer is one of its options.
      for (const q of served.filter((x) => x.kind === 'choice')) {
        expect(q.options!.map((o) => o.value)).toContain(q.unknownAssumes);
      }
    });

    it('an unknown parent makes its follow-up apply, as the cautious answer does', () => {
      const given = { ...NO_ANSWERS, infersEmotions: false, emotionMedicalOrSafety: true };
      // Unknown whether it infers emotions: assumed yes, so the medical-or-safety answer counts.
      expect(resolveTriageAnswers(given, ['infersEmotions']).answers.emotionMedicalOrSafety).toBe(
        true,
      );
      // Known not to: the follow-up is ignored, "weet ik niet" on it too.
      const ignored = resolveTriageAnswers(given, ['emotionMedicalOrSafety']);
      expect(ignored.answers.emotionMedicalOrSafety).toBe(false);
      expect(ignored.toFindOut).toEqual([]);
    });
  });
});
