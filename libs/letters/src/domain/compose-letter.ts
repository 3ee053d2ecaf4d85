import {
  computeDeadline,
  type CouncilTermSettings,
  type DeadlineRuleId,
  resolveTermLength,
} from '@wc/deadlines';

import {
  type LetterFields,
  type LetterKind,
  type LetterLanguage,
  type LetterParty,
  type LetterTrack,
  LETTER_KIND_SPECS,
} from './letter-kinds';
import type { NullityWindow } from './nullity-window';

/** What a letter reads from its case: kept linked, so the next version picks up a change. */
export interface LetterCaseFacts {
  readonly caseId: string;
  readonly caseTitle: string;
  readonly contents: Readonly<Record<string, unknown>>;
  readonly councilPosition?: {
    readonly position: string;
    readonly conditions: readonly string[];
    readonly reasons?: string;
    readonly waivesSuspension: boolean;
    readonly receivedOn: string;
  };
  readonly employerDecision?: { readonly follows: boolean; readonly receivedOn: string };
  /** For a nullity invocation: the month of WOR 27(5) as the consent track and the letter give it. */
  readonly nullity?: NullityWindow;
  readonly termSettings: CouncilTermSettings;
}

export interface ComposeInput {
  readonly kind: LetterKind;
  readonly track: LetterTrack | null;
  readonly sender: LetterParty;
  readonly language: LetterLanguage;
  readonly fields: LetterFields;
  readonly facts: LetterCaseFacts;
  /** The day the terms run from: the receipt date once recorded, else the day it is drafted. */
  readonly termsFrom: string;
  /** Whether `termsFrom` is the recorded receipt date (else the terms are "if received today"). */
  readonly received: boolean;
}

export interface LetterTerm {
  readonly ruleId: string;
  readonly label: string;
  /** The last day of the term (strict; acting by it is the safe advice for a fatal term). */
  readonly lastDay: string;
  readonly fatal: boolean;
  /** Set by law; false for an agreed term or an internal SLA of Overleg, which binds no one. */
  readonly statutory: boolean;
  readonly basis: string;
}

export interface LetterSection {
  readonly heading: string;
  readonly lines: readonly string[];
}

/** The structured part of a letter: composed from the case, never typed by hand. */
export interface LetterStructured {
  readonly caseReference: string;
  readonly caseTitle: string;
  readonly subject: string;
  readonly from: string;
  readonly to: string;
  readonly salutation: string;
  readonly references: readonly string[];
  readonly sections: readonly LetterSection[];
  readonly terms: readonly LetterTerm[];
  readonly closing: string;
}

/** The reference a third party quotes: the first block of the case id. */
export function caseReferenceOf(caseId: string): string {
  return `OVL-${caseId.slice(0, 8).toUpperCase()}`;
}

interface Catalogue {
  readonly subjects: Record<LetterKind, (track: string) => string>;
  readonly parties: Record<LetterParty, string>;
  readonly tracks: Record<LetterTrack, string>;
  readonly salutation: Record<LetterParty, string>;
  readonly closing: string;
  readonly headings: Record<string, string>;
  readonly positions: Record<string, string>;
  readonly rules: Record<string, string>;
  readonly basisReceived: (day: string) => string;
  readonly basisIfToday: (day: string) => string;
  readonly follows: string;
  readonly deviates: string;
  readonly suspension: (lastDay: string) => string;
  readonly suspensionWaived: string;
  readonly waivesSuspension: string;
  readonly decisionReceived: (day: string) => string;
  readonly implementationLearned: (day: string) => string;
  readonly nullityStartRecorded: (day: string) => string;
  readonly nullity: string;
  readonly costs: (euros: string) => string;
  readonly costAnswer: readonly string[];
  readonly aiNotice: string;
  readonly aiNoticeReceipt: string;
  readonly initiativeAnswer: readonly string[];
  readonly implementationDate: (day: string) => string;
  readonly none: string;
}

