import {
  DEFAULT_REGULATORY_CALENDAR,
  REGULATORY_RULE_KEYS,
  effectiveDate,
  isInForce,
} from './regulatory-calendar';
import type { RegulatoryCalendarEntry } from './regulatory-calendar';

describe('DEFAULT_REGULATORY_CALENDAR (legal-rules D.0)', () => {
  it.each([
    ['ai_act_art4_ai_literacy', '2025-02-02'],
    ['ai_act_art5_prohibited_practices', '2025-02-02'],
    ['ai_act_art50_transparency', '2026-08-02'],
    ['ai_act_annex_iii_high_risk', '2027-12-02'],
  ])('%s applies from %s', (ruleKey, expected) => {
    expect(effectiveDate(DEFAULT_REGULATORY_CALENDAR, ruleKey)).toBe(expected);
  });

  it('has one row per key, each with a source and a note', () => {
    const keys = DEFAULT_REGULATORY_CALENDAR.map((entry) => entry.ruleKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(Object.values(REGULATORY_RULE_KEYS).sort());
    for (const entry of DEFAULT_REGULATORY_CALENDAR) {
      expect(entry.source).toMatch(/\bE\d+\b/);
      expect(entry.note.length).toBeGreaterThan(0);
    }
  });

  it('cites the Omnibus and the original date for the Annex III deferral', () => {
    const row = DEFAULT_REGULATORY_CALENDAR.find(
      (entry) => entry.ruleKey === 'ai_act_annex_iii_high_risk',
    );
    expect(row?.source).toMatch(/O2/);
    expect(row?.source).toMatch(/O4/);
    expect(row?.note).toContain('2026-08-02');
  });
});

describe('isInForce', () => {
  it.each([
    ['ai_act_art4_ai_literacy', '2025-02-01', false],
    ['ai_act_art4_ai_literacy', '2025-02-02', true],
    ['ai_act_art5_prohibited_practices', '2026-01-01', true],
    ['ai_act_art50_transparency', '2026-08-01', false],
    ['ai_act_art50_transparency', '2026-08-02', true],
    ['ai_act_annex_iii_high_risk', '2026-08-02', false], // the original date no longer counts
    ['ai_act_annex_iii_high_risk', '2027-12-01', false],
    ['ai_act_annex_iii_high_risk', '2027-12-02', true],
    ['ai_act_annex_iii_high_risk', '2030-01-01', true],
  ])('%s on %s → %s', (ruleKey, onDate, expected) => {
    expect(isInForce(DEFAULT_REGULATORY_CALENDAR, ruleKey, onDate)).toBe(expected);
  });

  it('follows the table it is given, not the defaults (a changed row needs no deploy)', () => {
    const ifOmnibusFails: RegulatoryCalendarEntry[] = [
      {
        ruleKey: 'ai_act_annex_iii_high_risk',
        effectiveFrom: '2026-08-02',
        source: 'A7',
        note: 'test',
      },
    ];
    expect(isInForce(ifOmnibusFails, 'ai_act_annex_iii_high_risk', '2026-08-02')).toBe(true);
    expect(isInForce(ifOmnibusFails, 'ai_act_annex_iii_high_risk', '2026-08-01')).toBe(false);
  });

  it('refuses an unknown key rather than answering "not in force"', () => {
    expect(() => isInForce(DEFAULT_REGULATORY_CALENDAR, 'ai_act_art99', '2026-01-01')).toThrow(
      expect.objectContaining({ code: 'regulatory_rule.not_found' }),
    );
    expect(() => effectiveDate([], 'ai_act_art4_ai_literacy')).toThrow(
      expect.objectContaining({ code: 'regulatory_rule.not_found' }),
    );
  });

  it('refuses two rows for the same key', () => {
    const doubled = [DEFAULT_REGULATORY_CALENDAR[0], DEFAULT_REGULATORY_CALENDAR[0]];
    expect(() => isInForce(doubled, 'ai_act_art4_ai_literacy', '2026-01-01')).toThrow(
      expect.objectContaining({ code: 'regulatory_rule.ambiguous' }),
    );
  });

  it('refuses a malformed date', () => {
    expect(() =>
      isInForce(DEFAULT_REGULATORY_CALENDAR, 'ai_act_art4_ai_literacy', '02-02-2025'),
    ).toThrow(expect.objectContaining({ code: 'deadline.invalid_calendar_date' }));
  });
});
