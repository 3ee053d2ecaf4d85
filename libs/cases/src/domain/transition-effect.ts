import type { TrackEventType } from '@wc/contracts';

import type { CalendarDay } from './calendar-day';
import type { DateConflict } from './date-before-event';
import type { CaseDeadlineRuleId, DeadlineRequest } from './deadline-requests';
import type { GoLiveGateFacts } from './go-live-gate';
import type { TrackSnapshot, TrackStage } from './tracks';

/** What the caller knows about the case beyond the track being moved. */
export interface CaseFacts extends GoLiveGateFacts {
  /**
   * The required contents still missing from this track's written request: WOR 25(3) for advice,
   * 27(2) for consent, legal-rules (b)1-2 (see `REQUIRED_REQUEST_CONTENTS`) [W3, W12].
   */
  readonly missingRequestContents: readonly string[];
  /**
   * The employer is already committed (contract signed, pilot or system live): the request could
   * no longer have "wezenlijke invloed" on the decision [W1, S22].
   */
  readonly employerCommitted?: boolean;
  /** Last day (inclusive) of the WOR 25(6) suspension, as `libs/deadlines` computed it [W7]. */
  readonly suspensionLastDay?: CalendarDay;
  /** The agreed response term passed without a position or a reasoned extension request [W5]. */
  readonly responseTermLapsed?: boolean;
  /** The Amsterdam day the case was sent to the council; no receipt or meeting precedes it. */
  readonly caseSentOn?: CalendarDay;
}

/** An event of the stage machine; `CaseService` adds the track and writes it to the outbox. */
export interface DomainEventDraft {
  readonly type: TrackEventType;
  readonly payload: Readonly<Record<string, unknown>>;
}

type Mutable<T> = { -readonly [P in keyof T]: T[P] };

/** The snapshot fields a transition may set; `undefined` clears a field. */
export type TrackPatch = Partial<Mutable<Omit<TrackSnapshot, 'kind' | 'stage' | 'history'>>>;

export interface EffectContext<A> {
  readonly facts: CaseFacts;
  readonly track: TrackSnapshot;
  readonly action: A;
  /** The Amsterdam day of `now`. */
  readonly today: CalendarDay;
  /** The receipt day the caller passed, else today: clocks start on receipt [S6]. */
  readonly trigger: CalendarDay;
}

/** What one action does to one track; `missing` non-empty refuses it. */
export interface Effect {
  readonly to?: TrackStage;
  readonly missing?: readonly string[];
  readonly patch?: TrackPatch;
  readonly deadlines?: readonly DeadlineRequest[];
  readonly cancel?: readonly CaseDeadlineRuleId[];
  readonly event?: DomainEventDraft;
  /** The date the entry claims (receipt, meeting, decision); checked for late recording. */
  readonly claimedOn?: CalendarDay;
  /** Dates that precede the case events they follow; any refuses with `case.date_before_event`. */
  readonly dateConflicts?: readonly DateConflict[];
}

export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}
