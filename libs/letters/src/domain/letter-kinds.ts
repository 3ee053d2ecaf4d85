/**
 * The formal letters of a case (issue #22): one per written step of the law. Each kind names the
 * side that sends it, the track it belongs to, the fields its author fills in beside what the
 * case already holds, and the track action its receipt records (the receipt date starts the term).
 */
export const LETTER_KINDS = [
  'advice_request',
  'consent_request',
  'information_request',
  'consultation_request',
  'council_decision',
  'employer_decision',
  'ai_act_notice',
  'expert_cost_notice',
  'nullity_invocation',
  'initiative_proposal',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export type LetterParty = 'employer' | 'council';
export type LetterTrack = 'advice' | 'consent' | 'ai_act';
export type LetterLanguage = 'nl' | 'en';
export const LETTER_STATUSES = ['draft', 'signed', 'sent', 'received'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/** What the author fills in; the rest of a letter comes from the case. */
export interface LetterFields {
  readonly question?: string;
  readonly reasons?: string;
  readonly position?: 'positive' | 'negative' | 'conditional' | 'granted' | 'refused';
  readonly conditions?: readonly string[];
  readonly waivesSuspension?: boolean;
  readonly follows?: boolean;
  readonly implementationDate?: string;
  readonly expertName?: string;
  readonly purpose?: string;
  readonly expectedCostsCents?: number;
  readonly proposal?: string;
  /** Nullity invocation: the day the council saw the decision being implemented, absent a notice. */
  readonly learnedOn?: string;
  /** AI Act notice: how and when the affected workers themselves receive it (26(7)). */
  readonly affectedWorkersInformedBy?: string;
}

/**
 * What the law attaches to a letter's receipt (legal-rules (c)):
 * - `term`: the track action that starts a statutory or agreed term;
 * - `go_live_item`: an item of the go-live gate is met, no term starts (AI Act 26(7));
 * - `internal_term`: the law says only "zo spoedig mogelijk", so Overleg's internal SLA runs;
 * - `no_term`: the receipt is proof only; the law sets no term for the answer.
 */
export type ReceiptEffectKind = 'term' | 'go_live_item' | 'internal_term' | 'no_term';

export type LetterReceiptAction =
  | 'submit_request'
  | 'request_consultation'
  | 'record_council_position'
  | 'record_employer_decision'
  | 'information_request'
  | 'invoke_nullity'
  | 'send_notice'
  | 'initiative_response'
  | 'cost_notice_received';

export interface LetterKindSpec {
  /** `either`: the side of whoever drafts it (WOR 23(1): either party may ask for a meeting). */
  readonly sender: LetterParty | 'either';
  /** The tracks the letter may belong to; empty: none. */
  readonly tracks: readonly LetterTrack[];
  /** What its receipt records on the case, named as the letter's `termEffect.action`. */
  readonly action: LetterReceiptAction;
  readonly effect: ReceiptEffectKind;
  /** The recipient owes a written answer that no track action gives (WOR 23(3); 22(2)). */
  readonly answerOwed?: true;
}

export const LETTER_KIND_SPECS: Readonly<Record<LetterKind, LetterKindSpec>> = {
  // WOR 25(2)-(3): the written advice request with its contents [W3, S4]
  advice_request: {
    sender: 'employer',
    tracks: ['advice'],
    action: 'submit_request',
    effect: 'term',
  },
  // WOR 27(2): the written consent request with the text of the regeling [W12, S8]
  consent_request: {
    sender: 'employer',
    tracks: ['consent'],
    action: 'submit_request',
    effect: 'term',
  },
  // WOR 31(1): the council asks for the information it needs [W19]
  information_request: {
    sender: 'council',
    tracks: [],
    action: 'information_request',
    effect: 'term',
  },
  // WOR 23(1): a reasoned request for a consultation meeting within two weeks [W22]
  consultation_request: {
    sender: 'either',
    tracks: ['advice', 'consent'],
    action: 'request_consultation',
    effect: 'term',
  },
  // WOR 25(4) / 27(2): the council's advice or its (reasoned) consent decision [W4, W13]
  council_decision: {
    sender: 'council',
    tracks: ['advice', 'consent'],
    action: 'record_council_position',
    effect: 'term',
  },
  // WOR 25(5)-(6), 27(2): the decision with its reasons; a deviating advice decision suspends [W6, W7]
  employer_decision: {
    sender: 'employer',
    tracks: ['advice', 'consent'],
    action: 'record_employer_decision',
    effect: 'term',
  },
  // AI Act art. 26(7): the representatives (and the affected workers) are informed before use; no
  // number of days, a hard precondition of go-live [E4, A1]
  ai_act_notice: {
    sender: 'employer',
    tracks: ['ai_act'],
    action: 'send_notice',
    effect: 'go_live_item',
  },
  // WOR 22(2): the employer is told of the expert's costs in advance; the law sets no term for its
  // answer, the receipt proves the notice preceded the costs [W17, S14]
  expert_cost_notice: {
    sender: 'council',
    tracks: [],
    action: 'cost_notice_received',
    effect: 'no_term',
    answerOwed: true,
  },
  // WOR 27(5): nullity invoked in writing, itself within one month [W15, S10]
  nullity_invocation: {
    sender: 'council',
    tracks: ['consent'],
    action: 'invoke_nullity',
    effect: 'term',
  },
  // WOR 23(3): the council's own proposal; the employer answers in writing "zo spoedig mogelijk",
  // so the internal SLA `initiative_response_term` runs, not a legal term [W23, (d)5]
  initiative_proposal: {
    sender: 'council',
    tracks: [],
    action: 'initiative_response',
    effect: 'internal_term',
    answerOwed: true,
  },
};

export function isLetterKind(value: string): value is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(value);
}

export function otherParty(party: LetterParty): LetterParty {
  return party === 'employer' ? 'council' : 'employer';
}

const isBlank = (text: string | undefined) => text === undefined || text.trim() === '';

/** What a letter still lacks before it may be signed off; empty when complete. */
export function missingFields(
  kind: LetterKind,
  track: LetterTrack | null,
  fields: LetterFields,
): string[] {
  const missing: string[] = [];
  switch (kind) {
    case 'information_request':
      if (isBlank(fields.question)) {
        missing.push('question');
      }
      break;
    case 'consultation_request':
      if (isBlank(fields.reasons)) {
        missing.push('reasons');
      }
      break;
    case 'council_decision': {
      const allowed =
        track === 'consent'
          ? ['granted', 'refused', 'conditional']
          : ['positive', 'negative', 'conditional'];
      if (!fields.position || !allowed.includes(fields.position)) {
        missing.push('position');
      }
      if (fields.position === 'conditional' && (fields.conditions ?? []).every(isBlank)) {
        missing.push('conditions');
      }
      // Consent needs a reasoned decision (27(2)); a negative or conditional advice too [W13]
      if ((track === 'consent' || fields.position !== 'positive') && isBlank(fields.reasons)) {
        missing.push('reasons');
      }
      break;
    }
    case 'employer_decision':
      if (fields.follows === undefined) {
        missing.push('follows');
      }
      // WOR 25(5): a deviating decision states its reasons, or no appeal term starts [W6, S6]
      if (fields.follows === false && isBlank(fields.reasons)) {
        missing.push('reasons');
      }
      break;
    case 'expert_cost_notice':
      if (isBlank(fields.expertName)) {
        missing.push('expertName');
      }
      if (fields.expectedCostsCents === undefined) {
        missing.push('expectedCostsCents');
      }
      // WOR 22(2): the notice names the expert, the assignment and the expected costs [W17]
      if (isBlank(fields.purpose)) {
        missing.push('purpose');
      }
      break;
    case 'ai_act_notice':
      // AI Act 26(7): the affected workers too, not only their representatives [E4]
      if (isBlank(fields.affectedWorkersInformedBy)) {
        missing.push('affectedWorkersInformedBy');
      }
      break;
    case 'initiative_proposal':
      if (isBlank(fields.proposal)) {
        missing.push('proposal');
      }
      break;
    case 'advice_request':
    case 'consent_request':
    case 'nullity_invocation':
      break;
  }
  return missing;
}
