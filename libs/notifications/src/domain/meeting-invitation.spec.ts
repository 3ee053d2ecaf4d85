import ICAL from 'ical.js';

import type { MeetingInvitation } from '@wc/contracts';

import { renderMeetingInvitation } from './meeting-invitation';

const INVITATION: MeetingInvitation = {
  meetingId: '7f1c1f8e-2a51-4d3c-9f0e-0b6a3d2c1e90',
  kind: 'consultation',
  status: 'planned',
  version: 3,
  method: 'REQUEST',
  sequence: 2,
  recipientIds: ['a'],
  title: 'Overlegvergadering, maart; agenda',
  startsAt: '2026-03-05T13:00:00.000Z',
  endsAt: '2026-03-05T14:30:00.000Z',
  location: 'Zaal 2',
};

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, event };
}

describe('meeting invitation (ICS through ical.js)', () => {
  const render = (invitation: MeetingInvitation, language: 'nl' | 'en' = 'nl') =>
    renderMeetingInvitation(
      invitation,
      { email: 'lid@example.test', language },
      { email: 'overleg@example.test' },
      { appUrl: 'https://overleg.test' },
      new Date('2026-03-02T09:00:00Z'),
      'overleg.test',
    );

  it('writes a REQUEST that a calendar library reads back: UID, SEQUENCE, times, attendee', () => {
    const mail = render(INVITATION);
    const { calendar, event } = parse(mail.ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.getFirstPropertyValue('uid')).toBe(`meeting-${INVITATION.meetingId}@overleg.test`);
    expect(event.getFirstPropertyValue('sequence')).toBe(2);
    expect(String(event.getFirstPropertyValue('summary'))).toBe(INVITATION.title);
    const vevent = new ICAL.Event(event);
    expect(vevent.startDate.toJSDate().toISOString()).toBe(INVITATION.startsAt);
    expect(vevent.endDate.toJSDate().toISOString()).toBe(INVITATION.endsAt);
    expect(event.getFirstPropertyValue('attendee')).toBe('mailto:lid@example.test');
    expect(mail.ics).toContain('\r\n');
    expect(mail.subject).toBe('Gewijzigde uitnodiging: Overlegvergadering, maart; agenda');
    expect(mail.text).toContain('https://overleg.test/meetings/');
  });

  it('writes a CANCEL with the same UID, in the recipient language', () => {
    const mail = render({ ...INVITATION, method: 'CANCEL', sequence: 3 }, 'en');
    const { calendar, event } = parse(mail.ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('sequence')).toBe(3);
    expect(mail.subject).toBe('Cancelled: Overlegvergadering, maart; agenda');
  });

  it('calls a first invitation an invitation', () => {
    expect(render({ ...INVITATION, sequence: 0 }).subject).toBe(
      'Uitnodiging: Overlegvergadering, maart; agenda',
    );
  });
});
