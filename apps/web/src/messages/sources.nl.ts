/**
 * Dutch texts of where things come from (issue #18): each deadline rule's source in plain
 * language (`ruleSource.<ruleId>`), the same as @wc/deadlines DEADLINE_RULE_TEXTS (a test
 * compares them).
 */
export const sourcesNl = {
  'ruleSource.advice_response_term':
    'Afgesproken termijn (convenant); de WOR noemt geen adviestermijn (art. 25 WOR)',
  'ruleSource.consent_response_term': 'Afgesproken termijn (convenant); art. 27 lid 2 WOR',
  'ruleSource.consultation_meeting_term': 'art. 23 lid 1 en art. 25 lid 4 WOR',
  'ruleSource.suspension_term': 'art. 25 lid 6 WOR',
  'ruleSource.appeal_term': 'art. 26 lid 2 WOR',
  'ruleSource.nullity_term': 'art. 27 lid 5 WOR',
  'ruleSource.information_response_term':
    'Interne termijn (geen wettelijke termijn; art. 31 lid 1 WOR zegt ‘tijdig’)',
  'ruleSource.initiative_response_term':
    'Interne termijn (geen wettelijke termijn; art. 23 lid 3 WOR)',
  'ruleSource.employer_decision_sla':
    'Interne termijn (geen wettelijke termijn; art. 25 lid 5 en art. 27 lid 2 WOR zeggen ‘zo spoedig mogelijk’)',
  'ruleSource.training_deadline': 'art. 7:611a BW; art. 4 en art. 26 lid 2 AI-verordening',
  'ruleSource.evaluation_date': 'Afgesproken evaluatiemoment (geen wettelijke termijn)',
} as const;
