import {
  addTerm,
  computeDeadline,
  endOfAmsterdamDay,
  startOfAmsterdamDay,
  stopTheClockDays,
  toAmsterdamDate,
} from './deadline-calculator';
import { EQUATED_DAYS, equatedDates } from './equated-days';
import {
  DEADLINE_RULES,
  DEADLINE_RULE_IDS,
  DEFAULT_COUNCIL_TERM_SETTINGS,
  resolveTermLength,
} from './deadline-rules';
import type { DeadlineRuleId, TermLength } from './deadline-rules';

// Every expected date below was worked out by hand from a printed calendar, never by calling the
// code under test. Weekdays used: 2026-03-02 Mon, 2026-04-11 Sat, 2026-12-25 Fri, 2025-12-25 Thu,
// 2027-12-25 Sat, 2028-12-25 Mon, 2027-04-27 Tue, 2026-04-27 Mon, 2027-01-01 Fri.

describe('addTerm', () => {
  it.each<[string, TermLength, string, string]>([
    ['2026-03-15', { months: 1 }, '2026-04-15', 'notice 15 March → 15 April'],
    ['2026-01-31', { months: 1 }, '2026-02-28', 'no 31 February: last day of February'],
    ['2027-01-31', { months: 1 }, '2027-02-28', 'non-leap year'],
    ['2028-01-31', { months: 1 }, '2028-02-29', 'leap year 2028'],
    ['2028-01-30', { months: 1 }, '2028-02-29', 'leap year, 30 January'],
    ['2026-03-30', { months: 1 }, '2026-04-30', 'same date exists'],
    ['2026-03-31', { months: 1 }, '2026-04-30', 'no 31 April'],
    ['2026-05-31', { months: 1 }, '2026-06-30', 'no 31 June'],
    ['2026-08-31', { months: 1 }, '2026-09-30', 'no 31 September'],
    ['2026-02-28', { months: 1 }, '2026-03-28', 'same date number, not month end'],
    ['2028-02-29', { months: 1 }, '2028-03-29', 'from a leap day'],
    ['2026-12-31', { months: 1 }, '2027-01-31', 'over the year end'],
    ['2026-08-31', { months: 6 }, '2027-02-28', 'six months, clamped'],
    ['2026-03-02', { weeks: 2 }, '2026-03-16', 'Monday + 2 weeks = Monday'],
    ['2026-03-02', { weeks: 6 }, '2026-04-13', 'Monday + 6 weeks'],
    ['2026-03-20', { weeks: 2 }, '2026-04-03', 'over the spring DST change'],
    ['2026-10-20', { weeks: 2 }, '2026-11-03', 'over the autumn DST change'],
    ['2026-02-20', { days: 10 }, '2026-03-02', 'calendar days over February'],
    ['2026-09-01', { days: -1 }, '2026-08-31', 'the day before'],
    ['2026-03-01', { days: -1 }, '2026-02-28', 'the day before, over the month end'],
    ['2026-04-01', { workingDays: 10 }, '2026-04-17', 'working days over Easter'],
    ['2026-01-31', { months: 1, days: 3 }, '2026-03-03', 'months first, then days'],
    ['2026-03-02', {}, '2026-03-02', 'an empty length'],
  ])('%s + %j → %s (%s)', (start, length, expected) => {
    expect(addTerm(start, length)).toBe(expected);
  });

  it.each<[TermLength]>([[{ months: -1 }], [{ weeks: 1.5 }], [{ workingDays: -2 }]])(
    'rejects %j',
    (length) => {
      expect(() => addTerm('2026-03-02', length)).toThrow(
        expect.objectContaining({ code: 'deadline.invalid_term_length' }),
      );
    },
  );
});

