import type { CalendarDay } from './calendar-day';
import type { TrackKind } from './tracks';

/**
 * The deadline rules the case tracks start. The ids are the rule ids of `libs/deadlines`
 * (`DeadlineRuleId`), which computes the dates; this lib only says which rule starts on which day.
 */
export type CaseDeadlineRuleId =
  | 'consultation_meeting_term'
  | 'advice_response_term'
  | 'consent_response_term'
  | 'employer_decision_sla'
  | 'suspension_term'
  | 'appeal_term'
  | 'nullity_term'
  | 'evaluation_date';

/** A fixed length set by law, or the term the council agreed (convenant) and configured. */
export type DeadlineLength =
  { readonly months: number } | { readonly weeks: number } | 'council_setting';

export interface DeadlineRequest {
  readonly ruleId: CaseDeadlineRuleId;
  /** The track the deadline belongs to; cancellation is scoped to (case, track, rule). */
  readonly track: TrackKind;
  /** The receipt day of the triggering notice [S6], or today when nothing is received. */
  readonly triggerDate: CalendarDay;
  readonly length: DeadlineLength;
  readonly statutory: boolean;
  /** Missing it loses the right for good. */
  readonly fatal: boolean;
  /** legal-rules ids. */
  readonly sources: readonly string[];
}

type RuleSpec = Omit<DeadlineRequest, 'ruleId' | 'track' | 'triggerDate'>;

const RULES: { readonly [R in CaseDeadlineRuleId]: RuleSpec } = {
  // WOR 23(1): the overlegvergadering meets within 2 weeks of a reasoned request [W22]
  consultation_meeting_term: {
    length: { weeks: 2 },
    statutory: true,
    fatal: false,
    sources: ['W22', 'S15'],
  },
  // No statutory advice or consent term; an agreed one binds [W5, W13, S21]
  advice_response_term: {
    length: 'council_setting',
    statutory: false,
    fatal: false,
    sources: ['W5', 'S21'],
  },
  consent_response_term: {
    length: 'council_setting',
    statutory: false,
    fatal: false,
    sources: ['W13'],
  },
  // "zo spoedig mogelijk" as an internal SLA, legal-rules (d)5 [W6, W13]
  employer_decision_sla: {
    length: 'council_setting',
    statutory: false,
    fatal: false,
    sources: ['W6', 'W13'],
  },
  // WOR 25(6): no implementation for 1 month after the council was told [W7]
  suspension_term: {
    length: { months: 1 },
    statutory: true,
    fatal: false,
    sources: ['W7', 'S2', 'S3'],
  },
  // WOR 26(2): appeal within 1 month of written notice with reasons; late is inadmissible [W8]
  appeal_term: { length: { months: 1 }, statutory: true, fatal: true, sources: ['W8', 'S5', 'S6'] },
  // WOR 27(5): nullity within 1 month; afterwards the decision is unassailable [W15]
  nullity_term: { length: { months: 1 }, statutory: true, fatal: true, sources: ['W15', 'S10'] },
  // An evaluation moment agreed in the advice, consent or convenant [P]
  evaluation_date: { length: 'council_setting', statutory: false, fatal: false, sources: [] },
};

export function deadline(
  ruleId: CaseDeadlineRuleId,
  track: TrackKind,
  triggerDate: CalendarDay,
  extraSources: readonly string[] = [],
): DeadlineRequest {
  const spec = RULES[ruleId];
  return {
    ruleId,
    track,
    triggerDate,
    ...spec,
    sources: [...spec.sources, ...extraSources.filter((s) => !spec.sources.includes(s))],
  };
}

/** Every rule a track can have open, so withdrawing a track closes them all. */
export const TRACK_DEADLINE_RULES: { readonly [K in TrackKind]: readonly CaseDeadlineRuleId[] } = {
  advice: [
    'consultation_meeting_term',
    'advice_response_term',
    'employer_decision_sla',
    'suspension_term',
    'appeal_term',
    'evaluation_date',
  ],
  consent: [
    'consultation_meeting_term',
    'consent_response_term',
    'employer_decision_sla',
    'nullity_term',
    'evaluation_date',
  ],
  ai_act: [],
  dpia: [],
  skills: [],
};
