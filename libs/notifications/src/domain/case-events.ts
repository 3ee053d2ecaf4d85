import type { EventAudience } from '@wc/access';
import type { EventType } from '@wc/contracts';

import type { Language } from './rule-labels';

/**
 * Issue #16: the case events that ask someone to act, or change their position, and whom each
 * one concerns. The notification type is the event type itself (one key for the catalogue, the
 * preferences and the inbox). Anything not listed here notifies nobody.
 */
export const CASE_EVENT_TYPES = [
  'case.sent',
  'case.request_submitted',
  'case.information_requested',
  'case.information_provided',
  'case.consultation_requested',
  'meeting.scheduled',
  'meeting.updated',
  'meeting.cancelled',
  'meeting.minutes_recorded',
  'case.council_position_recorded',
  'case.employer_decision_recorded',
  'case.suspension_waived',
  'case.triage_proposed',
  'case.use_reported',
  'ai_system.use_started_gate_closed',
  'union_share.granted',
  'union_share.revoked',
  'internal.vote_opened',
  'ai_system.changed_materially',
  'case.go_live_gate_opened',
  'case.go_live_gate_closed',
  'internal.vote_closing_soon',
  'document.shared',
  'council_request.made',
  'council_request.answered',
  'council_request.case_opened',
  'commitment.due_soon',
  'commitment.broken',
  'commitment.evidence_recorded',
  'letter.sent_to_council',
  'letter.sent_to_employer',
  'letter.answered',
  'evaluation.due_soon',
  'evaluation.commitments_flagged',
] as const satisfies readonly EventType[];
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/**
 * Who an event concerns, resolved by `CaseEventRecipients` in SQL:
 * - `council`: the council's own members who see the case (the whole council; a committee member
 *   only for a case of their committee) and the experts added to it; only once the case is sent.
 * - `council_board`: the council's chair and secretary.
 * - `council_party`: `council` without the experts (the council as a letter's party).
 * - `employer`: HR managers and employer representatives of the case's organisation.
 * - `share_union`: the officers of the union a share was granted to or taken from.
 * - `council_voters`: council-internal (a vote): the council's own members who see the case and
 *   have not voted yet; never the employer side, never an expert.
 * - `request_employer` / `request_council`: a council request outside any case (issue #19): the
 *   employer side of the council's organisation, or the whole council (`payload.worksCouncilId`).
 */
export type Audience = EventAudience;

export interface CaseEventRule {
  readonly audiences: readonly Audience[];
  /** Must act: e-mailed at once by default; informational ones go to the daily digest. */
  readonly mustAct: boolean;
  /**
   * Addressed to one person (the event's `userId`): of the audiences, only they are told, and
   * only while they see the case.
   */
  readonly addressed?: true;
}

