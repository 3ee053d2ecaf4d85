/** Answers for a typical HR analytics system: advice and consent, high-risk, DPIA. */
export function monitoringTriageAnswers(overrides: Record<string, unknown> = {}) {
  return {
    councilType: 'or',
    headcount: 250,
    introducesOrChangesTechnology: true,
    changesActivities: false,
    changesWorkOrganisation: false,
    majorInvestment: false,
    recruitmentOfStaff: false,
    externalAdviserEngaged: false,
    processesStaffPersonalData: true,
    canMonitorStaff: true,
    usedForAppraisal: false,
    affectsWorkingTimes: false,
    affectsHealthSafety: false,
    affectsHiringFiringPromotion: false,
    affectsTraining: false,
    annexIIIPoint4: 'monitoring_evaluation',
    profilesNaturalPersons: true,
    article6_3Exception: false,
    deployerType: 'private',
    infersEmotions: false,
    emotionMedicalOrSafety: false,
    largeScaleMonitoring: true,
    systematicProfilingWithSignificantEffects: false,
    specialCategoryData: false,
    biometrics: false,
    caoSettledConsentLetters: [],
    jobContentChanges: true,
    ...overrides,
  };
}

export const FULL_CONTENTS = {
  intendedDecision: 'Introduce WarehouseInsight to plan picking routes and measure productivity.',
  reasons: 'Rising order volume; fewer errors.',
  consequencesForStaff: 'Pickers get routes from the system; their pick rates are recorded.',
  measures: 'No individual appraisal on the data; training for all pickers.',
  alternatives: 'Manual planning with more team leads.',
  regelingText: 'Regeling WarehouseInsight: purposes, data, retention 6 months, access HR only.',
};
