export * from './cases.module';
export { type CaseDigestView, CaseService, type VisibleCasesFilter } from './case.service';
export { InformationRequestService } from './information-request.service';
export {
  type CouncilCaseFigures,
  CouncilCaseFiguresQuery,
  type CouncilCaseSet,
  type OpenRequestRow,
} from './council-case-figures.query';
export { type ReceiptCorrectionAct, TrackTransitionService } from './track-transition.service';
export * from './dto/case.dto';
export type {
  ActorSide,
  Duty,
  DutySide,
  TriageAnswers,
  TriageOutcome,
  TrackKind,
  CaseStage,
} from './domain';
export { byUrgency, daysBetween } from './domain';
// WOR 27(5): where a consent track stands for nullity, read by the nullity letter (issue #22).
export { consentBasisOf, nullityTermStart, type TrackSnapshot } from './domain';
export {
  CASE_DOSSIER_FACTS,
  type CaseDossierFacts,
  type CaseDossierFactsView,
} from './dossier-facts.port';
export {
  CASE_CONDITIONS_SINK,
  type CaseConditionsSink,
  type RecordedConditions,
} from './conditions-sink.port';
