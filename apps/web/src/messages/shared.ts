import {
  DEADLINE_RULE_TEXTS,
  type DeadlineRuleTextId,
  labelMessages,
  type TextLanguage,
  VALUE_LABELS,
} from '@wc/texts';

/** Each deadline rule's source in plain language (`ruleSource.<ruleId>`). */
function ruleSources(language: TextLanguage): Record<`ruleSource.${DeadlineRuleTextId}`, string> {
  return Object.fromEntries(
    Object.entries(DEADLINE_RULE_TEXTS).map(([id, texts]) => [
      `ruleSource.${id}`,
      texts.source[language],
    ]),
  ) as Record<`ruleSource.${DeadlineRuleTextId}`, string>;
}

/**
 * The messages the server shows too (issue #18): value labels and triage reasons (the dossier
 * PDF) and where each deadline rule comes from (the PDF and e-mails). @wc/texts holds them once.
 */
export const sharedNl = { ...labelMessages(VALUE_LABELS.nl), ...ruleSources('nl') };
export const sharedEn = { ...labelMessages(VALUE_LABELS.en), ...ruleSources('en') };
