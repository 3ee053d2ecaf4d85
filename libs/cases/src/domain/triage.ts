import {
  AI_ACT_SCREENING_CODES,
  highRiskReading,
  prohibitedPractices,
  transparencyDuties,
} from './ai-act-screening';
import type {
  AnnexIIIPoint1,
  AnnexIIIPoint3,
  HighRiskRoute,
  ProhibitedPractice,
  TransparencyDuty,
} from './ai-act-screening';
import { DPIA_REASON_CODES, dpiaReading } from './dpia-screening';
import type { ApDpiaCategory } from './dpia-screening';
import type { TrackKind } from './tracks';
import type { Reason } from './triage-reason';

export type { Reason } from './triage-reason';

/**
 * Rights triage (legal-rules (c) DRAFT→SCREENING). Pure: the answers go in, the rights that follow
 * come out with a reason and the legal-rules ids for each, so the case can show *why* a track exists.
 * The platform suggests the rights; it never decides them for the parties (seed-requirements §5).
 */

export type CouncilType = 'or' | 'pvt' | 'none';
/** WOR art. 25(1) letters an AI introduction typically touches. */
export type AdviceLetter = 'd' | 'e' | 'g' | 'h' | 'k' | 'n';
/** WOR art. 27(1) letters an AI introduction typically touches. */
export type ConsentLetter = 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'j' | 'k' | 'l' | 'm';

/** WOR 27(3): a cao settles a consent subject "voor zover": wholly, or only part of it. */
export interface CaoSettlement {
  readonly letter: ConsentLetter;
  readonly scope: 'whole' | 'part';
  /** What the cao settles, e.g. "pay scales" of (c) while the job evaluation tool is not. */
  readonly topic: string;
  readonly reference?: string;
}
export type AnnexIIIPoint4 =
  | 'none'
  | 'recruitment_selection'
  | 'work_related_decisions'
  | 'task_allocation'
  | 'monitoring_evaluation';
export type DeployerType = 'private' | 'public_body' | 'private_public_service';
export type NoticeRecipient = 'workers_representatives' | 'affected_workers';
export type DpiaTrigger =
  'large_scale_monitoring' | 'systematic_profiling' | 'special_category_data' | 'biometrics';
export type DeployerDuty =
  | 'use_according_to_instructions'
  | 'assign_human_oversight'
  | 'ensure_relevant_input_data'
  | 'monitor_and_report_risks'
  | 'keep_logs_six_months'
  | 'inform_workers_before_use'
  | 'inform_persons_subject_to_decisions'
  | 'explain_decisions_on_request'
  | 'use_provider_information_in_dpia'
  | 'fundamental_rights_impact_assessment'
  | 'inform_persons_exposed_to_emotion_recognition';

export interface TriageAnswers {
  readonly councilType: CouncilType;
  readonly headcount: number;
  /** Introduces or changes an (important) technological facility; a pilot counts too [S23]. */
  readonly introducesOrChangesTechnology: boolean;
  /** An important reduction, expansion or other change of the activities (25(1)(d)). */
  readonly changesActivities: boolean;
  /** An important change in the organisation or the division of powers (25(1)(e)). */
  readonly changesWorkOrganisation: boolean;
  /** An important investment (25(1)(h)). */
  readonly majorInvestment: boolean;
  /** Recruiting or hiring in staff as a group (25(1)(g)). */
  readonly recruitmentOfStaff: boolean;
  /** An external adviser (e.g. an AI consultancy) is engaged on the matter (25(1)(n) / 31c). */
  readonly externalAdviserEngaged: boolean;
  readonly processesStaffPersonalData: boolean;
  /** Objectively *suitable* for observing attendance, behaviour or performance, whatever the intent. */
  readonly canMonitorStaff: boolean;
  readonly usedForAppraisal: boolean;
  readonly affectsWorkingTimes: boolean;
  readonly affectsHealthSafety: boolean;
  readonly affectsHiringFiringPromotion: boolean;
  readonly affectsTraining: boolean;
  readonly annexIIIPoint4: AnnexIIIPoint4;
  readonly profilesNaturalPersons: boolean;
  /** The employer's art. 6(3) self-assessment says the system poses no significant risk. */
  readonly article6_3Exception: boolean;
  readonly deployerType: DeployerType;
  readonly infersEmotions: boolean;
  readonly emotionMedicalOrSafety: boolean;
  /** Large-scale or systematic monitoring of staff (AP DPIA list). */
  readonly largeScaleMonitoring: boolean;
  readonly systematicProfilingWithSignificantEffects: boolean;
  /** Special categories of personal data (GDPR art. 9) processed on a large scale. */
  readonly specialCategoryData: boolean;
  readonly biometrics: boolean;
  /** Consent letters the applicable cao already settles substantively (27(3)). */
  readonly caoSettledConsentLetters: readonly ConsentLetter[];
  readonly caoReference?: string;
  /** The AI changes job content or may make jobs redundant (BW 7:611a). */
  readonly jobContentChanges: boolean;
  /**
   * PVT only: the decision may cost jobs or importantly change work, terms or working conditions
   * for at least a quarter of the staff, the limit of a PVT's advice right (35b(3)/35c).
   */
  readonly majorEffectOnQuarterOfStaff?: boolean;

