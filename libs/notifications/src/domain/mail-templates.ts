import { AMSTERDAM_TIME_ZONE } from '@wc/core';

import { type CaseEventFacts, describeCaseEvent } from './case-events';
import type { DeadlineNotificationType } from './preferences';
import { type Language, ruleLabel } from './rule-labels';

/**
 * What a deadline notification says. Deliberately small: rule, dates and the case title only.
 * WOR art. 20 confidentiality: no document contents, positions or notes ever go into e-mail, so
 * nothing else is even passed in.
 */
export interface DeadlineFacts {
  readonly type: DeadlineNotificationType;
  readonly ruleId: string;
  readonly caseId: string | null;
  readonly caseTitle: string | null;
  readonly strictDate: string;
  readonly extendedDate: string;
  readonly statutory: boolean;
  readonly fatal: boolean;
  /** Calendar days from the day the notification was made to the strict date. */
  readonly daysLeft: number;
  readonly late: boolean;
  /** When the reminder was due, for the late notice. */
  readonly reminderDueAt: string;
}

/**
 * What a mention notification says: who, and on which case. Never the comment itself: the thread
 * may be confidential (WOR art. 20) or the union's, and e-mail leaves our hands.
 */
export interface MentionFacts {
  readonly type: 'mention';
  readonly caseId: string;
  readonly caseTitle: string | null;
  /** The display name of whoever mentioned the user; null if unknown. */
  readonly actorName: string | null;
}

export type NotificationFacts = DeadlineFacts | MentionFacts | CaseEventFacts;

