import { deadlineRuleLabel } from '@wc/texts';

export type Language = 'nl' | 'en';

/** Display names of the deadline rules: the ones @wc/texts keeps for every rule (issue #18). */
export function ruleLabel(ruleId: string, language: Language): string {
  return deadlineRuleLabel(ruleId, language);
}
