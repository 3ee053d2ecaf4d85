import type { KnownTriageFacts } from './retriage';
import type { TriageAnswers } from './triage';
import { conditionHolds, TRIAGE_QUESTIONNAIRE, TRIAGE_QUESTIONS } from './triage-questions';
import type { QuestionKey, TriageQuestion, TriageQuestionGroup } from './triage-questions';

/**
 * The triage as an HR manager answers it (issue #17): "weet ik niet" on every question, answers
 * pre-filled from the AI register, and follow-up questions that count only when they apply. Pure.
 */

export type { QuestionKey } from './triage-questions';

/** What an HR manager does not know yet, the answer assumed meanwhile, and why to find out. */
export interface ToFindOut {
  readonly question: QuestionKey;
  readonly assumed: unknown;
  /** What is at stake if the cautious answer is wrong, with its legal-rules ids. */
  readonly sources: readonly string[];
}

interface Cautious {
  readonly value: unknown;
  readonly sources: readonly string[];
}

const yes = (...sources: string[]): Cautious => ({ value: true, sources });
const no = (...sources: string[]): Cautious => ({ value: false, sources });

/**
 * The cautious answer for "weet ik niet": the one that keeps the council's rights and the
 * employer's duties in view until the facts are known (legal-rules (d)1 "when in doubt, ask").
 * Where "yes" would *lower* a duty (the art. 6(3) exception, emotion recognition being permitted),
 * the cautious answer is "no".
 */
export const CAUTIOUS_ANSWERS: Readonly<Partial<Record<QuestionKey, Cautious>>> = {
  // A works council's rights are the widest reading of the undertaking (WOR 25/27 [W26]).
  councilType: { value: 'or', sources: ['W1', 'W10', 'W26'] },
  // 50 or more: the works-council duty of WOR art. 2 and the OR's full rights.
  headcount: { value: 50, sources: ['WOR 2', 'W26'] },
  introducesOrChangesTechnology: yes('W1', 'S23'),
  changesActivities: yes('W1'),
  changesWorkOrganisation: yes('W1'),
  majorInvestment: yes('W1'),
  recruitmentOfStaff: yes('W1'),
  externalAdviserEngaged: yes('W20'),
  processesStaffPersonalData: yes('W10', 'G1'),
  // 27(1)(l): suitability decides, not intent [D2].
  canMonitorStaff: yes('W10', 'D2'),
  usedForAppraisal: yes('W10'),
  affectsWorkingTimes: yes('W10'),
  affectsHealthSafety: yes('W10'),
  affectsHiringFiringPromotion: yes('W10'),
  affectsTraining: yes('W10'),
  affectsPayOrJobEvaluation: yes('W10', 'legal-rules (e)5'),
  affectsComplaintsProcedure: yes('W10', 'legal-rules (e)5'),
  affectsWhistleblowingProcedure: yes('W10', 'legal-rules (e)5'),
  // Until the cao text is checked, no consent subject is taken as settled (27(3) [W11]).
  caoSettledConsentLetters: { value: [], sources: ['W11'] },
  annexIIIPoint4: { value: 'monitoring_evaluation', sources: ['A3', 'E3'] },
  // Unknown biometrics or training use: the high-risk reading with its art. 50(3) notice, not a
  // prohibition (that needs the facts of art. 5) [legal-rules (e)6].
  annexIIIPoint1: {
    value: 'biometric_categorisation',
    sources: ['legal-rules (e)6', 'legal-rules (d)1'],
  },
  annexIIIPoint3: {
    value: 'evaluating_learning_outcomes',
    sources: ['legal-rules (e)6', 'legal-rules (d)1'],
  },
  profilesNaturalPersons: yes('E3'),
  article6_3Exception: no('E3', 'legal-rules (e)6'),
  // The FRIA reaches private entities providing public services too (d)9.
  deployerType: { value: 'private_public_service', sources: ['A2', 'E12', 'legal-rules (d)9'] },
  infersEmotions: yes('A4', 'E2'),
  // Emotion recognition at work is prohibited unless a medical or safety reason is shown (5(1)(f)).
  emotionMedicalOrSafety: no('A4', 'E2'),
  largeScaleMonitoring: yes('G1', 'legal-rules (e)7'),
  systematicProfilingWithSignificantEffects: yes('G1'),
  specialCategoryData: yes('G1'),
  biometrics: yes('G1', 'legal-rules (e)7'),
  jobContentChanges: yes('B1'),
  majorEffectOnQuarterOfStaff: yes('W26'),
  manipulativeTechniques: yes('legal-rules (e)6'),
  exploitsVulnerabilities: yes('legal-rules (e)6'),
  socialScoring: yes('legal-rules (e)6'),
  untargetedFacialScraping: yes('legal-rules (e)6'),
  biometricCategorisationSensitive: yes('legal-rules (e)6'),
  annexIProduct: yes('legal-rules (e)6'),
  chatbot: yes('legal-rules (e)6'),
  generatesContent: yes('legal-rules (e)6'),
  deepfakes: yes('legal-rules (e)6'),
  solelyAutomatedSignificantDecisions: yes('G4', 'legal-rules (e)8'),
  covertMonitoring: yes('legal-rules (e)7'),
  blacklist: yes('legal-rules (e)7'),
  fraudDetection: yes('legal-rules (e)7'),
  financialSituation: yes('legal-rules (e)7'),
  cameraSurveillance: yes('legal-rules (e)7'),
  locationData: yes('legal-rules (e)7'),
  communicationData: yes('legal-rules (e)7'),
  connectedDevices: yes('legal-rules (e)7'),
  observesOrInfluencesBehaviour: yes('legal-rules (e)7'),
  healthData: yes('G1', 'legal-rules (e)7'),
};

