import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

import type { EmailChoice, NotificationFacts, NotificationType } from './domain';

/** What a notification row keeps about its deadline: ids, rule, dates and the case title only. */
export interface NotificationData {
  kind: string;
  ruleId: string;
  caseTitle: string | null;
  strictDate: string;
  extendedDate: string;
  statutory: boolean;
  fatal: boolean;
  daysLeft: number;
  reminderDueAt: string;
}

/** One reminder being sent, and what its notifications say. */
export interface ReminderSending {
  reminderId: string;
  revision: number;
  deadlineId: string;
  caseId: string | null;
  type: NotificationType;
  late: boolean;
  data: NotificationData;
}

/** One recipient of one of those reminders (`reminder` indexes the sendings). */
export interface RecipientChoice {
  reminder: number;
  userId: string;
  inApp: boolean;
  email: EmailChoice;
}

export interface WrittenNotification {
  id: string;
  userId: string;
  inApp: boolean;
  email: EmailChoice;
}

export interface NotificationRow {
  id: string;
  userId: string;
  type: NotificationType;
  deadlineId: string;
  caseId: string | null;
  data: NotificationData;
  late: boolean;
  readAt: Date | null;
  createdAt: Date;
}

export function factsOf(
  row: Pick<NotificationRow, 'type' | 'caseId' | 'data' | 'late'>,
): NotificationFacts {
  return {
    type: row.type,
    ruleId: row.data.ruleId,
    caseId: row.caseId,
    caseTitle: row.data.caseTitle,
    strictDate: row.data.strictDate,
    extendedDate: row.data.extendedDate,
    statutory: row.data.statutory,
    fatal: row.data.fatal,
    daysLeft: row.data.daysLeft,
    late: row.late,
    reminderDueAt: row.data.reminderDueAt,
  };
}

const COLUMNS = `id, user_id, type, deadline_id, case_id, data, late, read_at, created_at`;

function toRow(r: Record<string, unknown>): NotificationRow {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    type: r.type as NotificationType,
    deadlineId: r.deadline_id as string,
    caseId: (r.case_id as string | null) ?? null,
    data: r.data as NotificationData,
    late: r.late as boolean,
    readAt: (r.read_at as Date | null) ?? null,
    createdAt: r.created_at as Date,
  };
}

/** The per-user inbox; every read takes the owner's user id, so no query can cross users. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Writes the notifications of a batch of reminders in one statement: each reminder's facts are
   * sent once and joined to its recipients in the database. A (reminder revision, user) pair that
   * already exists is skipped. Returns what was written.
   */
  async insertForReminders(
    sendings: readonly ReminderSending[],
    recipients: readonly RecipientChoice[],
    now: Date,
  ): Promise<WrittenNotification[]> {
    if (recipients.length === 0) {
      return [];
    }
    const rows = await this.tx.manager.query<
      Array<{ id: string; user_id: string; in_app: boolean; email: EmailChoice }>
    >(
      `INSERT INTO notification (user_id, type, reminder_id, reminder_revision, deadline_id, case_id, data, late, in_app, email, created_at)
       SELECT c.user_id, s.type, s.reminder_id, s.revision, s.deadline_id, s.case_id, s.data, s.late, c.in_app, c.email, $12
         FROM unnest($1::integer[], $2::uuid[], $3::boolean[], $4::text[]) AS c(reminder, user_id, in_app, email)
         JOIN unnest($5::uuid[], $6::integer[], $7::uuid[], $8::uuid[], $9::text[], $10::boolean[], $11::jsonb[])
              WITH ORDINALITY AS s(reminder_id, revision, deadline_id, case_id, type, late, data, n) ON s.n = c.reminder + 1
       ON CONFLICT (reminder_id, reminder_revision, user_id) DO NOTHING
       RETURNING id, user_id, in_app, email`,
      [
        recipients.map((r) => r.reminder),
        recipients.map((r) => r.userId),
        recipients.map((r) => r.inApp),
        recipients.map((r) => r.email),
        sendings.map((s) => s.reminderId),
        sendings.map((s) => s.revision),
        sendings.map((s) => s.deadlineId),
        sendings.map((s) => s.caseId),
        sendings.map((s) => s.type),
        sendings.map((s) => s.late),
        sendings.map((s) => JSON.stringify(s.data)),
        now,
      ],
    );
    return rows.map((r) => ({ id: r.id, userId: r.user_id, inApp: r.in_app, email: r.email }));
  }

  async listInbox(
    userId: string,
    options: { limit: number; before?: string; unreadOnly: boolean },
  ): Promise<NotificationRow[]> {
    const params: unknown[] = [userId, options.limit];
    let where = `user_id = $1 AND in_app`;
    if (options.unreadOnly) {
      where += ` AND read_at IS NULL`;
    }
    if (options.before) {
      params.push(options.before);
      where += ` AND (created_at, id) < (SELECT created_at, id FROM notification WHERE id = $3 AND user_id = $1)`;
    }
    const rows = await this.tx.manager.query<Array<Record<string, unknown>>>(
      `SELECT ${COLUMNS} FROM notification WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    return rows.map(toRow);
  }

  async findInInbox(userId: string, id: string): Promise<NotificationRow | null> {
    const [row] = await this.tx.manager.query<Array<Record<string, unknown>>>(
      `SELECT ${COLUMNS} FROM notification WHERE id = $1 AND user_id = $2 AND in_app`,
      [id, userId],
    );
    return row ? toRow(row) : null;
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.tx.manager.query<Array<{ count: number }>>(
      `SELECT count(*)::integer AS count FROM notification WHERE user_id = $1 AND in_app AND read_at IS NULL`,
      [userId],
    );
    return row.count;
  }

  /** Marks one of the user's notifications read (keeping the first read time); null if not theirs. */
  async markRead(userId: string, id: string, now: Date): Promise<NotificationRow | null> {
    // EntityManager.query answers [rows, affected] for an UPDATE.
    const [rows] = await this.tx.manager.query<[Array<Record<string, unknown>>, number]>(
      `UPDATE notification SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2 AND in_app RETURNING ${COLUMNS}`,
      [id, userId, now],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async markAllRead(userId: string, now: Date): Promise<number> {
    const [, affected] = await this.tx.manager.query<[unknown, number]>(
      `UPDATE notification SET read_at = $2 WHERE user_id = $1 AND in_app AND read_at IS NULL`,
      [userId, now],
    );
    return affected;
  }

  /** The notifications a digest delivery covers, oldest first. */
  async forDigest(deliveryId: string): Promise<NotificationRow[]> {
    const rows = await this.tx.manager.query<Array<Record<string, unknown>>>(
      `SELECT ${COLUMNS} FROM notification WHERE digest_delivery_id = $1 ORDER BY created_at, id`,
      [deliveryId],
    );
    return rows.map(toRow);
  }

  async findById(id: string): Promise<NotificationRow | null> {
    const [row] = await this.tx.manager.query<Array<Record<string, unknown>>>(
      `SELECT ${COLUMNS} FROM notification WHERE id = $1`,
      [id],
    );
    return row ? toRow(row) : null;
  }
}