export const CASE_EVENT_RULES: Readonly<Record<CaseEventType, CaseEventRule>> = {
  'case.sent': { audiences: ['council'], mustAct: true },
  'case.request_submitted': { audiences: ['council'], mustAct: true },
  'case.information_requested': { audiences: ['employer'], mustAct: true },
  'case.information_provided': { audiences: ['council'], mustAct: false },
  'case.consultation_requested': { audiences: ['employer'], mustAct: true },
  'meeting.scheduled': { audiences: ['council', 'employer'], mustAct: false },
  'meeting.updated': { audiences: ['council', 'employer'], mustAct: false },
  'meeting.cancelled': { audiences: ['council', 'employer'], mustAct: false },
  'meeting.minutes_recorded': { audiences: ['council', 'employer'], mustAct: true },
  'case.council_position_recorded': { audiences: ['employer'], mustAct: true },
  'case.employer_decision_recorded': { audiences: ['council'], mustAct: true },
  'case.suspension_waived': { audiences: ['council', 'employer'], mustAct: false },
  'case.triage_proposed': { audiences: ['council_board'], mustAct: true },
  'case.use_reported': { audiences: ['employer'], mustAct: true },
  'ai_system.use_started_gate_closed': { audiences: ['council'], mustAct: true },
  // Both sides follow the gate: the employer may (no longer) go live, the council knows where it stands.
  'case.go_live_gate_opened': { audiences: ['employer', 'council'], mustAct: false },
  'case.go_live_gate_closed': { audiences: ['employer', 'council'], mustAct: false },
  'internal.vote_closing_soon': { audiences: ['council_voters'], mustAct: true },
  'union_share.granted': { audiences: ['share_union'], mustAct: false },
  'union_share.revoked': { audiences: ['share_union'], mustAct: false },
  'internal.vote_opened': { audiences: ['council_voters'], mustAct: true },
  // A material change may call for new advice or consent (WOR art. 25(1), 27(1)): the council hears of it.
  'ai_system.changed_materially': { audiences: ['council'], mustAct: false },
  // WOR art. 20: a confidential document opened to named people (an admitted expert) tells exactly them.
  'document.shared': { audiences: ['employer', 'council'], mustAct: true, addressed: true },
  // Issue #19: the council asks outside any case (WOR art. 31, 23(3)); the employer must answer.
  'council_request.made': { audiences: ['request_employer'], mustAct: true },
  'council_request.answered': { audiences: ['request_council'], mustAct: false },
  'council_request.case_opened': { audiences: ['request_council'], mustAct: false },
  // A commitment's owner is reminded before its due date; a broken one is the employer's to mend.
  'commitment.due_soon': { audiences: ['employer'], mustAct: true, addressed: true },
  'commitment.broken': { audiences: ['employer'], mustAct: true },
  'commitment.evidence_recorded': { audiences: ['council'], mustAct: false },
  // Issue #22: a formal letter delivered in the platform; opening it records its receipt. The
  // council as a party: its experts on the case read no formal letters.
  'letter.sent_to_council': { audiences: ['council_party'], mustAct: true },
  'letter.sent_to_employer': { audiences: ['employer'], mustAct: true },
  // The employer's answer to the council's proposal or cost notice: the council that waits on it.
  'letter.answered': { audiences: ['council_party'], mustAct: false },
  // Issue #19: both parties evaluate at the agreed moment after go-live (seed-requirements 1.4).
  'evaluation.due_soon': { audiences: ['employer', 'council'], mustAct: true },
  // Conditions checked at the evaluation: the council hears which ones are at risk or overdue.
  'evaluation.commitments_flagged': { audiences: ['council'], mustAct: true },
};

export function isCaseEventType(type: string): type is CaseEventType {
  return (CASE_EVENT_TYPES as readonly string[]).includes(type);
}

/** What a case-event notification keeps and says: the case title and what to do, no contents. */
export interface CaseEventFacts {
  readonly type: CaseEventType;
  readonly caseId: string | null;
  readonly caseTitle: string | null;
  /** Where in the web app it is acted on, relative to the app's root. */
  readonly path: string;
  /** The union's name, for share events (the case may be none: a share of all cases). */
  readonly unionName?: string | null;
  /** The terms the event starts, with their last day, so the text says by when (issue #16). */
  readonly terms?: readonly StartedTerm[];
  /** A council position: which, and how many conditions (their text stays in the case). */
  readonly position?: PositionFacts;
}

export interface PositionFacts {
  readonly position: 'positive' | 'negative' | 'conditional' | 'granted' | 'refused';
  readonly conditions: number;
}

/** The position and its conditions from a `case.council_position_recorded` payload, if well-formed. */
export function positionOf(payload: Record<string, unknown>): PositionFacts | null {
  const position = payload.position;
  if (
    typeof position !== 'string' ||
    !['positive', 'negative', 'conditional', 'granted', 'refused'].includes(position)
  ) {
    return null;
  }
  return {
    position: position as PositionFacts['position'],
    conditions: Array.isArray(payload.conditions) ? payload.conditions.length : 0,
  };
}

