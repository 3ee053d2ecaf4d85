import { Injectable } from '@nestjs/common';

import { COUNCIL_ROLES, EMPLOYER_ROLES, Role } from '@wc/auth';
import { TransactionHost } from '@wc/database';

export interface FeedDeadline {
  id: string;
  caseId: string | null;
  caseTitle: string | null;
  ruleId: string;
  strictDate: string;
  extendedDate: string;
  statutory: boolean;
  fatal: boolean;
  sequence: number;
  lastModified: Date;
}

/** Most a feed lists; far beyond any organisation's open terms. */
const FEED_LIMIT = 2000;
const COUNCIL_FEED_ROLES = COUNCIL_ROLES.filter((role) => role !== Role.ExternalExpert);

/** Calendar feed tokens (hashes only) and the deadlines a feed shows. */
@Injectable()
export class CalendarFeedRepository {
  constructor(private readonly tx: TransactionHost) {}

  async ownerOf(tokenHash: string): Promise<{ userId: string; language: 'nl' | 'en' } | null> {
    const [row] = await this.tx.manager.query<Array<{ user_id: string; language: string }>>(
      `SELECT f.user_id, u.language FROM calendar_feed f JOIN app_user u ON u.id = f.user_id WHERE f.token_hash = $1`,
      [tokenHash],
    );
    return row ? { userId: row.user_id, language: row.language === 'en' ? 'en' : 'nl' } : null;
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
   * The open deadlines a user is told about: those of organisations where they act for the
   * employer, and of their works councils once the case is sent (the same audience as reminders);
   * a committee member's only of the cases assigned to their committee.
   */
  async openDeadlinesOf(userId: string): Promise<FeedDeadline[]> {
    const rows = await this.tx.manager.query<Array<Record<string, unknown>>>(
      `WITH mine AS (SELECT role, organisation_id, works_council_id, committee_id FROM membership WHERE user_id = $1)
       SELECT d.id, d.case_id, c.title AS case_title, d.rule_id, d.strict_date::text AS strict_date,
              d.extended_date::text AS extended_date, d.statutory, d.fatal,
              COALESCE(p.sequence, 0) AS sequence, COALESCE(p.planned_at, d.created_at) AS last_modified
         FROM deadline d
         LEFT JOIN ai_case c ON c.id = d.case_id
         LEFT JOIN reminder_plan p ON p.deadline_id = d.id
        WHERE d.status = 'open'
          AND (d.organisation_id IN (SELECT organisation_id FROM mine WHERE role = ANY($2::text[]))
               OR ((c.id IS NULL OR c.status = 'sent')
                   AND EXISTS (SELECT 1 FROM mine m WHERE m.role = ANY($3::text[]) AND m.works_council_id = d.works_council_id
                                 AND (m.role <> 'committee_member' OR c.id IS NULL OR c.committee_id = m.committee_id))))
        ORDER BY d.strict_date, d.id
        LIMIT ${FEED_LIMIT}`,
      [userId, EMPLOYER_ROLES, COUNCIL_FEED_ROLES],
    );
    return rows.map((r) => ({
      id: r.id as string,
      caseId: (r.case_id as string | null) ?? null,
      caseTitle: (r.case_title as string | null) ?? null,
      ruleId: r.rule_id as string,
      strictDate: r.strict_date as string,
      extendedDate: r.extended_date as string,
      statutory: r.statutory as boolean,
      fatal: r.fatal as boolean,
      sequence: r.sequence as number,
      lastModified: r.last_modified as Date,
    }));
  }
}
