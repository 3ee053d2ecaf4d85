import { amsterdamDay, isAfter, isCalendarDay } from './calendar-day';
import type { CalendarDay } from './calendar-day';
import { DateBeforeEvent } from './date-before-event';
import type { CaseDeadlineRuleId, DeadlineRequest } from './deadline-requests';
import type { ActorSide, TrackAction } from './track-actions';
import {
  completeDpia,
  markImplemented,
  markReady,
  proposeChange,
  putOnHold,
  resume,
  sendNotice,
  startFria,
  withdraw,
} from './track-effects';
import type { CaseFacts, DomainEventDraft, Effect, EffectContext } from './transition-effect';
import { TransitionRefused } from './transition-refused';
import { kindsAllowing, rowsFor, stagesAllowing } from './transition-table';
import type { RecordedLate, TrackSnapshot, TrackStage } from './tracks';
import {
  endSuspension,
  fileAppeal,
  invokeNullity,
  provideInformation,
  recordAppealRuling,
  recordConsultationHeld,
  recordCouncilPosition,
  recordDecisionWithoutConsent,
  recordEmployerDecision,
  recordSubstitutePermission,
  requestConsultation,
  requestInformation,
  startDeliberation,
  submitRequest,
  waiveSuspension,
} from './wor-effects';

export interface PlanTrackTransitionInput {
  readonly caseFacts: CaseFacts;
  readonly track: TrackSnapshot;
  readonly action: TrackAction;
  readonly actorSide: ActorSide;
  readonly now: Date;
  /** The day the triggering notice or request reached the other side, if not today [S6]. */
  readonly receivedOn?: CalendarDay;
  /**
   * An entry claiming a date before this day is "recorded late": more than two Dutch working
   * days ago. The caller computes it with the deadlines lib's calendar (holidays included).
   */
  readonly lateBefore?: CalendarDay;
}

export interface TrackTransitionPlan {
  readonly ok: true;
  readonly next: TrackSnapshot;
  readonly events: readonly DomainEventDraft[];
  readonly deadlines: readonly DeadlineRequest[];
  /** Rules whose open deadline on this (case, track) is closed by the transition. */
  readonly cancelDeadlines: readonly CaseDeadlineRuleId[];
  /** Both dates, when the entry claims a day more than two working days back. */
  readonly recordedLate?: RecordedLate;
}

/**
 * Plans one action on one track: pure, given the case facts and the clock's `now`. Returns the
 * next snapshot with the events and deadline requests to persist in the same transaction, or
 * throws `TransitionRefused` listing every unmet condition.
 */
export function planTrackTransition(input: PlanTrackTransitionInput): TrackTransitionPlan {
  const { track, action, actorSide, now } = input;
  const rows = rowsFor(track.kind, track.stage, action.type);
  if (rows.length === 0) {
    throw new TransitionRefused(track.kind, track.stage, action.type, [wrongPlace(track, action)]);
  }
  const missing: string[] = [];
  const who = [...new Set(rows.flatMap((r) => r.who))];
  if (!who.includes(actorSide)) {
    missing.push(`actor_side:${who.join('|')}`);
  }
  const today = amsterdamDay(now);
  const { receivedOn } = input;
  if (receivedOn !== undefined && (!isCalendarDay(receivedOn) || isAfter(receivedOn, today))) {
    missing.push('received_on');
  }
  const ctx = { facts: input.caseFacts, track, action, today, trigger: receivedOn ?? today };
  const effect = effectOf(ctx);
  // Who may act and a well-formed date come first; then the date against the case's events.
  const conflicts = effect.dateConflicts ?? [];
  if (missing.length === 0 && conflicts.length > 0) {
    throw new DateBeforeEvent(conflicts);
  }
  missing.push(...(effect.missing ?? []));
  const row = rows.find((r) => r.to === effect.to);
  if (missing.length === 0 && (effect.to === undefined || row === undefined)) {
    missing.push(`target:${effect.to ?? 'none'}`);
  }
  if (missing.length > 0 || effect.to === undefined) {
    throw new TransitionRefused(track.kind, track.stage, action.type, missing);
  }
  const recordedLate =
    effect.claimedOn !== undefined &&
    input.lateBefore !== undefined &&
    effect.claimedOn < input.lateBefore
      ? { claimedOn: effect.claimedOn, recordedOn: today }
      : undefined;
  return {
    ok: true,
    next: nextSnapshot(track, effect, effect.to, {
      at: now.toISOString(),
      action,
      actorSide,
      ...(recordedLate ? { recordedLate } : {}),
    }),
    ...(recordedLate ? { recordedLate } : {}),
    events: [
      {
        type: 'case.track_transitioned',
        payload: {
          track: track.kind,
          from: track.stage,
          to: effect.to,
          action: action.type,
          actorSide,
        },
      },
      ...(effect.event
        ? [{ ...effect.event, payload: { track: track.kind, ...effect.event.payload } }]
        : []),
      ...(recordedLate
        ? [
            {
              type: 'case.entry_recorded_late' as const,
              payload: { track: track.kind, action: action.type, ...recordedLate },
            },
          ]
        : []),
    ],
    deadlines: effect.deadlines ?? [],
    cancelDeadlines: effect.cancel ?? [],
  };
}