const NL: Catalogue = {
  subjects: {
    advice_request: () => 'Adviesaanvraag (WOR art. 25)',
    consent_request: () => 'Instemmingsaanvraag (WOR art. 27)',
    information_request: () => 'Verzoek om informatie (WOR art. 31)',
    consultation_request: () => 'Verzoek om een overlegvergadering (WOR art. 23)',
    council_decision: (track) =>
      track === 'consent' ? 'Besluit op de instemmingsaanvraag' : 'Advies van de ondernemingsraad',
    employer_decision: (track) =>
      track === 'consent'
        ? 'Besluit na instemming (WOR art. 27)'
        : 'Besluit na advies (WOR art. 25 lid 5)',
    ai_act_notice: () =>
      'Informatie over de inzet van een AI-systeem (AI-verordening art. 26 lid 7)',
    expert_cost_notice: () => 'Kostenmelding deskundige (WOR art. 22 lid 2)',
    nullity_invocation: () => 'Inroepen van de nietigheid (WOR art. 27 lid 5)',
    initiative_proposal: () => 'Initiatiefvoorstel van de ondernemingsraad (WOR art. 23 lid 3)',
  },
  parties: { employer: 'De ondernemer (bestuurder)', council: 'De ondernemingsraad' },
  tracks: { advice: 'advies', consent: 'instemming', ai_act: 'AI-verordening' },
  salutation: {
    employer: 'Geachte bestuurder,',
    council: 'Geachte leden van de ondernemingsraad,',
  },
  closing: 'Met vriendelijke groet,',
  headings: {
    intendedDecision: 'Het voorgenomen besluit',
    reasons: 'Beweegredenen',
    consequencesForStaff: 'Gevolgen voor de werknemers',
    measures: 'Maatregelen naar aanleiding daarvan',
    alternatives: 'Overwogen alternatieven',
    regelingText: 'Tekst van de regeling',
    question: 'Gevraagde informatie',
    consultationReasons: 'Redenen voor het verzoek',
    position: 'Standpunt van de ondernemingsraad',
    conditions: 'Voorwaarden',
    councilReasons: 'Motivering',
    decision: 'Het besluit',
    councilPositionOnCase: 'Het advies of besluit van de ondernemingsraad',
    decisionReasons: 'Redenen voor het besluit',
    suspension: 'Opschorting',
    nullity: 'Nietigheid',
    expert: 'Deskundige',
    system: 'Het AI-systeem',
    affectedWorkers: 'Informatie aan de betrokken werknemers',
    goLive: 'Vóór de ingebruikname',
    proposal: 'Het voorstel',
    employerAnswer: 'Antwoord van de ondernemer',
  },
  positions: {
    positive: 'positief advies',
    negative: 'negatief advies',
    conditional: 'advies of instemming onder voorwaarden',
    granted: 'instemming verleend',
    refused: 'instemming geweigerd',
  },
  rules: {
    advice_response_term: 'Adviestermijn (overeengekomen)',
    consent_response_term: 'Termijn voor het instemmingsbesluit (overeengekomen)',
    information_response_term: 'Antwoordtermijn voor de informatie',
    consultation_meeting_term: 'Overlegvergadering binnen twee weken (WOR art. 23 lid 1)',
    employer_decision_sla: 'Besluit van de ondernemer',
    suspension_term: 'Opschortingstermijn van een maand (WOR art. 25 lid 6)',
    appeal_term: 'Beroepstermijn Ondernemingskamer (WOR art. 26 lid 2, fataal)',
    nullity_term: 'Termijn om de nietigheid in te roepen (WOR art. 27 lid 5, fataal)',
    initiative_response_term:
      'Antwoord van de ondernemer: interne termijn van Overleg, geen wettelijke termijn (WOR art. 23 lid 3: zo spoedig mogelijk)',
  },
  basisReceived: (day) => `gerekend vanaf de ontvangst op ${day}`,
  basisIfToday: (day) => `bij ontvangst op ${day}; de werkelijke ontvangstdatum telt`,
  follows: 'De ondernemer volgt het advies of het besluit van de ondernemingsraad.',
  deviates: 'De ondernemer wijkt af van het advies of het besluit van de ondernemingsraad.',
  suspension: (lastDay) =>
    `De ondernemer schort de uitvoering van het besluit op tot en met ${lastDay} (WOR art. 25 lid 6), tenzij de ondernemingsraad daarvan afziet.`,
  suspensionWaived: 'De ondernemingsraad heeft in zijn advies afgezien van de opschorting.',
  waivesSuspension: 'De ondernemingsraad ziet af van de opschorting van WOR art. 25 lid 6.',
  decisionReceived: (day) =>
    `Het besluit van de ondernemer is door de ondernemingsraad ontvangen op ${day}.`,
  implementationLearned: (day) =>
    `Het besluit is niet schriftelijk meegedeeld; op ${day} is de ondernemingsraad gebleken dat het wordt uitgevoerd of toegepast.`,
  nullityStartRecorded: (day) =>
    `De termijn van een maand loopt vanaf ${day}, zoals in de zaak vastgelegd.`,
  nullity:
    'De ondernemingsraad roept hierbij schriftelijk de nietigheid in van het besluit, genomen zonder zijn instemming.',
  costs: (euros) =>
    `Verwachte kosten: EUR ${euros}. De kosten komen ten laste van de ondernemer (WOR art. 22 lid 1).`,
  costAnswer: [
    'De ondernemingsraad stelt de ondernemer hiermee vooraf in kennis van de deskundige, de opdracht en de verwachte kosten (WOR art. 22 lid 2); de ontvangstdatum van deze brief legt vast dat de kennisgeving aan de kosten voorafging.',
    'De wet stelt geen termijn voor het antwoord van de ondernemer. Wij vragen de ondernemer te laten weten of hij bezwaar heeft tegen de kosten; een geschil daarover kan aan de kantonrechter worden voorgelegd (WOR art. 36).',
  ],
  aiNotice:
    'Voordat het AI-systeem op de werkplek in gebruik wordt genomen, informeert de gebruiksverantwoordelijke de werknemersvertegenwoordigers en de betrokken werknemers.',
  aiNoticeReceipt:
    'De ontvangst van deze kennisgeving door de ondernemingsraad geldt als het informeren van de werknemersvertegenwoordigers vóór de ingebruikname (AI-verordening art. 26 lid 7). Er gaat geen termijn in; zonder deze ontvangst gaat het systeem niet in gebruik.',
  initiativeAnswer: [
    'De ondernemer beslist over het voorstel pas na ten minste één overlegvergadering en deelt zijn besluit schriftelijk en met redenen mee, zo spoedig mogelijk (WOR art. 23 lid 3).',
    'De wet noemt geen termijn. Overleg rekent met een interne termijn van zes weken na ontvangst; die termijn is een afspraak van het platform, geen wettelijke termijn.',
  ],
  implementationDate: (day) => `Datum van uitvoering: ${day}.`,
  none: '(niet ingevuld in de zaak)',
};

