import { fromZonedTime } from 'date-fns-tz';
import type { DataSource } from 'typeorm';

import { AMSTERDAM_TIME_ZONE } from '@wc/core';
import type { GivenOrganisation } from './factories';

/** The end of an Amsterdam calendar day, as the deadlines lib stores `due_at`. */
export const endOfAmsterdamDay = (date: string) =>
  fromZonedTime(`${date}T23:59:59.999`, AMSTERDAM_TIME_ZONE);

/** Something the confidentiality tests look for: it must never leave in an e-mail. */
export const SECRET_CONTENTS = 'VERTROUWELIJK-art20-inhoud';

export interface DeadlineInput {
  caseId?: string | null;
  ruleId?: string;
  fatal?: boolean;
  statutory?: boolean;
  strictDate: string;
  extendedDate?: string;
  createdAt: Date;
  status?: 'open' | 'met' | 'cancelled';
}

/**
 * Writes cases and deadline rows straight to the database (the cases service owns them in
 * production), so notification tests do not depend on the case workflow.
 */
export class DeadlineFixtures {
  constructor(private readonly db: DataSource) {}

  async aiCase(
    org: GivenOrganisation,
    {
      title = 'Roosterplanning met AI',
      status = 'sent',
      // Prepared by the organisation's committee, so its committee member is told too.
      committeeId = org.committeeId,
    }: { title?: string; status?: 'draft' | 'sent'; committeeId?: string | null } = {},
  ): Promise<string> {
    const [{ id: aiSystemId }] = await this.db.query<Array<{ id: string }>>(
      `INSERT INTO ai_system (organisation_id, name, vendor, purpose, primary_purpose, version) VALUES ($1, 'Planner', 'Acme', 'Rosters', 'automate_task', 1) RETURNING id`,
      [org.organisationId],
    );
    const [{ id }] = await this.db.query<Array<{ id: string }>>(
      `INSERT INTO ai_case (organisation_id, works_council_id, ai_system_id, title, status, contents, created_by, committee_id, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1) RETURNING id`,
      [
        org.organisationId,
        org.worksCouncilId,
        aiSystemId,
        title,
        status,
        JSON.stringify({ description: SECRET_CONTENTS, reasons: SECRET_CONTENTS }),
        org.hr.id,
        committeeId,
      ],
    );
    return id;
  }

  async deadline(org: GivenOrganisation, input: DeadlineInput): Promise<string> {
    const [{ id }] = await this.db.query<Array<{ id: string }>>(
      `INSERT INTO deadline (case_id, organisation_id, works_council_id, track_kind, rule_id, source, statutory, fatal, trigger_date, strict_date, extended_date, due_at, status, created_at)
       VALUES ($1, $2, $3, 'advice', $4, 'test', $5, $6, $7::date, $7::date, $8::date, $9, $10, $11) RETURNING id`,
      [
        input.caseId ?? null,
        org.organisationId,
        org.worksCouncilId,
        input.ruleId ?? 'advice_response_term',
        input.statutory ?? false,
        input.fatal ?? false,
        input.strictDate,
        input.extendedDate ?? input.strictDate,
        endOfAmsterdamDay(input.strictDate),
        input.status ?? 'open',
        input.createdAt,
      ],
    );
    return id;
  }

  /** Moves a deadline in place (same row, new strict date). */
  async move(deadlineId: string, strictDate: string): Promise<void> {
    await this.db.query(
      `UPDATE deadline SET strict_date = $2::date, extended_date = $2::date, due_at = $3 WHERE id = $1`,
      [deadlineId, strictDate, endOfAmsterdamDay(strictDate)],
    );
  }

  async close(deadlineId: string, status: 'met' | 'cancelled'): Promise<void> {
    await this.db.query(`UPDATE deadline SET status = $2 WHERE id = $1`, [deadlineId, status]);
  }

  async setLanguage(userId: string, language: 'nl' | 'en'): Promise<void> {
    await this.db.query(`UPDATE app_user SET language = $2 WHERE id = $1`, [userId, language]);
  }

  /** Per (reminder, user): how many notifications exist; exactly-once means all are 1. */
  async notificationCounts(
    deadlineIds: readonly string[],
  ): Promise<Array<{ deadline_id: string; kind: string; user_id: string; count: number }>> {
    return this.db.query(
      `SELECT n.deadline_id, r.kind, n.user_id, count(*)::integer AS count
         FROM notification n JOIN reminder r ON r.id = n.reminder_id
        WHERE n.deadline_id = ANY($1::uuid[])
        GROUP BY n.deadline_id, r.kind, n.user_id, n.reminder_revision
        ORDER BY n.deadline_id, r.kind, n.user_id`,
      [deadlineIds],
    );
  }

  async reminders(deadlineId: string): Promise<
    Array<{
      kind: string;
      status: string;
      due_at: Date;
      late: boolean | null;
      revision: number;
      recipient_count: number | null;
    }>
  > {
    return this.db.query(
      `SELECT kind, status, due_at, late, revision, recipient_count FROM reminder WHERE deadline_id = $1 ORDER BY due_at, kind`,
      [deadlineId],
    );
  }
}
