import {
  CASE_EVENT_RULES,
  CASE_EVENT_TYPES,
  caseEventPath,
  describeCaseEvent,
  positionOf,
} from './case-events';
import { DEFAULT_PREFERENCES, preferencesFrom, storedChannels } from './preferences';

describe('case-event catalogue', () => {
  it.each(CASE_EVENT_TYPES.map((type) => [type]))(
    '%s has a text in both languages without case contents',
    (type) => {
      for (const language of ['nl', 'en'] as const) {
        const { subject, paragraphs } = describeCaseEvent(
          { type, caseId: 'c', caseTitle: 'Zaak X', path: '/cases/c' },
          language,
        );
        expect(subject).toMatch(/ – Zaak X$/);
        expect(paragraphs).toHaveLength(1);
      }
      expect(
        describeCaseEvent({ type, caseId: null, caseTitle: null, path: '/' }, 'nl').subject,
      ).not.toContain('–');
    },
  );

  it('defaults: in the inbox; e-mail at once for must-act types, the digest for the others', () => {
    for (const type of CASE_EVENT_TYPES) {
      expect(DEFAULT_PREFERENCES.caseEvents[type]).toEqual({
        inApp: true,
        email: CASE_EVENT_RULES[type].mustAct ? 'immediate' : 'digest',
      });
    }
  });

  it('reads stored choices over the defaults and keeps them apart from the older channels', () => {
    const stored = storedChannels({
      ...DEFAULT_PREFERENCES,
      caseEvents: {
        ...DEFAULT_PREFERENCES.caseEvents,
        'case.sent': { inApp: false, email: 'off' },
      },
    });
    const read = preferencesFrom({
      channels: { ...stored, 'meeting.scheduled': { inApp: 'yes', email: 'hourly' } },
      emailDelivery: 'immediate',
      leadDays: null,
    });
    expect(read.caseEvents['case.sent']).toEqual({ inApp: false, email: 'off' });
    expect(read.caseEvents['meeting.scheduled']).toEqual(
      DEFAULT_PREFERENCES.caseEvents['meeting.scheduled'],
    );
    expect(read.channels.mention).toEqual({ inApp: true, email: true });
  });

  it('links to where the event is acted on', () => {
    expect(caseEventPath('case.information_requested', { caseId: 'c' })).toBe(
      '/cases/c/information',
    );
    expect(caseEventPath('meeting.scheduled', { caseId: 'c', meetingId: 'm' })).toBe('/meetings/m');
    expect(caseEventPath('internal.vote_opened', { caseId: 'c' })).toBe('/cases/c/council');
    expect(caseEventPath('union_share.granted', { caseId: null })).toBe('/');
  });
});

describe('a council position in the text', () => {
  it('names the position and counts the conditions, never their text', () => {
    const position = positionOf({
      position: 'conditional',
      conditions: ['Geen normen', 'Evaluatie'],
    });
    expect(position).toEqual({ position: 'conditional', conditions: 2 });
    const facts = {
      type: 'case.council_position_recorded' as const,
      caseId: 'c',
      caseTitle: 'Zaak X',
      path: '/cases/c',
      position: position!,
    };
    expect(describeCaseEvent(facts, 'nl').paragraphs[1]).toBe(
      'Standpunt van de OR: onder voorwaarden, met 2 voorwaarden (zie de zaak).',
    );
    expect(
      describeCaseEvent({ ...facts, position: { position: 'granted', conditions: 0 } }, 'en')
        .paragraphs[1],
    ).toBe("The council's position: consent granted.");
    expect(JSON.stringify(describeCaseEvent(facts, 'nl'))).not.toContain('Geen normen');
    expect(positionOf({ position: 'maybe' })).toBeNull();
  });
});