  // Issue #17; all optional so triage answers stored before still read the same.
  /** 27(1)(c): pay or job evaluation (functiewaardering). */
  readonly affectsPayOrJobEvaluation?: boolean;
  /** 27(1)(j): the complaints procedure (klachtenregeling). */
  readonly affectsComplaintsProcedure?: boolean;
  /** 27(1)(m): the whistle-blowing procedure (klokkenluidersregeling). */
  readonly affectsWhistleblowingProcedure?: boolean;
  /** Per-topic cao settlements (27(3) "voor zover"); supersedes nothing in caoSettledConsentLetters. */
  readonly caoSettlements?: readonly CaoSettlement[];
  readonly manipulativeTechniques?: boolean;
  readonly exploitsVulnerabilities?: boolean;
  readonly socialScoring?: boolean;
  readonly untargetedFacialScraping?: boolean;
  readonly biometricCategorisationSensitive?: boolean;
  readonly annexIIIPoint1?: AnnexIIIPoint1;
  readonly annexIIIPoint3?: AnnexIIIPoint3;
  readonly annexIProduct?: boolean;
  /** The provider's documented art. 6(3) assessment (art. 6(4)): document id or reference. */
  readonly providerAssessmentDocument?: string;
  readonly chatbot?: boolean;
  readonly generatesContent?: boolean;
  readonly deepfakes?: boolean;
  /** GDPR 22: decisions based solely on automated processing with legal or similarly significant effects. */
  readonly solelyAutomatedSignificantDecisions?: boolean;
  readonly covertMonitoring?: boolean;
  readonly blacklist?: boolean;
  readonly fraudDetection?: boolean;
  readonly financialSituation?: boolean;
  readonly cameraSurveillance?: boolean;
  readonly locationData?: boolean;
  readonly communicationData?: boolean;
  readonly connectedDevices?: boolean;
  readonly observesOrInfluencesBehaviour?: boolean;
  readonly healthData?: boolean;
}

export interface TriageOutcome {
  readonly blocked: boolean;
  readonly blockReason?: Reason;
  readonly advice: { readonly applies: boolean; readonly letters: readonly AdviceLetter[] };
  readonly consent: {
    readonly applies: boolean;
    readonly letters: readonly ConsentLetter[];
    /** Letters that would apply but drop out because the cao settles them (27(3)). */
    readonly settledByCao: readonly ConsentLetter[];
    /** Letters that would apply but a PVT has no consent right on (35c). */
    readonly outsidePvtScope: readonly ConsentLetter[];
    /** Letters the cao settles only in part: consent remains for the rest (27(3) "voor zover"). */
    readonly partlySettledByCao?: readonly CaoSettlement[];
  };
  readonly aiAct: {
    readonly highRisk: boolean;
    readonly annexIIICategory: Exclude<AnnexIIIPoint4, 'none'> | null;
    readonly deployerDuties: readonly DeployerDuty[];
    readonly noticeToWorkersRequired: boolean;
    readonly noticeRecipients: readonly NoticeRecipient[];
    readonly fria: boolean;
    /** Every art. 5 practice found; any one blocks the case. */
    readonly prohibitedPractices?: readonly ProhibitedPractice[];
    readonly highRiskRoutes?: readonly HighRiskRoute[];
    readonly article6_3Exception?: {
      readonly applied: boolean;
      readonly providerAssessmentDocument: string | null;
    };
    readonly transparencyDuties?: readonly TransparencyDuty[];
  };
  /** Questions answered "weet ik niet": the cautious answer assumed, and what to find out. */
  readonly toFindOut?: ReadonlyArray<{
    readonly question: keyof TriageAnswers;
    readonly assumed: unknown;
    readonly sources: readonly string[];
  }>;
  /** Answers that say less than the AI register (monitoring capability, data categories). */
  readonly registerWarnings?: ReadonlyArray<{
    readonly question: keyof TriageAnswers;
    readonly register: string;
  }>;
  /** Issue #17 fields are optional: outcomes stored before them stay valid. */
  readonly gdpr?: {
    /** GDPR 22: solely automated decisions with legal or similarly significant effects. */
    readonly article22: boolean;
    readonly humanInterventionRequired: boolean;
  };
  readonly dpia: {
    readonly required: boolean;
    readonly triggers: readonly DpiaTrigger[];
    readonly apCategories?: readonly ApDpiaCategory[];
    readonly edpbCriteria?: readonly string[];
  };
  readonly skills: { readonly trainingRequired: boolean; readonly aiLiteracy: boolean };
  readonly riskInventory: { readonly updateRequired: boolean };
  readonly smallUndertaking: {
    readonly councilType: CouncilType;
    readonly headcount: number;
    /** 10 to 49 staff with neither an OR nor a PVT: a personeelsvergadering twice a year (35b). */
    readonly personnelMeetingRequired: boolean;
    /** 50 or more staff and no OR: the employer must set one up (WOR art. 2). */
    readonly worksCouncilDuty?: boolean;
    /** Set for a PVT: the only consent letters it has (35c). */
    readonly consentLimitedTo: readonly ConsentLetter[] | null;
  };
  readonly reasons: readonly Reason[];
}

