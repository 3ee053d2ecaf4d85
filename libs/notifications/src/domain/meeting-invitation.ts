import ICAL from 'ical.js';

import type { MeetingInvitation } from '@wc/contracts';

import { AMSTERDAM } from './amsterdam-time';
import type { MailLinks, RenderedMail } from './mail-templates';
import { escapeHtml } from './mail-templates';

type Language = 'nl' | 'en';

/** What one recipient's invitation e-mail carries: the text and the iCalendar object. */
export interface RenderedInvitation extends RenderedMail {
  readonly ics: string;
  readonly method: MeetingInvitation['method'];
}

const TEXTS = {
  nl: {
    requestSubject: (title: string, first: boolean) =>
      `${first ? 'Uitnodiging' : 'Gewijzigde uitnodiging'}: ${title}`,
    cancelSubject: (title: string) => `Geannuleerd: ${title}`,
    request: (title: string, when: string, where: string, first: boolean) =>
      `${first ? 'U bent uitgenodigd voor' : 'De uitnodiging is gewijzigd voor'} "${title}" op ${when}${where ? `, ${where}` : ''}. De uitnodiging zit als agenda-item (ICS) bij dit bericht.`,
    cancel: (title: string, when: string) =>
      `"${title}" op ${when} gaat niet door, of u staat niet meer op de lijst van deelnemers. Uw agenda kan het item verwijderen met de bijlage (ICS).`,
    open: 'Bekijk de vergadering',
    locale: 'nl-NL',
  },
  en: {
    requestSubject: (title: string, first: boolean) =>
      `${first ? 'Invitation' : 'Updated invitation'}: ${title}`,
    cancelSubject: (title: string) => `Cancelled: ${title}`,
    request: (title: string, when: string, where: string, first: boolean) =>
      `${first ? 'You are invited to' : 'The invitation was updated for'} "${title}" on ${when}${where ? `, ${where}` : ''}. The invitation is attached as a calendar entry (ICS).`,
    cancel: (title: string, when: string) =>
      `"${title}" on ${when} does not take place, or you are no longer on its list of attendees. Your calendar can remove the entry with the attachment (ICS).`,
    open: 'Open the meeting',
    locale: 'en-GB',
  },
} as const;

/**
 * One attendee's invitation (RFC 5545 / 5546 iTIP), built with ical.js: METHOD:REQUEST for a new
 * or moved meeting, METHOD:CANCEL when it is called off or the attendee taken off the list. The
 * UID is the meeting's, so each revision (a higher SEQUENCE) replaces the entry in the calendar.
 */
export function renderMeetingInvitation(
  invitation: MeetingInvitation,
  attendee: { email: string; language: Language },
  organizer: { email: string },
  links: MailLinks,
  issuedAt: Date,
  domain: string,
): RenderedInvitation {
  const texts = TEXTS[attendee.language];
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('prodid', '-//Overleg//Meetings//NL');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', invitation.method);
  const event = new ICAL.Component('vevent');
  event.addPropertyWithValue('uid', `meeting-${invitation.meetingId}@${domain}`);
  event.addPropertyWithValue('sequence', invitation.sequence);
  event.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(issuedAt, true));
  event.addPropertyWithValue('dtstart', ICAL.Time.fromJSDate(new Date(invitation.startsAt), true));
  event.addPropertyWithValue('dtend', ICAL.Time.fromJSDate(new Date(invitation.endsAt), true));
  event.addPropertyWithValue('summary', invitation.title);
  if (invitation.location) {
    event.addPropertyWithValue('location', invitation.location);
  }
  const url = `${links.appUrl}/meetings/${invitation.meetingId}`;
  event.addPropertyWithValue('url', url);
  event.addPropertyWithValue('status', invitation.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED');
  const organizerProperty = event.addPropertyWithValue('organizer', `mailto:${organizer.email}`);
  organizerProperty.setParameter('cn', 'Overleg');
  const attendeeProperty = event.addPropertyWithValue('attendee', `mailto:${attendee.email}`);
  attendeeProperty.setParameter('role', 'REQ-PARTICIPANT');
  attendeeProperty.setParameter('partstat', 'NEEDS-ACTION');
  attendeeProperty.setParameter('rsvp', 'FALSE');
  calendar.addSubcomponent(event);

  const when = new Intl.DateTimeFormat(texts.locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: AMSTERDAM,
  }).format(new Date(invitation.startsAt));
  const first = invitation.sequence === 0;
  const subject =
    invitation.method === 'CANCEL'
      ? texts.cancelSubject(invitation.title)
      : texts.requestSubject(invitation.title, first);
  const body =
    invitation.method === 'CANCEL'
      ? texts.cancel(invitation.title, when)
      : texts.request(invitation.title, when, invitation.location, first);
  return {
    subject,
    text: `${body}\n\n${texts.open}: ${url}\n`,
    html: `<p>${escapeHtml(body)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(texts.open)}</a></p>`,
    ics: calendar.toString() + '\r\n',
    method: invitation.method,
  };
}