describe('computeDeadline: statutory terms and the Algemene termijnenwet', () => {
  it.each<[DeadlineRuleId, string, string, string, string, boolean]>([
    // rule, trigger (notice received), start, strict, ATW-extended, extended
    ['appeal_term', '2026-03-15', '2026-03-16', '2026-04-15', '2026-04-15', false],
    ['suspension_term', '2026-03-31', '2026-04-01', '2026-04-30', '2026-04-30', false],
    ['appeal_term', '2028-01-31', '2028-02-01', '2028-02-29', '2028-02-29', false],
    // Ends on a Saturday / a Sunday → Monday.
    ['appeal_term', '2026-03-11', '2026-03-12', '2026-04-11', '2026-04-13', true],
    ['nullity_term', '2026-03-12', '2026-03-13', '2026-04-12', '2026-04-13', true],
    ['nullity_term', '2026-02-28', '2026-03-01', '2026-03-28', '2026-03-30', true],
    // 31 January + 1 month = Saturday 28 February 2026 → Monday 2 March.
    ['appeal_term', '2026-01-31', '2026-02-01', '2026-02-28', '2026-03-02', true],
    // Koningsdag.
    ['appeal_term', '2027-03-27', '2027-03-28', '2027-04-27', '2027-04-28', true],
    ['suspension_term', '2026-03-27', '2026-03-28', '2026-04-27', '2026-04-28', true],
    ['appeal_term', '2025-03-26', '2025-03-27', '2025-04-26', '2025-04-28', true],
    // Christmas: Fri 25 + Sat 26 + Sun 27 Dec 2026 → Mon 28.
    ['appeal_term', '2026-11-25', '2026-11-26', '2026-12-25', '2026-12-28', true],
    ['appeal_term', '2026-11-26', '2026-11-27', '2026-12-26', '2026-12-28', true],
    // Christmas 2025 on Thursday, Boxing Day Friday, then the weekend → Mon 29.
    ['nullity_term', '2025-11-25', '2025-11-26', '2025-12-25', '2025-12-29', true],
    // Christmas 2027 on the weekend: Monday 27 is a working day (no substitute holiday).
    ['appeal_term', '2027-11-25', '2027-11-26', '2027-12-25', '2027-12-27', true],
    // Christmas 2028 on Monday and Tuesday → Wednesday 27.
    ['appeal_term', '2028-11-25', '2028-11-26', '2028-12-25', '2028-12-27', true],
    // Easter: Easter Monday, and Good Friday (ATW art. 3(2)) over the whole weekend.
    ['appeal_term', '2026-03-06', '2026-03-07', '2026-04-06', '2026-04-07', true],
    ['appeal_term', '2026-03-03', '2026-03-04', '2026-04-03', '2026-04-07', true],
    // New Year's Day on a Thursday, and on a Friday.
    ['nullity_term', '2025-12-01', '2025-12-02', '2026-01-01', '2026-01-02', true],
    ['nullity_term', '2026-12-01', '2026-12-02', '2027-01-01', '2027-01-04', true],
    // Ascension, Bevrijdingsdag, Whit Monday.
    ['appeal_term', '2026-04-14', '2026-04-15', '2026-05-14', '2026-05-15', true],
    ['appeal_term', '2026-04-05', '2026-04-06', '2026-05-05', '2026-05-06', true],
    ['appeal_term', '2026-04-25', '2026-04-26', '2026-05-25', '2026-05-26', true],
    // Consultation meeting within 2 weeks (WOR 23(1)).
    ['consultation_meeting_term', '2026-03-02', '2026-03-03', '2026-03-16', '2026-03-16', false],
    ['consultation_meeting_term', '2026-12-11', '2026-12-12', '2026-12-25', '2026-12-28', true],
  ])(
    '%s from %s: start %s, strict %s, extended %s',
    (ruleId, trigger, start, strict, ext, extended) => {
      expect(computeDeadline({ ruleId, triggerDate: trigger })).toEqual({
        ruleId,
        source: DEADLINE_RULES[ruleId].source,
        statutory: true,
        fatal: ruleId === 'appeal_term' || ruleId === 'nullity_term',
        startDate: start,
        strictDate: strict,
        extendedDate: ext,
        extended,
        agreedTermEndsOnNonWorkingDay: false,
        pausedDays: 0,
      });
    },
  );

  it('extends over a day equated with a holiday by decree (ATW art. 3(3))', () => {
    const deadline = computeDeadline({
      ruleId: 'appeal_term',
      triggerDate: '2026-04-14',
      equatedDays: ['2026-05-15'],
    });
    expect(deadline).toMatchObject({ strictDate: '2026-05-14', extendedDate: '2026-05-18' });
  });

  it('accepts the statutory length when it is given', () => {
    expect(
      computeDeadline({ ruleId: 'appeal_term', triggerDate: '2026-03-15', length: { months: 1 } }),
    ).toMatchObject({ strictDate: '2026-04-15' });
  });

  it('refuses a different length for a statutory term', () => {
    expect(() =>
      computeDeadline({ ruleId: 'appeal_term', triggerDate: '2026-03-15', length: { weeks: 6 } }),
    ).toThrow(expect.objectContaining({ code: 'deadline.statutory_length_fixed' }));
  });

  it('refuses to stop the clock of a statutory term', () => {
    expect(() =>
      computeDeadline({ ruleId: 'appeal_term', triggerDate: '2026-03-15', pausedDays: 3 }),
    ).toThrow(expect.objectContaining({ code: 'deadline.clock_cannot_stop' }));
  });
});

