import type { CalendarDay } from './calendar-day';
import type { ActorSide, TrackAction } from './track-actions';

/**
 * A case runs parallel tracks, legal-rules (c): advice (WOR 25/26), consent (WOR 27), the AI Act
 * duties (classification, 26(7) notice, FRIA), the DPIA and skills (BW 7:611a, AI Act art. 4).
 */
export type TrackKind = 'advice' | 'consent' | 'ai_act' | 'dpia' | 'skills';
export type WorTrackKind = 'advice' | 'consent';

export const TRACK_KINDS: readonly TrackKind[] = ['advice', 'consent', 'ai_act', 'dpia', 'skills'];

export function isWorTrack(kind: TrackKind): kind is WorTrackKind {
  return kind === 'advice' || kind === 'consent';
}

// Process order, so lists read like legal-rules (c). Side states come last.
export const ADVICE_STAGES = [
  'screening',
  'information',
  'consultation_requested',
  'consultation_held',
  'request_submitted',
  'council_deliberation',
  'council_position',
  'suspension',
  'appeal_pending',
  'go_live_gate',
  'implemented',
  'evaluation',
  'closed',
  'withdrawn',
  'on_hold',
] as const;

export const CONSENT_STAGES = [
  'screening',
  'information',
  'consultation_requested',
  'consultation_held',
  'request_submitted',
  'council_deliberation',
  'council_position',
  'substitute_permission_pending',
  'nullity_invoked',
  'go_live_gate',
  'implemented',
  'evaluation',
  'closed',
  'withdrawn',
  'on_hold',
] as const;

export const AI_ACT_STAGES = [
  'classification',
  'notice_prepared',
  'notice_sent',
  'fria_in_progress',
  'fria_done',
  'ready',
  'in_use',
  'withdrawn',
  'on_hold',
] as const;

export const DPIA_STAGES = [
  'required',
  'in_progress',
  'prior_consultation',
  'done',
  'withdrawn',
  'on_hold',
] as const;

export const SKILLS_STAGES = ['planned', 'in_progress', 'done', 'withdrawn', 'on_hold'] as const;

export type AdviceStage = (typeof ADVICE_STAGES)[number];
export type ConsentStage = (typeof CONSENT_STAGES)[number];
export type WorStage = AdviceStage | ConsentStage;
export type AiActStage = (typeof AI_ACT_STAGES)[number];
export type DpiaStage = (typeof DPIA_STAGES)[number];
export type SkillsStage = (typeof SKILLS_STAGES)[number];

export interface StageByKind {
  advice: AdviceStage;
  consent: ConsentStage;
  ai_act: AiActStage;
  dpia: DpiaStage;
  skills: SkillsStage;
}
export type TrackStage = StageByKind[TrackKind];

export const STAGES_BY_KIND: { readonly [K in TrackKind]: readonly StageByKind[K][] } = {
  advice: ADVICE_STAGES,
  consent: CONSENT_STAGES,
  ai_act: AI_ACT_STAGES,
  dpia: DPIA_STAGES,
  skills: SKILLS_STAGES,
};

export const INITIAL_STAGE: { readonly [K in TrackKind]: StageByKind[K] } = {
  advice: 'screening',
  consent: 'screening',
  ai_act: 'classification',
  dpia: 'required',
  skills: 'planned',
};

export type AdvicePosition = 'positive' | 'negative' | 'conditional';
export type ConsentPosition = 'granted' | 'refused' | 'conditional';
export type CouncilPosition = AdvicePosition | ConsentPosition;

export interface CouncilPositionRecord {
  readonly position: CouncilPosition;
  readonly conditions: readonly string[];
  readonly reasons?: string;
  /** The council waived the art. 25(6) suspension in its advice, legal-rules (b)3 [W7]. */
  readonly waivesSuspension: boolean;
  readonly receivedOn: CalendarDay;
}

export interface EmployerDecisionRecord {
  readonly follows: boolean;
  readonly reasons?: string;
  readonly implementationDate?: CalendarDay;
  /** The day the council received the written decision; it starts 25(6), 26(2), 27(5) [S6]. */
  readonly receivedOn: CalendarDay;
  /** Taken after the agreed response term lapsed without a council position [W5, W14]. */
  readonly withoutCouncilPosition: boolean;
}

export interface SuspensionWaiverRecord {
  readonly whole: boolean;
  /** For a partial waiver: the new last day of the suspension. */
  readonly waivedUntil?: CalendarDay;
}

export interface TrackHistoryEntry {
  /** ISO instant from the clock. */
  readonly at: string;
  readonly from: TrackStage;
  readonly to: TrackStage;
  readonly action: TrackAction;
  readonly actorSide: ActorSide;
  /**
   * Set when the entry was recorded more than two Dutch working days after the date it claims:
   * accepted, but both dates stay on the record (house style B.19).
   */
  readonly recordedLate?: RecordedLate;
}

export interface RecordedLate {
  /** The date the entry claims (a receipt, a meeting, a decision). */
  readonly claimedOn: CalendarDay;
  /** The Amsterdam day it was recorded on. */
  readonly recordedOn: CalendarDay;
}

/**
 * A track as the pure domain reads it. The persistence entity satisfies this shape (house style
 * B.6); `planTrackTransition` returns a new one and never mutates its input.
 */
export interface TrackSnapshot<K extends TrackKind = TrackKind> {
  readonly kind: K;
  readonly stage: StageByKind[K];
  /** Where `resume` (from on_hold) or a dismissed appeal returns to. */
  readonly returnStage?: StageByKind[K];
  /** Overlegvergaderingen held on this matter; WOR 25(4) / 27(2) need at least one [W4, W13]. */
  readonly consultationsHeld: number;
  readonly consultationRequestedOn?: CalendarDay;
  /** The day the written advice or consent request reached the council [S6]. */
  readonly requestReceivedOn?: CalendarDay;
  readonly councilPosition?: CouncilPositionRecord;
  readonly employerDecision?: EmployerDecisionRecord;
  readonly suspensionWaiver?: SuspensionWaiverRecord;
  readonly substitutePermission?: 'granted' | 'refused';
  readonly noticeSentOn?: CalendarDay;
  /** The day the council's written invocation of nullity reached the employer [W15]. */
  readonly nullityInvokedOn?: CalendarDay;
  readonly history: readonly TrackHistoryEntry[];
}

export function newTrack<K extends TrackKind>(kind: K): TrackSnapshot<K> {
  return { kind, stage: INITIAL_STAGE[kind], consultationsHeld: 0, history: [] };
}

export function isStageOf(kind: TrackKind, stage: string): boolean {
  return (STAGES_BY_KIND[kind] as readonly string[]).includes(stage);
}

/**
 * The day this track's written request reached the council: recorded since issue #14, read from
 * the history for tracks submitted before.
 */
export function requestReceivedOnOf(track: TrackSnapshot): CalendarDay | undefined {
  if (track.requestReceivedOn !== undefined) {
    return track.requestReceivedOn;
  }
  const entry = [...track.history].reverse().find((h) => h.action.type === 'submit_request');
  if (!entry) {
    return undefined;
  }
  const claimed = (entry.action as { receivedOn?: unknown }).receivedOn;
  return typeof claimed === 'string' ? claimed : entry.at.slice(0, 10);
}
