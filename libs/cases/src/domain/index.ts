export { amsterdamDay, isCalendarDay } from './calendar-day';
export type { CalendarDay } from './calendar-day';
export { tracksCoveredByConsultation } from './consultation';
export { DateBeforeEvent, notBefore } from './date-before-event';
export type { CaseDateEvent, DateConflict } from './date-before-event';
export { TRACK_DEADLINE_RULES } from './deadline-requests';
export type { CaseDeadlineRuleId, DeadlineLength, DeadlineRequest } from './deadline-requests';
export { GO_LIVE_CONDITION_KEYS, evaluateGoLiveGate } from './go-live-gate';
export type {
  GoLiveCondition,
  GoLiveConditionKey,
  GoLiveGate,
  GoLiveGateFacts,
  OversightConfirmation,
} from './go-live-gate';
export { CASE_STAGE_ORDER, deriveCaseStage } from './overall-stage';
export type { CaseStage } from './overall-stage';
export { REQUIRED_REQUEST_CONTENTS, missingRequestContents } from './request-contents';
export type { RequestContentItem } from './request-contents';
export { planRetriage, proposalReasons, triageContradictions } from './retriage';
export type { KnownTriageFacts, RetriagePlan, TriageContradiction } from './retriage';
export { planTrackTransition } from './stage-machine';
export type { PlanTrackTransitionInput, TrackTransitionPlan } from './stage-machine';
export type {
  ActionOf,
  ActorSide,
  AiActAction,
  CommonAction,
  DpiaAction,
  SkillsAction,
  TrackAction,
  TrackActionType,
  WorAction,
} from './track-actions';
export type { CaseFacts, DomainEventDraft } from './transition-effect';
export { TransitionRefused } from './transition-refused';
export { TRANSITIONS } from './transition-table';
export type { TransitionRow } from './transition-table';
export {
  ADVICE_STAGES,
  AI_ACT_STAGES,
  CONSENT_STAGES,
  DPIA_STAGES,
  INITIAL_STAGE,
  SKILLS_STAGES,
  STAGES_BY_KIND,
  TRACK_KINDS,
  isStageOf,
  isWorTrack,
  newTrack,
  requestReceivedOnOf,
} from './tracks';
export type {
  AdvicePosition,
  AdviceStage,
  AiActStage,
  ConsentPosition,
  ConsentStage,
  CouncilPosition,
  CouncilPositionRecord,
  DpiaStage,
  EmployerDecisionRecord,
  RecordedLate,
  SkillsStage,
  StageByKind,
  SuspensionWaiverRecord,
  TrackHistoryEntry,
  TrackKind,
  TrackSnapshot,
  TrackStage,
  WorStage,
  WorTrackKind,
} from './tracks';
export { TRIAGE_REASON_CODES, activeTracks, compareTriage, triage } from './triage';
export {
  CAUTIOUS_ANSWERS,
  FOLLOW_UPS,
  UNKNOWABLE_QUESTIONS,
  prefillFromRegister,
  questionApplies,
  registerWarnings,
  resolveTriageAnswers,
  servedTriageQuestionnaire,
} from './triage-questionnaire';
export type {
  QuestionKey,
  RegisterPrefill,
  ServedTriageQuestion,
  ServedTriageQuestionGroup,
  ToFindOut,
} from './triage-questionnaire';
export {
  TRIAGE_QUESTIONNAIRE,
  TRIAGE_QUESTIONS,
  conditionHolds,
  triageQuestion,
} from './triage-questions';
export type {
  LocalText,
  QuestionKind,
  QuestionOption,
  ShowWhen,
  TriageQuestion,
  TriageQuestionGroup,
} from './triage-questions';
export type {
  AdviceLetter,
  AnnexIIIPoint4,
  ConsentLetter,
  CouncilType,
  DeployerDuty,
  DeployerType,
  DpiaTrigger,
  NoticeRecipient,
  Reason,
  TriageAnswers,
  TriageChange,
  TriageOutcome,
} from './triage';
export {
  allowedActionsFor,
  labelKeyOfMissing,
  missingItem,
  placeOfMissing,
} from './allowed-actions';
export type {
  AllowedAction,
  AllowedActionsInput,
  CaseLevelBlock,
  CaseTab,
  MissingItem,
} from './allowed-actions';
export { byUrgency, caseDuties, daysBetween, everyMove, nextActionOf, termSides } from './duties';
export type { Duty, DutyDeadline, DutyFacts, DutyInformationRequest, DutySide } from './duties';
export type { CaoSettlement } from './triage';
export { highRiskReading, prohibitedPractices, transparencyDuties } from './ai-act-screening';
export type {
  AnnexIIIPoint1,
  AnnexIIIPoint3,
  HighRiskRoute,
  ProhibitedPractice,
  TransparencyDuty,
} from './ai-act-screening';
export { dpiaReading } from './dpia-screening';
export type { ApDpiaCategory } from './dpia-screening';
export { consentBasisOf, nullityTermStart } from './nullity';
export type { ConsentBasis, NullityInput, NullityTerm } from './nullity';
export { dutyDates } from './duty-dates';
export type { AiActDutyGroup, CalendarRow, DutyDate, SystemHistory } from './duty-dates';