const ADVICE_ORDER: readonly AdviceLetter[] = ['d', 'e', 'g', 'h', 'k', 'n'];
const CONSENT_ORDER: readonly ConsentLetter[] = ['b', 'c', 'd', 'e', 'f', 'g', 'j', 'k', 'l', 'm'];
// WOR art. 35c: a PVT has consent only on working and rest times (b) and health and safety (d) [W26]
const PVT_CONSENT_LETTERS: readonly ConsentLetter[] = ['b', 'd'];

interface LetterRule<L> {
  readonly letter: L;
  readonly applies: (a: TriageAnswers) => boolean;
  readonly text: string;
  readonly sources: readonly string[];
}

const ADVICE_RULES: readonly LetterRule<AdviceLetter>[] = [
  {
    letter: 'k',
    applies: (a) => a.introducesOrChangesTechnology,
    text: 'WOR 25(1)(k): introducing or changing an important technological facility; every change and a pilot count.',
    sources: ['W1', 'S1', 'S23'],
  },
  {
    letter: 'd',
    applies: (a) => a.changesActivities,
    text: 'WOR 25(1)(d): an important change of the activities of the undertaking.',
    sources: ['W1', 'S1'],
  },
  {
    letter: 'e',
    applies: (a) => a.changesWorkOrganisation,
    text: 'WOR 25(1)(e): an important change in the organisation or the division of powers.',
    sources: ['W1', 'S1'],
  },
  {
    letter: 'g',
    applies: (a) => a.recruitmentOfStaff,
    text: 'WOR 25(1)(g): recruiting or hiring in staff as a group.',
    sources: ['W1', 'S1'],
  },
  {
    letter: 'h',
    applies: (a) => a.majorInvestment,
    text: 'WOR 25(1)(h): an important investment.',
    sources: ['W1', 'S1'],
  },
];