export interface MailLinks {
  /** The app's public base URL, without trailing slash. */
  readonly appUrl: string;
}

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const TEXTS = {
  nl: {
    greeting: 'Goedendag,',
    inCase: (title: string) => ` in de zaak "${title}"`,
    when: (days: number) => (days === 0 ? 'vandaag' : days === 1 ? 'morgen' : `over ${days} dagen`),
    reminderSubject: (label: string, when: string) => `Herinnering: ${label} verloopt ${when}`,
    reminderBody: (label: string, inCase: string, when: string, date: string) =>
      `De termijn "${label}"${inCase} verloopt ${when}, op ${date} (einde van de dag).`,
    overdueSubject: (label: string) => `Termijn verstreken: ${label}`,
    overdueBody: (label: string, inCase: string, date: string) =>
      `De termijn "${label}"${inCase} is verstreken op ${date} en staat nog open.`,
    escalationSubject: (label: string, when: string) =>
      `Escalatie fatale termijn: ${label} verloopt ${when}`,
    escalationBody: (label: string, inCase: string, when: string, date: string) =>
      `Fatale termijn: "${label}"${inCase} verloopt ${when}, op ${date} (einde van de dag). U ontvangt deze escalatie als voorzitter van de ondernemingsraad of HR-manager.`,
    fatal:
      'Dit is een fatale termijn: wie hem laat verlopen, verliest het recht (bijvoorbeeld op beroep of op het inroepen van nietigheid).',
    extended: (date: string) =>
      `Voor deze wettelijke termijn kan de Algemene termijnenwet de laatste dag verschuiven naar ${date}.`,
    late: (at: string) =>
      `Deze melding had op ${at} verstuurd moeten worden en komt later, omdat de verwerking tijdelijk onderbroken was.`,
    latePrefix: '[Vertraagd] ',
    open: 'Bekijk de zaak',
    openApp: 'Open Overleg',
    footer: 'U ontvangt dit bericht omdat u bij deze termijn betrokken bent. Meldingen instellen:',
    digestSubject: (count: number, date: string) =>
      `Overleg: dagoverzicht van ${date} (${count} ${count === 1 ? 'melding' : 'meldingen'})`,
    digestIntro: (count: number) =>
      `Dit is uw dagelijkse overzicht met ${count} ${count === 1 ? 'melding' : 'meldingen'}:`,
    digestFooter:
      'U ontvangt dit overzicht omdat u e-mailmeldingen één keer per dag gebundeld ontvangt. Meldingen instellen:',
    someone: 'Iemand',
    mentionSubject: (actor: string) => `${actor} heeft u genoemd in een discussie`,
    termStarted: (rule: string, date: string, fatal: boolean) =>
      `${rule}: tot en met ${date}.${fatal ? ' Dit is een fatale termijn: wie hem mist, verliest het recht.' : ''}`,
    mentionBody: (actor: string, inCase: string) =>
      `${actor} heeft u genoemd in een discussie${inCase}. Open de discussie in Overleg om de reactie te lezen.`,
    openDiscussion: 'Open de discussie',
    caseEventFooter:
      'U ontvangt dit bericht omdat deze gebeurtenis in een zaak u aangaat. Meldingen instellen:',
    mentionFooter:
      'U ontvangt dit bericht omdat iemand u noemde in een discussie. Meldingen instellen:',
    locale: 'nl-NL',
  },
  en: {
    greeting: 'Hello,',
    inCase: (title: string) => ` in the case "${title}"`,
    when: (days: number) => (days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`),
    reminderSubject: (label: string, when: string) => `Reminder: ${label} ends ${when}`,
    reminderBody: (label: string, inCase: string, when: string, date: string) =>
      `The term "${label}"${inCase} ends ${when}, on ${date} (end of day).`,
    overdueSubject: (label: string) => `Term expired: ${label}`,
    overdueBody: (label: string, inCase: string, date: string) =>
      `The term "${label}"${inCase} expired on ${date} and is still open.`,
    escalationSubject: (label: string, when: string) =>
      `Escalation, fatal term: ${label} ends ${when}`,
    escalationBody: (label: string, inCase: string, when: string, date: string) =>
      `Fatal term: "${label}"${inCase} ends ${when}, on ${date} (end of day). You receive this escalation as works council chair or HR manager.`,
    fatal:
      'This is a fatal term: letting it expire loses the right for good (for example to appeal or to invoke nullity).',
    extended: (date: string) =>
      `For this statutory term the General Time Limits Act (Algemene termijnenwet) may move the last day to ${date}.`,
    late: (at: string) =>
      `This notification was due on ${at} and is sent late because processing was interrupted.`,
    latePrefix: '[Delayed] ',
    open: 'Open the case',
    openApp: 'Open Overleg',
    footer: 'You receive this message because this term concerns you. Notification settings:',
    digestSubject: (count: number, date: string) =>
      `Overleg: daily digest for ${date} (${count} ${count === 1 ? 'notification' : 'notifications'})`,
    digestIntro: (count: number) =>
      `This is your daily digest with ${count} ${count === 1 ? 'notification' : 'notifications'}:`,
    digestFooter:
      'You receive this digest because you chose to get e-mail notifications bundled once a day. Notification settings:',
    someone: 'Someone',
    mentionSubject: (actor: string) => `${actor} mentioned you in a discussion`,
    termStarted: (rule: string, date: string, fatal: boolean) =>
      `${rule}: up to and including ${date}.${fatal ? ' This is a fatal term: missing it loses the right.' : ''}`,
    mentionBody: (actor: string, inCase: string) =>
      `${actor} mentioned you in a discussion${inCase}. Open the discussion in Overleg to read the comment.`,
    openDiscussion: 'Open the discussion',
    caseEventFooter:
      'You receive this message because this event in a case concerns you. Notification settings:',
    mentionFooter:
      'You receive this message because someone mentioned you in a discussion. Notification settings:',
    locale: 'en-GB',
  },
} as const;

export function formatDate(date: string, language: Language): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(TEXTS[language].locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

function formatInstant(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(TEXTS[language].locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: AMSTERDAM_TIME_ZONE,
  }).format(new Date(iso));
}

export const caseLink = (appUrl: string, caseId: string | null) =>
  caseId ? `${appUrl}/cases/${caseId}` : appUrl;
export const preferencesLink = (appUrl: string) => `${appUrl}/settings/notifications`;

/** The app path a notification leads to: the case, or for a mention the case's discussion. */
export function notificationPath(facts: NotificationFacts): string {
  if ('path' in facts) {
    return facts.path;
  }
  if (!facts.caseId) {
    return '/';
  }
  return facts.type === 'mention' ? `/cases/${facts.caseId}/discussion` : `/cases/${facts.caseId}`;
}

const linkOf = (appUrl: string, facts: NotificationFacts) =>
  facts.caseId || 'path' in facts ? `${appUrl}${notificationPath(facts)}` : appUrl;

/** Subject and paragraphs of one notification, shared by the single mail, the digest and the inbox. */
export function describeNotification(
  facts: NotificationFacts,
  language: Language,
): { subject: string; paragraphs: string[] } {
  const t = TEXTS[language];
  if ('path' in facts) {
    const described = describeCaseEvent(facts, language);
    // Where the event starts a term, the text says until when.
    const terms = (facts.terms ?? []).map((term) =>
      t.termStarted(
        ruleLabel(term.ruleId, language),
        formatDate(term.strictDate, language),
        term.fatal,
      ),
    );
    return { subject: described.subject, paragraphs: [...described.paragraphs, ...terms] };
  }
  if (facts.type === 'mention') {
    const actor = facts.actorName ?? t.someone;
    const subject = t.mentionSubject(actor);
    return {
      subject: facts.caseTitle ? `${subject} – ${facts.caseTitle}` : subject,
      paragraphs: [t.mentionBody(actor, facts.caseTitle ? t.inCase(facts.caseTitle) : '')],
    };
  }
  const label = ruleLabel(facts.ruleId, language);
  const inCase = facts.caseTitle ? t.inCase(facts.caseTitle) : '';
  const date = formatDate(facts.strictDate, language);
  const when = t.when(Math.max(0, facts.daysLeft));
  const paragraphs: string[] = [];
  let subject: string;
  const type = facts.type;
  switch (type) {
    case 'deadline.reminder':
      subject = t.reminderSubject(label, when);
      paragraphs.push(t.reminderBody(label, inCase, when, date));
      break;
    case 'deadline.escalation':
      subject = t.escalationSubject(label, when);
      paragraphs.push(t.escalationBody(label, inCase, when, date));
      break;
    case 'deadline.overdue':
      subject = t.overdueSubject(label);
      paragraphs.push(t.overdueBody(label, inCase, date));
      break;
    default:
      return assertNever(type);
  }
  if (facts.fatal) {
    paragraphs.push(t.fatal);
  }
  if (
    facts.statutory &&
    facts.extendedDate !== facts.strictDate &&
    facts.type !== 'deadline.reminder'
  ) {
    paragraphs.push(t.extended(formatDate(facts.extendedDate, language)));
  }
  if (facts.late) {
    subject = `${t.latePrefix}${subject}`;
    paragraphs.push(t.late(formatInstant(facts.reminderDueAt, language)));
  }
  if (facts.caseTitle) {
    subject = `${subject} – ${facts.caseTitle}`;
  }
  return { subject, paragraphs };
}

export function renderNotificationMail(
  facts: NotificationFacts,
  language: Language,
  links: MailLinks,
): RenderedMail {
  const t = TEXTS[language];
  const { subject, paragraphs } = describeNotification(facts, language);
  const url = linkOf(links.appUrl, facts);
  const open = facts.type === 'mention' ? t.openDiscussion : facts.caseId ? t.open : t.openApp;
  const footer =
    facts.type === 'mention' ? t.mentionFooter : 'path' in facts ? t.caseEventFooter : t.footer;
  const prefs = preferencesLink(links.appUrl);
  const text = [
    t.greeting,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    `${open}: ${url}`,
    '',
    '--',
    `${footer} ${prefs}`,
    '',
  ].join('\n');
  const html = htmlDocument(subject, [
    `<p>${escapeHtml(t.greeting)}</p>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(url)}">${escapeHtml(open)}</a></p>`,
    `<hr><p style="color:#666;font-size:12px">${escapeHtml(footer)} <a href="${escapeHtml(prefs)}">${escapeHtml(prefs)}</a></p>`,
  ]);
  return { subject, text, html };
}

