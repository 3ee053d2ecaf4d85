import type { TrackSnapshot, TrackStage } from './tracks';
import { isWorTrack } from './tracks';

/**
 * The case-level stage shown in lists and used for case-wide events, legal-rules (c).
 * `preparation` only appears when no WOR track is active (no council, or no WOR right applies).
 */
export type CaseStage =
  | 'prohibited'
  | 'screening'
  | 'preparation'
  | 'information'
  | 'consultation'
  | 'request_submitted'
  | 'council_deliberation'
  | 'employer_decision'
  | 'nullity_invoked'
  | 'appeal_pending'
  | 'substitute_permission_pending'
  | 'suspension'
  | 'go_live_gate'
  | 'implemented'
  | 'evaluation'
  | 'closed'
  | 'on_hold'
  | 'withdrawn';

/**
 * From least to most advanced. The side states of the decision phase (nullity, appeal,
 * substitute permission, suspension) sit between the decision and the gate, most serious first,
 * so that a case shows the step that keeps it furthest from go-live.
 */
export const CASE_STAGE_ORDER: readonly CaseStage[] = [
  'screening',
  'preparation',
  'information',
  'consultation',
  'request_submitted',
  'council_deliberation',
  'employer_decision',
  'nullity_invoked',
  'appeal_pending',
  'substitute_permission_pending',
  'suspension',
  'go_live_gate',
  'implemented',
  'evaluation',
  'closed',
];

/** The case stage a track's own stage stands for. */
const STAGE_MAP: Readonly<Record<TrackStage, CaseStage>> = {
  // WOR tracks
  screening: 'screening',
  information: 'information',
  consultation_requested: 'consultation',
  consultation_held: 'consultation',
  request_submitted: 'request_submitted',
  council_deliberation: 'council_deliberation',
  // The council has spoken; the employer's decision is what is awaited.
  council_position: 'employer_decision',
  suspension: 'suspension',
  appeal_pending: 'appeal_pending',
  substitute_permission_pending: 'substitute_permission_pending',
  nullity_invoked: 'nullity_invoked',
  go_live_gate: 'go_live_gate',
  implemented: 'implemented',
  evaluation: 'evaluation',
  closed: 'closed',
  // AI Act, DPIA and skills tracks: only lead when no WOR track is active
  classification: 'screening',
  notice_prepared: 'preparation',
  notice_sent: 'preparation',
  fria_in_progress: 'preparation',
  fria_done: 'preparation',
  ready: 'go_live_gate',
  in_use: 'implemented',
  required: 'preparation',
  in_progress: 'preparation',
  prior_consultation: 'preparation',
  planned: 'preparation',
  done: 'go_live_gate',
  // Side states are handled before the map is read.
  withdrawn: 'withdrawn',
  on_hold: 'on_hold',
};

/**
 * The rule, in order:
 * 1. a prohibited practice (AI Act 5(1)(f), [E2]) → `prohibited`, whatever the tracks say;
 * 2. no tracks yet → `screening`;
 * 3. every track withdrawn → `withdrawn`;
 * 4. any remaining track on hold → `on_hold` (the case cannot reach go-live while one is parked);
 * 5. otherwise the *least advanced* of the leading tracks in `CASE_STAGE_ORDER`. The leading
 *    tracks are the active WOR tracks (advice, consent); without any, the AI Act track (it records
 *    go-live as `in_use`); without that either, the DPIA and skills tracks. Tracks that do not lead
 *    run alongside and do not hold the case stage back: the go-live gate checks them instead.
 */
export function deriveCaseStage(tracks: readonly TrackSnapshot[], blocked: boolean): CaseStage {
  if (blocked) {
    return 'prohibited';
  }
  if (tracks.length === 0) {
    return 'screening';
  }
  const active = tracks.filter((t) => t.stage !== 'withdrawn');
  if (active.length === 0) {
    return 'withdrawn';
  }
  if (active.some((t) => t.stage === 'on_hold')) {
    return 'on_hold';
  }
  const wor = active.filter((t) => isWorTrack(t.kind));
  const aiAct = active.filter((t) => t.kind === 'ai_act');
  const leading = wor.length > 0 ? wor : aiAct.length > 0 ? aiAct : active;
  const ranks = leading.map((t) => CASE_STAGE_ORDER.indexOf(STAGE_MAP[t.stage]));
  return CASE_STAGE_ORDER[Math.min(...ranks)];
}