describe('computeDeadline: agreed and internal terms', () => {
  it.each<[DeadlineRuleId, string, TermLength, number, string, string]>([
    // rule, trigger, length, paused days, strict, extended
    ['advice_response_term', '2026-03-02', { weeks: 6 }, 0, '2026-04-13', '2026-04-13'],
    // Ends on Bevrijdingsdag; the ATW covers statutory terms only, so no extension.
    ['advice_response_term', '2026-03-24', { weeks: 6 }, 0, '2026-05-05', '2026-05-05'],
    // An agreed 8 weeks ending on Koningsdag: still no ATW extension.
    ['consent_response_term', '2026-03-02', { weeks: 8 }, 0, '2026-04-27', '2026-04-27'],
    // Stop-the-clock: 6 weeks to 13 April plus 5 paused days = Saturday 18 April.
    ['advice_response_term', '2026-03-02', { weeks: 6 }, 5, '2026-04-18', '2026-04-18'],
    ['information_response_term', '2026-04-01', { workingDays: 10 }, 0, '2026-04-17', '2026-04-17'],
    ['information_response_term', '2027-04-22', { workingDays: 10 }, 0, '2027-05-11', '2027-05-11'],
    ['employer_decision_sla', '2026-12-11', { weeks: 2 }, 0, '2026-12-25', '2026-12-25'],
    ['evaluation_date', '2026-08-31', { months: 6 }, 0, '2027-02-28', '2027-02-28'],
  ])('%s from %s (%j, paused %i) → %s / %s', (ruleId, trigger, length, paused, strict, ext) => {
    const deadline = computeDeadline({ ruleId, triggerDate: trigger, length, pausedDays: paused });
    expect(deadline).toMatchObject({
      ruleId,
      statutory: false,
      fatal: false,
      strictDate: strict,
      extendedDate: ext,
      extended: false,
      pausedDays: paused,
    });
  });

  it('training is due the day before go-live', () => {
    expect(
      computeDeadline({ ruleId: 'training_deadline', triggerDate: '2026-09-01' }).strictDate,
    ).toBe('2026-08-31');
  });

  it('applies the ATW to an agreed term only when asked', () => {
    expect(
      computeDeadline({
        ruleId: 'consent_response_term',
        triggerDate: '2026-03-24',
        length: { weeks: 6 },
        applyAlgemeneTermijnenwet: true,
      }),
    ).toMatchObject({ strictDate: '2026-05-05', extendedDate: '2026-05-06', extended: true });
  });

  it('needs the length of a term that comes from council settings', () => {
    expect(() =>
      computeDeadline({ ruleId: 'advice_response_term', triggerDate: '2026-03-02' }),
    ).toThrow(expect.objectContaining({ code: 'deadline.length_required' }));
  });

  it.each([-1, 1.5])('rejects %p paused days', (pausedDays) => {
    expect(() =>
      computeDeadline({
        ruleId: 'advice_response_term',
        triggerDate: '2026-03-02',
        length: { weeks: 6 },
        pausedDays,
      }),
    ).toThrow(expect.objectContaining({ code: 'deadline.invalid_paused_days' }));
  });

  it('rejects an unknown rule and a malformed trigger date', () => {
    expect(() =>
      computeDeadline({ ruleId: 'advice_term' as DeadlineRuleId, triggerDate: '2026-03-02' }),
    ).toThrow(expect.objectContaining({ code: 'deadline.unknown_rule' }));
    expect(() => computeDeadline({ ruleId: 'appeal_term', triggerDate: '2026-02-29' })).toThrow(
      expect.objectContaining({ code: 'deadline.invalid_calendar_date' }),
    );
  });
});

