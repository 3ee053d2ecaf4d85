import type { Reason } from './triage-reason';

/**
 * AI Act screening beyond Annex III point 4: the art. 5 prohibitions that can occur at work, the
 * other high-risk routes an employer meets (Annex III points 1 and 3, Annex I products) and the
 * art. 50 transparency duties. Pure; every rule cites legal-rules (e)6 and the article (the
 * project's legal-rules.md cannot be edited, so articles are cited here and in the README).
 */

export type ProhibitedPractice =
  | 'manipulative_or_deceptive' // art. 5(1)(a)
  | 'exploits_vulnerabilities' // art. 5(1)(b)
  | 'social_scoring' // art. 5(1)(c)
  | 'untargeted_facial_scraping' // art. 5(1)(e)
  | 'emotion_recognition_at_work' // art. 5(1)(f)
  | 'sensitive_biometric_categorisation'; // art. 5(1)(g)

export interface ProhibitedPracticeAnswers {
  readonly manipulativeTechniques?: boolean;
  readonly exploitsVulnerabilities?: boolean;
  readonly socialScoring?: boolean;
  readonly untargetedFacialScraping?: boolean;
  readonly infersEmotions: boolean;
  readonly emotionMedicalOrSafety: boolean;
  /** Infers race, political opinions, trade-union membership, religion or sex life from biometrics. */
  readonly biometricCategorisationSensitive?: boolean;
}

const PROHIBITIONS: ReadonlyArray<{
  practice: ProhibitedPractice;
  applies: (a: ProhibitedPracticeAnswers) => boolean;
  text: string;
  sources: readonly string[];
}> = [
  {
    practice: 'manipulative_or_deceptive',
    applies: (a) => a.manipulativeTechniques === true,
    text: 'AI Act 5(1)(a): subliminal, manipulative or deceptive techniques that materially distort behaviour and cause significant harm are prohibited.',
    sources: ['AI Act 5(1)(a)', 'legal-rules (e)6'],
  },
  {
    practice: 'exploits_vulnerabilities',
    applies: (a) => a.exploitsVulnerabilities === true,
    text: 'AI Act 5(1)(b): exploiting vulnerabilities due to age, disability or a social or economic situation is prohibited.',
    sources: ['AI Act 5(1)(b)', 'legal-rules (e)6'],
  },
  {
    practice: 'social_scoring',
    applies: (a) => a.socialScoring === true,
    text: 'AI Act 5(1)(c): scoring people on social behaviour or personal traits leading to unrelated or disproportionate detrimental treatment is prohibited.',
    sources: ['AI Act 5(1)(c)', 'legal-rules (e)6'],
  },
  {
    practice: 'untargeted_facial_scraping',
    applies: (a) => a.untargetedFacialScraping === true,
    text: 'AI Act 5(1)(e): building facial-recognition databases by untargeted scraping of images from the internet or CCTV is prohibited.',
    sources: ['AI Act 5(1)(e)', 'legal-rules (e)6'],
  },
  {
    practice: 'emotion_recognition_at_work',
    applies: (a) => a.infersEmotions && !a.emotionMedicalOrSafety,
    text: 'AI Act 5(1)(f): inferring emotions of workers in the workplace is prohibited (fine up to €35M or 7%).',
    sources: ['E2', 'A4'],
  },
  {
    practice: 'sensitive_biometric_categorisation',
    applies: (a) => a.biometricCategorisationSensitive === true,
    text: 'AI Act 5(1)(g): biometric categorisation inferring race, political opinions, trade-union membership, religious or philosophical beliefs, sex life or sexual orientation is prohibited.',
    sources: ['AI Act 5(1)(g)', 'legal-rules (e)6'],
  },
];

/** Every prohibited practice the answers show, each with its reason; any one blocks the case. */
export function prohibitedPractices(
  a: ProhibitedPracticeAnswers,
): Array<Reason & { practice: ProhibitedPractice }> {
  return PROHIBITIONS.filter((p) => p.applies(a)).map((p) => ({
    practice: p.practice,
    // The emotion code predates this module; kept so stored outcomes and messages still match.
    code:
      p.practice === 'emotion_recognition_at_work'
        ? 'ai_act.emotion_recognition_prohibited'
        : `ai_act.prohibited.${p.practice}`,
    text: p.text,
    sources: p.sources,
  }));
}

export const PROHIBITED_PRACTICE_CODES: readonly string[] = PROHIBITIONS.filter(
  (p) => p.practice !== 'emotion_recognition_at_work',
).map((p) => `ai_act.prohibited.${p.practice}`);