const CONSENT_RULES: readonly LetterRule<ConsentLetter>[] = [
  {
    letter: 'k',
    applies: (a) => a.processesStaffPersonalData,
    text: 'WOR 27(1)(k): a regeling on processing and protecting staff personal data.',
    sources: ['W10', 'S8'],
  },
  {
    letter: 'l',
    applies: (a) => a.canMonitorStaff,
    // "gericht op of geschikt voor": objective suitability decides, not the stated purpose (cf. D2).
    text: 'WOR 27(1)(l): a facility aimed at or suitable for observing attendance, behaviour or performance.',
    sources: ['W10', 'S8', 'D2'],
  },
  {
    letter: 'g',
    applies: (a) => a.usedForAppraisal,
    text: 'WOR 27(1)(g): a staff appraisal system.',
    sources: ['W10', 'S8'],
  },
  {
    letter: 'e',
    applies: (a) => a.affectsHiringFiringPromotion,
    text: 'WOR 27(1)(e): appointment, dismissal or promotion policy.',
    sources: ['W10', 'S8'],
  },
  {
    letter: 'b',
    applies: (a) => a.affectsWorkingTimes,
    text: 'WOR 27(1)(b): working and rest times or rostering.',
    sources: ['W10', 'S8'],
  },
  {
    letter: 'd',
    applies: (a) => a.affectsHealthSafety,
    text: 'WOR 27(1)(d): health and safety, absence or reintegration; the RI&E too.',
    sources: ['W10', 'S8', 'B2'],
  },
  {
    letter: 'c',
    applies: (a) => a.affectsPayOrJobEvaluation === true,
    text: 'WOR 27(1)(c): a pay or job evaluation system (beloning, functiewaardering).',
    sources: ['W10', 'S8', 'legal-rules (e)5'],
  },
  {
    letter: 'j',
    applies: (a) => a.affectsComplaintsProcedure === true,
    text: 'WOR 27(1)(j): the complaints procedure.',
    sources: ['W10', 'S8', 'legal-rules (e)5'],
  },
  {
    letter: 'm',
    applies: (a) => a.affectsWhistleblowingProcedure === true,
    text: 'WOR 27(1)(m): the procedure for reporting suspected wrongdoing (klokkenluidersregeling).',
    sources: ['W10', 'S8', 'legal-rules (e)5'],
  },
  {
    letter: 'f',
    applies: (a) => a.affectsTraining,
    text: 'WOR 27(1)(f): training policy.',
    sources: ['W10', 'S8'],
  },
];

const HIGH_RISK_DUTIES: ReadonlyArray<{ duty: DeployerDuty; sources: readonly string[] }> = [
  { duty: 'use_according_to_instructions', sources: ['E5', 'A1'] },
  { duty: 'assign_human_oversight', sources: ['E5', 'A1', 'A6'] },
  { duty: 'ensure_relevant_input_data', sources: ['E6', 'A1'] },
  { duty: 'monitor_and_report_risks', sources: ['E7', 'A1'] },
  { duty: 'keep_logs_six_months', sources: ['E9', 'A1'] },
  { duty: 'inform_workers_before_use', sources: ['E4', 'A1'] },
  // Every Annex III point 4 purpose makes or assists decisions about workers or candidates.
  { duty: 'inform_persons_subject_to_decisions', sources: ['E11', 'A1'] },
  { duty: 'explain_decisions_on_request', sources: ['E13', 'A5'] },
];

function ordered<L>(letters: Iterable<L>, order: readonly L[]): L[] {
  const set = new Set(letters);
  return order.filter((l) => set.has(l));
}

function listed(letters: readonly string[]): string {
  return letters.map((l) => `(${l})`).join(', ');
}

export function triage(answers: TriageAnswers): TriageOutcome {
  const reasons: Reason[] = [];
  const prohibited = prohibitedPractices(answers);
  const blockReason = prohibited[0] ? stripPractice(prohibited[0]) : undefined;
  reasons.push(...prohibited.map(stripPractice));
  if (answers.infersEmotions && answers.emotionMedicalOrSafety) {
    reasons.push({
      code: 'ai_act.emotion_medical_or_safety',
      text: 'AI Act 5(1)(f): emotion inference at work is allowed only for medical or safety reasons; it is then high-risk (Annex III point 1) and the persons exposed are informed (art. 50(3)).',
      sources: ['E2', 'E14', 'A4', 'A9'],
    });
  }
  const advice = adviceRight(answers, reasons);
  const consent = consentRight(answers, reasons);
  const dpia = dpiaRequirement(answers, reasons);
  const aiAct = {
    ...aiActClassification(answers, dpia.required, reasons),
    prohibitedPractices: prohibited.map((p) => p.practice),
  };
  const gdpr = article22(answers, reasons);
  const skills = skillsDuties(answers, reasons);
  const riskInventory = riskInventoryUpdate(answers, reasons);
  // WOR 35b: only where there is neither an OR nor a PVT [W26, legal-rules (e)4]
  const personnelMeetingRequired =
    answers.councilType === 'none' && answers.headcount >= 10 && answers.headcount < 50;
  if (personnelMeetingRequired) {
    reasons.push({
      code: 'small_undertaking.personnel_meeting',
      text: 'WOR 35b: 10 to 49 staff and neither a works council nor a PVT; discuss the matter in a personeelsvergadering (at least twice a year).',
      sources: ['W26', 'S19', 'legal-rules (e)4'],
    });
  }
  if (answers.councilType === 'pvt') {
    reasons.push({
      code: 'small_undertaking.pvt_rights',
      text: 'WOR 35c-35d: the PVT is informed and consulted; it has consent on working and rest times (27(1)(b)) and health and safety (27(1)(d)) and advice only on decisions with a major effect on at least a quarter of the staff.',
      sources: ['W26', 'S19', 'WOR 35c', 'WOR 35d'],
    });
  }
  // WOR art. 2: from 50 workers the employer must set up a works council [legal-rules (e)4]
  const worksCouncilDuty = answers.councilType !== 'or' && answers.headcount >= 50;
  if (worksCouncilDuty) {
    reasons.push({
      code: 'small_undertaking.works_council_duty',
      text: 'WOR 2: an undertaking with at least 50 workers must set up a works council; the employer is responsible for it.',
      sources: ['WOR 2', 'legal-rules (e)4'],
    });
  }
  return {
    blocked: blockReason !== undefined,
    ...(blockReason ? { blockReason } : {}),
    advice,
    consent,
    aiAct,
    gdpr,
    dpia,
    skills,
    riskInventory,
    smallUndertaking: {
      councilType: answers.councilType,
      headcount: answers.headcount,
      personnelMeetingRequired,
      worksCouncilDuty,
      consentLimitedTo: answers.councilType === 'pvt' ? PVT_CONSENT_LETTERS : null,
    },
    reasons,
  };
}

