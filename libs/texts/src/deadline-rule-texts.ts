import type { TextLanguage } from './language';

interface RuleTexts {
  /** The term's name as people read it. */
  readonly label: Readonly<Record<TextLanguage, string>>;
  /**
   * Where the term comes from, in plain language ("art. 25 lid 6 WOR", "Interne termijn (geen
   * wettelijke termijn)"): what e-mails, the dossier PDF and the web show. The rule's `source`
   * keeps the research ids (legal-rules.md) for exports and audits.
   */
  readonly source: Readonly<Record<TextLanguage, string>>;
}

/**
 * Issue #18: every deadline rule's name and source, in Dutch and English (with the Dutch legal
 * term beside the English one). The web's `rule.<ruleId>` and `ruleSource.<ruleId>` messages are
 * made from this table (apps/web/src/messages/shared.ts), so a term has one name everywhere.
 */
export const DEADLINE_RULE_TEXTS = {
  advice_response_term: {
    label: {
      nl: 'Adviestermijn ondernemingsraad',
      en: 'Works council advice term (adviestermijn)',
    },
    source: {
      nl: 'Afgesproken termijn (convenant); de WOR noemt geen adviestermijn (art. 25 WOR)',
      en: 'Agreed term (convenant); the WOR sets no advice term (WOR art. 25)',
    },
  },
  consent_response_term: {
    label: { nl: 'Termijn instemmingsverzoek', en: 'Consent request term (instemmingsverzoek)' },
    source: {
      nl: 'Afgesproken termijn (convenant); art. 27 lid 2 WOR',
      en: 'Agreed term (convenant); WOR art. 27(2)',
    },
  },
  consultation_meeting_term: {
    label: {
      nl: 'Termijn overlegvergadering (art. 23 WOR)',
      en: 'Consultation meeting term (overlegvergadering, WOR art. 23)',
    },
    source: { nl: 'art. 23 lid 1 en art. 25 lid 4 WOR', en: 'WOR art. 23(1) and 25(4)' },
  },
  suspension_term: {
    label: {
      nl: 'Opschortingstermijn (art. 25 lid 6 WOR)',
      en: 'Suspension period (opschortingstermijn, WOR art. 25(6))',
    },
    source: { nl: 'art. 25 lid 6 WOR', en: 'WOR art. 25(6)' },
  },
  appeal_term: {
    label: {
      nl: 'Beroepstermijn Ondernemingskamer (art. 26 WOR)',
      en: 'Appeal term, Enterprise Chamber (Ondernemingskamer, WOR art. 26)',
    },
    source: { nl: 'art. 26 lid 2 WOR', en: 'WOR art. 26(2)' },
  },
  nullity_term: {
    label: {
      nl: 'Termijn inroepen nietigheid (art. 27 lid 5 WOR)',
      en: 'Term to invoke nullity (nietigheid, WOR art. 27(5))',
    },
    source: { nl: 'art. 27 lid 5 WOR', en: 'WOR art. 27(5)' },
  },
  information_response_term: {
    label: {
      nl: 'Antwoordtermijn informatieverzoek',
      en: 'Information request response term (informatieverzoek)',
    },
    source: {
      nl: 'Interne termijn (geen wettelijke termijn; art. 31 lid 1 WOR zegt ‘tijdig’)',
      en: 'Internal term (not statutory; WOR art. 31(1) says ‘in good time’)',
    },
  },
  initiative_response_term: {
    label: {
      nl: 'Antwoordtermijn initiatiefvoorstel of verzoek van de OR',
      en: 'Response term for a council proposal or request (initiatiefvoorstel)',
    },
    source: {
      nl: 'Interne termijn (geen wettelijke termijn; art. 23 lid 3 WOR)',
      en: 'Internal term (not statutory; WOR art. 23(3))',
    },
  },
  employer_decision_sla: {
    label: { nl: 'Termijn besluit bestuurder', en: 'Employer decision term (besluit bestuurder)' },
    source: {
      nl: 'Interne termijn (geen wettelijke termijn; art. 25 lid 5 en art. 27 lid 2 WOR zeggen ‘zo spoedig mogelijk’)',
      en: 'Internal term (not statutory; WOR art. 25(5) and 27(2) say ‘as soon as possible’)',
    },
  },
  training_deadline: {
    label: {
      nl: 'Training afgerond vóór ingebruikname',
      en: 'Training completed before go-live',
    },
    source: {
      nl: 'art. 7:611a BW; art. 4 en art. 26 lid 2 AI-verordening',
      en: 'Dutch Civil Code art. 7:611a; AI Act art. 4 and 26(2)',
    },
  },
  evaluation_date: {
    label: { nl: 'Evaluatiemoment', en: 'Evaluation date' },
    source: {
      nl: 'Afgesproken evaluatiemoment (geen wettelijke termijn)',
      en: 'Agreed evaluation date (not statutory)',
    },
  },
} as const satisfies Record<string, RuleTexts>;

/** The rules that have texts; @wc/deadlines checks that this is exactly its `DeadlineRuleId`. */
export type DeadlineRuleTextId = keyof typeof DEADLINE_RULE_TEXTS;

function textsOf(ruleId: string): RuleTexts | undefined {
  return Object.prototype.hasOwnProperty.call(DEADLINE_RULE_TEXTS, ruleId)
    ? DEADLINE_RULE_TEXTS[ruleId as DeadlineRuleTextId]
    : undefined;
}

/** A rule's name; an unknown id (a stored row of a rule since removed) is a generic "term". */
export function deadlineRuleLabel(ruleId: string, language: TextLanguage): string {
  return textsOf(ruleId)?.label[language] ?? (language === 'nl' ? 'Termijn' : 'Term');
}

/** A rule's source in plain language; empty for an unknown id. */
export function deadlineRuleSource(ruleId: string, language: TextLanguage): string {
  return textsOf(ruleId)?.source[language] ?? '';
}
