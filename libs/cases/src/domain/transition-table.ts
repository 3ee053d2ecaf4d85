import type { ActorSide, TrackActionType } from './track-actions';
import type {
  AdviceStage,
  AiActStage,
  ConsentStage,
  DpiaStage,
  SkillsStage,
  TrackKind,
  TrackStage,
} from './tracks';

/** Stages both WOR tracks have. */
type SharedWorStage = AdviceStage & ConsentStage;

/**
 * Every allowed transition, one row each: legal-rules (c). A transition not listed here is refused.
 * Rows with `from === to` are in-stage acts (another question, another meeting) that still need a
 * row so that who may do them is explicit. When one action from one stage has several rows, the
 * payload picks the target (a deviating decision goes to `suspension`, a following one does not).
 */
export interface TransitionRow {
  readonly tracks: readonly TrackKind[];
  readonly from: TrackStage;
  readonly action: TrackActionType;
  readonly to: TrackStage;
  readonly who: readonly ActorSide[];
}

const WOR: readonly TrackKind[] = ['advice', 'consent'];
const ADVICE: readonly TrackKind[] = ['advice'];
const CONSENT: readonly TrackKind[] = ['consent'];
const AI_ACT: readonly TrackKind[] = ['ai_act'];
const DPIA: readonly TrackKind[] = ['dpia'];
const SKILLS: readonly TrackKind[] = ['skills'];

const EMPLOYER: readonly ActorSide[] = ['employer'];
// Only the chair or secretary records the council's formal acts.
const BOARD: readonly ActorSide[] = ['council_board'];
const EITHER: readonly ActorSide[] = ['employer', 'council_board'];
// Any council member may put an art. 31 question [W19].
const COUNCIL: readonly ActorSide[] = ['council_board', 'council_member'];

function row(
  tracks: readonly TrackKind[],
  from: TrackStage,
  action: TrackActionType,
  to: TrackStage,
  who: readonly ActorSide[],
): TransitionRow {
  return { tracks, from, action, to, who };
}

function fromEach(
  tracks: readonly TrackKind[],
  froms: readonly TrackStage[],
  action: TrackActionType,
  to: TrackStage | 'same',
  who: readonly ActorSide[],
): TransitionRow[] {
  return froms.map((from) => row(tracks, from, action, to === 'same' ? from : to, who));
}

/** WOR stages in which art. 31 information keeps flowing. */
const WOR_INFORMATION_STAGES: readonly SharedWorStage[] = [
  'information',
  'consultation_requested',
  'consultation_held',
  'request_submitted',
  'council_deliberation',
];

/** A track can be parked while nothing statutory is running (legal-rules (c) ON_HOLD). */
const WOR_HOLDABLE: readonly SharedWorStage[] = [
  'screening',
  'information',
  'consultation_requested',
  'consultation_held',
  'request_submitted',
  'council_deliberation',
  'council_position',
  'go_live_gate',
];
const AI_ACT_HOLDABLE: readonly AiActStage[] = [
  'classification',
  'notice_prepared',
  'notice_sent',
  'fria_in_progress',
  'fria_done',
  'ready',
];
const DPIA_HOLDABLE: readonly DpiaStage[] = ['required', 'in_progress'];
const SKILLS_HOLDABLE: readonly SkillsStage[] = ['planned', 'in_progress'];

/** Once implemented the intended decision is no longer withdrawn; a change reopens screening. */
const ADVICE_WITHDRAWABLE: readonly AdviceStage[] = [
  ...WOR_HOLDABLE,
  'suspension',
  'appeal_pending',
  'on_hold',
];
const CONSENT_WITHDRAWABLE: readonly ConsentStage[] = [
  ...WOR_HOLDABLE,
  'substitute_permission_pending',
  'nullity_invoked',
  'on_hold',
];

// WOR art. 27(5): nullity of a decision taken or applied without consent can be invoked whatever
// stage the consent procedure had reached, including none at all [W15].
const NULLITY_FROM: readonly ConsentStage[] = [
  'screening',
  'information',
  'consultation_requested',
  'consultation_held',
  'request_submitted',
  'council_deliberation',
  'council_position',
  'substitute_permission_pending',
  'go_live_gate',
  'implemented',
  'evaluation',
];

