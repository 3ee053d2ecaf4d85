/**
 * Every domain event the outbox stores, by type, with its payload (house style B.3: typed once,
 * immich's `EventMap`). Payloads carry ids, versions and small facts only: relays route on them and
 * clients refetch over HTTP (notify, don't ship). Enumerations owned by a domain lib (a track kind,
 * a case stage) are `string` here, so no union is written twice; the lib that emits checks them.
 */

/** Extra facts of an event beyond its typed fields (the stage machine's per-action details). */
export interface EventFacts {
  readonly [fact: string]: unknown;
}

/** What every event written by `CaseService` carries, so relays route it without reading the case. */
export interface CaseState {
  readonly version: number;
  readonly status: 'draft' | 'sent';
  readonly committeeId: string | null;
}

/**
 * The actions of the `mutate()` template, one per kind of change to a case. Every mutation emits
 * `case.updated` with its action: the one "this case changed to version N" signal that list and
 * overview screens and the council rooms follow. The actions that others react to also have their
 * own event (`case.sent`, `case.triage_proposed`, the track events below); splitting
 * `case.updated` itself would make every listener list all thirteen types to learn one thing.
 */
export type CaseAction =
  | 'case.updated'
  | 'case.triaged'
  | 'case.triage_proposed'
  | 'case.triage_proposal_accepted'
  | 'case.triage_proposal_contested'
  | 'case.triage_contested'
  | 'case.use_reported'
  | 'case.sent'
  | 'case.track_transitioned'
  | 'case.oversight_confirmed'
  | 'case.expert_added'
  | 'case.committee_assigned'
  /** Issue #22: the receiving side corrected the day a written act reached it. */
  | 'case.receipt_corrected'
  /** Issue #18: the request contents changed after sending (an amendment the council sees). */
  | 'case.contents_amended';

/** A track event of the pure stage machine (`planTrackTransition`), with the track it moved. */
export interface TrackEvent extends EventFacts {
  readonly track: string;
}

/** Events of the stage machine (libs/cases `domain/`), emitted with their track. */
export type TrackEventType =
  | 'case.track_transitioned'
  | 'case.information_requested'
  | 'case.information_provided'
  | 'case.consultation_requested'
  | 'case.consultation_held'
  | 'case.request_submitted'
  | 'case.deliberation_started'
  | 'case.council_position_recorded'
  | 'case.employer_decision_recorded'
  | 'case.suspension_waived'
  | 'case.suspension_ended'
  | 'case.appeal_filed'
  | 'case.appeal_ruled'
  | 'case.substitute_permission_recorded'
  | 'case.decision_without_consent_recorded'
  | 'case.nullity_invoked'
  | 'case.implemented'
  | 'case.evaluation_started'
  | 'case.closed'
  | 'case.change_proposed'
  | 'case.track_withdrawn'
  | 'case.track_put_on_hold'
  | 'case.track_resumed'
  | 'case.ai_act_notice_sent'
  | 'case.fria_completed'
  | 'case.dpia_completed'
  | 'case.training_completed'
  | 'case.entry_recorded_late';

/** The art. 31 pair is written by the stage machine and by `CaseService`, so its payload is a union below. */
type TrackEvents = {
  [
    T in Exclude<TrackEventType, 'case.information_requested' | 'case.information_provided'>
  ]: TrackEvent;
};

/** What each event written by `CaseService` adds to the `CaseState` every one of them carries. */
export interface CaseEventFacts {
  'case.created': Record<string, never>;
  'case.updated': EventFacts & { readonly action: CaseAction };
  'case.stage_changed': { readonly from: string; readonly to: string };
  'case.triage_proposed': {
    readonly proposalId: string;
    readonly reasons: readonly string[];
    readonly awaiting: 'council_board';
  };
  'case.use_reported': {
    readonly observedOn: string;
    readonly gateOpen: boolean;
    readonly openConditions: readonly string[];
  };
  'case.sent': { readonly sentAt: string };
  'case.go_live_gate_opened': { readonly unmet: readonly string[] };
  'case.go_live_gate_closed': { readonly unmet: readonly string[] };
  /** An art. 31 request as `CaseService` records it; the track event of the same type names a subject. */
  'case.information_requested': { readonly requestId: string };
  'case.information_provided': { readonly requestId: string };
}