export type AnnexIIIPoint1 =
  'none' | 'remote_biometric_identification' | 'biometric_categorisation' | 'emotion_recognition';
export type AnnexIIIPoint3 =
  | 'none'
  | 'access_admission'
  | 'evaluating_learning_outcomes'
  | 'assessing_education_level'
  | 'monitoring_test_behaviour';

/** A high-risk route: which provision makes the system high-risk. */
export type HighRiskRoute =
  | `annex_iii_1:${Exclude<AnnexIIIPoint1, 'none'>}`
  | `annex_iii_3:${Exclude<AnnexIIIPoint3, 'none'>}`
  | `annex_iii_4:${string}`
  | 'annex_i_product';

export interface HighRiskAnswers {
  readonly annexIIIPoint1?: AnnexIIIPoint1;
  readonly annexIIIPoint3?: AnnexIIIPoint3;
  readonly annexIIIPoint4: string;
  readonly infersEmotions: boolean;
  readonly emotionMedicalOrSafety: boolean;
  /** A safety component of, or itself, a product under Annex I (machinery, robots, lifts) used at work. */
  readonly annexIProduct?: boolean;
  readonly profilesNaturalPersons: boolean;
  /** The art. 6(3) exception is claimed… */
  readonly article6_3Exception: boolean;
  /** …and rests on the provider's documented assessment (art. 6(4)): its document id or reference. */
  readonly providerAssessmentDocument?: string;
}

export interface HighRiskReading {
  readonly highRisk: boolean;
  readonly routes: readonly HighRiskRoute[];
  /** The art. 6(3) exception as recorded: only with the provider's document (art. 6(4)). */
  readonly exception: {
    readonly applied: boolean;
    readonly providerAssessmentDocument: string | null;
  };
  readonly reasons: readonly Reason[];
}

/**
 * AI Act art. 6: Annex I products (6(1)) and Annex III uses (6(2)). Permitted emotion recognition
 * (medical or safety) is Annex III point 1(c) and so high-risk. The 6(3) exception is available
 * only to Annex III systems that do not profile, and only as the provider documented it (6(4)):
 * the employer's own opinion does not take a system out of high risk [legal-rules (e)6].
 */
export function highRiskReading(a: HighRiskAnswers): HighRiskReading {
  const reasons: Reason[] = [];
  const annexIII: HighRiskRoute[] = [];
  const point1 =
    a.annexIIIPoint1 && a.annexIIIPoint1 !== 'none'
      ? a.annexIIIPoint1
      : a.infersEmotions && a.emotionMedicalOrSafety
        ? 'emotion_recognition'
        : 'none';
  if (point1 !== 'none') {
    annexIII.push(`annex_iii_1:${point1}`);
    reasons.push({
      code: `ai_act.high_risk.annex_iii_1.${point1}`,
      text: `AI Act 6(2) and Annex III point 1 (biometrics: ${point1.replace(/_/g, ' ')}): high-risk${point1 === 'emotion_recognition' ? '; emotion recognition allowed for medical or safety reasons is still high-risk' : ''}.`,
      sources: ['AI Act Annex III(1)', 'legal-rules (e)6'],
    });
  }
  if (a.annexIIIPoint3 && a.annexIIIPoint3 !== 'none') {
    annexIII.push(`annex_iii_3:${a.annexIIIPoint3}`);
    reasons.push({
      code: `ai_act.high_risk.annex_iii_3.${a.annexIIIPoint3}`,
      text: `AI Act 6(2) and Annex III point 3 (education and vocational training: ${a.annexIIIPoint3.replace(/_/g, ' ')}): high-risk.`,
      sources: ['AI Act Annex III(3)', 'legal-rules (e)6'],
    });
  }
  if (a.annexIIIPoint4 !== 'none') {
    annexIII.push(`annex_iii_4:${a.annexIIIPoint4}`);
  }
  const routes: HighRiskRoute[] = [...annexIII];
  if (a.annexIProduct) {
    routes.push('annex_i_product');
    reasons.push({
      code: 'ai_act.high_risk.annex_i_product',
      text: 'AI Act 6(1) and Annex I: the AI is (a safety component of) a product under EU harmonisation law such as machinery or robots; high-risk, and art. 6(3) does not apply.',
      sources: ['AI Act 6(1)', 'AI Act Annex I', 'legal-rules (e)6'],
    });
  }
  const document = a.providerAssessmentDocument?.trim()
    ? a.providerAssessmentDocument.trim()
    : null;
  let exceptionApplied = false;
  if (a.article6_3Exception && annexIII.length > 0) {
    if (a.profilesNaturalPersons) {
      reasons.push({
        code: 'ai_act.article_6_3_unavailable_profiling',
        text: 'AI Act 6(3): the exception is never available when the system profiles natural persons.',
        sources: ['E3', 'A3'],
      });
    } else if (document === null) {
      reasons.push({
        code: 'ai_act.article_6_3_needs_provider_assessment',
        text: "AI Act 6(3)-(4): the exception rests on the provider's documented assessment; without that document the system stays high-risk.",
        sources: ['E3', 'AI Act 6(4)', 'legal-rules (e)6'],
      });
    } else {
      exceptionApplied = true;
      reasons.push({
        code: 'ai_act.article_6_3_exception',
        text: `AI Act 6(3)-(4): the provider's documented assessment (${document}) finds no significant risk; keep it with the case.`,
        sources: ['E3', 'A3', 'AI Act 6(4)'],
      });
    }
  }
  const highRisk = (annexIII.length > 0 && !exceptionApplied) || a.annexIProduct === true;
  return {
    highRisk,
    routes: exceptionApplied ? routes.filter((r) => r === 'annex_i_product') : routes,
    exception: {
      applied: exceptionApplied,
      providerAssessmentDocument: exceptionApplied ? document : null,
    },
    reasons,
  };
}