/** Why an action is not available at all here: the wrong stage, or the wrong kind of track. */
function wrongPlace(track: TrackSnapshot, action: TrackAction): string {
  const kinds = kindsAllowing(action.type);
  if (!kinds.includes(track.kind)) {
    return `track_kind:${kinds.join('|')}`;
  }
  return `stage:${stagesAllowing(track.kind, action.type).join('|')}`;
}

function nextSnapshot(
  track: TrackSnapshot,
  effect: Effect,
  to: TrackStage,
  entry: { at: string; action: TrackAction; actorSide: ActorSide; recordedLate?: RecordedLate },
): TrackSnapshot {
  const merged: Record<string, unknown> = {
    ...track,
    ...effect.patch,
    stage: to,
    history: [...track.history, { ...entry, from: track.stage, to }],
  };
  // A patch clears a field by setting it undefined; drop the key so snapshots stay JSON-clean.
  for (const key of Object.keys(merged)) {
    if (merged[key] === undefined) {
      delete merged[key];
    }
  }
  return merged as unknown as TrackSnapshot;
}

function effectOf(ctx: EffectContext<TrackAction>): Effect {
  const { action } = ctx;
  // Each case narrows `action`; the context is rebuilt so the handlers see their own payload type.
  switch (action.type) {
    case 'request_information':
      return requestInformation({ ...ctx, action });
    case 'provide_information':
      return provideInformation({ ...ctx, action });
    case 'request_consultation':
      return requestConsultation({ ...ctx, action });
    case 'record_consultation_held':
      return recordConsultationHeld({ ...ctx, action });
    case 'submit_request':
      return submitRequest({ ...ctx, action });
    case 'start_deliberation':
      return startDeliberation();
    case 'record_council_position':
      return recordCouncilPosition({ ...ctx, action });
    case 'record_employer_decision':
      return recordEmployerDecision({ ...ctx, action });
    case 'waive_suspension':
      return waiveSuspension({ ...ctx, action });
    case 'end_suspension':
      return endSuspension({ ...ctx, action });
    case 'file_appeal':
      return fileAppeal({ ...ctx, action });
    case 'record_appeal_ruling':
      return recordAppealRuling({ ...ctx, action });
    case 'record_substitute_permission':
      return recordSubstitutePermission({ ...ctx, action });
    case 'record_decision_without_consent':
      return recordDecisionWithoutConsent({ ...ctx, action });
    case 'invoke_nullity':
      return invokeNullity({ ...ctx, action });
    case 'start_evaluation':
      return {
        to: 'evaluation',
        cancel: ['evaluation_date'],
        event: { type: 'case.evaluation_started', payload: {} },
      };
    case 'close':
      return { to: 'closed', event: { type: 'case.closed', payload: {} } };
    case 'prepare_notice':
      return { to: 'notice_prepared' };
    case 'send_notice':
      return sendNotice({ ...ctx, action });
    case 'start_fria':
      return startFria({ ...ctx, action });
    case 'complete_fria':
      return { to: 'fria_done', event: { type: 'case.fria_completed', payload: {} } };
    case 'mark_ready':
      return markReady({ ...ctx, action });
    case 'start_dpia':
      return { to: 'in_progress' };
    case 'complete_dpia':
      return completeDpia({ ...ctx, action });
    case 'record_prior_consultation':
      return {
        to: 'done',
        event: { type: 'case.dpia_completed', payload: { priorConsultation: true } },
      };
    case 'start_training':
      return { to: 'in_progress' };
    case 'complete_training':
      return { to: 'done', event: { type: 'case.training_completed', payload: {} } };
    case 'mark_implemented':
      return markImplemented({ ...ctx, action });
    case 'propose_change':
      return proposeChange({ ...ctx, action });
    case 'withdraw':
      return withdraw({ ...ctx, action });
    case 'put_on_hold':
      return putOnHold({ ...ctx, action });
    case 'resume':
      return resume({ ...ctx, action });
    default:
      return assertUnreachable(action);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`Unhandled track action ${JSON.stringify(value)}`);
}