const EN: Catalogue = {
  subjects: {
    advice_request: () => 'Request for advice (adviesaanvraag, WOR art. 25)',
    consent_request: () => 'Request for consent (instemmingsaanvraag, WOR art. 27)',
    information_request: () => 'Request for information (WOR art. 31)',
    consultation_request: () =>
      'Request for a consultation meeting (overlegvergadering, WOR art. 23)',
    council_decision: (track) =>
      track === 'consent'
        ? "The council's decision on the request for consent"
        : "The works council's advice (advies)",
    employer_decision: (track) =>
      track === 'consent'
        ? 'Decision after consent (WOR art. 27)'
        : 'Decision after advice (WOR art. 25(5))',
    ai_act_notice: () => 'Information on the use of an AI system (AI Act art. 26(7))',
    expert_cost_notice: () => "Notice of the expert's costs (WOR art. 22(2))",
    nullity_invocation: () => 'Invocation of nullity (nietigheid, WOR art. 27(5))',
    initiative_proposal: () => "The works council's initiative proposal (WOR art. 23(3))",
  },
  parties: {
    employer: 'The employer (ondernemer)',
    council: 'The works council (ondernemingsraad)',
  },
  tracks: { advice: 'advice', consent: 'consent', ai_act: 'AI Act' },
  salutation: { employer: 'Dear director,', council: 'Dear members of the works council,' },
  closing: 'Kind regards,',
  headings: {
    intendedDecision: 'The intended decision',
    reasons: 'Reasons (beweegredenen)',
    consequencesForStaff: 'Consequences for the employees',
    measures: 'Measures intended in response',
    alternatives: 'Alternatives considered',
    regelingText: 'Text of the regeling',
    question: 'Information requested',
    consultationReasons: 'Reasons for the request',
    position: "The works council's position",
    conditions: 'Conditions',
    councilReasons: 'Reasons',
    decision: 'The decision',
    councilPositionOnCase: "The works council's advice or decision",
    decisionReasons: 'Reasons for the decision',
    suspension: 'Suspension (opschorting)',
    nullity: 'Nullity (nietigheid)',
    expert: 'Expert (deskundige)',
    system: 'The AI system',
    affectedWorkers: 'Information to the affected workers',
    goLive: 'Before use',
    proposal: 'The proposal',
    employerAnswer: "The employer's answer",
  },
  positions: {
    positive: 'positive advice',
    negative: 'negative advice',
    conditional: 'advice or consent subject to conditions',
    granted: 'consent granted',
    refused: 'consent refused',
  },
  rules: {
    advice_response_term: 'Advice term (agreed)',
    consent_response_term: 'Term for the consent decision (agreed)',
    information_response_term: 'Response term for the information',
    consultation_meeting_term: 'Consultation meeting within two weeks (WOR art. 23(1))',
    employer_decision_sla: "The employer's decision",
    suspension_term: 'One-month suspension (WOR art. 25(6))',
    appeal_term: 'Appeal to the Ondernemingskamer (WOR art. 26(2), fatal)',
    nullity_term: 'Term to invoke nullity (WOR art. 27(5), fatal)',
    initiative_response_term:
      "The employer's answer: an internal term of Overleg, not a legal term (WOR art. 23(3): as soon as possible)",
  },
  basisReceived: (day) => `counted from receipt on ${day}`,
  basisIfToday: (day) => `if received on ${day}; the actual receipt date counts`,
  follows: "The employer follows the works council's advice or decision.",
  deviates: "The employer deviates from the works council's advice or decision.",
  suspension: (lastDay) =>
    `The employer suspends implementation of the decision up to and including ${lastDay} (WOR art. 25(6)), unless the works council waives the suspension.`,
  suspensionWaived: 'The works council waived the suspension in its advice.',
  waivesSuspension: 'The works council waives the suspension of WOR art. 25(6).',
  decisionReceived: (day) => `The works council received the employer's decision on ${day}.`,
  implementationLearned: (day) =>
    `The decision was not communicated in writing; on ${day} the works council found that it is being implemented or applied.`,
  nullityStartRecorded: (day) => `The one-month term runs from ${day}, as recorded on the case.`,
  nullity:
    'The works council hereby invokes in writing the nullity of the decision taken without its consent.',
  costs: (euros) =>
    `Expected costs: EUR ${euros}. The costs are borne by the employer (WOR art. 22(1)).`,
  costAnswer: [
    'The works council hereby notifies the employer in advance of the expert, the assignment and the expected costs (WOR art. 22(2)); the day this letter is received records that the notice preceded the costs.',
    "The law sets no term for the employer's answer. We ask the employer to say whether it objects to the costs; a dispute about them can be put to the kantonrechter (WOR art. 36).",
  ],
  aiNotice:
    "Before putting the AI system into service at the workplace, the deployer informs the workers' representatives and the affected workers.",
  aiNoticeReceipt:
    "The works council's receipt of this notice counts as informing the workers' representatives before use (AI Act art. 26(7)). No term starts; without this receipt the system is not put into use.",
  initiativeAnswer: [
    'The employer decides on the proposal only after at least one consultation meeting and communicates its decision in writing with reasons, as soon as possible (WOR art. 23(3)).',
    'The law sets no term. Overleg counts an internal term of six weeks from receipt; that term is a convention of the platform, not a legal term.',
  ],
  implementationDate: (day) => `Implementation date: ${day}.`,
  none: '(not filled in on the case)',
};