describe('stopTheClockDays', () => {
  type Period = { from: string; to: string | null };
  const cases: Array<[string, Period[], string, number]> = [
    ['no requests', [], '2026-03-31', 0],
    [
      'sent 2nd, answered 5th: the 2nd, 3rd, 4th',
      [{ from: '2026-03-02', to: '2026-03-05' }],
      '2026-03-31',
      3,
    ],
    ['answered the day it was sent', [{ from: '2026-03-02', to: '2026-03-02' }], '2026-03-31', 0],
    [
      'overlapping: 2–5 and 4–10 → 2nd to 9th',
      [
        { from: '2026-03-02', to: '2026-03-05' },
        { from: '2026-03-04', to: '2026-03-10' },
      ],
      '2026-03-31',
      8,
    ],
    [
      'overlapping, given out of order',
      [
        { from: '2026-03-04', to: '2026-03-10' },
        { from: '2026-03-02', to: '2026-03-05' },
      ],
      '2026-03-31',
      8,
    ],
    [
      'one inside another',
      [
        { from: '2026-03-01', to: '2026-03-20' },
        { from: '2026-03-05', to: '2026-03-06' },
      ],
      '2026-03-31',
      19,
    ],
    [
      'back to back: 2–5 and 5–8',
      [
        { from: '2026-03-02', to: '2026-03-05' },
        { from: '2026-03-05', to: '2026-03-08' },
      ],
      '2026-03-31',
      6,
    ],
    [
      'disjoint: 3 + 2',
      [
        { from: '2026-03-02', to: '2026-03-05' },
        { from: '2026-03-10', to: '2026-03-12' },
      ],
      '2026-03-31',
      5,
    ],
    ['still open: 2nd to 5th inclusive', [{ from: '2026-03-02', to: null }], '2026-03-05', 4],
    [
      'open one overlapping a closed one: 1st to 6th',
      [
        { from: '2026-03-01', to: '2026-03-03' },
        { from: '2026-03-02', to: null },
      ],
      '2026-03-06',
      6,
    ],
    ['over the month end', [{ from: '2026-02-27', to: '2026-03-02' }], '2026-03-31', 3],
    [
      'over the DST change (calendar days, not 24 h)',
      [{ from: '2026-03-28', to: '2026-03-30' }],
      '2026-03-31',
      2,
    ],
    ['sent after asOf', [{ from: '2026-04-02', to: null }], '2026-03-31', 0],
    [
      'answered after asOf: counted up to asOf',
      [{ from: '2026-03-30', to: '2026-04-10' }],
      '2026-03-31',
      2,
    ],
  ];
  it.each(cases.map(([label, periods, asOf, expected]) => ({ label, periods, asOf, expected })))(
    '$label → $expected',
    ({ periods, asOf, expected }) => {
      expect(stopTheClockDays(periods, asOf)).toBe(expected);
    },
  );

  it('leaves out days before notBefore', () => {
    expect(
      stopTheClockDays([{ from: '2026-02-25', to: '2026-03-04' }], '2026-03-31', '2026-03-02'),
    ).toBe(2);
  });

  it('rejects an answer dated before its request', () => {
    expect(() =>
      stopTheClockDays([{ from: '2026-03-05', to: '2026-03-02' }], '2026-03-31'),
    ).toThrow(expect.objectContaining({ code: 'deadline.invalid_period' }));
  });
});

