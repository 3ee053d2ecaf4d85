import { createHash, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import type { Actor } from '@wc/auth';
import { APP_CONFIG, type AppConfig } from '@wc/config';
import { Clock, NotFound } from '@wc/core';

import { CalendarFeedRepository, type FeedDeadline } from './calendar-feed.repository';
import {
  type CalendarEntry,
  caseLink,
  formatDate,
  type Language,
  renderCalendar,
  ruleLabel,
} from './domain';
import type { CalendarFeedCreatedResponse, CalendarFeedResponse } from './notifications.dto';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** 32 random bytes, base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const TEXTS = {
  nl: {
    calendar: 'Overleg – termijnen',
    lastDay: 'Laatste dag van de termijn (tot einde van de dag).',
    fatal: 'Fatale termijn.',
    extended: (d: string) => `Algemene termijnenwet: uiterlijk ${d}.`,
    category: 'Termijn',
    fatalCategory: 'Fatale termijn',
  },
  en: {
    calendar: 'Overleg – deadlines',
    lastDay: 'Last day of the term (until end of day).',
    fatal: 'Fatal term.',
    extended: (d: string) => `General Time Limits Act: at the latest ${d}.`,
    category: 'Deadline',
    fatalCategory: 'Fatal deadline',
  },
} as const;

/**
 * A personal iCalendar feed behind a secret, revocable URL. Only the token's hash is stored; a
 * new token replaces the old, and revoking deletes it, so an old URL stops working at once.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly feeds: CalendarFeedRepository,
  ) {}

  async status(actor: Actor): Promise<CalendarFeedResponse> {
    const createdAt = await this.feeds.createdAt(actor.userId);
    return { active: createdAt !== null, createdAt: createdAt?.toISOString() ?? null };
  }

  async rotate(actor: Actor): Promise<CalendarFeedCreatedResponse> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.feeds.replace(actor.userId, sha256(token), now);
    const url = `${this.appUrl()}/calendar/${token}.ics`;
    return { url, webcalUrl: url.replace(/^https?:/, 'webcal:'), createdAt: now.toISOString() };
  }

  async revoke(actor: Actor): Promise<void> {
    await this.feeds.remove(actor.userId);
  }

  /** The feed for a token; an unknown, revoked or malformed token is simply not found. */
  async render(token: string): Promise<string> {
    const owner = TOKEN.test(token) ? await this.feeds.ownerOf(sha256(token)) : null;
    if (!owner) {
      throw new NotFound('calendar_feed');
    }
    const deadlines = await this.feeds.openDeadlinesOf(owner.userId);
    const t = TEXTS[owner.language];
    return renderCalendar({
      name: t.calendar,
      generatedAt: this.clock.now(),
      entries: deadlines.map((d) => this.entry(d, owner.language)),
    });
  }

  private entry(deadline: FeedDeadline, language: Language): CalendarEntry {
    const t = TEXTS[language];
    const label = ruleLabel(deadline.ruleId, language);
    const url = caseLink(this.appUrl(), deadline.caseId);
    const description = [
      t.lastDay,
      ...(deadline.fatal ? [t.fatal] : []),
      ...(deadline.statutory && deadline.extendedDate !== deadline.strictDate
        ? [t.extended(formatDate(deadline.extendedDate, language))]
        : []),
      url,
    ].join('\n');
    return {
      uid: `deadline-${deadline.id}@${this.host()}`,
      sequence: deadline.sequence,
      lastModified: deadline.lastModified,
      date: deadline.strictDate,
      summary: deadline.caseTitle ? `${label} – ${deadline.caseTitle}` : label,
      description,
      url,
      categories: [deadline.fatal ? t.fatalCategory : t.category],
    };
  }

  private appUrl(): string {
    return this.config.app.publicUrl.replace(/\/+$/, '');
  }

  private host(): string {
    try {
      return new URL(this.config.app.publicUrl).hostname || 'overleg.local';
    } catch {
      return 'overleg.local';
    }
  }
}