type CaseEvents = {
  [T in keyof CaseEventFacts]: T extends TrackEventType
    ? (CaseState & CaseEventFacts[T]) | TrackEvent
    : CaseState & CaseEventFacts[T];
};

/** The dossier (libs/dossier): assessments, oversight and training, on the case. */
interface DossierEvents {
  'assessment.updated': { readonly version: number };
  'assessment.submitted': { readonly seq: number };
  'assessment.commented': { readonly commentId: string; readonly questionId: string };
  'assessment.comment_edited': { readonly commentId: string };
  'oversight.updated': { readonly version: number };
  'training_plan.updated': { readonly version: number };
  'training_plan.completion_recorded': {
    readonly completionId: string;
    readonly moduleKey: string;
  };
  'training_plan.completion_removed': { readonly completionId: string; readonly moduleKey: string };
}

interface DocumentEvents {
  'document.uploaded': { readonly documentId: string; readonly seq: number };
  'document.version_added': { readonly documentId: string; readonly seq: number };
  'document.confidentiality_changed': { readonly documentId: string };
  /** A confidential document's mark newly names the event's `userId` (issue #16). */
  'document.shared': { readonly documentId: string };
  'document.deleted': { readonly documentId: string };
  /** The council attached its expert's opinion to its position: the employer side may read it now (issue #19). */
  'document.attached_to_position': { readonly documentId: string };
}

/**
 * The council's staff surveys (libs/surveys, issue #19). Council-internal (the `internal.` prefix)
 * until attached to the council's position. Results publish in blocks of five responses; no event
 * marks a single response, as that would time-stamp each answer.
 */
interface SurveyEvents {
  'internal.survey_changed': { readonly surveyId: string; readonly version: number };
  'survey.attached_to_position': { readonly surveyId: string; readonly version: number };
}

/**
 * Comments (libs/discussion). Those of a `case` thread carry the case id on the event; those of
 * the `union` thread go to the council room and name the case as `subjectCaseId` instead, so the
 * employer side never learns of them. `comment.mentioned` is addressed to the mentioned user alone.
 */
export type CommentChange =
  | { readonly commentId: string; readonly thread: string; readonly version: number }
  | {
      readonly commentId: string;
      readonly thread: string;
      readonly subjectCaseId: string;
      readonly committeeId: string | null;
      readonly visibility: string;
      readonly version: number;
    };

interface CommentEvents {
  'comment.created': CommentChange;
  'comment.edited': CommentChange;
  'comment.deleted': CommentChange;
  'comment.mentioned': {
    readonly commentId: string;
    readonly thread: string;
    readonly subjectCaseId: string;
  };
}

interface NoteChange {
  readonly noteId: string;
  readonly kind: string;
  readonly version: number;
}

interface VoteChange {
  readonly voteId: string;
  readonly version: number;
}

/**
 * The council-internal space (libs/council-space, libs/meetings). The `internal.` prefix
 * (`INTERNAL_EVENT_PREFIX`) keeps them in the `council-internal:<caseId>` room and out of the
 * employer's case event log.
 */
interface InternalEvents {
  'internal.note_added': NoteChange;
  'internal.note_updated': NoteChange;
  'internal.note_deleted': NoteChange;
  'internal.vote_opened': VoteChange;
  'internal.ballot_cast': VoteChange;
  'internal.vote_closed': VoteChange & { readonly quorumMet: boolean; readonly automatic: boolean };
  'internal.vote_adopted': VoteChange & { readonly track: string };
  'internal.vote_closing_soon': { readonly voteId: string; readonly closesAt: string };
  'internal.meeting_scheduled': MeetingChange;
  'internal.meeting_updated': MeetingChange;
  'internal.meeting_cancelled': MeetingChange;
  'internal.meeting_agenda_item_added': MeetingChange;
  'internal.meeting_agenda_item_updated': MeetingChange;
  'internal.meeting_minutes_recorded': MeetingChange;
  'internal.meeting_minutes_circulated': MeetingChange;
  'internal.meeting_minutes_amended': MeetingChange;
  'internal.meeting_held': MeetingChange;
}

