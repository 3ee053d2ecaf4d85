/**
 * @wc/texts: the texts the web and the server both show (legal sources, triage reasons, value
 * labels, deadline rule names), as plain data and pure functions. It imports nothing, so the web
 * bundles it at runtime (the one lib it may import so) and there is one copy of every text.
 */
export type { TextLanguage } from './language';
export { plainSource, plainSources } from './legal-sources';
export {
  type CodedReason,
  gateConditionText,
  reasonText,
  type ReasonContext,
  type TextsI18n,
} from './legal-texts';
export {
  DEADLINE_RULE_TEXTS,
  type DeadlineRuleTextId,
  deadlineRuleLabel,
  deadlineRuleSource,
} from './deadline-rule-texts';
export { type LabelMessages, labelMessages, VALUE_LABELS } from './value-labels';
