export type Language = 'nl' | 'en';

/**
 * Display names of the deadline rules (libs/deadlines `DeadlineRuleId`). Kept here because only
 * people read them; an unknown id (a rule added later) falls back to the id itself.
 */
const RULE_LABELS: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  advice_response_term: { nl: 'Adviestermijn ondernemingsraad', en: 'Works council advice term' },
  consent_response_term: { nl: 'Termijn instemmingsverzoek', en: 'Consent request term' },
  consultation_meeting_term: {
    nl: 'Termijn overlegvergadering (art. 23 WOR)',
    en: 'Consultation meeting term (WOR art. 23)',
  },
  suspension_term: {
    nl: 'Opschortingstermijn (art. 25 lid 6 WOR)',
    en: 'Suspension period (WOR art. 25(6))',
  },
  appeal_term: {
    nl: 'Beroepstermijn Ondernemingskamer (art. 26 WOR)',
    en: 'Appeal term, Enterprise Chamber (WOR art. 26)',
  },
  nullity_term: {
    nl: 'Termijn inroepen nietigheid (art. 27 lid 5 WOR)',
    en: 'Term to invoke nullity (WOR art. 27(5))',
  },
  information_response_term: {
    nl: 'Antwoordtermijn informatieverzoek',
    en: 'Information request response term',
  },
  initiative_response_term: {
    nl: 'Antwoordtermijn initiatiefvoorstel of verzoek van de OR',
    en: 'Response term for a council proposal or request',
  },
  employer_decision_sla: { nl: 'Termijn besluit bestuurder', en: 'Employer decision term' },
  training_deadline: {
    nl: 'Training afgerond vóór ingebruikname',
    en: 'Training completed before go-live',
  },
  evaluation_date: { nl: 'Evaluatiemoment', en: 'Evaluation date' },
};

export function ruleLabel(ruleId: string, language: Language): string {
  return RULE_LABELS[ruleId]?.[language] ?? ruleId;
}
