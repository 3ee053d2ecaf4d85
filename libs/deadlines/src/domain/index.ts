export {
  AMSTERDAM_TIME_ZONE,
  addTerm,
  computeDeadline,
  endOfAmsterdamDay,
  startOfAmsterdamDay,
  stopTheClockDays,
  toAmsterdamDate,
} from './deadline-calculator';
export type { ComputeDeadlineInput, ComputedDeadline, OpenPeriod } from './deadline-calculator';
export {
  DEADLINE_RULES,
  DEADLINE_RULE_IDS,
  DEFAULT_COUNCIL_TERM_SETTINGS,
  getDeadlineRule,
  resolveTermLength,
} from './deadline-rules';
export type {
  CouncilTermSettings,
  DeadlineRule,
  DeadlineRuleId,
  RuleLength,
  TermLength,
  TermSettingKey,
} from './deadline-rules';
export {
  addWorkingDays,
  dutchPublicHolidays,
  isDutchNonWorkingDay,
  nextWorkingDay,
  workingDayOnOrAfter,
} from './dutch-calendar';
export type { AtwCalendarOptions, CalendarDate } from './dutch-calendar';
export {
  DEFAULT_REGULATORY_CALENDAR,
  REGULATORY_RULE_KEYS,
  effectiveDate,
  isInForce,
} from './regulatory-calendar';
export type { RegulatoryCalendarEntry } from './regulatory-calendar';
export { EQUATED_DAYS, equatedDates } from './equated-days';
export type { EquatedDay } from './equated-days';