export interface MeetingChange {
  readonly meetingId: string;
  readonly kind: 'consultation' | 'internal';
  readonly status: string;
  readonly version: number;
}

/**
 * Meetings: once to the council room, and once more per case on the agenda; an internal
 * meeting's per-case events are the `internal.meeting_*` ones.
 */
interface MeetingEvents {
  'meeting.scheduled': MeetingChange;
  'meeting.updated': MeetingChange;
  'meeting.cancelled': MeetingChange;
  'meeting.agenda_item_added': MeetingChange;
  'meeting.agenda_item_updated': MeetingChange;
  'meeting.minutes_recorded': MeetingChange;
  /** The minutes went round the attendees: amendments until `amendmentsUntil`, then locked. */
  'meeting.minutes_circulated': MeetingChange;
  'meeting.minutes_amended': MeetingChange;
  'meeting.held': MeetingChange;
  /**
   * An invitation (iCalendar METHOD:REQUEST) or its cancellation (METHOD:CANCEL) to e-mail to
   * each recipient (issue #18). Carries what the invitation said at this SEQUENCE, so the mail
   * sent later shows this revision; the realtime relay ships only the type and ids.
   */
  'meeting.invitation_issued': MeetingInvitation;
}

export interface MeetingInvitation {
  readonly meetingId: string;
  readonly kind: 'consultation' | 'internal';
  readonly status: string;
  readonly version: number;
  readonly method: 'REQUEST' | 'CANCEL';
  /** RFC 5545 3.8.7.4: raised by each revision; same UID (the meeting id) throughout. */
  readonly sequence: number;
  readonly recipientIds: readonly string[];
  readonly title: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly location: string;
}

interface UnionShareChange {
  readonly shareId: string;
  readonly unionOrganisationId: string;
  /** Null: the share covers every case of the council. */
  readonly caseId: string | null;
  readonly scope: string;
  readonly version: number;
}

/** Union shares; `union_share.revoked` also makes the realtime relay re-check union officers' sockets. */
interface UnionEvents {
  'union_share.granted': UnionShareChange;
  'union_share.changed': UnionShareChange;
  'union_share.revoked': UnionShareChange;
}

/**
 * Events that change what a user may see (issue #14): the realtime relay re-checks every open
 * socket of the event's `userId` before it emits anything newer.
 */
interface AccessEvents {
  /** A session (or every session) ended: logout, password change, re-used refresh token, deactivation. */
  'session.revoked': Record<string, never>;
  /** A membership was granted, changed or removed. */
  'membership.changed': { readonly membershipId: string; readonly change: string };
}

interface CouncilEvents {
  /** Art. 22(2): the employer is told of an expert's engagement (to each employer-side user, with the council). */
  'expert_engagement.notified': { readonly engagementId: string; readonly worksCouncilId?: string };
  'expert_engagement.accepted': { readonly engagementId: string };
  /** Agreed terms (issue #17): one side proposed a convenant version, the other confirmed it. */
  'convenant.proposed': { readonly version: number; readonly proposedSide: string };
  'convenant.confirmed': { readonly version: number; readonly proposedSide: string };
}

interface AiSystemEvents {
  /** Use started while a case's go-live gate is closed: one per case. */
  'ai_system.use_started_gate_closed': {
    readonly aiSystemId: string;
    readonly status: string;
    readonly openConditions: readonly string[];
  };
  /** Issue #16: a material change, one per case of the system. */
  'ai_system.changed_materially': {
    readonly aiSystemId: string;
    readonly fields: readonly string[];
  };
}

/**
 * The council's intake (issue #19, libs/intake). Signals stay in the council room (no case, the
 * council's id as scope). A request carries the council and the organisation, so the notification
 * relay can tell the employer side of a request outside any case.
 */
