import ICAL from 'ical.js';

import { escapeText, fold, renderCalendar } from './ics';

describe('iCalendar writer', () => {
  const feed = {
    name: 'Overleg – termijnen',
    generatedAt: new Date('2026-03-02T09:00:00Z'),
    entries: [
      {
        uid: 'deadline-1@overleg.example',
        sequence: 2,
        lastModified: new Date('2026-03-01T10:00:00Z'),
        date: '2026-03-31',
        summary:
          "Beroepstermijn Ondernemingskamer (art. 26 WOR) – Zaak; met, komma's en een heel lange titel die zeker over de vijfenzeventig octetten heen gaat: één twee drie",
        description: 'Laatste dag.\nFatale termijn.\nhttps://overleg.example/cases/1',
        url: 'https://overleg.example/cases/1',
        categories: ['Fatale termijn'],
      },
    ],
  };

  it('writes CRLF lines of at most 75 octets', () => {
    const text = renderCalendar(feed);
    expect(text.endsWith('\r\n')).toBe(true);
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
  });

  it('parses with ical.js, round-tripping text, dates, uid and sequence', () => {
    const component = new ICAL.Component(ICAL.parse(renderCalendar(feed)));
    const [vevent] = component.getAllSubcomponents('vevent');
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe('deadline-1@overleg.example');
    expect(event.summary).toBe(feed.entries[0].summary);
    expect(event.description).toBe(feed.entries[0].description);
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-03-31');
    expect(event.endDate.toString()).toBe('2026-04-01');
    expect(event.sequence).toBe(2);
    expect(component.getFirstPropertyValue('version')).toBe('2.0');
    expect(component.getFirstPropertyValue('prodid')).toBeTruthy();
  });

  it('escapes TEXT values (RFC 5545 3.3.11)', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('never splits a multi-byte character when folding', () => {
    const folded = fold(`SUMMARY:${'é'.repeat(80)}`);
    const unfolded = folded.replace(/\r\n /g, '');
    expect(unfolded).toBe(`SUMMARY:${'é'.repeat(80)}`);
    expect(folded.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
  });
});