describe('Amsterdam days and instants', () => {
  it.each([
    // date, start (UTC), end (UTC)
    ['2026-01-15', '2026-01-14T23:00:00.000Z', '2026-01-15T22:59:59.999Z'],
    ['2026-07-01', '2026-06-30T22:00:00.000Z', '2026-07-01T21:59:59.999Z'],
    ['2026-03-28', '2026-03-27T23:00:00.000Z', '2026-03-28T22:59:59.999Z'],
    // 29 March 2026: clocks go from 02:00 CET to 03:00 CEST, a 23-hour day.
    ['2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T21:59:59.999Z'],
    ['2026-03-30', '2026-03-29T22:00:00.000Z', '2026-03-30T21:59:59.999Z'],
    ['2026-10-24', '2026-10-23T22:00:00.000Z', '2026-10-24T21:59:59.999Z'],
    // 25 October 2026: clocks go from 03:00 CEST back to 02:00 CET, a 25-hour day.
    ['2026-10-25', '2026-10-24T22:00:00.000Z', '2026-10-25T22:59:59.999Z'],
    ['2026-10-26', '2026-10-25T23:00:00.000Z', '2026-10-26T22:59:59.999Z'],
  ])('%s starts at %s and ends at %s', (date, start, end) => {
    expect(startOfAmsterdamDay(date).toISOString()).toBe(start);
    expect(endOfAmsterdamDay(date).toISOString()).toBe(end);
  });

  it.each([
    ['2026-03-28T22:59:59.999Z', '2026-03-28'],
    ['2026-03-28T23:00:00.000Z', '2026-03-29'],
    ['2026-03-29T21:59:59.999Z', '2026-03-29'],
    ['2026-03-29T22:00:00.000Z', '2026-03-30'],
    ['2026-10-25T22:59:59.999Z', '2026-10-25'],
    ['2026-10-25T23:00:00.000Z', '2026-10-26'],
    ['2026-06-30T22:30:00.000Z', '2026-07-01'],
    ['2026-12-31T23:00:00.000Z', '2027-01-01'],
  ])('%s is %s in Amsterdam', (instant, expected) => {
    expect(toAmsterdamDate(new Date(instant))).toBe(expected);
  });

  it('rejects an invalid instant and a malformed date', () => {
    expect(() => toAmsterdamDate(new Date('not a date'))).toThrow(
      expect.objectContaining({ code: 'deadline.invalid_instant' }),
    );
    expect(() => endOfAmsterdamDay('2026-10-32')).toThrow(
      expect.objectContaining({ code: 'deadline.invalid_calendar_date' }),
    );
  });
});