export const LETTER_CATALOGUES: Readonly<Record<LetterLanguage, Catalogue>> = { nl: NL, en: EN };

/** The legal references each letter cites, by language (the Dutch name kept beside the English). */
function referencesOf(
  kind: LetterKind,
  track: LetterTrack | null,
  language: LetterLanguage,
): string[] {
  const art = (nl: string, en: string) => (language === 'nl' ? nl : en);
  switch (kind) {
    case 'advice_request':
      return [
        art('WOR art. 25 lid 1', 'WOR art. 25(1)'),
        art('WOR art. 25 lid 2', 'WOR art. 25(2)'),
        art('WOR art. 25 lid 3', 'WOR art. 25(3)'),
      ];
    case 'consent_request':
      return [
        art('WOR art. 27 lid 1', 'WOR art. 27(1)'),
        art('WOR art. 27 lid 2', 'WOR art. 27(2)'),
      ];
    case 'information_request':
      return [art('WOR art. 31 lid 1', 'WOR art. 31(1)')];
    case 'consultation_request':
      return [art('WOR art. 23 lid 1', 'WOR art. 23(1)'), art('WOR art. 24', 'WOR art. 24')];
    case 'council_decision':
      return track === 'consent'
        ? [art('WOR art. 27 lid 2', 'WOR art. 27(2)'), art('WOR art. 27 lid 3', 'WOR art. 27(3)')]
        : [art('WOR art. 25 lid 4', 'WOR art. 25(4)'), art('WOR art. 25 lid 6', 'WOR art. 25(6)')];
    case 'employer_decision':
      return track === 'consent'
        ? [
            art('WOR art. 27 lid 2', 'WOR art. 27(2)'),
            art('WOR art. 27 lid 4', 'WOR art. 27(4)'),
            art('WOR art. 27 lid 5', 'WOR art. 27(5)'),
          ]
        : [
            art('WOR art. 25 lid 5', 'WOR art. 25(5)'),
            art('WOR art. 25 lid 6', 'WOR art. 25(6)'),
            art('WOR art. 26 lid 2', 'WOR art. 26(2)'),
          ];
    case 'ai_act_notice':
      return [
        art('AI-verordening (EU) 2024/1689 art. 26 lid 7', 'AI Act (EU) 2024/1689 art. 26(7)'),
      ];
    case 'expert_cost_notice':
      return [
        art('WOR art. 16', 'WOR art. 16'),
        art('WOR art. 22 lid 2', 'WOR art. 22(2)'),
        art('WOR art. 36', 'WOR art. 36'),
      ];
    case 'nullity_invocation':
      return [art('WOR art. 27 lid 5', 'WOR art. 27(5)')];
    case 'initiative_proposal':
      return [art('WOR art. 23 lid 3', 'WOR art. 23(3)')];
  }
}

