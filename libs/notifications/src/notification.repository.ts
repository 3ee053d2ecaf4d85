import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

import {
  type CaseEventType,
  type DeadlineNotificationType,
  type EmailChoice,
  isCaseEventType,
  type NotificationFacts,
  type PositionFacts,
  type StartedTerm,
} from './domain';

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

/** What a mention notification keeps: who mentioned whom where, never the comment's text. */
export interface MentionData {
  kind: 'mention';
  caseTitle: string | null;
  actorId: string;
  actorName: string | null;
  /** The thread key (`case`, `union`, `assessment:<id>` …). */
  thread: string;
}

/** What a case-event notification keeps (issue #16): the case title and where to act, no contents. */
export interface CaseEventData {
  kind: CaseEventType;
  caseTitle: string | null;
  path: string;
  /** The terms the event started, with their last day (issue #16). */
  terms?: StartedTerm[];
  /** A council position and its number of conditions. */
  position?: PositionFacts;
}

/** One case event to notify one user of, with the channels they chose for its type. */
export interface CaseEventWrite {
  userId: string;
  eventId: string;
  caseId: string | null;
  type: CaseEventType;
  data: CaseEventData;
  inApp: boolean;
  email: EmailChoice;
}

/** One reminder being sent, and what its notifications say. */
export interface ReminderSending {
  reminderId: string;
  revision: number;
  deadlineId: string;
  caseId: string | null;
  type: DeadlineNotificationType;
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

/** One mention to notify, with the channels the user chose for it. */
export interface MentionWrite {
  userId: string;
  commentId: string;
  caseId: string;
  data: MentionData;
  inApp: boolean;
  email: EmailChoice;
}

export interface WrittenNotification {
  id: string;
  userId: string;
  inApp: boolean;
  email: EmailChoice;
}

interface NotificationRowBase {
  id: string;
  userId: string;
  caseId: string | null;
  late: boolean;
  readAt: Date | null;
  createdAt: Date;
}

export type DeadlineNotificationRow = NotificationRowBase & {
  type: DeadlineNotificationType;
  deadlineId: string;
  commentId: null;
  data: NotificationData;
};

export type MentionNotificationRow = NotificationRowBase & {
  type: 'mention';
  deadlineId: null;
  commentId: string;
  caseId: string;
  data: MentionData;
};

export type CaseEventNotificationRow = NotificationRowBase & {
  type: CaseEventType;
  deadlineId: null;
  commentId: null;
  data: CaseEventData;
};

export type NotificationRow =
  DeadlineNotificationRow | MentionNotificationRow | CaseEventNotificationRow;

export function isCaseEventRow(row: NotificationRow): row is CaseEventNotificationRow {
  return isCaseEventType(row.type);
}

export function factsOf(row: NotificationRow): NotificationFacts {
  if (isCaseEventRow(row)) {
    return {
      type: row.type,
      caseId: row.caseId,
      caseTitle: row.data.caseTitle,
      path: row.data.path,
      terms: row.data.terms ?? [],
      ...(row.data.position ? { position: row.data.position } : {}),
    };
  }
  if (row.type === 'mention') {
    return {
      type: row.type,
      caseId: row.caseId,
      caseTitle: row.data.caseTitle,
      actorName: row.data.actorName,
    };
  }
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

const COLUMNS = `id, user_id, type, deadline_id, comment_id, case_id, data, late, read_at, created_at`;

function toRow(r: Record<string, unknown>): NotificationRow {
  const base = {
    id: r.id as string,
    userId: r.user_id as string,
    late: r.late as boolean,
    readAt: (r.read_at as Date | null) ?? null,
    createdAt: r.created_at as Date,
  };
  if (r.type === 'mention') {
    return {
      ...base,
      type: 'mention',
      deadlineId: null,
      commentId: r.comment_id as string,
      caseId: r.case_id as string,
      data: r.data as MentionData,
    };
  }
  if (typeof r.type === 'string' && isCaseEventType(r.type)) {
    return {
      ...base,
      type: r.type,
      deadlineId: null,
      commentId: null,
      caseId: (r.case_id as string | null) ?? null,
      data: r.data as CaseEventData,
    };
  }
  return {
    ...base,
    type: r.type as DeadlineNotificationType,
    deadlineId: r.deadline_id as string,
    commentId: null,
    caseId: (r.case_id as string | null) ?? null,
    data: r.data as NotificationData,
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

  /**
   * Writes mention notifications; a (comment, user) pair that already has one is skipped, so a
   * mention notifies once however often its event is relayed. Returns what was written.
   */
  async insertForMentions(
    mentions: readonly MentionWrite[],
    now: Date,
  ): Promise<WrittenNotification[]> {
    if (mentions.length === 0) {
      return [];
    }
    const rows = await this.tx.manager.query<
      Array<{ id: string; user_id: string; in_app: boolean; email: EmailChoice }>
    >(
      `INSERT INTO notification (user_id, type, comment_id, case_id, data, late, in_app, email, created_at)
       SELECT v.user_id, 'mention', v.comment_id, v.case_id, v.data, false, v.in_app, v.email, $7
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::jsonb[], $5::boolean[], $6::text[])
              AS v(user_id, comment_id, case_id, data, in_app, email)
       ON CONFLICT (comment_id, user_id) WHERE comment_id IS NOT NULL DO NOTHING
       RETURNING id, user_id, in_app, email`,
      [
        mentions.map((m) => m.userId),
        mentions.map((m) => m.commentId),
        mentions.map((m) => m.caseId),
        mentions.map((m) => JSON.stringify(m.data)),
        mentions.map((m) => m.inApp),
        mentions.map((m) => m.email),
        now,
      ],
    );
    return rows.map((r) => ({ id: r.id, userId: r.user_id, inApp: r.in_app, email: r.email }));
  }

  /**
   * Writes case-event notifications; an (event, user) pair that already has one is skipped, so an
   * event notifies once however often it is relayed. Returns what was written.
   */
  async insertForCaseEvents(
    writes: readonly CaseEventWrite[],
    now: Date,
  ): Promise<WrittenNotification[]> {
    if (writes.length === 0) {
      return [];
    }
    const rows = await this.tx.manager.query<
      Array<{ id: string; user_id: string; in_app: boolean; email: EmailChoice }>
    >(
      `INSERT INTO notification (user_id, type, source_event_id, case_id, data, late, in_app, email, created_at)
       SELECT v.user_id, v.type, v.event_id, v.case_id, v.data, false, v.in_app, v.email, $8
         FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::uuid[], $5::jsonb[], $6::boolean[], $7::text[])
              AS v(user_id, type, event_id, case_id, data, in_app, email)
       ON CONFLICT (source_event_id, user_id) WHERE source_event_id IS NOT NULL DO NOTHING
       RETURNING id, user_id, in_app, email`,
      [
        writes.map((w) => w.userId),
        writes.map((w) => w.type),
        writes.map((w) => w.eventId),
        writes.map((w) => w.caseId),
        writes.map((w) => JSON.stringify(w.data)),
        writes.map((w) => w.inApp),
        writes.map((w) => w.email),
        now,
      ],
    );
    return rows.map((r) => ({ id: r.id, userId: r.user_id, inApp: r.in_app, email: r.email }));
  }

  async listInbox(
    userId: string,
    options: { limit: number; after?: string; unreadOnly: boolean },
  ): Promise<NotificationRow[]> {
    const params: unknown[] = [userId, options.limit];
    let where = `user_id = $1 AND in_app`;
    if (options.unreadOnly) {
      where += ` AND read_at IS NULL`;
    }
    if (options.after) {
      // The keyset of the cursor's row, read exactly (microseconds) from the row itself.
      params.push(options.after);
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