describe('deadline rule catalogue', () => {
  it.each<[DeadlineRuleId, boolean, boolean, RegExp]>([
    // id, statutory, fatal, cited rule
    ['advice_response_term', false, false, /\bW5\b/],
    ['consent_response_term', false, false, /\bW13\b/],
    ['consultation_meeting_term', true, false, /\bW22 \(WOR 23\(1\)\)/],
    ['suspension_term', true, false, /\bW7 \(WOR 25\(6\)\)/],
    ['appeal_term', true, true, /\bW8 \(WOR 26\(2\)\)/],
    ['nullity_term', true, true, /\bW15 \(WOR 27\(5\)\)/],
    ['information_response_term', false, false, /\bW19\b/],
    ['initiative_response_term', false, false, /WOR 23\(3\)/],
    ['employer_decision_sla', false, false, /\bW6\b/],
    ['training_deadline', false, false, /\bB1\b/],
    ['evaluation_date', false, false, /\(c\)/],
  ])('%s: statutory %s, fatal %s, source cites %s', (id, statutory, fatal, source) => {
    const rule = DEADLINE_RULES[id];
    expect(rule.id).toBe(id);
    expect(rule.statutory).toBe(statutory);
    expect(rule.fatal).toBe(fatal);
    expect(rule.source).toMatch(source);
    // Only an agreed advice or consent term may be paused, legal-rules (d)2.
    expect(rule.clockCanStop).toBe(id === 'advice_response_term' || id === 'consent_response_term');
  });

  it('lists exactly the eleven rules, each with a snake_case id and a source', () => {
    expect(DEADLINE_RULE_IDS).toHaveLength(11);
    for (const id of DEADLINE_RULE_IDS) {
      expect(id).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(DEADLINE_RULES[id].source.trim()).not.toBe('');
      expect(typeof DEADLINE_RULES[id].statutory).toBe('boolean');
    }
  });

  it.each<[DeadlineRuleId, TermLength]>([
    ['consultation_meeting_term', { weeks: 2 }],
    ['suspension_term', { months: 1 }],
    ['appeal_term', { months: 1 }],
    ['nullity_term', { months: 1 }],
    ['advice_response_term', { weeks: 6 }],
    ['consent_response_term', { weeks: 6 }],
    ['information_response_term', { workingDays: 10 }],
    ['initiative_response_term', { weeks: 6 }],
    ['employer_decision_sla', { weeks: 2 }],
    ['evaluation_date', { months: 6 }],
    ['training_deadline', { days: -1 }],
  ])('%s runs %j by default', (id, expected) => {
    expect(resolveTermLength(id)).toEqual(expected);
  });

  it('takes agreed lengths from the council but never a statutory one', () => {
    const settings = {
      ...DEFAULT_COUNCIL_TERM_SETTINGS,
      adviceResponseTerm: { weeks: 4 },
      informationResponseTerm: { workingDays: 5 },
    };
    expect(resolveTermLength('advice_response_term', settings)).toEqual({ weeks: 4 });
    expect(resolveTermLength('information_response_term', settings)).toEqual({ workingDays: 5 });
    expect(resolveTermLength('appeal_term', settings)).toEqual({ months: 1 });
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_COUNCIL_TERM_SETTINGS).toEqual({
      adviceResponseTerm: { weeks: 6 },
      consentResponseTerm: { weeks: 6 },
      informationResponseTerm: { workingDays: 10 },
      employerDecisionSla: { weeks: 2 },
      evaluationAfter: { months: 6 },
      stopClockWhileInformationOpen: false,
    });
  });
});

describe('agreed terms and equated days (legal-rules (e)1-2)', () => {
  it('an agreed six-week term ending on Christmas Day is not extended, and is flagged', () => {
    // Friday 13 Nov 2026 + 6 weeks = Friday 25 Dec 2026 (Eerste Kerstdag, ATW art. 3(1)).
    const deadline = computeDeadline({
      ruleId: 'advice_response_term',
      triggerDate: '2026-11-13',
      length: { weeks: 6 },
    });
    expect(deadline).toMatchObject({
      strictDate: '2026-12-25',
      extendedDate: '2026-12-25',
      extended: false,
      agreedTermEndsOnNonWorkingDay: true,
    });
  });

  it('an agreed term ending on a working day is not flagged', () => {
    const deadline = computeDeadline({
      ruleId: 'advice_response_term',
      triggerDate: '2026-03-02',
      length: { weeks: 6 },
    });
    expect(deadline.agreedTermEndsOnNonWorkingDay).toBe(false);
  });

  it('a statutory term is extended over an equated day passed as data, and never flagged', () => {
    // Appeal term from 2026-04-15 ends Friday 15 May; a (hypothetical) equated Friday moves it to Monday 18 May.
    const equatedDays = equatedDates([{ date: '2026-05-15', source: 'test decree' }]);
    const deadline = computeDeadline({
      ruleId: 'appeal_term',
      triggerDate: '2026-04-15',
      equatedDays,
    });
    expect(deadline).toMatchObject({
      strictDate: '2026-05-15',
      extendedDate: '2026-05-18',
      agreedTermEndsOnNonWorkingDay: false,
    });
  });

  it('no equated day is assumed without a source', () => {
    expect(EQUATED_DAYS).toEqual([]);
  });
});
