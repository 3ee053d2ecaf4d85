import type { CalendarDay } from './calendar-day';
import type { NoticeRecipient } from './triage';
import type { CouncilPosition } from './tracks';

/**
 * Which side acts. `council_board` is the chair or secretary: only they record the council's formal
 * acts. `@wc/access` maps a user's role on the case to a side before the stage machine is called.
 */
export type { ActorSide } from '@wc/access';

/** Actions of the WOR advice and consent tracks, legal-rules (c). */
export type WorAction =
  | { readonly type: 'request_information'; readonly subject?: string }
  | { readonly type: 'provide_information'; readonly subject?: string }
  /** WOR 23(1): a *reasoned* request starts the two-week meeting term [W22]. */
  | { readonly type: 'request_consultation'; readonly reasons: string }
  | {
      readonly type: 'record_consultation_held';
      readonly heldOn: CalendarDay;
      readonly meetingId?: string;
    }
  | { readonly type: 'submit_request' }
  | { readonly type: 'start_deliberation' }
  | {
      readonly type: 'record_council_position';
      readonly position: CouncilPosition;
      readonly conditions?: readonly string[];
      readonly reasons?: string;
      readonly waivesSuspension?: boolean;
    }
  | {
      readonly type: 'record_employer_decision';
      readonly follows: boolean;
      readonly reasons?: string;
      readonly implementationDate?: CalendarDay;
      readonly receivedOn: CalendarDay;
    }
  | {
      readonly type: 'waive_suspension';
      readonly whole: boolean;
      readonly waivedUntil?: CalendarDay;
    }
  | { readonly type: 'end_suspension' }
  | { readonly type: 'file_appeal' }
  | { readonly type: 'record_appeal_ruling'; readonly upheld: boolean }
  | { readonly type: 'record_substitute_permission'; readonly granted: boolean }
  /**
   * WOR 27(5): the employer decided or implements a consent matter without consent. Either the
   * council received the written decision (`receivedOn`) or it saw implementation (`learnedOn`);
   * that day starts the one-month nullity term [W15].
   */
  | {
      readonly type: 'record_decision_without_consent';
      readonly receivedOn?: CalendarDay;
      readonly learnedOn?: CalendarDay;
    }
  | { readonly type: 'invoke_nullity' }
  | { readonly type: 'start_evaluation' }
  | { readonly type: 'close' };

export type AiActAction =
  | { readonly type: 'prepare_notice' }
  | { readonly type: 'send_notice'; readonly recipients: readonly NoticeRecipient[] }
  | { readonly type: 'start_fria' }
  | { readonly type: 'complete_fria' }
  | { readonly type: 'mark_ready' };

export type DpiaAction =
  | { readonly type: 'start_dpia' }
  /** GDPR 36: residual high risk sends the DPIA to prior consultation of the AP [G3]. */
  | { readonly type: 'complete_dpia'; readonly residualHighRisk: boolean }
  | { readonly type: 'record_prior_consultation' };

export type SkillsAction =
  { readonly type: 'start_training' } | { readonly type: 'complete_training' };

/** Actions every track kind knows. */
export type CommonAction =
  | { readonly type: 'mark_implemented' }
  | { readonly type: 'propose_change' }
  | { readonly type: 'withdraw'; readonly reason?: string }
  | { readonly type: 'put_on_hold'; readonly reason?: string }
  | { readonly type: 'resume' };

export type TrackAction = WorAction | AiActAction | DpiaAction | SkillsAction | CommonAction;
export type TrackActionType = TrackAction['type'];
export type ActionOf<T extends TrackActionType> = Extract<TrackAction, { type: T }>;