const POSITION_TEXT: Record<
  Language,
  { labels: Record<PositionFacts['position'], string>; line: (label: string, n: number) => string }
> = {
  nl: {
    labels: {
      positive: 'positief advies',
      negative: 'negatief advies',
      conditional: 'onder voorwaarden',
      granted: 'instemming verleend',
      refused: 'instemming geweigerd',
    },
    line: (label, n) =>
      `Standpunt van de OR: ${label}` +
      (n === 0 ? '.' : `, met ${n === 1 ? '1 voorwaarde' : `${n} voorwaarden`} (zie de zaak).`),
  },
  en: {
    labels: {
      positive: 'positive advice',
      negative: 'negative advice',
      conditional: 'subject to conditions',
      granted: 'consent granted',
      refused: 'consent refused',
    },
    line: (label, n) =>
      `The council's position: ${label}` +
      (n === 0 ? '.' : `, with ${n === 1 ? '1 condition' : `${n} conditions`} (see the case).`),
  },
};

export interface StartedTerm {
  readonly ruleId: string;
  /** The last day (inclusive), Amsterdam calendar day. */
  readonly strictDate: string;
  readonly fatal: boolean;
}

/**
 * The deadline rules each event starts, and on which deadline track they run: the event's own
 * track, or an information request's own term (`information:<requestId>`).
 */
export const TERMS_STARTED: Readonly<
  Partial<
    Record<
      CaseEventType,
      { readonly rules: readonly string[]; readonly track: 'track' | 'information_request' }
    >
  >
> = {
  'case.request_submitted': {
    rules: ['advice_response_term', 'consent_response_term'],
    track: 'track',
  },
  'case.information_requested': {
    rules: ['information_response_term'],
    track: 'information_request',
  },
  'case.consultation_requested': { rules: ['consultation_meeting_term'], track: 'track' },
  'case.council_position_recorded': { rules: ['employer_decision_sla'], track: 'track' },
  // WOR 25(6), 26(2), 27(5): a decision starts the suspension and the fatal appeal or nullity month [W7, W8, W15]
  'case.employer_decision_recorded': {
    rules: ['suspension_term', 'appeal_term', 'nullity_term'],
    track: 'track',
  },
};

/** The place in the web app each event is acted on. */
export function caseEventPath(
  type: CaseEventType,
  ids: { caseId: string | null; meetingId?: string | null; worksCouncilId?: string | null },
): string {
  const c = ids.caseId ? `/cases/${ids.caseId}` : null;
  switch (type) {
    case 'case.information_requested':
    case 'case.information_provided':
      return c ? `${c}/information` : '/';
    case 'meeting.scheduled':
    case 'meeting.updated':
    case 'meeting.cancelled':
    case 'meeting.minutes_recorded':
      return ids.meetingId ? `/meetings/${ids.meetingId}` : (c ?? '/');
    case 'case.triage_proposed':
      return c ? `${c}/triage` : '/';
    case 'document.shared':
      return c ? `${c}/documents` : '/';
    case 'letter.sent_to_council':
    case 'letter.sent_to_employer':
    case 'letter.answered':
      return c ? `${c}/letters` : '/';
    case 'evaluation.due_soon':
    case 'evaluation.commitments_flagged':
      return c ? `${c}/evaluation` : '/';
    case 'internal.vote_opened':
    case 'internal.vote_closing_soon':
      return c ? `${c}/council` : '/';
    case 'union_share.granted':
    case 'union_share.revoked':
      return c ?? '/';
    case 'council_request.made':
    case 'council_request.answered':
    case 'council_request.case_opened':
      return '/intake';
    case 'commitment.due_soon':
    case 'commitment.broken':
    case 'commitment.evidence_recorded':
      return c ? `${c}/commitments` : '/';
    default:
      return c ?? '/';
  }
}

type Texts = Record<CaseEventType, { subject: string; body: string }>;

