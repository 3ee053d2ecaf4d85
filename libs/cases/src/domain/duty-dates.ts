import type { CalendarDay } from './calendar-day';
import type { TriageOutcome } from './triage';

/**
 * When each AI Act duty of a triage outcome applies, read from the regulatory calendar rows
 * (seeded by `libs/deadlines`, `DEFAULT_REGULATORY_CALENDAR`) rather than from constants: the
 * Digital Omnibus moves these dates (legal-rules D.0, (d)6). Pure; the caller passes the rows.
 */
export interface CalendarRow {
  readonly ruleKey: string;
  readonly effectiveFrom: CalendarDay;
  readonly source: string;
}

export type AiActDutyGroup =
  | 'ai_literacy'
  | 'prohibited_practices'
  | 'transparency'
  | 'high_risk_annex_iii'
  | 'high_risk_annex_i';

// The calendar's rule keys (libs/deadlines REGULATORY_RULE_KEYS); Annex I has no seeded row yet.
const RULE_KEY: Readonly<Record<AiActDutyGroup, string>> = {
  ai_literacy: 'ai_act_art4_ai_literacy',
  prohibited_practices: 'ai_act_art5_prohibited_practices',
  transparency: 'ai_act_art50_transparency',
  high_risk_annex_iii: 'ai_act_annex_iii_high_risk',
  high_risk_annex_i: 'ai_act_annex_i_high_risk',
};

export interface DutyDate {
  readonly group: AiActDutyGroup;
  /** null: the calendar has no row; the duty is then treated as binding (the cautious reading). */
  readonly appliesFrom: CalendarDay | null;
  readonly source: string | null;
  readonly bindsToday: boolean;
  readonly note?: 'calendar_row_missing' | 'legacy_system_art_111' | 'not_yet_applicable';
}

export interface SystemHistory {
  /** The day the system was first put into service, if it is already in use. */
  readonly inUseSince?: CalendarDay;
  /** A significant change in design since that application date (AI Act 111(2)). */
  readonly significantChangeSince?: boolean;
}

export function dutyDates(
  outcome: TriageOutcome,
  calendar: readonly CalendarRow[],
  today: CalendarDay,
  system: SystemHistory = {},
): DutyDate[] {
  const groups: AiActDutyGroup[] = ['ai_literacy'];
  if ((outcome.aiAct.prohibitedPractices?.length ?? 0) > 0 || outcome.blocked) {
    groups.push('prohibited_practices');
  }
  if ((outcome.aiAct.transparencyDuties?.length ?? 0) > 0) {
    groups.push('transparency');
  }
  const routes = outcome.aiAct.highRiskRoutes ?? [];
  if (outcome.aiAct.highRisk && routes.some((r) => r !== 'annex_i_product')) {
    groups.push('high_risk_annex_iii');
  }
  if (outcome.aiAct.highRisk && routes.includes('annex_i_product')) {
    groups.push('high_risk_annex_i');
  }
  return groups.map((group) => dutyDate(group, calendar, today, system));
}

function dutyDate(
  group: AiActDutyGroup,
  calendar: readonly CalendarRow[],
  today: CalendarDay,
  system: SystemHistory,
): DutyDate {
  const row = calendar.find((r) => r.ruleKey === RULE_KEY[group]);
  if (!row) {
    return {
      group,
      appliesFrom: null,
      source: null,
      bindsToday: true,
      note: 'calendar_row_missing',
    };
  }
  const base = { group, appliesFrom: row.effectiveFrom, source: row.source };
  // Text order is date order for yyyy-MM-dd.
  if (today < row.effectiveFrom) {
    return { ...base, bindsToday: false, note: 'not_yet_applicable' };
  }
  const highRisk = group === 'high_risk_annex_iii' || group === 'high_risk_annex_i';
  // AI Act 111(2): a high-risk system in service before the application date is in scope only
  // after a significant change in its design [E15]. Art. 4, 5 and 50 have no such carve-out.
  if (
    highRisk &&
    system.inUseSince !== undefined &&
    system.inUseSince < row.effectiveFrom &&
    !system.significantChangeSince
  ) {
    return { ...base, bindsToday: false, note: 'legacy_system_art_111' };
  }
  return { ...base, bindsToday: true };
}
