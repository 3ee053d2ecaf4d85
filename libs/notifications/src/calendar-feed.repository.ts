import { Injectable } from '@nestjs/common';

import { AudienceDirectory, type ToldDeadline } from '@wc/access';
import { TransactionHost } from '@wc/database';

/** An open deadline of a feed, with its calendar sequence and last change (its reminder plan). */
export type FeedDeadline = Omit<ToldDeadline, 'createdAt'> & {
  sequence: number;
  lastModified: Date;
};

/** Most a feed lists; far beyond any organisation's open terms. */
const FEED_LIMIT = 2000;

/** Calendar feed tokens (hashes only) and the deadlines a feed shows. */
@Injectable()
export class CalendarFeedRepository {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audiences: AudienceDirectory,
  ) {}

  async ownerOf(tokenHash: string): Promise<{ userId: string; language: 'nl' | 'en' } | null> {
    const [row] = await this.tx.manager.query<Array<{ user_id: string }>>(
      `SELECT user_id FROM calendar_feed WHERE token_hash = $1`,
      [tokenHash],
    );
    const [owner] = row ? await this.audiences.people([row.user_id]) : [];
    return owner ? { userId: owner.userId, language: owner.language } : null;
  }

  async createdAt(userId: string): Promise<Date | null> {
    const [row] = await this.tx.manager.query<Array<{ created_at: Date }>>(
      `SELECT created_at FROM calendar_feed WHERE user_id = $1`,
      [userId],
    );
    return row?.created_at ?? null;
  }

  /** One feed per user: a new token replaces (and so revokes) the old one. */
  async replace(userId: string, tokenHash: string, now: Date): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO calendar_feed (user_id, token_hash, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at`,
      [userId, tokenHash, now],
    );
  }

  async remove(userId: string): Promise<void> {
    await this.tx.manager.query(`DELETE FROM calendar_feed WHERE user_id = $1`, [userId]);
  }

  /**
   * The open deadlines a user is told about (@wc/access: the audience of the reminders), with
   * each one's calendar sequence and last change from its reminder plan.
   */
  async openDeadlinesOf(userId: string): Promise<FeedDeadline[]> {
    const deadlines = await this.audiences.deadlinesToldTo(userId, FEED_LIMIT);
    if (deadlines.length === 0) {
      return [];
    }
    const plans = new Map(
      (
        await this.tx.manager.query<
          Array<{ deadline_id: string; sequence: number; planned_at: Date }>
        >(
          `SELECT deadline_id, sequence, planned_at FROM reminder_plan WHERE deadline_id = ANY($1::uuid[])`,
          [deadlines.map((d) => d.id)],
        )
      ).map((p) => [p.deadline_id, p]),
    );
    return deadlines.map(({ createdAt, ...d }) => {
      const plan = plans.get(d.id);
      return {
        ...d,
        sequence: plan?.sequence ?? 0,
        lastModified: plan?.planned_at ?? createdAt,
      };
    });
  }
}
