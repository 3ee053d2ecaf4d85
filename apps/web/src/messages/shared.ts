import {
  DEADLINE_RULE_TEXTS,
  type DeadlineRuleTextId,
  labelMessages,
  type TextLanguage,
  VALUE_LABELS,
} from '@wc/texts';

type RuleMessages = Record<
  `rule.${DeadlineRuleTextId}` | `ruleSource.${DeadlineRuleTextId}`,
  string
>;

/** Each deadline rule's name (`rule.<ruleId>`) and its source in plain language (`ruleSource.<ruleId>`). */
function ruleMessages(language: TextLanguage): RuleMessages {
  return Object.fromEntries(
    Object.entries(DEADLINE_RULE_TEXTS).flatMap(([id, texts]) => [
      [`rule.${id}`, texts.label[language]],
      [`ruleSource.${id}`, texts.source[language]],
    ]),
  ) as RuleMessages;
}

/**
 * The messages the server shows too (issue #18): value labels and triage reasons (the dossier
 * PDF), each deadline rule's name and where it comes from (the PDF and e-mails). @wc/texts holds
 * them once.
 */
export const sharedNl = { ...labelMessages(VALUE_LABELS.nl), ...ruleMessages('nl') };
export const sharedEn = { ...labelMessages(VALUE_LABELS.en), ...ruleMessages('en') };
