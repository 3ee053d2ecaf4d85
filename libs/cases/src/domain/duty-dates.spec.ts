import { NO_ANSWERS } from './domain-fixtures';
import { dutyDates } from './duty-dates';
import type { CalendarRow } from './duty-dates';
import { triage } from './triage';

// The seeded dates (libs/deadlines DEFAULT_REGULATORY_CALENDAR; legal-rules D.0, O2).
const CALENDAR: CalendarRow[] = [
  { ruleKey: 'ai_act_art4_ai_literacy', effectiveFrom: '2025-02-02', source: 'E1' },
  { ruleKey: 'ai_act_art5_prohibited_practices', effectiveFrom: '2025-02-02', source: 'E2' },
  { ruleKey: 'ai_act_art50_transparency', effectiveFrom: '2026-08-02', source: 'E14' },
  { ruleKey: 'ai_act_annex_iii_high_risk', effectiveFrom: '2027-12-02', source: 'E3, O2' },
];

describe('dutyDates: AI Act dates as data', () => {
  const chatbot = triage({ ...NO_ANSWERS, chatbot: true });
  const hr = triage({ ...NO_ANSWERS, annexIIIPoint4: 'recruitment_selection' });
  const cobot = triage({ ...NO_ANSWERS, annexIProduct: true });

  it.each([
    [
      'a chatbot before 2 Aug 2026: art. 50 shown, not yet binding',
      chatbot,
      '2026-07-01',
      'transparency',
      { appliesFrom: '2026-08-02', bindsToday: false, note: 'not_yet_applicable' },
    ],
    [
      'a chatbot on 2 Aug 2026: binding from its first day',
      chatbot,
      '2026-08-02',
      'transparency',
      { appliesFrom: '2026-08-02', bindsToday: true },
    ],
    [
      'Annex III HR AI in Dec 2026: high-risk duties from 2 Dec 2027',
      hr,
      '2026-12-02',
      'high_risk_annex_iii',
      { appliesFrom: '2027-12-02', bindsToday: false },
    ],
    [
      'Annex III HR AI in 2028: binding',
      hr,
      '2028-01-10',
      'high_risk_annex_iii',
      { bindsToday: true },
    ],
    [
      'Annex I with no calendar row: cautious, binding',
      cobot,
      '2026-12-02',
      'high_risk_annex_i',
      { appliesFrom: null, bindsToday: true, note: 'calendar_row_missing' },
    ],
  ] as const)('%s', (_name, outcome, today, group, expected) => {
    const duty = dutyDates(outcome, CALENDAR, today).find((d) => d.group === group);
    expect(duty).toMatchObject(expected);
  });

  it('art. 111(2): a system in use before the date binds only after a significant change', () => {
    const legacy = dutyDates(hr, CALENDAR, '2028-01-10', { inUseSince: '2025-06-01' });
    expect(legacy.find((d) => d.group === 'high_risk_annex_iii')).toMatchObject({
      bindsToday: false,
      note: 'legacy_system_art_111',
    });
    const changed = dutyDates(hr, CALENDAR, '2028-01-10', {
      inUseSince: '2025-06-01',
      significantChangeSince: true,
    });
    expect(changed.find((d) => d.group === 'high_risk_annex_iii')).toMatchObject({
      bindsToday: true,
    });
  });

  it('AI literacy always applies and has no legacy carve-out', () => {
    expect(dutyDates(hr, CALENDAR, '2028-01-10', { inUseSince: '2020-01-01' })[0]).toMatchObject({
      group: 'ai_literacy',
      bindsToday: true,
    });
  });
});
