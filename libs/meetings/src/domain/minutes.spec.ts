import { meetingWarnings, minutesStatusOf } from './minutes';

describe('minutes lifecycle', () => {
  const circulated = new Date('2026-03-02T09:00:00Z');
  const until = new Date('2026-03-09T09:00:00Z');

  it.each([
    ['never circulated', null, null, '2026-03-20T00:00:00Z', 'draft'],
    ['inside the amendment window', circulated, until, '2026-03-09T08:59:59Z', 'amendment_window'],
    ['at the end of the window', circulated, until, '2026-03-09T09:00:00Z', 'locked'],
    ['after the window', circulated, until, '2026-04-01T00:00:00Z', 'locked'],
  ] as const)('%s: %s', (_what, at, end, now, expected) => {
    expect(
      minutesStatusOf({ minutesCirculatedAt: at, minutesAmendmentsUntil: end }, new Date(now)),
    ).toBe(expected);
  });

  it('warns of a planned meeting that starts in the past, not of a held or future one', () => {
    const now = new Date('2026-03-02T09:00:00Z');
    const past = new Date('2026-03-01T09:00:00Z');
    expect(meetingWarnings({ status: 'planned', startsAt: past }, now)).toEqual([
      'meeting.starts_in_past',
    ]);
    expect(meetingWarnings({ status: 'held', startsAt: past }, now)).toEqual([]);
    expect(
      meetingWarnings({ status: 'planned', startsAt: new Date('2026-03-03T09:00:00Z') }, now),
    ).toEqual([]);
  });
});