function stripPractice(reason: Reason & { practice: string }): Reason {
  return { code: reason.code, text: reason.text, sources: reason.sources };
}

function article22(a: TriageAnswers, reasons: Reason[]): TriageOutcome['gdpr'] {
  const applies = a.solelyAutomatedSignificantDecisions === true;
  if (applies) {
    reasons.push({
      code: 'gdpr.article_22',
      text: 'GDPR 22: decisions based solely on automated processing with legal or similarly significant effects need an exception (contract, law, explicit consent) and at least human intervention, the right to express a view and to contest; a rubber stamp is not human intervention. A DPIA is required.',
      sources: ['G4', 'G1', 'legal-rules (e)8'],
    });
  }
  return { article22: applies, humanInterventionRequired: applies };
}

function adviceRight(a: TriageAnswers, reasons: Reason[]): TriageOutcome['advice'] {
  const matched = ADVICE_RULES.filter((rule) => rule.applies(a));
  let letters: AdviceLetter[] = matched.map((rule) => rule.letter);
  // WOR 25(1)(n) covers an adviser engaged on an art. 25 subject only [W2]; on an art. 27 subject
  // the employer merely informs the council (31c) [W20].
  if (a.externalAdviserEngaged && letters.length > 0) {
    letters.push('n');
    matched.push({
      letter: 'n',
      applies: () => true,
      text: 'WOR 25(1)(n): advice on engaging an external adviser and on the assignment.',
      sources: ['W2', 'S18'],
    });
  } else if (a.externalAdviserEngaged) {
    reasons.push({
      code: 'information.external_adviser_31c',
      text: 'WOR 31c: inform the council as soon as possible of an external advisory assignment and share it.',
      sources: ['W20', 'S18'],
    });
  }
  if (a.councilType === 'none') {
    if (letters.length > 0) {
      reasons.push({
        code: 'small_undertaking.no_council',
        text: `No works council or PVT: the WOR advice and consent rights do not apply (advice grounds would be ${listed(ordered(letters, ADVICE_ORDER))}).`,
        sources: ['W26', 'S19'],
      });
    }
    return { applies: false, letters: [] };
  }
  if (a.councilType === 'pvt' && letters.length > 0 && !a.majorEffectOnQuarterOfStaff) {
    reasons.push({
      code: 'small_undertaking.pvt_advice_scope',
      text: 'WOR 35c: a PVT advises only on decisions that may cost jobs or importantly change work or working conditions for at least a quarter of the staff.',
      sources: ['W26', 'S19'],
    });
    letters = [];
  } else {
    reasons.push(
      ...matched.map(({ letter, text, sources }) => ({ code: `advice.${letter}`, text, sources })),
    );
    if (a.councilType === 'pvt' && letters.length > 0) {
      reasons.push({
        code: 'small_undertaking.pvt_advice',
        text: 'WOR 35c: the decision has a major effect on at least a quarter of the staff, so the PVT advises on it.',
        sources: ['W26', 'S19'],
      });
    }
  }
  const sorted = ordered(letters, ADVICE_ORDER);
  return { applies: sorted.length > 0, letters: sorted };
}

