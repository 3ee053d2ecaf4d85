// Test fixtures for the domain specs only; not exported from index.ts.
import type { GoLiveGateFacts } from './go-live-gate';
import type { ActorSide, TrackAction } from './track-actions';
import type { CaseFacts } from './transition-effect';
import { triage } from './triage';
import type { TriageAnswers, TriageOutcome } from './triage';
import { newTrack } from './tracks';
import type { TrackKind, TrackSnapshot, TrackStage } from './tracks';

/** 2026-03-02 11:00 in Amsterdam. */
export const NOW = new Date('2026-03-02T10:00:00Z');
export const TODAY = '2026-03-02';

export const NO_ANSWERS: TriageAnswers = {
  councilType: 'or',
  headcount: 250,
  introducesOrChangesTechnology: false,
  changesActivities: false,
  changesWorkOrganisation: false,
  majorInvestment: false,
  recruitmentOfStaff: false,
  externalAdviserEngaged: false,
  processesStaffPersonalData: false,
  canMonitorStaff: false,
  usedForAppraisal: false,
  affectsWorkingTimes: false,
  affectsHealthSafety: false,
  affectsHiringFiringPromotion: false,
  affectsTraining: false,
  annexIIIPoint4: 'none',
  profilesNaturalPersons: false,
  article6_3Exception: false,
  deployerType: 'private',
  infersEmotions: false,
  emotionMedicalOrSafety: false,
  largeScaleMonitoring: false,
  systematicProfilingWithSignificantEffects: false,
  specialCategoryData: false,
  biometrics: false,
  caoSettledConsentLetters: [],
  jobContentChanges: false,
  affectsPayOrJobEvaluation: false,
  affectsComplaintsProcedure: false,
  affectsWhistleblowingProcedure: false,
  manipulativeTechniques: false,
  exploitsVulnerabilities: false,
  socialScoring: false,
  untargetedFacialScraping: false,
  biometricCategorisationSensitive: false,
  annexIProduct: false,
  chatbot: false,
  generatesContent: false,
  deepfakes: false,
  solelyAutomatedSignificantDecisions: false,
  covertMonitoring: false,
  blacklist: false,
  fraudDetection: false,
  financialSituation: false,
  cameraSurveillance: false,
  locationData: false,
  communicationData: false,
  connectedDevices: false,
  observesOrInfluencesBehaviour: false,
  healthData: false,
};

/** A municipality's performance-monitoring AI: every track and every gate condition applies. */
export const FULL_TRIAGE: TriageOutcome = triage({
  ...NO_ANSWERS,
  deployerType: 'public_body',
  introducesOrChangesTechnology: true,
  processesStaffPersonalData: true,
  canMonitorStaff: true,
  annexIIIPoint4: 'monitoring_evaluation',
  largeScaleMonitoring: true,
  jobContentChanges: true,
});

/** The same system at a purely private employer: no FRIA. */
export const PRIVATE_TRIAGE: TriageOutcome = triage({
  ...NO_ANSWERS,
  introducesOrChangesTechnology: true,
  processesStaffPersonalData: true,
  annexIIIPoint4: 'monitoring_evaluation',
});

export function trackAt(
  kind: TrackKind,
  stage: TrackStage,
  extra: Partial<Omit<TrackSnapshot, 'kind' | 'stage'>> = {},
): TrackSnapshot {
  return { ...newTrack(kind), stage, ...extra };
}

/** Every track of FULL_TRIAGE at the point where go-live is allowed. */
export function readyTracks(): TrackSnapshot[] {
  return [
    trackAt('advice', 'go_live_gate'),
    trackAt('consent', 'go_live_gate'),
    trackAt('ai_act', 'ready'),
    trackAt('dpia', 'done'),
    trackAt('skills', 'done'),
  ];
}

export function gateFacts(overrides: Partial<GoLiveGateFacts> = {}): GoLiveGateFacts {
  return {
    triage: FULL_TRIAGE,
    tracks: readyTracks(),
    oversight: { staffNamed: true, trained: true, source: 'manual_confirmation' },
    ...overrides,
  };
}

/** Facts under which every guard passes. */
export function facts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    ...gateFacts(),
    missingRequestContents: [],
    suspensionLastDay: '2026-02-27',
    responseTermLapsed: false,
    ...overrides,
  };
}

export interface Step {
  readonly action: TrackAction;
  readonly side: ActorSide;
  readonly receivedOn?: string;
}
