import { Unprocessable } from '@wc/core';
import type { DeadlineRuleTextId } from '@wc/texts';

/**
 * The length of a term. Parts are applied in the order months, weeks, days, working days.
 * `days` may be negative for a deadline that lies before its anchor (training before go-live).
 */
export interface TermLength {
  readonly months?: number;
  readonly weeks?: number;
  readonly days?: number;
  readonly workingDays?: number;
}

/**
 * Terms a works council sets for itself or agrees with the employer (convenant). None of them is
 * statutory; see legal-rules (d)2 and (d)5.
 */
export interface CouncilTermSettings {
  readonly adviceResponseTerm: TermLength;
  readonly consentResponseTerm: TermLength;
  readonly informationResponseTerm: TermLength;
  readonly employerDecisionSla: TermLength;
  readonly evaluationAfter: TermLength;
  /** Stop the agreed advice/consent clock while an information request is open, (d)2. */
  readonly stopClockWhileInformationOpen: boolean;
}

export type TermSettingKey = Exclude<keyof CouncilTermSettings, 'stopClockWhileInformationOpen'>;

export const DEFAULT_COUNCIL_TERM_SETTINGS: CouncilTermSettings = Object.freeze({
  // Typical convenant value, not law [P]: W5, W13, (d)2.
  adviceResponseTerm: Object.freeze({ weeks: 6 }),
  consentResponseTerm: Object.freeze({ weeks: 6 }),
  // WOR art. 31(1) only says "tijdig"; an internal SLA, (d)5 [W19].
  informationResponseTerm: Object.freeze({ workingDays: 10 }),
  // WOR art. 25(5) and 27(2) only say "zo spoedig mogelijk"; an internal SLA, (d)5 [W6, W13].
  employerDecisionSla: Object.freeze({ weeks: 2 }),
  // Typical 6–12 months after go-live [P]: (c) IMPLEMENTED→EVALUATION.
  evaluationAfter: Object.freeze({ months: 6 }),
  stopClockWhileInformationOpen: false,
});

export type DeadlineRuleId =
  | 'advice_response_term'
  | 'consent_response_term'
  | 'consultation_meeting_term'
  | 'suspension_term'
  | 'appeal_term'
  | 'nullity_term'
  | 'information_response_term'
  | 'initiative_response_term'
  | 'employer_decision_sla'
  | 'training_deadline'
  | 'evaluation_date';

/** Both ids, or a compile error: every rule has its name and source in @wc/texts, and no other. */
type Within<A extends B, B> = A;
export type RulesWithTexts = [
  Within<DeadlineRuleId, DeadlineRuleTextId>,
  Within<DeadlineRuleTextId, DeadlineRuleId>,
];

/** Where a rule's length comes from: fixed by law, or a council setting. */
export type RuleLength =
  | { readonly kind: 'fixed'; readonly length: TermLength }
  | { readonly kind: 'council_setting'; readonly setting: TermSettingKey };

export interface DeadlineRule {
  readonly id: DeadlineRuleId;
  /** Rule ids from legal-rules.md with the article, e.g. `W7 (WOR 25(6))`. */
  readonly source: string;
  /** The event whose date is the trigger date passed to the calculator. */
  readonly anchor: string;
  /** Set by law (the Algemene termijnenwet may extend it) rather than agreed or internal. */
  readonly statutory: boolean;
  /** Missing it loses the right for good (inadmissible / unassailable). */
  readonly fatal: boolean;
  /** An agreed term may be paused while information requests are open, (d)2; a statutory one not. */
  readonly clockCanStop: boolean;
  readonly length: RuleLength;
}

const ONE_MONTH: TermLength = Object.freeze({ months: 1 });