function consentRight(a: TriageAnswers, reasons: Reason[]): TriageOutcome['consent'] {
  const matched = CONSENT_RULES.filter((rule) => rule.applies(a));
  const candidates = ordered(
    matched.map((rule) => rule.letter),
    CONSENT_ORDER,
  );
  const none = {
    applies: false,
    letters: [],
    settledByCao: [],
    outsidePvtScope: [],
    partlySettledByCao: [],
  };
  if (a.councilType === 'none') {
    if (candidates.length > 0) {
      reasons.push({
        code: 'small_undertaking.no_council_consent',
        text: `No works council or PVT: no consent right (consent subjects would be ${listed(candidates)}).`,
        sources: ['W26', 'S19'],
      });
    }
    return none;
  }
  let outsidePvtScope: ConsentLetter[] = [];
  let inScope = candidates;
  if (a.councilType === 'pvt') {
    outsidePvtScope = candidates.filter((l) => !PVT_CONSENT_LETTERS.includes(l));
    inScope = candidates.filter((l) => PVT_CONSENT_LETTERS.includes(l));
    if (outsidePvtScope.length > 0) {
      reasons.push({
        code: 'small_undertaking.pvt_consent_scope',
        text: `WOR 35c: a PVT has consent only on 27(1)(b) and (d); no consent on ${listed(outsidePvtScope)}.`,
        sources: ['W26', 'S19'],
      });
    }
  }
  // WOR 27(3): no consent right on what the cao already settles substantively [W11]
  const settlements = a.caoSettlements ?? [];
  const wholly = (l: ConsentLetter) =>
    a.caoSettledConsentLetters.includes(l) ||
    settlements.some((c) => c.letter === l && c.scope === 'whole');
  const settledByCao = inScope.filter(wholly);
  // "voor zover": a cao settling part of a subject leaves consent on the rest [legal-rules (e)5]
  const partlySettledByCao = settlements.filter(
    (c) => c.scope === 'part' && inScope.includes(c.letter) && !wholly(c.letter),
  );
  for (const part of partlySettledByCao) {
    const where = part.reference ? ` (${part.reference})` : '';
    reasons.push({
      code: 'consent.partly_settled_by_cao',
      text: `WOR 27(3): the cao${where} settles only "${part.topic}" of 27(1)(${part.letter}); consent remains for the rest of the subject.`,
      sources: ['W11', 'S11', 'legal-rules (e)5'],
    });
  }
  if (settledByCao.length > 0) {
    const where = a.caoReference ? ` (${a.caoReference})` : '';
    reasons.push({
      code: 'consent.settled_by_cao',
      text: `WOR 27(3): the cao${where} already settles ${listed(settledByCao)}; no consent right on that part.`,
      sources: ['W11', 'S11'],
    });
  }
  const letters = inScope.filter((l) => !settledByCao.includes(l));
  reasons.push(
    ...matched
      .filter((rule) => letters.includes(rule.letter))
      .map(({ letter, text, sources }) => ({ code: `consent.${letter}`, text, sources })),
  );
  return {
    applies: letters.length > 0,
    letters,
    settledByCao,
    outsidePvtScope,
    partlySettledByCao,
  };
}