const NL: Texts = {
  'evaluation.commitments_flagged': {
    subject: 'Evaluatie: toezeggingen in gevaar of over hun termijn',
    body: 'Bij de evaluatie van het AI-systeem van deze zaak bleken voorwaarden van de OR in gevaar, voorgesteld als geschonden of over hun termijn. Bekijk de evaluatie en de toezeggingen in de zaak.',
  },
  'evaluation.due_soon': {
    subject: 'Evaluatie van het AI-systeem komt eraan',
    body: 'Binnenkort is het tijd om het AI-systeem van deze zaak te evalueren: worden de doelen gehaald, en hoe scoort het werk nu op de dimensies van de impactbeoordeling?',
  },
  'internal.vote_opened': {
    subject: 'Er is een stemming in de OR geopend',
    body: 'In de interne ruimte van de ondernemingsraad is een stemming geopend. Breng uw stem uit voordat ze sluit.',
  },
  'ai_system.changed_materially': {
    subject: 'Wezenlijke wijziging in het AI-register',
    body: 'De bestuurder heeft het registeritem van het AI-systeem van deze zaak wezenlijk gewijzigd. Ga na of de wijziging opnieuw advies of instemming vraagt.',
  },
  'case.sent': {
    subject: 'Nieuwe zaak voor de ondernemingsraad',
    body: 'De bestuurder heeft deze zaak aan de ondernemingsraad voorgelegd. Bekijk welke rechten gelden en wat de OR nu moet doen.',
  },
  'case.request_submitted': {
    subject: 'Advies- of instemmingsverzoek ingediend',
    body: 'De bestuurder heeft een advies- of instemmingsverzoek ingediend. De termijn voor de OR loopt vanaf de ontvangst; bekijk de termijnen in de zaak.',
  },
  'case.information_requested': {
    subject: 'Informatieverzoek van de OR',
    body: 'De ondernemingsraad heeft om informatie gevraagd (WOR art. 31). Beantwoord het verzoek in Overleg.',
  },
  'case.information_provided': {
    subject: 'Informatieverzoek beantwoord',
    body: 'De bestuurder heeft een informatieverzoek van de OR beantwoord.',
  },
  'case.consultation_requested': {
    subject: 'De OR vraagt om een overlegvergadering',
    body: 'De ondernemingsraad vraagt om een overlegvergadering over deze zaak. Plan de vergadering in Overleg.',
  },
  'meeting.scheduled': {
    subject: 'Overlegvergadering gepland',
    body: 'Er is een overlegvergadering over deze zaak gepland. Bekijk datum en agenda.',
  },
  'meeting.updated': {
    subject: 'Overlegvergadering gewijzigd',
    body: 'De overlegvergadering over deze zaak is gewijzigd of verplaatst. Bekijk datum en agenda.',
  },
  'meeting.cancelled': {
    subject: 'Overlegvergadering afgelast',
    body: 'De overlegvergadering over deze zaak is afgelast.',
  },
  'meeting.minutes_recorded': {
    subject: 'Verslag klaar voor opmerkingen',
    body: 'Het verslag van de overlegvergadering staat klaar. Lees het en geef eventuele aanvullingen door.',
  },
  'case.council_position_recorded': {
    subject: 'De OR heeft zijn standpunt vastgelegd',
    body: 'De ondernemingsraad heeft zijn advies of instemmingsbesluit vastgelegd, mogelijk met voorwaarden. Lees het standpunt en de voorwaarden in de zaak voordat u besluit.',
  },
  'case.employer_decision_recorded': {
    subject: 'De bestuurder heeft besloten',
    body: 'De bestuurder heeft zijn besluit vastgelegd. Bij een afwijkend besluit lopen de opschortingstermijn en de beroepstermijn (WOR art. 25(6), 26); bekijk de termijnen in de zaak.',
  },
  'case.suspension_waived': {
    subject: 'Opschorting prijsgegeven',
    body: 'De ondernemingsraad heeft afgezien van de opschortingstermijn; het besluit mag worden uitgevoerd.',
  },
  'case.triage_proposed': {
    subject: 'Voorstel tot nieuwe rechtenscreening wacht op het dagelijks bestuur',
    body: 'De bestuurder stelt een andere rechtenscreening voor. Tot het dagelijks bestuur van de OR het voorstel aanvaardt of betwist, blijven de rechten zoals ze zijn.',
  },
  'case.use_reported': {
    subject: 'De OR meldt gebruik van het systeem',
    body: 'De ondernemingsraad meldt dat het systeem wordt gebruikt terwijl de go-live-poort dicht is. Bekijk welke voorwaarden nog openstaan.',
  },
  'internal.vote_closing_soon': {
    subject: 'Een stemming in de OR sluit binnenkort',
    body: 'Een stemming in de interne ruimte van de ondernemingsraad sluit binnen een dag en u heeft nog niet gestemd. Breng uw stem uit voordat ze sluit.',
  },
  'case.go_live_gate_opened': {
    subject: 'De go-live-poort is open',
    body: 'Aan alle voorwaarden van de go-live-poort is voldaan: het systeem mag in gebruik worden genomen.',
  },
  'case.go_live_gate_closed': {
    subject: 'De go-live-poort is weer dicht',
    body: 'De go-live-poort is dichtgegaan: het systeem mag (nog) niet in gebruik. Bekijk welke voorwaarden openstaan.',
  },
  'ai_system.use_started_gate_closed': {
    subject: 'Systeem in gebruik genomen zonder open go-live-poort',
    body: 'Het AI-systeem van deze zaak is in gebruik genomen terwijl de go-live-poort dicht is. Bekijk welke voorwaarden nog openstaan.',
  },
  'union_share.granted': {
    subject: 'Een ondernemingsraad deelt zaken met uw vakbond',
    body: 'Een ondernemingsraad heeft zaken met uw vakbond gedeeld. U ziet ze op uw overzicht.',
  },
  'union_share.revoked': {
    subject: 'Een ondernemingsraad deelt niet langer zaken met uw vakbond',
    body: 'Een ondernemingsraad heeft het delen met uw vakbond beëindigd. Deze zaken ziet u niet meer.',
  },
  'document.shared': {
    subject: 'Een vertrouwelijk document is met u gedeeld',
    body: 'Een document onder geheimhouding (WOR art. 20) is met u gedeeld. U bent zelf tot geheimhouding verplicht; lees het in de zaak.',
  },
  'council_request.made': {
    subject: 'Verzoek van de OR',
    body: 'De ondernemingsraad heeft buiten een zaak om een verzoek gedaan: om informatie (WOR art. 31), om een zaak te openen voor een systeem, of een initiatiefvoorstel (art. 23 lid 3). Beantwoord het in Overleg.',
  },
  'council_request.answered': {
    subject: 'Verzoek van de OR beantwoord',
    body: 'De bestuurder heeft een verzoek van de ondernemingsraad beantwoord.',
  },
  'council_request.case_opened': {
    subject: 'Zaak geopend op verzoek van de OR',
    body: 'De bestuurder heeft op verzoek van de ondernemingsraad een zaak geopend voor het systeem. De OR ziet de zaak zodra de bestuurder haar voorlegt.',
  },
  'commitment.due_soon': {
    subject: 'Een toezegging loopt bijna af',
    body: 'Een voorwaarde van de OR die u als toezegging beheert, moet binnenkort zijn nagekomen. Leg het bewijs vast in de zaak.',
  },
  'commitment.broken': {
    subject: 'De OR stelt vast dat een toezegging is geschonden',
    body: 'De ondernemingsraad heeft vastgesteld dat een voorwaarde van zijn advies of instemming niet is nagekomen. Bekijk de toezegging in de zaak.',
  },
  'commitment.evidence_recorded': {
    subject: 'Bewijs bij een toezegging vastgelegd',
    body: 'De bestuurder heeft bewijs vastgelegd bij een voorwaarde van de OR. Bekijk het in de zaak.',
  },
  'letter.sent_to_council': {
    subject: 'Brief van de bestuurder voor de ondernemingsraad',
    body: 'De bestuurder heeft de ondernemingsraad een formele brief gestuurd. Het openen van de brief in Overleg legt de ontvangstdatum vast; die datum laat de termijn lopen.',
  },
  'letter.sent_to_employer': {
    subject: 'Brief van de ondernemingsraad voor de bestuurder',
    body: 'De ondernemingsraad heeft de bestuurder een formele brief gestuurd. Het openen van de brief in Overleg legt de ontvangstdatum vast; die datum laat de termijn lopen.',
  },
  'letter.answered': {
    subject: 'De bestuurder heeft een brief van de OR beantwoord',
    body: 'De bestuurder heeft schriftelijk geantwoord op een brief van de ondernemingsraad. U leest het antwoord bij de brieven van de zaak.',
  },
};

