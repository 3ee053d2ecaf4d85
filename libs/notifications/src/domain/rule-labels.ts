import { deadlineRuleLabel } from '@wc/deadlines';

export type Language = 'nl' | 'en';

/** Display names of the deadline rules: the ones @wc/deadlines keeps with the rules (issue #18). */
export function ruleLabel(ruleId: string, language: Language): string {
  return deadlineRuleLabel(ruleId, language);
}
