import type { Schemas } from './api/client';

/**
 * What the screens need to know about the case domain to offer the right buttons. The server's
 * stage machine (libs/cases/src/domain) stays the authority: it refuses anything not allowed and
 * says what is missing; this table only decides which actions a side is shown.
 */
export type TrackKind = 'advice' | 'consent' | 'ai_act' | 'dpia' | 'skills';
export type Side = Schemas['CaseResponse']['yourSide'];
export type ActionType = Schemas['TrackActionDto']['type'];
export type TriageAnswers = Schemas['TriageAnswersDto'];

export const TRACK_ORDER: readonly TrackKind[] = ['advice', 'consent', 'ai_act', 'dpia', 'skills'];

/** The main line of each track, in process order; side states are shown apart. */
export const TRACK_PATH: Record<TrackKind, readonly string[]> = {
  advice: ['screening', 'information', 'consultation_requested', 'consultation_held', 'request_submitted', 'council_deliberation', 'council_position', 'suspension', 'go_live_gate', 'implemented', 'evaluation', 'closed'],
  consent: ['screening', 'information', 'consultation_requested', 'consultation_held', 'request_submitted', 'council_deliberation', 'council_position', 'go_live_gate', 'implemented', 'evaluation', 'closed'],
  ai_act: ['classification', 'notice_prepared', 'notice_sent', 'fria_in_progress', 'fria_done', 'ready', 'in_use'],
  dpia: ['required', 'in_progress', 'prior_consultation', 'done'],
  skills: ['planned', 'in_progress', 'done'],
};
export const SIDE_STAGES = ['appeal_pending', 'substitute_permission_pending', 'nullity_invoked', 'withdrawn', 'on_hold'];

type Who = 'employer' | 'board' | 'council' | 'either';
const WOR_INFO = ['information', 'consultation_requested', 'consultation_held', 'request_submitted', 'council_deliberation'];
const WOR_HOLDABLE = ['screening', ...WOR_INFO, 'council_position', 'go_live_gate'];

interface ActionRow {
  kinds: readonly TrackKind[];
  from: readonly string[];
  action: ActionType;
  who: Who;
}
const WOR: readonly TrackKind[] = ['advice', 'consent'];
const ALL: readonly TrackKind[] = TRACK_ORDER;

const ROWS: readonly ActionRow[] = [
  { kinds: WOR, from: ['screening', ...WOR_INFO], action: 'request_information', who: 'council' },
  { kinds: WOR, from: ['screening', ...WOR_INFO], action: 'provide_information', who: 'employer' },
  { kinds: WOR, from: ['screening', 'information', 'consultation_held', 'request_submitted', 'council_deliberation'], action: 'request_consultation', who: 'either' },
  { kinds: WOR, from: WOR_INFO, action: 'record_consultation_held', who: 'either' },
  { kinds: WOR, from: ['screening', 'information', 'consultation_requested', 'consultation_held'], action: 'submit_request', who: 'employer' },
  { kinds: ['consent'], from: ['nullity_invoked'], action: 'submit_request', who: 'employer' },
  { kinds: WOR, from: ['request_submitted'], action: 'start_deliberation', who: 'board' },
  { kinds: WOR, from: ['request_submitted', 'council_deliberation'], action: 'record_council_position', who: 'board' },
  { kinds: WOR, from: ['council_position', 'request_submitted', 'council_deliberation'], action: 'record_employer_decision', who: 'employer' },
  { kinds: ['advice'], from: ['suspension'], action: 'waive_suspension', who: 'board' },
  { kinds: ['advice'], from: ['suspension'], action: 'end_suspension', who: 'either' },
  { kinds: ['advice'], from: ['suspension', 'go_live_gate', 'implemented'], action: 'file_appeal', who: 'board' },
  { kinds: ['advice'], from: ['appeal_pending'], action: 'record_appeal_ruling', who: 'either' },
  { kinds: ['consent'], from: ['substitute_permission_pending'], action: 'record_substitute_permission', who: 'employer' },
  { kinds: ['consent'], from: ['screening', ...WOR_INFO, 'council_position', 'substitute_permission_pending', 'go_live_gate', 'implemented', 'evaluation'], action: 'invoke_nullity', who: 'board' },
  { kinds: WOR, from: ['go_live_gate'], action: 'mark_implemented', who: 'employer' },
  { kinds: WOR, from: ['implemented'], action: 'start_evaluation', who: 'either' },
  { kinds: WOR, from: ['evaluation'], action: 'close', who: 'either' },
  { kinds: WOR, from: ['implemented', 'evaluation'], action: 'propose_change', who: 'either' },
  { kinds: ['ai_act'], from: ['classification'], action: 'prepare_notice', who: 'employer' },
  { kinds: ['ai_act'], from: ['notice_prepared'], action: 'send_notice', who: 'employer' },
  { kinds: ['ai_act'], from: ['notice_sent'], action: 'start_fria', who: 'employer' },
  { kinds: ['ai_act'], from: ['fria_in_progress'], action: 'complete_fria', who: 'employer' },
  { kinds: ['ai_act'], from: ['notice_sent', 'fria_done'], action: 'mark_ready', who: 'employer' },
  { kinds: ['ai_act'], from: ['ready'], action: 'mark_implemented', who: 'employer' },
  { kinds: ['dpia'], from: ['required'], action: 'start_dpia', who: 'employer' },
  { kinds: ['dpia'], from: ['in_progress'], action: 'complete_dpia', who: 'employer' },
  { kinds: ['dpia'], from: ['prior_consultation'], action: 'record_prior_consultation', who: 'employer' },
  { kinds: ['skills'], from: ['planned'], action: 'start_training', who: 'employer' },
  { kinds: ['skills'], from: ['in_progress'], action: 'complete_training', who: 'employer' },
  { kinds: WOR, from: WOR_HOLDABLE, action: 'put_on_hold', who: 'either' },
  { kinds: ['ai_act'], from: ['classification', 'notice_prepared', 'notice_sent', 'fria_in_progress', 'fria_done', 'ready'], action: 'put_on_hold', who: 'either' },
  { kinds: ['dpia', 'skills'], from: ['required', 'planned', 'in_progress'], action: 'put_on_hold', who: 'either' },
  { kinds: ALL, from: ['on_hold'], action: 'resume', who: 'either' },
  { kinds: WOR, from: [...WOR_HOLDABLE, 'suspension', 'appeal_pending', 'substitute_permission_pending', 'nullity_invoked', 'on_hold'], action: 'withdraw', who: 'employer' },
];

