import type { CalendarDay } from './calendar-day';
import type { TriageOutcome } from './triage';
import type { TrackKind, TrackSnapshot, TrackStage } from './tracks';

/**
 * The hard gate before implementation, legal-rules (c) GO_LIVE_GATE→IMPLEMENTED: only the
 * conditions the triage makes applicable are listed, and the gate is open when all are met.
 */
export const GO_LIVE_CONDITION_KEYS = [
  'not_prohibited',
  'ai_act_notice_sent',
  'dpia_done',
  'fria_done',
  'oversight_trained',
  'suspension_over',
  'consent_present',
] as const;
export type GoLiveConditionKey = (typeof GO_LIVE_CONDITION_KEYS)[number];

/**
 * Oversight staff named and trained (AI Act 26(2), 14(4)). Until the oversight dossier exists the
 * employer records a manual confirmation; `source` says which it was.
 */
export interface OversightConfirmation {
  readonly staffNamed: boolean;
  readonly trained: boolean;
  readonly source: 'manual_confirmation' | 'oversight_dossier';
  readonly confirmedOn?: CalendarDay;
}

export interface GoLiveGateFacts {
  readonly triage: TriageOutcome;
  /** All tracks of the case as they stand. */
  readonly tracks: readonly TrackSnapshot[];
  readonly oversight?: OversightConfirmation;
}

export interface GoLiveCondition {
  readonly key: GoLiveConditionKey;
  readonly met: boolean;
  readonly reason: string;
  readonly sources: readonly string[];
}

export interface GoLiveGate {
  readonly open: boolean;
  readonly conditions: readonly GoLiveCondition[];
}

// A WOR track at or past the gate has finished its procedure: its decision stands and no
// suspension or court step is running.
const WOR_PAST_GATE: readonly TrackStage[] = [
  'go_live_gate',
  'implemented',
  'evaluation',
  'closed',
];
const NOTICE_SENT: readonly TrackStage[] = [
  'notice_sent',
  'fria_in_progress',
  'fria_done',
  'ready',
  'in_use',
];
const FRIA_DONE: readonly TrackStage[] = ['fria_done', 'ready', 'in_use'];

function stageOf(facts: GoLiveGateFacts, kind: TrackKind): TrackStage | undefined {
  return facts.tracks.find((t) => t.kind === kind)?.stage;
}

function inStages(stage: TrackStage | undefined, stages: readonly TrackStage[]): boolean {
  return stage !== undefined && stages.includes(stage);
}

export function evaluateGoLiveGate(facts: GoLiveGateFacts): GoLiveGate {
  const { triage } = facts;
  const conditions: GoLiveCondition[] = [];
  if (triage.blocked) {
    conditions.push({
      key: 'not_prohibited',
      met: false,
      reason: triage.blockReason?.text ?? 'The triage found a prohibited practice.',
      sources: triage.blockReason?.sources ?? [],
    });
  }
  if (triage.aiAct.noticeToWorkersRequired) {
    conditions.push({
      key: 'ai_act_notice_sent',
      met: inStages(stageOf(facts, 'ai_act'), NOTICE_SENT),
      reason:
        'AI Act 26(7): workers’ representatives and affected workers are informed before use.',
      sources: ['E4', 'A1'],
    });
  }
  if (triage.dpia.required) {
    // GDPR 35-36: done means the DPIA is finished, after the AP's prior consultation if needed [G1, G3]
    conditions.push({
      key: 'dpia_done',
      met: stageOf(facts, 'dpia') === 'done',
      reason:
        'GDPR 35: the DPIA is done before processing (and the AP consulted on residual high risk).',
      sources: ['G1', 'G3', 'G2'],
    });
  }
  if (triage.aiAct.fria) {
    conditions.push({
      key: 'fria_done',
      met: inStages(stageOf(facts, 'ai_act'), FRIA_DONE),
      reason: 'AI Act 27: the FRIA is done before first use.',
      sources: ['E12', 'A2'],
    });
  }
  if (triage.aiAct.highRisk) {
    const oversight = facts.oversight;
    conditions.push({
      key: 'oversight_trained',
      met: oversight !== undefined && oversight.staffNamed && oversight.trained,
      reason:
        'AI Act 26(2), 14(4): human oversight is assigned to named, trained staff with authority.',
      sources: ['E5', 'A1', 'A6', 'E1'],
    });
  }
  // Listed whenever the right applies: a withdrawn WOR track means no advice or consent to rely on.
  if (triage.advice.applies) {
    conditions.push({
      key: 'suspension_over',
      met: inStages(stageOf(facts, 'advice'), WOR_PAST_GATE),
      reason:
        'WOR 25(6): the advice procedure is finished and any suspension has ended or was waived.',
      sources: ['W7', 'S3'],
    });
  }
  if (triage.consent.applies) {
    conditions.push({
      key: 'consent_present',
      met: inStages(stageOf(facts, 'consent'), WOR_PAST_GATE),
      reason:
        'WOR 27(1)/(4): the council consented or the kantonrechter gave substitute permission.',
      sources: ['W10', 'W14', 'S9'],
    });
  }
  return { open: conditions.every((c) => c.met), conditions };
}