/** Questions "weet ik niet" can answer: every question with a cautious answer. */
export const UNKNOWABLE_QUESTIONS = Object.freeze(Object.keys(CAUTIOUS_ANSWERS) as QuestionKey[]);

/**
 * Follow-up questions and the condition of the question they follow, as the questionnaire
 * declares them (`showWhen`). A follow-up that does not apply is not asked, and whatever was sent
 * for it is ignored (the neutral answer stands), "weet ik niet" included.
 */
export const FOLLOW_UPS: Readonly<Partial<Record<QuestionKey, (a: TriageAnswers) => boolean>>> =
  Object.fromEntries(
    TRIAGE_QUESTIONS.flatMap((question) => {
      const condition = question.showWhen;
      return condition ? [[question.key, (a: TriageAnswers) => conditionHolds(condition, a)]] : [];
    }),
  );

/** The answer a follow-up that does not apply takes; `undefined` drops it from the record. */
const NEUTRAL: Readonly<Partial<Record<QuestionKey, unknown>>> = {
  // 35b(3)/35c: the PVT's limited advice right.
  majorEffectOnQuarterOfStaff: undefined,
  // 5(1)(f): the exception matters only for a system that infers emotions.
  emotionMedicalOrSafety: false,
  // 27(3): a cao reference only when the cao settles something.
  caoReference: undefined,
  // 6(4): the provider's documented assessment only when the exception is claimed.
  providerAssessmentDocument: undefined,
};

/** Whether a question is asked for these answers (follow-ups only when their condition holds). */
export function questionApplies(question: QuestionKey, answers: TriageAnswers): boolean {
  const condition = FOLLOW_UPS[question];
  return condition ? condition(answers) : true;
}

export interface ResolvedTriageAnswers {
  readonly answers: TriageAnswers;
  readonly toFindOut: readonly ToFindOut[];
}

/**
 * Puts the cautious answer in place of every "weet ik niet" (the server decides it, not the
 * form), then drops follow-ups that do not apply. Each unknown becomes something to find out.
 */
export function resolveTriageAnswers(
  given: TriageAnswers,
  unknown: readonly QuestionKey[] = [],
): ResolvedTriageAnswers {
  const answers: Record<string, unknown> = { ...given };
  const toFindOut: ToFindOut[] = [];
  for (const question of new Set(unknown)) {
    const cautious = CAUTIOUS_ANSWERS[question];
    if (cautious) {
      answers[question] = cautious.value;
      toFindOut.push({ question, assumed: cautious.value, sources: cautious.sources });
    }
  }
  const resolved = answers as unknown as TriageAnswers;
  for (const question of Object.keys(FOLLOW_UPS) as QuestionKey[]) {
    if (!questionApplies(question, resolved)) {
      answers[question] = NEUTRAL[question];
    }
  }
  for (const key of Object.keys(answers)) {
    if (answers[key] === undefined) {
      delete answers[key];
    }
  }
  return {
    answers: answers as unknown as TriageAnswers,
    toFindOut: toFindOut.filter((f) => questionApplies(f.question, resolved)),
  };
}