export function renderDigestMail(
  items: readonly NotificationFacts[],
  digestDate: string,
  language: Language,
  links: MailLinks,
): RenderedMail {
  const t = TEXTS[language];
  const subject = t.digestSubject(items.length, formatDate(digestDate, language));
  const described = items.map((facts) => ({
    ...describeNotification(facts, language),
    url: linkOf(links.appUrl, facts),
  }));
  const prefs = preferencesLink(links.appUrl);
  const text = [
    t.greeting,
    '',
    t.digestIntro(items.length),
    '',
    ...described.flatMap((d) => [`- ${d.subject}`, `  ${d.paragraphs[0]}`, `  ${d.url}`, '']),
    '--',
    `${t.digestFooter} ${prefs}`,
    '',
  ].join('\n');
  const html = htmlDocument(subject, [
    `<p>${escapeHtml(t.greeting)}</p>`,
    `<p>${escapeHtml(t.digestIntro(items.length))}</p>`,
    `<ul>${described.map((d) => `<li><a href="${escapeHtml(d.url)}">${escapeHtml(d.subject)}</a><br>${escapeHtml(d.paragraphs[0])}</li>`).join('')}</ul>`,
    `<hr><p style="color:#666;font-size:12px">${escapeHtml(t.digestFooter)} <a href="${escapeHtml(prefs)}">${escapeHtml(prefs)}</a></p>`,
  ]);
  return { subject, text, html };
}

function htmlDocument(title: string, body: string[]): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;line-height:1.5">${body.join('')}</body></html>`;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function assertNever(value: never): never {
  throw new Error(`unhandled notification type ${String(value)}`);
}
