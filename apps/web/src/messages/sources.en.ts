/** English texts of where things come from; see sources.nl.ts. */
export const sourcesEn = {
  'ruleSource.advice_response_term':
    'Agreed term (convenant); the WOR sets no advice term (WOR art. 25)',
  'ruleSource.consent_response_term': 'Agreed term (convenant); WOR art. 27(2)',
  'ruleSource.consultation_meeting_term': 'WOR art. 23(1) and 25(4)',
  'ruleSource.suspension_term': 'WOR art. 25(6)',
  'ruleSource.appeal_term': 'WOR art. 26(2)',
  'ruleSource.nullity_term': 'WOR art. 27(5)',
  'ruleSource.information_response_term':
    'Internal term (not statutory; WOR art. 31(1) says ‘in good time’)',
  'ruleSource.initiative_response_term': 'Internal term (not statutory; WOR art. 23(3))',
  'ruleSource.employer_decision_sla':
    'Internal term (not statutory; WOR art. 25(5) and 27(2) say ‘as soon as possible’)',
  'ruleSource.training_deadline': 'Dutch Civil Code art. 7:611a; AI Act art. 4 and 26(2)',
  'ruleSource.evaluation_date': 'Agreed evaluation date (not statutory)',
} as const;