function allowed(who: Who, side: Side): boolean {
  switch (who) {
    case 'employer':
      return side === 'employer';
    case 'board':
      return side === 'council_board';
    case 'council':
      return side === 'council_board' || side === 'council_member';
    case 'either':
      return side === 'employer' || side === 'council_board';
  }
}

/** The actions this side may take on a track in its current stage. */
export function actionsFor(kind: TrackKind, stage: string, side: Side): ActionType[] {
  const actions = ROWS.filter((r) => r.kinds.includes(kind) && r.from.includes(stage) && allowed(r.who, side)).map((r) => r.action);
  return [...new Set(actions)];
}

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
  send_notice: ['recipients'],
  complete_dpia: ['residualHighRisk'],
};

export const POSITIONS: Record<'advice' | 'consent', readonly string[]> = {
  advice: ['positive', 'negative', 'conditional'],
  consent: ['granted', 'refused', 'conditional'],
};

/** The triage questionnaire, grouped the way the law reads (legal-rules (c) DRAFT→SCREENING). */
export type QuestionKey = keyof TriageAnswers;
export interface QuestionGroup {
  id: string;
  questions: readonly QuestionKey[];
}
export const TRIAGE_GROUPS: readonly QuestionGroup[] = [
  { id: 'council', questions: ['councilType', 'headcount', 'majorEffectOnQuarterOfStaff'] },
  { id: 'wor25', questions: ['introducesOrChangesTechnology', 'changesActivities', 'changesWorkOrganisation', 'majorInvestment', 'recruitmentOfStaff', 'externalAdviserEngaged'] },
  { id: 'wor27', questions: ['processesStaffPersonalData', 'canMonitorStaff', 'usedForAppraisal', 'affectsWorkingTimes', 'affectsHealthSafety', 'affectsHiringFiringPromotion', 'affectsTraining', 'caoSettledConsentLetters', 'caoReference'] },
  { id: 'aiAct', questions: ['annexIIIPoint4', 'profilesNaturalPersons', 'article6_3Exception', 'deployerType', 'infersEmotions', 'emotionMedicalOrSafety'] },
  { id: 'gdpr', questions: ['largeScaleMonitoring', 'systematicProfilingWithSignificantEffects', 'specialCategoryData', 'biometrics'] },
  { id: 'skills', questions: ['jobContentChanges'] },
];

export const CHOICES: Partial<Record<QuestionKey, readonly string[]>> = {
  councilType: ['or', 'pvt', 'none'],
  annexIIIPoint4: ['none', 'recruitment_selection', 'work_related_decisions', 'task_allocation', 'monitoring_evaluation'],
  deployerType: ['private', 'public_body', 'private_public_service'],
};
export const CONSENT_LETTERS = ['b', 'd', 'e', 'f', 'g', 'k', 'l'] as const;

export function emptyAnswers(headcount = 0): Partial<TriageAnswers> {
  return { councilType: 'or', headcount, caoSettledConsentLetters: [], annexIIIPoint4: 'none', deployerType: 'private' };
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
  consent: { applies: boolean; letters: string[]; settledByCao: string[]; outsidePvtScope: string[] };
  aiAct: { highRisk: boolean; annexIIICategory: string | null; deployerDuties: string[]; noticeToWorkersRequired: boolean; noticeRecipients: string[]; fria: boolean };
  dpia: { required: boolean; triggers: string[] };
  skills: { trainingRequired: boolean; aiLiteracy: boolean };
  riskInventory: { updateRequired: boolean };
  reasons: TriageReason[];
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
