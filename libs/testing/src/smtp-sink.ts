import { SMTPServer } from 'smtp-server';

import { freePort } from './free-port';

/** A message as the SMTP server received it, decoded enough to assert on. */
export interface ReceivedMail {
  to: string[];
  raw: string;
  headers: Map<string, string>;
  subject: string;
  messageId: string;
  text: string;
  html: string;
  /** The iCalendar part (text/calendar) of a meeting invitation, '' when there is none. */
  calendar: string;
  /** The `method` parameter of that part's Content-Type (REQUEST, CANCEL), '' when there is none. */
  calendarMethod: string;
}

/**
 * A real SMTP server (the `smtp-server` package) in the test process, on a free loopback port.
 * It keeps what it receives and can refuse the next N messages with a temporary 451, so tests see
 * retries happen.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private refuseNext = 0;
  refused = 0;

  private server!: SMTPServer;

  private constructor(readonly url: string) {}

  static async start(): Promise<SmtpSink> {
    const port = await freePort();
    const sink = new SmtpSink(`smtp://127.0.0.1:${port}`);
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (sink.refuseNext > 0) {
            sink.refuseNext--;
            sink.refused++;
            const error = new Error('Mailbox busy, try again later') as Error & {
              responseCode: number;
            };
            error.responseCode = 451;
            callback(error);
            return;
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          sink.messages.push({
            ...parseMessage(raw),
            to: session.envelope.rcptTo.map((r) => r.address),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    sink.server = server;
    return sink;
  }

  refuse(count: number): void {
    this.refuseNext = count;
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(address));
  }

  /** Polls (no fixed sleep) until `count` messages arrived in total, or fails after `timeoutMs`. */
  async waitForCount(count: number, timeoutMs = 15_000): Promise<ReceivedMail[]> {
    await waitUntil(
      () => this.messages.length >= count,
      timeoutMs,
      () => `expected ${count} e-mails, got ${this.messages.length}`,
    );
    return this.messages;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Bounded polling for asynchronous completion. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  describe: () => string = () => 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for: ${describe()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function parseMessage(raw: string): Omit<ReceivedMail, 'to'> {
  const part = parsePart(raw);
  const leaves = flatten(part);
  const headers = part.headers;
  const calendarPart = leaves.find((l) => l.type === 'text/calendar');
  return {
    raw,
    headers,
    subject: decodeWords(headers.get('subject') ?? ''),
    messageId: headers.get('message-id') ?? '',
    text: leaves.find((l) => l.type === 'text/plain')?.body ?? '',
    html: leaves.find((l) => l.type === 'text/html')?.body ?? '',
    calendar: calendarPart?.body ?? '',
    calendarMethod:
      /method=["']?([A-Za-z]+)/i.exec(calendarPart?.headers.get('content-type') ?? '')?.[1] ?? '',
  };
}

interface Part {
  headers: Map<string, string>;
  type: string;
  body: string;
  children: Part[];
}

function parsePart(raw: string): Part {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
  }
  const contentType = headers.get('content-type') ?? 'text/plain';
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1] ?? '';
    const children = body
      .split(`--${boundary}`)
      .slice(1)
      .filter((chunk) => !chunk.startsWith('--'))
      .map((chunk) => parsePart(chunk.replace(/^\r?\n/, '')));
    return { headers, type, body: '', children };
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const decoded =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  return { headers, type, body: decoded.replace(/\r\n/g, '\n'), children: [] };
}

function flatten(part: Part): Part[] {
  return part.children.length > 0 ? part.children.flatMap(flatten) : [part];
}

function decodeQuotedPrintable(body: string): string {
  const unwrapped = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < unwrapped.length; i++) {
    if (unwrapped[i] === '=' && /^[0-9A-F]{2}$/i.test(unwrapped.slice(i + 1, i + 3))) {
      bytes.push(parseInt(unwrapped.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(unwrapped[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words, e.g. `=?UTF-8?Q?Herinnering=3A_=E2=80=93?=`. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
      (_m, _charset: string, encoding: string, text: string) =>
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}