function aiActClassification(
  a: TriageAnswers,
  dpiaRequired: boolean,
  reasons: Reason[],
): TriageOutcome['aiAct'] {
  const category = a.annexIIIPoint4 === 'none' ? null : a.annexIIIPoint4;
  const duties: DeployerDuty[] = [];
  if (a.infersEmotions && a.emotionMedicalOrSafety) {
    duties.push('inform_persons_exposed_to_emotion_recognition');
  }
  const reading = highRiskReading({
    ...a,
    biometricCategorisation: undefined,
  } as Parameters<typeof highRiskReading>[0]);
  reasons.push(...reading.reasons);
  const highRisk = reading.highRisk;
  if (category && highRisk && !reading.exception.applied) {
    reasons.push({
      code: 'ai_act.high_risk',
      text: `AI Act 6(2) and Annex III point 4 (${category}): a high-risk system with the deployer duties of art. 26.`,
      sources: ['E3', 'A3'],
    });
  }
  const transparency = transparencyDuties({
    ...a,
    biometricCategorisation:
      a.annexIIIPoint1 === 'biometric_categorisation' &&
      a.biometricCategorisationSensitive !== true,
  });
  reasons.push(...transparency.map(({ code, text, sources }) => ({ code, text, sources })));
  const noticeRecipients: NoticeRecipient[] = [];
  let fria = false;
  if (highRisk) {
    duties.push(...HIGH_RISK_DUTIES.map((d) => d.duty));
    reasons.push({
      code: 'ai_act.deployer_duties',
      text: 'AI Act 26: follow the instructions, trained human oversight, relevant input data, monitoring, logs for at least 6 months, inform workers and persons decided about, explain on request (art. 86).',
      sources: [...new Set(HIGH_RISK_DUTIES.flatMap((d) => d.sources))],
    });
    // AI Act 26(7): workers' representatives and the affected workers hear of it before use [E4];
    // without any representative body all affected workers are told, legal-rules (d)11.
    if (a.councilType !== 'none') {
      noticeRecipients.push('workers_representatives');
    }
    noticeRecipients.push('affected_workers');
    reasons.push({
      code: a.councilType === 'none' ? 'ai_act.notice_all_affected_workers' : 'ai_act.notice_26_7',
      text:
        a.councilType === 'none'
          ? 'AI Act 26(7): there is no representative body, so the notice goes to all affected workers before use.'
          : 'AI Act 26(7): inform the workers’ representatives and the affected workers before putting the system into use.',
      sources: a.councilType === 'none' ? ['E4', 'A1', 'W26'] : ['E4', 'A1'],
    });
    if (dpiaRequired) {
      duties.push('use_provider_information_in_dpia');
    }
    // AI Act 27(1): a FRIA only for public bodies and private entities providing public services;
    // a purely private employer using Annex III(4) HR AI is out of scope [E12].
    fria = a.deployerType !== 'private';
    if (fria) {
      duties.push('fundamental_rights_impact_assessment');
    }
    reasons.push(
      fria
        ? {
            code: 'ai_act.fria',
            text: 'AI Act 27: a public body or a private entity providing public services does a FRIA before first use and notifies the market surveillance authority.',
            sources: ['E12', 'A2'],
          }
        : {
            code: 'ai_act.fria_not_required_private',
            text: 'AI Act 27: a purely private employer using high-risk HR AI (outside Annex III 5(b)/(c)) needs no FRIA.',
            sources: ['E12', 'A2'],
          },
    );
  }
  return {
    highRisk,
    annexIIICategory: category,
    deployerDuties: duties,
    noticeToWorkersRequired: highRisk,
    noticeRecipients,
    fria,
    highRiskRoutes: reading.routes,
    article6_3Exception: reading.exception,
    transparencyDuties: transparency.map((t) => t.duty),
  };
}

const DPIA_RULES: ReadonlyArray<{
  trigger: DpiaTrigger;
  applies: (a: TriageAnswers) => boolean;
  text: string;
}> = [
  {
    trigger: 'large_scale_monitoring',
    applies: (a) => a.largeScaleMonitoring,
    text: 'AP DPIA list: large-scale or systematic employee monitoring.',
  },
  {
    trigger: 'systematic_profiling',
    applies: (a) => a.systematicProfilingWithSignificantEffects,
    text: 'GDPR 35(3)(a): systematic and extensive evaluation or profiling with significant effects.',
  },
  {
    trigger: 'special_category_data',
    applies: (a) => a.specialCategoryData,
    text: 'GDPR 35(3)(b): special-category data on a large scale.',
  },
  {
    trigger: 'biometrics',
    applies: (a) => a.biometrics,
    text: 'AP DPIA list: biometric data.',
  },
];

function dpiaRequirement(a: TriageAnswers, reasons: Reason[]): TriageOutcome['dpia'] {
  const matched = DPIA_RULES.filter((rule) => rule.applies(a));
  const list = dpiaReading(a);
  reasons.push(
    ...matched.map(({ trigger, text }) => ({
      code: `dpia.${trigger}`,
      text: `${text} A DPIA is required before processing starts.`,
      sources: ['G1', 'G2', 'G5'],
    })),
  );
  reasons.push(...list.reasons);
  const article22Dpia = a.solelyAutomatedSignificantDecisions === true;
  return {
    required: matched.length > 0 || list.required || article22Dpia,
    triggers: matched.map((rule) => rule.trigger),
    apCategories: list.apCategories,
    edpbCriteria: list.edpbCriteria,
  };
}

function skillsDuties(a: TriageAnswers, reasons: Reason[]): TriageOutcome['skills'] {
  if (a.jobContentChanges) {
    reasons.push({
      code: 'skills.training_611a',
      text: 'BW 7:611a: training needed for the changed job is free, counts as working time and carries no study-cost clause.',
      sources: ['B1'],
    });
  }
  // AI Act art. 4 applies to every AI system staff use, so it is always on [E1].
  reasons.push({
    code: 'skills.ai_literacy',
    text: 'AI Act 4: take measures for sufficient AI literacy of the staff who operate the system.',
    sources: ['E1', 'A10', 'O5'],
  });
  return { trainingRequired: a.jobContentChanges, aiLiteracy: true };
}

