import type { Schemas } from './api/client';
import type { ActionType } from './track-offer';

/**
 * What the screens need to know to lay out the case domain: track order, stage names in process
 * order for the steppers, the fields of each action's form, the triage questionnaire. Which
 * actions a person may take is never decided here: the server says so (`allowedActions`).
 */
export type TrackKind = 'advice' | 'consent' | 'ai_act' | 'dpia' | 'skills';
export type Side = Schemas['CaseResponse']['yourSide'];
export type TriageAnswers = Schemas['TriageAnswersDto'];

export const TRACK_ORDER: readonly TrackKind[] = ['advice', 'consent', 'ai_act', 'dpia', 'skills'];

/** The main line of each track, in process order; side states are shown apart. */
export const TRACK_PATH: Record<TrackKind, readonly string[]> = {
  advice: [
    'screening',
    'information',
    'consultation_requested',
    'consultation_held',
    'request_submitted',
    'council_deliberation',
    'council_position',
    'suspension',
    'go_live_gate',
    'implemented',
    'evaluation',
    'closed',
  ],
  consent: [
    'screening',
    'information',
    'consultation_requested',
    'consultation_held',
    'request_submitted',
    'council_deliberation',
    'council_position',
    'go_live_gate',
    'implemented',
    'evaluation',
    'closed',
  ],
  ai_act: [
    'classification',
    'notice_prepared',
    'notice_sent',
    'fria_in_progress',
    'fria_done',
    'ready',
    'in_use',
  ],
  dpia: ['required', 'in_progress', 'prior_consultation', 'done'],
  skills: ['planned', 'in_progress', 'done'],
};
export const SIDE_STAGES = [
  'appeal_pending',
  'substitute_permission_pending',
  'nullity_invoked',
  'withdrawn',
  'on_hold',
];

/** The fields an action form asks for. */
export type ActionField =
  | 'subject'
  | 'reasons'
  | 'heldOn'
  | 'position'
  | 'conditions'
  | 'waivesSuspension'
  | 'follows'
  | 'implementationDate'
  | 'receivedOn'
  | 'learnedOn'
  | 'whole'
  | 'waivedUntil'
  | 'upheld'
  | 'granted'
  | 'recipients'
  | 'residualHighRisk';

export const ACTION_FIELDS: Partial<Record<ActionType, readonly ActionField[]>> = {
  request_information: ['subject'],
  provide_information: ['subject'],
  request_consultation: ['reasons'],
  record_consultation_held: ['heldOn'],
  record_council_position: ['position', 'reasons', 'conditions', 'waivesSuspension'],
  record_employer_decision: ['follows', 'reasons', 'receivedOn', 'implementationDate'],
  waive_suspension: ['whole', 'waivedUntil'],
  record_appeal_ruling: ['upheld'],
  record_substitute_permission: ['granted'],
  // WOR 27(5): one of the two days starts the nullity term [W15]; the server says which counts.
  record_decision_without_consent: ['receivedOn', 'learnedOn'],
  send_notice: ['recipients'],
  complete_dpia: ['residualHighRisk'],
};

/** A council position as the API takes it; `POSITIONS` lists those of each track. */
export type CouncilPosition = 'positive' | 'negative' | 'conditional' | 'granted' | 'refused';
export const POSITIONS: Record<'advice' | 'consent', readonly string[]> = {
  advice: ['positive', 'negative', 'conditional'],
  consent: ['granted', 'refused', 'conditional'],
};

/** A triage answer's key; the questions themselves come from the server's questionnaire. */
export type QuestionKey = keyof TriageAnswers;

export function emptyAnswers(headcount = 0): Partial<TriageAnswers> {
  return {
    councilType: 'or',
    headcount,
    caoSettledConsentLetters: [],
    annexIIIPoint4: 'none',
    deployerType: 'private',
  };
}

/** The server's triage record (`CaseResponse.triage`): answers and the outcome with reasons. */
export interface TriageReason {
  code: string;
  text: string;
  sources: string[];
}
export interface TriageOutcomeView {
  blocked: boolean;
  blockReason?: TriageReason;
  advice: { applies: boolean; letters: string[] };
  consent: {
    applies: boolean;
    letters: string[];
    settledByCao: string[];
    outsidePvtScope: string[];
  };
  aiAct: {
    highRisk: boolean;
    annexIIICategory: string | null;
    deployerDuties: string[];
    noticeToWorkersRequired: boolean;
    noticeRecipients: string[];
    fria: boolean;
    transparencyDuties?: string[];
  };
  gdpr?: { article22: boolean; humanInterventionRequired: boolean };
  dpia: { required: boolean; triggers: string[] };
  skills: { trainingRequired: boolean; aiLiteracy: boolean };
  riskInventory: { updateRequired: boolean };
  reasons: TriageReason[];
  /** Answered "weet ik niet": the cautious answer the server assumed, and its sources. */
  toFindOut?: Array<{ question: QuestionKey; assumed: unknown; sources: string[] }>;
  /** Answers that say less than the AI register. */
  registerWarnings?: Array<{ question: QuestionKey; register: string }>;
}
export interface TriageView {
  answers: TriageAnswers;
  outcome: TriageOutcomeView;
}

export function triageOf(aiCase: Schemas['CaseResponse']): TriageView | null {
  const triage = aiCase.triage as Partial<TriageView> | null;
  return triage && triage.outcome && triage.answers ? (triage as TriageView) : null;
}

/** The prefix of a reason code tells which right it explains. */
export function reasonsFor(outcome: TriageOutcomeView, area: string): TriageReason[] {
  return outcome.reasons.filter((r) => r.code.split('.')[0] === area);
}