export const DEADLINE_RULES: Readonly<Record<DeadlineRuleId, DeadlineRule>> = Object.freeze({
  advice_response_term: {
    id: 'advice_response_term',
    // No statutory advice term; an agreed term binds if the information was complete.
    source: 'W5 (convenant; legal-rules (d)2)',
    anchor: 'advice_request_received',
    statutory: false,
    fatal: false,
    clockCanStop: true,
    length: { kind: 'council_setting', setting: 'adviceResponseTerm' },
  },
  consent_response_term: {
    id: 'consent_response_term',
    source: 'W13 (WOR 27(2); convenant, legal-rules (d)2)',
    anchor: 'consent_request_received',
    statutory: false,
    fatal: false,
    clockCanStop: true,
    length: { kind: 'council_setting', setting: 'consentResponseTerm' },
  },
  consultation_meeting_term: {
    id: 'consultation_meeting_term',
    // WOR art. 23(1): the overlegvergadering meets within 2 weeks of a reasoned request [W22].
    source: 'W22 (WOR 23(1)); W4 (WOR 25(4))',
    anchor: 'consultation_request_received',
    statutory: true,
    fatal: false,
    clockCanStop: false,
    length: { kind: 'fixed', length: Object.freeze({ weeks: 2 }) },
  },
  suspension_term: {
    id: 'suspension_term',
    // WOR art. 25(6): no implementation until 1 month after the council was informed [W7]. Not
    // fatal: it binds the employer and ends by itself (or by the council's waiver).
    source: 'W7 (WOR 25(6))',
    anchor: 'written_decision_with_reasons_received',
    statutory: true,
    fatal: false,
    clockCanStop: false,
    length: { kind: 'fixed', length: ONE_MONTH },
  },
  appeal_term: {
    id: 'appeal_term',
    // WOR art. 26(2): petition the Ondernemingskamer within 1 month; it starts only on written
    // notice including the reasons for deviating (OK 15-08-2017) [W8, S6]; late = inadmissible.
    source: 'W8 (WOR 26(2)); W9 (WOR 26)',
    anchor: 'written_decision_with_reasons_received',
    statutory: true,
    fatal: true,
    clockCanStop: false,
    length: { kind: 'fixed', length: ONE_MONTH },
  },
  nullity_term: {
    id: 'nullity_term',
    // WOR art. 27(5): invoke nullity in writing within 1 month of the communicated decision, or of
    // noticing its implementation; afterwards the decision is unassailable [W15].
    source: 'W15 (WOR 27(5))',
    anchor: 'decision_communicated_or_implementation_noticed',
    statutory: true,
    fatal: true,
    clockCanStop: false,
    length: { kind: 'fixed', length: ONE_MONTH },
  },
  information_response_term: {
    id: 'information_response_term',
    source: 'W19 (WOR 31(1) "tijdig"; internal SLA, legal-rules (d)5)',
    anchor: 'information_request_sent',
    statutory: false,
    fatal: false,
    clockCanStop: false,
    length: { kind: 'council_setting', setting: 'informationResponseTerm' },
  },
  initiative_response_term: {
    id: 'initiative_response_term',
    // WOR art. 23(3): the employer answers a council's written proposal in writing, after at
    // least one overlegvergadering; the law names no term, so this is an internal SLA (d)5 [D].
    // The same SLA dates the council's request to open a case for a system (issue #19).
    source: 'W22 (WOR 23(3) "schriftelijk"; internal SLA, legal-rules (d)5)',
    anchor: 'council_request_sent',
    statutory: false,
    fatal: false,
    clockCanStop: false,
    length: { kind: 'fixed', length: Object.freeze({ weeks: 6 }) },
  },
  employer_decision_sla: {
    id: 'employer_decision_sla',
    source: 'W6 (WOR 25(5)); W13 (WOR 27(2)) "zo spoedig mogelijk"; internal SLA, legal-rules (d)5',
    anchor: 'council_position_received',
    statutory: false,
    fatal: false,
    clockCanStop: false,
    length: { kind: 'council_setting', setting: 'employerDecisionSla' },
  },
  training_deadline: {
    id: 'training_deadline',
    // Training must be done before use starts, so the last day is the day before go-live [D]:
    // BW 7:611a [B1], AI Act art. 4 literacy [E1], art. 26(2) trained oversight staff [E5].
    source: 'B1 (BW 7:611a); E1 (AI Act 4); E5 (AI Act 26(2))',
    anchor: 'planned_go_live',
    statutory: false,
    fatal: false,
    clockCanStop: false,
    length: { kind: 'fixed', length: Object.freeze({ days: -1 }) },
  },
  evaluation_date: {
    id: 'evaluation_date',
    source: 'legal-rules (c) IMPLEMENTED→EVALUATION [P]; (d)15',
    anchor: 'go_live',
    statutory: false,
    fatal: false,
    clockCanStop: false,
    length: { kind: 'council_setting', setting: 'evaluationAfter' },
  },
});

export const DEADLINE_RULE_IDS = Object.freeze(Object.keys(DEADLINE_RULES) as DeadlineRuleId[]);

export function getDeadlineRule(ruleId: DeadlineRuleId): DeadlineRule {
  // Ids also arrive from stored rows, so an unknown one is checked at runtime too.
  const rule = Object.prototype.hasOwnProperty.call(DEADLINE_RULES, ruleId)
    ? DEADLINE_RULES[ruleId]
    : undefined;
  if (!rule) {
    throw new Unprocessable('deadline.unknown_rule', `There is no deadline rule '${ruleId}'.`, {
      ruleId,
    });
  }
  return rule;
}

/** The length a rule runs for this council: the law's, or the council's setting. */
export function resolveTermLength(
  ruleId: DeadlineRuleId,
  settings: CouncilTermSettings = DEFAULT_COUNCIL_TERM_SETTINGS,
): TermLength {
  const { length } = getDeadlineRule(ruleId);
  return length.kind === 'fixed' ? length.length : settings[length.setting];
}