export type TransparencyDuty =
  | 'disclose_ai_interaction' // art. 50(1)
  | 'mark_synthetic_content' // art. 50(2), provider duty the employer checks
  | 'inform_emotion_or_biometric_exposure' // art. 50(3)
  | 'disclose_deepfakes'; // art. 50(4)

export interface TransparencyAnswers {
  readonly chatbot?: boolean;
  readonly generatesContent?: boolean;
  readonly deepfakes?: boolean;
  readonly infersEmotions: boolean;
  readonly emotionMedicalOrSafety: boolean;
  readonly biometricCategorisation: boolean;
}

/** AI Act art. 50, applying from 2 August 2026 (the date is read from the regulatory calendar). */
export function transparencyDuties(
  a: TransparencyAnswers,
): Array<Reason & { duty: TransparencyDuty }> {
  const out: Array<Reason & { duty: TransparencyDuty }> = [];
  const push = (duty: TransparencyDuty, text: string, article: string) =>
    out.push({ duty, code: `ai_act.art50.${duty}`, text, sources: ['E14', 'A9', article] });
  if (a.chatbot) {
    push(
      'disclose_ai_interaction',
      'AI Act 50(1): people must be told they are interacting with an AI system (a chatbot), at the latest at the first interaction.',
      'AI Act 50(1)',
    );
  }
  if (a.generatesContent) {
    push(
      'mark_synthetic_content',
      'AI Act 50(2): generated or manipulated audio, image, video or text must be marked as such (machine-readable); check the provider does so.',
      'AI Act 50(2)',
    );
  }
  if ((a.infersEmotions && a.emotionMedicalOrSafety) || a.biometricCategorisation) {
    push(
      'inform_emotion_or_biometric_exposure',
      'AI Act 50(3): inform the persons exposed to an emotion-recognition or biometric-categorisation system.',
      'AI Act 50(3)',
    );
  }
  if (a.deepfakes) {
    push(
      'disclose_deepfakes',
      'AI Act 50(4): disclose that deepfake content was artificially generated or manipulated.',
      'AI Act 50(4)',
    );
  }
  return out;
}

export const AI_ACT_SCREENING_CODES: readonly string[] = [
  ...PROHIBITED_PRACTICE_CODES,
  ...(
    ['remote_biometric_identification', 'biometric_categorisation', 'emotion_recognition'] as const
  ).map((p) => `ai_act.high_risk.annex_iii_1.${p}`),
  ...(
    [
      'access_admission',
      'evaluating_learning_outcomes',
      'assessing_education_level',
      'monitoring_test_behaviour',
    ] as const
  ).map((p) => `ai_act.high_risk.annex_iii_3.${p}`),
  'ai_act.high_risk.annex_i_product',
  'ai_act.article_6_3_needs_provider_assessment',
  ...(
    [
      'disclose_ai_interaction',
      'mark_synthetic_content',
      'inform_emotion_or_biometric_exposure',
      'disclose_deepfakes',
    ] as const
  ).map((d) => `ai_act.art50.${d}`),
];