const EN: Texts = {
  'evaluation.commitments_flagged': {
    subject: 'Evaluation: commitments at risk or overdue',
    body: 'The evaluation of this case’s AI system found conditions of the council at risk, proposed as broken or past their due date. See the evaluation and the commitments in the case.',
  },
  'evaluation.due_soon': {
    subject: 'The AI system’s evaluation is coming up',
    body: 'It is nearly time to evaluate this case’s AI system: are its goals met, and how does the work rate now on the dimensions of the impact assessment?',
  },
  'internal.vote_opened': {
    subject: 'A council vote is open',
    body: "A vote has opened in the works council's internal space. Cast your vote before it closes.",
  },
  'ai_system.changed_materially': {
    subject: 'Material change in the AI register',
    body: 'The employer made a material change to the register entry of this case’s AI system. Check whether the change needs new advice or consent.',
  },
  'case.sent': {
    subject: 'New case for the works council',
    body: 'The employer has put this case before the works council. See which rights apply and what the council must do now.',
  },
  'case.request_submitted': {
    subject: 'Advice or consent request filed',
    body: "The employer has filed an advice or consent request. The council's term runs from receipt; see the terms in the case.",
  },
  'case.information_requested': {
    subject: 'Information request from the works council',
    body: 'The works council has asked for information (WOR art. 31). Answer the request in Overleg.',
  },
  'case.information_provided': {
    subject: 'Information request answered',
    body: 'The employer has answered an information request of the works council.',
  },
  'case.consultation_requested': {
    subject: 'The works council asks for a consultation meeting',
    body: 'The works council asks for a consultation meeting about this case. Schedule the meeting in Overleg.',
  },
  'meeting.scheduled': {
    subject: 'Consultation meeting scheduled',
    body: 'A consultation meeting about this case has been scheduled. See the date and agenda.',
  },
  'meeting.updated': {
    subject: 'Consultation meeting changed',
    body: 'The consultation meeting about this case was changed or moved. See the date and agenda.',
  },
  'meeting.cancelled': {
    subject: 'Consultation meeting cancelled',
    body: 'The consultation meeting about this case was cancelled.',
  },
  'meeting.minutes_recorded': {
    subject: 'Minutes ready for comments',
    body: 'The minutes of the consultation meeting are ready. Read them and send any amendments.',
  },
  'case.council_position_recorded': {
    subject: 'The works council has recorded its position',
    body: 'The works council has recorded its advice or consent decision, possibly with conditions. Read the position and its conditions in the case before you decide.',
  },
  'case.employer_decision_recorded': {
    subject: 'The employer has decided',
    body: 'The employer has recorded a decision. A deviating decision starts the suspension and appeal terms (WOR art. 25(6), 26); see the terms in the case.',
  },
  'case.suspension_waived': {
    subject: 'Suspension waived',
    body: 'The works council has waived the suspension term; the decision may be carried out.',
  },
  'case.triage_proposed': {
    subject: 'A re-triage proposal awaits the council board',
    body: "The employer proposes a different rights triage. Until the council's board accepts or contests it, the rights stay as they are.",
  },
  'case.use_reported': {
    subject: 'The works council reports use of the system',
    body: 'The works council reports that the system is in use while the go-live gate is closed. See which conditions are still open.',
  },
  'internal.vote_closing_soon': {
    subject: 'A council vote closes soon',
    body: 'A vote in the works council’s internal space closes within a day and you have not voted yet. Cast your vote before it closes.',
  },
  'case.go_live_gate_opened': {
    subject: 'The go-live gate is open',
    body: 'Every condition of the go-live gate is met: the system may be put into use.',
  },
  'case.go_live_gate_closed': {
    subject: 'The go-live gate has closed',
    body: 'The go-live gate has closed: the system may not (yet) be used. See which conditions are open.',
  },
  'ai_system.use_started_gate_closed': {
    subject: 'System put into use without an open go-live gate',
    body: "This case's AI system was put into use while the go-live gate is closed. See which conditions are still open.",
  },
  'union_share.granted': {
    subject: 'A works council shares cases with your union',
    body: 'A works council has shared cases with your union. You see them on your dashboard.',
  },
  'union_share.revoked': {
    subject: 'A works council no longer shares cases with your union',
    body: 'A works council has stopped sharing with your union. You no longer see those cases.',
  },
  'document.shared': {
    subject: 'A confidential document was shared with you',
    body: 'A document under secrecy (WOR art. 20) was shared with you. You are bound by the secrecy yourself; read it in the case.',
  },
  'council_request.made': {
    subject: 'A request from the works council',
    body: 'The works council made a request outside any case: for information (WOR art. 31), to open a case for a system, or an initiative proposal (art. 23(3)). Answer it in Overleg.',
  },
  'council_request.answered': {
    subject: "The council's request was answered",
    body: 'The employer answered a request of the works council.',
  },
  'council_request.case_opened': {
    subject: "Case opened at the council's request",
    body: 'The employer opened a case for the system the works council asked about. The council sees it once the employer submits it.',
  },
  'commitment.due_soon': {
    subject: 'A commitment is due soon',
    body: 'A condition of the works council that you own as a commitment is due soon. Record the evidence in the case.',
  },
  'commitment.broken': {
    subject: 'The council declared a commitment broken',
    body: 'The works council found that a condition of its advice or consent was not met. See the commitment in the case.',
  },
  'commitment.evidence_recorded': {
    subject: 'Evidence recorded for a commitment',
    body: "The employer recorded evidence for one of the council's conditions. See it in the case.",
  },
  'letter.sent_to_council': {
    subject: 'A letter from the employer to the works council',
    body: 'The employer sent the works council a formal letter. Opening it in Overleg records the date of receipt, and that date starts the term.',
  },
  'letter.sent_to_employer': {
    subject: 'A letter from the works council to the employer',
    body: 'The works council sent the employer a formal letter. Opening it in Overleg records the date of receipt, and that date starts the term.',
  },
  'letter.answered': {
    subject: 'The employer answered a letter of the council',
    body: "The employer answered one of the works council's letters in writing. The answer is with the case's letters.",
  },
};

/** Subject and paragraphs; the case title is the only case content that is ever included. */
export function describeCaseEvent(
  facts: CaseEventFacts,
  language: Language,
): { subject: string; paragraphs: string[] } {
  const text = (language === 'en' ? EN : NL)[facts.type];
  const position = facts.position
    ? [
        POSITION_TEXT[language].line(
          POSITION_TEXT[language].labels[facts.position.position],
          facts.position.conditions,
        ),
      ]
    : [];
  return {
    subject: facts.caseTitle ? `${text.subject} – ${facts.caseTitle}` : text.subject,
    paragraphs: [text.body, ...position],
  };
}