interface IntakeEvents {
  'council_signal.raised': { readonly signalId: string; readonly version: number };
  'council_signal.updated': { readonly signalId: string; readonly version: number };
  'council_request.made': CouncilRequestChange;
  'council_request.answered': CouncilRequestChange;
  'council_request.case_opened': CouncilRequestChange & { readonly caseId: string };
}

export interface CouncilRequestChange {
  readonly requestId: string;
  /** `information` (WOR art. 31), `case_opening`, `initiative` (art. 23(3)). */
  readonly kind: string;
  readonly worksCouncilId: string;
  readonly organisationId: string;
  readonly dueDate: string;
  readonly version: number;
}

/**
 * Conditions become commitments (issue #19, libs/commitments), on the case: both sides see them.
 * `commitment.due_soon` is addressed to the owner (the event's `userId`).
 */
export interface CommitmentChange {
  readonly commitmentId: string;
  readonly track: string;
  readonly status: string;
  readonly version: number;
}

interface CommitmentEvents {
  'commitment.created': CommitmentChange;
  'commitment.updated': CommitmentChange;
  'commitment.evidence_recorded': CommitmentChange;
  'commitment.broken': CommitmentChange;
  'commitment.waived': CommitmentChange;
  'commitment.reopened': CommitmentChange & { readonly step: string };
  'commitment.due_soon': CommitmentChange & { readonly dueDate: string };
}

/**
 * A formal letter of a case (issue #22), once it left its sender: drafts are one side's own and
 * never reach the other side's rooms (B.19). `letter.sent_to_*` notify the receiving side;
 * `letter.answered` notifies the sender side, which waits on the answer (every kind that owes one
 * is the council's: the initiative proposal and the expert cost notice).
 */
export interface LetterChange {
  readonly letterId: string;
  readonly kind: string;
  readonly version: number;
}

interface LetterEvents {
  'letter.sent_to_council': LetterChange;
  'letter.sent_to_employer': LetterChange;
  'letter.received': LetterChange & { readonly receivedOn: string };
  'letter.receipt_corrected': LetterChange & { readonly receivedOn: string };
  'letter.answered': LetterChange & { readonly answeredOn: string };
}

/** Monitoring after go-live (libs/evaluations, issue #19). */
interface EvaluationEvents {
  'monitoring_plan.updated': { readonly version: number };
  /** An evaluation moment is near: both parties are reminded, once. */
  'evaluation.due_soon': {
    readonly evaluationId: string;
    readonly seq: number;
    readonly dueOn: string;
  };
  'evaluation.recorded': { readonly evaluationId: string; readonly seq: number };
  /** The evaluation found commitments at risk, proposed broken or overdue: the council is told. */
  'evaluation.commitments_flagged': {
    readonly evaluationId: string;
    readonly seq: number;
    readonly commitmentIds: readonly string[];
  };
  'monitoring_incident.logged': { readonly incidentId: string; readonly kind: string };
  /** On the earlier case: a material register change opened this follow-up case (P5). */
  'case_follow_up.opened': {
    readonly followUpCaseId: string;
    readonly fields: readonly string[];
  };
}

/** The user's inbox changed; other tabs and devices refetch it. */
interface NotificationEvents {
  'notification.created': { readonly notificationIds: readonly string[] };
  'notification.read': { readonly notificationIds: readonly string[] } | { readonly all: true };
}

/** Every domain event type and its payload. */
export interface EventMap
  extends
    CaseEvents,
    TrackEvents,
    DossierEvents,
    DocumentEvents,
    CommentEvents,
    InternalEvents,
    SurveyEvents,
    MeetingEvents,
    UnionEvents,
    AccessEvents,
    CouncilEvents,
    AiSystemEvents,
    IntakeEvents,
    CommitmentEvents,
    LetterEvents,
    EvaluationEvents,
    NotificationEvents {}

/** `<aggregate>.<past_tense>` (house style B.4); nothing else reaches the outbox. */
export type EventType = keyof EventMap;

export type EventPayload<T extends EventType> = EventMap[T];

/** The event types of one aggregate, e.g. `EventTypeOf<'meeting'>`. */
export type EventTypeOf<Prefix extends string> = Extract<EventType, `${Prefix}.${string}`>;