/** The terms a letter starts or announces, from the receipt date (or "if received today"). */
function termRules(input: ComposeInput): DeadlineRuleId[] {
  const { kind, track, fields, facts } = input;
  switch (kind) {
    case 'advice_request':
      return ['advice_response_term'];
    case 'consent_request':
      return ['consent_response_term'];
    case 'information_request':
      return ['information_response_term'];
    case 'consultation_request':
      return ['consultation_meeting_term'];
    case 'council_decision':
      return ['employer_decision_sla'];
    case 'initiative_proposal':
      // WOR 23(3) "zo spoedig mogelijk": an internal SLA, labelled as such [W23, (d)5]
      return ['initiative_response_term'];
    case 'employer_decision':
      if (track === 'advice' && fields.follows === false) {
        // WOR 25(6): a deviating decision suspends for a month, unless waived; 26(2) appeal [W7, W8]
        return facts.councilPosition?.waivesSuspension
          ? ['appeal_term']
          : ['suspension_term', 'appeal_term'];
      }
      return [];
    default:
      return [];
  }
}

function term(input: ComposeInput, ruleId: DeadlineRuleId, from: string): LetterTerm {
  const t = LETTER_CATALOGUES[input.language];
  const computed = computeDeadline({
    ruleId,
    triggerDate: from,
    length: resolveTermLength(ruleId, input.facts.termSettings),
  });
  return {
    ruleId,
    label: t.rules[ruleId] ?? ruleId,
    lastDay: computed.strictDate,
    fatal: computed.fatal,
    statutory: computed.statutory,
    basis: input.received ? t.basisReceived(from) : t.basisIfToday(from),
  };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** The structured part of a letter, from the case and the author's fields (pure). */
export function composeLetter(input: ComposeInput): LetterStructured {
  const { kind, track, language, fields, facts } = input;
  const t = LETTER_CATALOGUES[language];
  const recipient = input.sender === 'employer' ? 'council' : 'employer';
  const sections: LetterSection[] = [];
  const add = (heading: string, ...lines: Array<string | undefined>) =>
    sections.push({ heading, lines: lines.map((l) => l ?? t.none) });
  const contents = facts.contents;
  const terms = termRules(input).map((ruleId) => term(input, ruleId, input.termsFrom));

  switch (kind) {
    case 'advice_request':
      add(t.headings.intendedDecision, text(contents.intendedDecision));
      add(t.headings.reasons, text(contents.reasons));
      add(t.headings.consequencesForStaff, text(contents.consequencesForStaff));
      add(t.headings.measures, text(contents.measures));
      if (text(contents.alternatives)) {
        add(t.headings.alternatives, text(contents.alternatives));
      }
      break;
    case 'consent_request':
      add(t.headings.regelingText, text(contents.regelingText));
      add(t.headings.reasons, text(contents.reasons));
      add(t.headings.consequencesForStaff, text(contents.consequencesForStaff));
      break;
    case 'information_request':
      add(t.headings.question, text(fields.question));
      break;
    case 'consultation_request':
      add(t.headings.consultationReasons, text(fields.reasons));
      break;
    case 'council_decision':
      add(t.headings.position, fields.position ? t.positions[fields.position] : undefined);
      if ((fields.conditions ?? []).length > 0) {
        add(t.headings.conditions, ...(fields.conditions ?? []).map((c, i) => `${i + 1}. ${c}`));
      }
      if (text(fields.reasons)) {
        add(t.headings.councilReasons, fields.reasons);
      }
      if (track === 'advice' && fields.waivesSuspension) {
        add(t.headings.suspension, t.waivesSuspension);
      }
      break;
    case 'employer_decision': {
      const position = facts.councilPosition;
      if (position) {
        // Linked to the case: a changed condition on the case changes this part of the letter.
        add(
          t.headings.councilPositionOnCase,
          t.positions[position.position] ?? position.position,
          ...position.conditions.map((c, i) => `${i + 1}. ${c}`),
        );
      }
      add(
        t.headings.decision,
        fields.follows === false ? t.deviates : fields.follows === true ? t.follows : undefined,
        ...(fields.implementationDate ? [t.implementationDate(fields.implementationDate)] : []),
      );
      if (text(fields.reasons)) {
        add(t.headings.decisionReasons, fields.reasons);
      }
      const suspension = terms.find((x) => x.ruleId === 'suspension_term');
      if (suspension) {
        add(t.headings.suspension, t.suspension(suspension.lastDay));
      } else if (track === 'advice' && fields.follows === false) {
        add(t.headings.suspension, t.suspensionWaived);
      }
      break;
    }
    case 'ai_act_notice':
      add(t.headings.system, text(contents.intendedDecision), t.aiNotice);
      add(t.headings.consequencesForStaff, text(contents.consequencesForStaff));
      add(t.headings.affectedWorkers, text(fields.affectedWorkersInformedBy));
      add(t.headings.goLive, t.aiNoticeReceipt);
      break;
    case 'expert_cost_notice':
      add(
        t.headings.expert,
        text(fields.expertName),
        text(fields.purpose),
        fields.expectedCostsCents === undefined
          ? undefined
          : t.costs((fields.expectedCostsCents / 100).toFixed(2)),
      );
      add(t.headings.employerAnswer, ...t.costAnswer);
      break;
    case 'nullity_invocation': {
      const window = facts.nullity;
      const start = window?.open ? window : undefined;
      add(
        t.headings.nullity,
        ...(start?.from === 'written_decision' ? [t.decisionReceived(start.startsOn)] : []),
        ...(start?.from === 'learned' ? [t.implementationLearned(start.startsOn)] : []),
        ...(start?.from === 'recorded' ? [t.nullityStartRecorded(start.startsOn)] : []),
        t.nullity,
      );
      if (start) {
        // WOR 27(5): within one month of the communicated decision or of noticing it [W15]
        terms.push(term({ ...input, received: true }, 'nullity_term', start.startsOn));
      }
      if (text(fields.reasons)) {
        add(t.headings.councilReasons, fields.reasons);
      }
      break;
    }
    case 'initiative_proposal':
      add(t.headings.proposal, text(fields.proposal));
      if (text(fields.reasons)) {
        add(t.headings.councilReasons, fields.reasons);
      }
      add(t.headings.employerAnswer, ...t.initiativeAnswer);
      break;
  }
  return {
    caseReference: caseReferenceOf(facts.caseId),
    caseTitle: facts.caseTitle,
    subject: `${t.subjects[kind](track ?? '')}: ${facts.caseTitle}`,
    from: t.parties[input.sender],
    to: t.parties[recipient],
    salutation: t.salutation[recipient],
    references: referencesOf(kind, track, language),
    sections,
    terms,
    closing: t.closing,
  };
}

/** Sender check used by the service: which party sends this kind, given the drafter's party. */
export function senderOf(kind: LetterKind, drafter: LetterParty): LetterParty | null {
  const spec = LETTER_KIND_SPECS[kind].sender;
  if (spec === 'either') {
    return drafter;
  }
  return spec === drafter ? spec : null;
}