export const TRANSITIONS: readonly TransitionRow[] = [
  // Information, WOR 24 / 31 [W19, W21]
  row(WOR, 'screening', 'request_information', 'information', COUNCIL),
  row(WOR, 'screening', 'provide_information', 'information', EMPLOYER),
  ...fromEach(WOR, WOR_INFORMATION_STAGES, 'request_information', 'same', COUNCIL),
  ...fromEach(WOR, WOR_INFORMATION_STAGES, 'provide_information', 'same', EMPLOYER),

  // Overlegvergadering, WOR 23(1): either side may ask; it meets within 2 weeks [W22]
  row(WOR, 'screening', 'request_consultation', 'consultation_requested', EITHER),
  row(WOR, 'information', 'request_consultation', 'consultation_requested', EITHER),
  row(WOR, 'consultation_held', 'request_consultation', 'consultation_requested', EITHER),
  row(WOR, 'request_submitted', 'request_consultation', 'request_submitted', EITHER),
  row(WOR, 'council_deliberation', 'request_consultation', 'council_deliberation', EITHER),
  row(WOR, 'information', 'record_consultation_held', 'consultation_held', EITHER),
  row(WOR, 'consultation_requested', 'record_consultation_held', 'consultation_held', EITHER),
  row(WOR, 'consultation_held', 'record_consultation_held', 'consultation_held', EITHER),
  row(WOR, 'request_submitted', 'record_consultation_held', 'request_submitted', EITHER),
  row(WOR, 'council_deliberation', 'record_consultation_held', 'council_deliberation', EITHER),

  // The written request, WOR 25(2)-(3) / 27(2) [W3, W12]
  row(WOR, 'screening', 'submit_request', 'request_submitted', EMPLOYER),
  row(WOR, 'information', 'submit_request', 'request_submitted', EMPLOYER),
  row(WOR, 'consultation_requested', 'submit_request', 'request_submitted', EMPLOYER),
  row(WOR, 'consultation_held', 'submit_request', 'request_submitted', EMPLOYER),
  // After nullity the employer may put a fresh consent request [W15].
  row(CONSENT, 'nullity_invoked', 'submit_request', 'request_submitted', EMPLOYER),

  // The council's position, WOR 25(4) / 27(2) [W4, W13]
  row(WOR, 'request_submitted', 'start_deliberation', 'council_deliberation', BOARD),
  row(WOR, 'request_submitted', 'record_council_position', 'council_position', BOARD),
  row(WOR, 'council_deliberation', 'record_council_position', 'council_position', BOARD),

  // The employer's decision on advice, WOR 25(5)-(6) [W6, W7]
  row(ADVICE, 'council_position', 'record_employer_decision', 'go_live_gate', EMPLOYER),
  row(ADVICE, 'council_position', 'record_employer_decision', 'suspension', EMPLOYER),
  row(ADVICE, 'council_position', 'record_employer_decision', 'withdrawn', EMPLOYER),
  // The agreed term lapsed without advice: the employer may decide [W5]; appeal runs per W9.
  row(ADVICE, 'request_submitted', 'record_employer_decision', 'go_live_gate', EMPLOYER),
  row(ADVICE, 'council_deliberation', 'record_employer_decision', 'go_live_gate', EMPLOYER),

  // The employer's decision on consent, WOR 27(2)/(4) [W13, W14]
  row(CONSENT, 'council_position', 'record_employer_decision', 'go_live_gate', EMPLOYER),
  row(
    CONSENT,
    'council_position',
    'record_employer_decision',
    'substitute_permission_pending',
    EMPLOYER,
  ),
  row(CONSENT, 'council_position', 'record_employer_decision', 'withdrawn', EMPLOYER),
  // Silence is no consent: after the agreed term only the kantonrechter can permit it [W14].
  row(
    CONSENT,
    'request_submitted',
    'record_employer_decision',
    'substitute_permission_pending',
    EMPLOYER,
  ),
  row(
    CONSENT,
    'council_deliberation',
    'record_employer_decision',
    'substitute_permission_pending',
    EMPLOYER,
  ),

  // Suspension and appeal, WOR 25(6) / 26 [W7, W8]
  row(ADVICE, 'suspension', 'waive_suspension', 'go_live_gate', BOARD),
  row(ADVICE, 'suspension', 'waive_suspension', 'suspension', BOARD),
  row(ADVICE, 'suspension', 'end_suspension', 'go_live_gate', EITHER),
  ...fromEach(
    ADVICE,
    ['suspension', 'go_live_gate', 'implemented'],
    'file_appeal',
    'appeal_pending',
    BOARD,
  ),
  row(ADVICE, 'appeal_pending', 'record_appeal_ruling', 'suspension', EITHER),
  row(ADVICE, 'appeal_pending', 'record_appeal_ruling', 'go_live_gate', EITHER),
  row(ADVICE, 'appeal_pending', 'record_appeal_ruling', 'implemented', EITHER),
  row(ADVICE, 'appeal_pending', 'record_appeal_ruling', 'withdrawn', EITHER),

  // Substitute permission and nullity, WOR 27(4)-(5) [W14, W15]
  row(
    CONSENT,
    'substitute_permission_pending',
    'record_substitute_permission',
    'go_live_gate',
    EMPLOYER,
  ),
  row(
    CONSENT,
    'substitute_permission_pending',
    'record_substitute_permission',
    'withdrawn',
    EMPLOYER,
  ),
  // The written decision comes from the employer; noticing implementation is the council's [W15].
  ...fromEach(CONSENT, NULLITY_FROM, 'record_decision_without_consent', 'same', EITHER),
  ...fromEach(CONSENT, NULLITY_FROM, 'invoke_nullity', 'nullity_invoked', BOARD),

  // Go-live and after, legal-rules (c)
  row(WOR, 'go_live_gate', 'mark_implemented', 'implemented', EMPLOYER),
  row(WOR, 'implemented', 'start_evaluation', 'evaluation', EITHER),
  row(WOR, 'evaluation', 'close', 'closed', EITHER),
  // Any change of the facility is a new 25(1)(k) "wijziging" and maybe a new 27 regeling [S23].
  row(WOR, 'implemented', 'propose_change', 'screening', EITHER),
  row(WOR, 'evaluation', 'propose_change', 'screening', EITHER),

  // AI Act track: classification, the 26(7) notice and the FRIA [E3, E4, E12]
  row(AI_ACT, 'classification', 'prepare_notice', 'notice_prepared', EMPLOYER),
  row(AI_ACT, 'notice_prepared', 'send_notice', 'notice_sent', EMPLOYER),
  row(AI_ACT, 'notice_sent', 'start_fria', 'fria_in_progress', EMPLOYER),
  row(AI_ACT, 'fria_in_progress', 'complete_fria', 'fria_done', EMPLOYER),
  row(AI_ACT, 'notice_sent', 'mark_ready', 'ready', EMPLOYER),
  row(AI_ACT, 'fria_done', 'mark_ready', 'ready', EMPLOYER),
  row(AI_ACT, 'ready', 'mark_implemented', 'in_use', EMPLOYER),
  row(AI_ACT, 'in_use', 'propose_change', 'classification', EITHER),

  // DPIA track, GDPR 35-36 [G1, G3]
  row(DPIA, 'required', 'start_dpia', 'in_progress', EMPLOYER),
  row(DPIA, 'in_progress', 'complete_dpia', 'done', EMPLOYER),
  row(DPIA, 'in_progress', 'complete_dpia', 'prior_consultation', EMPLOYER),
  row(DPIA, 'prior_consultation', 'record_prior_consultation', 'done', EMPLOYER),
  row(DPIA, 'done', 'propose_change', 'required', EITHER),

  // Skills track, BW 7:611a and AI Act art. 4 [B1, E1]
  row(SKILLS, 'planned', 'start_training', 'in_progress', EMPLOYER),
  row(SKILLS, 'in_progress', 'complete_training', 'done', EMPLOYER),
  row(SKILLS, 'done', 'propose_change', 'planned', EITHER),

  // Side states
  ...fromEach(ADVICE, ADVICE_WITHDRAWABLE, 'withdraw', 'withdrawn', EMPLOYER),
  ...fromEach(CONSENT, CONSENT_WITHDRAWABLE, 'withdraw', 'withdrawn', EMPLOYER),
  ...fromEach(AI_ACT, [...AI_ACT_HOLDABLE, 'on_hold'], 'withdraw', 'withdrawn', EMPLOYER),
  ...fromEach(
    DPIA,
    [...DPIA_HOLDABLE, 'prior_consultation', 'done', 'on_hold'],
    'withdraw',
    'withdrawn',
    EMPLOYER,
  ),
  ...fromEach(SKILLS, [...SKILLS_HOLDABLE, 'done', 'on_hold'], 'withdraw', 'withdrawn', EMPLOYER),
  ...fromEach(WOR, WOR_HOLDABLE, 'put_on_hold', 'on_hold', EITHER),
  ...fromEach(AI_ACT, AI_ACT_HOLDABLE, 'put_on_hold', 'on_hold', EITHER),
  ...fromEach(DPIA, DPIA_HOLDABLE, 'put_on_hold', 'on_hold', EITHER),
  ...fromEach(SKILLS, SKILLS_HOLDABLE, 'put_on_hold', 'on_hold', EITHER),
  ...WOR_HOLDABLE.map((to) => row(WOR, 'on_hold', 'resume', to, EITHER)),
  ...AI_ACT_HOLDABLE.map((to) => row(AI_ACT, 'on_hold', 'resume', to, EITHER)),
  ...DPIA_HOLDABLE.map((to) => row(DPIA, 'on_hold', 'resume', to, EITHER)),
  ...SKILLS_HOLDABLE.map((to) => row(SKILLS, 'on_hold', 'resume', to, EITHER)),
];

/** The rows for one action from one stage of one track kind. */
export function rowsFor(
  kind: TrackKind,
  from: TrackStage,
  action: TrackActionType,
): TransitionRow[] {
  return TRANSITIONS.filter(
    (r) => r.tracks.includes(kind) && r.from === from && r.action === action,
  );
}

/** The stages an action is allowed from on this kind of track, to tell the caller what is missing. */
export function stagesAllowing(kind: TrackKind, action: TrackActionType): TrackStage[] {
  const stages = TRANSITIONS.filter((r) => r.tracks.includes(kind) && r.action === action).map(
    (r) => r.from,
  );
  return [...new Set(stages)];
}

/** The track kinds that know an action at all. */
export function kindsAllowing(action: TrackActionType): TrackKind[] {
  const kinds = TRANSITIONS.filter((r) => r.action === action).flatMap((r) => r.tracks);
  return [...new Set(kinds)];
}
