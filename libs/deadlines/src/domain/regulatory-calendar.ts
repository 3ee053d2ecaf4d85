import { Conflict, NotFound } from '@wc/core';

import { assertCalendarDate } from './dutch-calendar';
import type { CalendarDate } from './dutch-calendar';

/**
 * When a regulatory obligation applies from. AI Act dates are data, not constants, because the
 * Digital Omnibus moves them and its publication was unconfirmed at research time (legal-rules
 * D.0, (d)6): a row changes in the database, not in a deploy.
 */
export interface RegulatoryCalendarEntry {
  readonly ruleKey: string;
  readonly effectiveFrom: CalendarDate;
  readonly source: string;
  readonly note: string;
}

export const REGULATORY_RULE_KEYS = Object.freeze({
  aiLiteracy: 'ai_act_art4_ai_literacy',
  prohibitedPractices: 'ai_act_art5_prohibited_practices',
  transparency: 'ai_act_art50_transparency',
  annexIiiHighRisk: 'ai_act_annex_iii_high_risk',
} as const);

/** Seed rows for the regulatory calendar table. Nothing else in the code base holds these dates. */
export const DEFAULT_REGULATORY_CALENDAR: readonly RegulatoryCalendarEntry[] = Object.freeze([
  {
    ruleKey: REGULATORY_RULE_KEYS.aiLiteracy,
    effectiveFrom: '2025-02-02',
    source: 'E1 (AI Act 4); A7 (AI Act 113(a)); O5',
    note:
      'Date unchanged by the Digital Omnibus; its wording softens to a duty to take measures to ' +
      'support AI literacy (O5, sources conflict; check the OJ text).',
  },
  {
    ruleKey: REGULATORY_RULE_KEYS.prohibitedPractices,
    effectiveFrom: '2025-02-02',
    source: 'E2 (AI Act 5(1)(f)); A7 (AI Act 113(a))',
    note:
      'Includes the ban on emotion recognition in the workplace. The Omnibus adds a new art. 5 ban ' +
      '(non-consensual intimate content, CSAM) from 2026-12-02 (O2), not relevant to HR use.',
  },
  {
    ruleKey: REGULATORY_RULE_KEYS.transparency,
    effectiveFrom: '2026-08-02',
    source: 'E14 (AI Act 50); A7 (AI Act 113); O2',
    note:
      'Not deferred by the Digital Omnibus; only the art. 50(2) watermark grace period runs to ' +
      '2026-12-02 for systems placed on the market before 2026-08-02 (O2).',
  },
  {
    ruleKey: REGULATORY_RULE_KEYS.annexIiiHighRisk,
    effectiveFrom: '2027-12-02',
    source: 'E3–E12 (AI Act 6(2), 26, 27, Annex III(4)); Digital Omnibus O2, O4',
    note:
      'Original date 2026-08-02 (AI Act 113, A7). Moved to 2027-12-02 by the Digital Omnibus, ' +
      'including the deployer duties of art. 26 and art. 27 (O2, O4): EP adopted 2026-06-16, ' +
      'Council approved 2026-06-29 (O1; O6 says 2026-06-24). OJ publication unconfirmed in July ' +
      '2026: re-check before relying on it.',
  },
]);

function entryFor(
  entries: readonly RegulatoryCalendarEntry[],
  ruleKey: string,
): RegulatoryCalendarEntry {
  const matches = entries.filter((entry) => entry.ruleKey === ruleKey);
  if (matches.length === 0) {
    // A missing row is a configuration gap; answering "not in force" would hide an obligation.
    throw new NotFound('regulatory_rule', { ruleKey });
  }
  if (matches.length > 1) {
    throw new Conflict(
      'regulatory_rule.ambiguous',
      `The regulatory calendar has ${matches.length} rows for '${ruleKey}'.`,
      { ruleKey },
    );
  }
  assertCalendarDate(matches[0].effectiveFrom);
  return matches[0];
}

/** The first Amsterdam calendar day on which the rule applies. */
export function effectiveDate(
  entries: readonly RegulatoryCalendarEntry[],
  ruleKey: string,
): CalendarDate {
  return entryFor(entries, ruleKey).effectiveFrom;
}

/** Whether the rule applies on `onDate` (an Amsterdam calendar day), its first day included. */
export function isInForce(
  entries: readonly RegulatoryCalendarEntry[],
  ruleKey: string,
  onDate: CalendarDate,
): boolean {
  const from = effectiveDate(entries, ruleKey);
  assertCalendarDate(onDate);
  // Both are validated yyyy-MM-dd strings, so text order is date order.
  return onDate >= from;
}