function riskInventoryUpdate(a: TriageAnswers, reasons: Reason[]): TriageOutcome['riskInventory'] {
  const updateRequired = a.affectsHealthSafety || a.changesWorkOrganisation || a.jobContentChanges;
  if (updateRequired) {
    reasons.push({
      code: 'risk_inventory.update',
      text: 'Arbowet 5(4): changed working methods or conditions call for an updated RI&E and plan of action.',
      sources: ['B2'],
    });
  }
  return { updateRequired };
}

/** The tracks a triage outcome opens, in display order. A prohibited case gets none. */
export function activeTracks(outcome: TriageOutcome): TrackKind[] {
  if (outcome.blocked) {
    return [];
  }
  const tracks: TrackKind[] = [];
  if (outcome.advice.applies) {
    tracks.push('advice');
  }
  if (outcome.consent.applies) {
    tracks.push('consent');
  }
  if (outcome.aiAct.highRisk) {
    tracks.push('ai_act');
  }
  if (outcome.dpia.required) {
    tracks.push('dpia');
  }
  if (outcome.skills.trainingRequired || outcome.skills.aiLiteracy) {
    tracks.push('skills');
  }
  return tracks;
}

export interface TriageChange {
  readonly tracksAdded: readonly TrackKind[];
  readonly tracksRemoved: readonly TrackKind[];
  readonly becameBlocked: boolean;
  readonly unblocked: boolean;
  readonly reasonsAdded: readonly string[];
  readonly reasonsRemoved: readonly string[];
}

/**
 * What a re-triage changes. Changed answers can open or close tracks (a new purpose such as using
 * productivity data for appraisal adds 27(1)(g), legal-rules (d)15); the service applies this.
 */
export function compareTriage(before: TriageOutcome, after: TriageOutcome): TriageChange {
  const tracksBefore = activeTracks(before);
  const tracksAfter = activeTracks(after);
  const codesBefore = before.reasons.map((r) => r.code);
  const codesAfter = after.reasons.map((r) => r.code);
  return {
    tracksAdded: tracksAfter.filter((t) => !tracksBefore.includes(t)),
    tracksRemoved: tracksBefore.filter((t) => !tracksAfter.includes(t)),
    becameBlocked: !before.blocked && after.blocked,
    unblocked: before.blocked && !after.blocked,
    reasonsAdded: codesAfter.filter((c) => !codesBefore.includes(c)),
    reasonsRemoved: codesBefore.filter((c) => !codesAfter.includes(c)),
  };
}

/**
 * Every reason code `triage()` can give, for those who render or translate reasons by code (the
 * web app's messages). Keep it in step with the `code:` values above; a test fails when a code
 * the triage emits is missing here.
 */
export const TRIAGE_REASON_CODES: readonly string[] = [
  'ai_act.emotion_medical_or_safety',
  'ai_act.emotion_recognition_prohibited',
  ...ADVICE_ORDER.map((letter) => `advice.${letter}`),
  'information.external_adviser_31c',
  'small_undertaking.no_council',
  'small_undertaking.pvt_advice_scope',
  'small_undertaking.pvt_advice',
  ...CONSENT_ORDER.map((letter) => `consent.${letter}`),
  'small_undertaking.no_council_consent',
  'small_undertaking.pvt_consent_scope',
  'consent.settled_by_cao',
  ...DPIA_RULES.map((rule) => `dpia.${rule.trigger}`),
  'ai_act.article_6_3_exception',
  'ai_act.article_6_3_unavailable_profiling',
  'ai_act.high_risk',
  'ai_act.deployer_duties',
  'ai_act.notice_26_7',
  'ai_act.notice_all_affected_workers',
  'ai_act.fria',
  'ai_act.fria_not_required_private',
  'skills.training_611a',
  'skills.ai_literacy',
  'risk_inventory.update',
  'small_undertaking.personnel_meeting',
  'small_undertaking.pvt_rights',
  'small_undertaking.works_council_duty',
  'consent.partly_settled_by_cao',
  'gdpr.article_22',
  ...AI_ACT_SCREENING_CODES,
  ...DPIA_REASON_CODES,
];
