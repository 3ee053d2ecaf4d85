/** An all-day calendar entry, e.g. the last day of a term. */
export interface CalendarEntry {
  /** Stable across feed refreshes, so a moved deadline replaces its event instead of adding one. */
  readonly uid: string;
  /** Raised whenever the entry changes (RFC 5545 3.8.7.4). */
  readonly sequence: number;
  readonly lastModified: Date;
  /** `yyyy-MM-dd`. */
  readonly date: string;
  readonly summary: string;
  readonly description: string;
  readonly url: string;
  readonly categories: readonly string[];
}

export interface CalendarFeed {
  readonly name: string;
  /** DTSTAMP of every event: when this feed was produced. */
  readonly generatedAt: Date;
  readonly entries: readonly CalendarEntry[];
}

const CRLF = '\r\n';

/**
 * Writes an RFC 5545 iCalendar object: CRLF line ends, content lines folded at 75 octets without
 * splitting a UTF-8 character, TEXT values escaped (3.3.11), all-day events as DATE values with
 * an exclusive DTEND.
 */
export function renderCalendar(feed: CalendarFeed): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Overleg//Deadlines//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(feed.name)}`,
    'X-PUBLISHED-TTL:PT1H',
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
  ];
  const stamp = utcStamp(feed.generatedAt);
  for (const entry of feed.entries) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(entry.uid)}`,
      `DTSTAMP:${stamp}`,
      `LAST-MODIFIED:${utcStamp(entry.lastModified)}`,
      `SEQUENCE:${Math.max(0, Math.trunc(entry.sequence))}`,
      `DTSTART;VALUE=DATE:${basicDate(entry.date)}`,
      `DTEND;VALUE=DATE:${basicDate(nextDay(entry.date))}`,
      `SUMMARY:${escapeText(entry.summary)}`,
      `DESCRIPTION:${escapeText(entry.description)}`,
      `URL:${entry.url}`,
      ...(entry.categories.length > 0
        ? [`CATEGORIES:${entry.categories.map(escapeText).join(',')}`]
        : []),
      'TRANSP:TRANSPARENT',
      'STATUS:CONFIRMED',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}

export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line into chunks of at most 75 octets; continuation lines start with a space. */
export function fold(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) {
    return line;
  }
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // the leading space counts on continuation lines
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function basicDate(date: string): string {
  return date.replace(/-/g, '');
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