/**
 * The AI register's data categories that say what kind of staff data a system processes. Absence
 * ("verzuim") and reintegration are health data (GDPR art. 9; AP DPIA list, legal-rules (e)7).
 */
const CATEGORY_TERMS: ReadonlyArray<readonly [QuestionKey, RegExp]> = [
  ['healthData', /verzuim|ziek|gezondheid|re-?integratie|health|sick|absence|medical|medisch/i],
  ['locationData', /locatie|gps|location|route/i],
  ['communicationData', /e-?mail|chat|communicatie|communication|telefoon|phone/i],
  ['biometrics', /biometri|gezicht|vingerafdruk|face|fingerprint|stem|voice/i],
  ['financialSituation', /financi|schuld|loonbeslag|debt/i],
];

export interface RegisterPrefill {
  /** Answers the register implies, to pre-fill the form. */
  readonly answers: Partial<Record<QuestionKey, boolean>>;
  /** The register fact behind each pre-filled answer, to show beside it. */
  readonly because: Partial<Record<QuestionKey, string>>;
}

/** Pre-fills what the AI register already says (monitoring capability, data categories). */
export function prefillFromRegister(known: KnownTriageFacts): RegisterPrefill {
  const answers: Partial<Record<QuestionKey, boolean>> = {};
  const because: Partial<Record<QuestionKey, string>> = {};
  if (known.monitoringCapability === true) {
    answers.canMonitorStaff = true;
    because.canMonitorStaff = 'monitoringCapability';
  }
  const categories = known.dataCategories ?? [];
  if (categories.length > 0) {
    answers.processesStaffPersonalData = true;
    because.processesStaffPersonalData = categories.join(', ');
  }
  for (const [question, pattern] of CATEGORY_TERMS) {
    const matching = categories.filter((c) => pattern.test(c));
    if (matching.length > 0) {
      answers[question] = true;
      because[question] = matching.join(', ');
    }
  }
  if (answers.healthData) {
    // Health data is a special category (GDPR 9) [G1].
    answers.specialCategoryData = true;
    because.specialCategoryData = because.healthData;
  }
  return { answers, because };
}

/** Answers that say "no" where the register says "yes": shown as a warning beside the answer. */
export function registerWarnings(
  answers: TriageAnswers,
  known: KnownTriageFacts,
): Array<{ question: QuestionKey; register: string }> {
  const prefill = prefillFromRegister(known);
  return (Object.keys(prefill.answers) as QuestionKey[])
    .filter((q) => prefill.answers[q] === true && answers[q] !== true)
    .map((q) => ({ question: q, register: prefill.because[q] ?? '' }));
}

export interface ServedTriageQuestion extends TriageQuestion {
  /** Whether "weet ik niet" may answer it (every question with a cautious answer). */
  readonly unknownAllowed: boolean;
  /** The answer the server assumes for "weet ik niet", shown beside the choice. */
  readonly unknownAssumes?: unknown;
}

export interface ServedTriageQuestionGroup extends Omit<TriageQuestionGroup, 'questions'> {
  readonly questions: readonly ServedTriageQuestion[];
}

/**
 * The questionnaire as the API serves it: the declared questions with whether "weet ik niet"
 * may answer each and what it then assumes, so the form shows the same follow-ups the server
 * counts (the condition is evaluated on the answers with the cautious answers in place).
 */
export function servedTriageQuestionnaire(): ServedTriageQuestionGroup[] {
  return TRIAGE_QUESTIONNAIRE.map((group) => ({
    ...group,
    questions: group.questions.map((question) => {
      const cautious = CAUTIOUS_ANSWERS[question.key];
      return {
        ...question,
        unknownAllowed: cautious !== undefined,
        ...(cautious ? { unknownAssumes: cautious.value } : {}),
      };
    }),
  }));
}
