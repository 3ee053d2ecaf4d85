import { Injectable } from '@nestjs/common';

import { AudienceDirectory } from '@wc/access';
import type { MeetingInvitation } from '@wc/contracts';
import { TransactionHost } from '@wc/database';

export type MailDeliveryStatus = 'queued' | 'retrying' | 'sent' | 'failed' | 'skipped';
export type MailKind = 'notification' | 'digest' | 'meeting_invitation';

/** A delivery with what sending it needs; the address is read at send time, never stored twice. */
export interface PendingMail {
  id: string;
  userId: string;
  kind: MailKind;
  notificationId: string | null;
  digestDate: string | null;
  /** For a meeting invitation: the revision as it was issued. */
  invitation: MeetingInvitation | null;
  queuedAt: Date;
  status: MailDeliveryStatus;
  attempts: number;
  email: string;
  language: 'nl' | 'en';
}

export interface MailDeliveryLog {
  id: string;
  userId: string;
  kind: MailKind;
  notificationId: string | null;
  digestDate: string | null;
  status: MailDeliveryStatus;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  sentAt: Date | null;
}

/** The e-mail delivery log: one row per message, its status, attempts and the SMTP outcome. */
@Injectable()
export class MailDeliveryRepository {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audiences: AudienceDirectory,
  ) {}

  /** One queued delivery per notification; returns the delivery ids. */
  async queueForNotifications(
    notifications: ReadonlyArray<{ id: string; userId: string }>,
    now: Date,
  ): Promise<string[]> {
    if (notifications.length === 0) {
      return [];
    }
    const rows = await this.tx.manager.query<Array<{ id: string }>>(
      `INSERT INTO mail_delivery (user_id, kind, notification_id, status, queued_at)
       SELECT v.user_id, 'notification', v.notification_id, 'queued', $3 FROM unnest($1::uuid[], $2::uuid[]) AS v(notification_id, user_id)
       RETURNING id`,
      [notifications.map((n) => n.id), notifications.map((n) => n.userId), now],
    );
    return rows.map((r) => r.id);
  }

  /** One queued invitation e-mail per recipient of each issued revision; returns the delivery ids. */
  async queueForInvitations(
    invitations: ReadonlyArray<{ userId: string; invitation: MeetingInvitation }>,
    now: Date,
  ): Promise<string[]> {
    if (invitations.length === 0) {
      return [];
    }
    // An attendee whose account is gone by now gets nothing.
    const known = new Set(
      (await this.audiences.people(invitations.map((i) => i.userId))).map((p) => p.userId),
    );
    const reachable = invitations.filter((i) => known.has(i.userId));
    if (reachable.length === 0) {
      return [];
    }
    const rows = await this.tx.manager.query<Array<{ id: string }>>(
      `INSERT INTO mail_delivery (user_id, kind, invitation, status, queued_at)
       SELECT v.user_id, 'meeting_invitation', v.invitation, 'queued', $3
         FROM unnest($1::uuid[], $2::jsonb[]) AS v(user_id, invitation)
       RETURNING id`,
      [reachable.map((i) => i.userId), reachable.map((i) => JSON.stringify(i.invitation)), now],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Opens today's digest for up to `limit` users with waiting notifications made before `cutoff`
   * and attaches those notifications. The unique (user, digest date) index makes a second sweeper
   * (or a second run) create nothing: one digest per user per day.
   */
  async createDigests(
    cutoff: Date,
    digestDate: string,
    now: Date,
    limit: number,
  ): Promise<Array<{ id: string; userId: string }>> {
    const created = await this.tx.manager.query<Array<{ id: string; user_id: string }>>(
      `WITH waiting AS (
         SELECT DISTINCT n.user_id FROM notification n
          WHERE n.email = 'digest' AND n.digest_delivery_id IS NULL AND n.created_at < $1
            AND NOT EXISTS (SELECT 1 FROM mail_delivery md WHERE md.user_id = n.user_id AND md.digest_date = $2::date)
          LIMIT $4)
       INSERT INTO mail_delivery (user_id, kind, digest_date, status, queued_at)
       SELECT user_id, 'digest', $2::date, 'queued', $3 FROM waiting
       ON CONFLICT (user_id, digest_date) WHERE digest_date IS NOT NULL DO NOTHING
       RETURNING id, user_id`,
      [cutoff, digestDate, now, limit],
    );
    if (created.length > 0) {
      await this.tx.manager.query(
        `UPDATE notification n SET digest_delivery_id = d.id
           FROM unnest($1::uuid[], $2::uuid[]) AS d(id, user_id)
          WHERE n.user_id = d.user_id AND n.email = 'digest' AND n.digest_delivery_id IS NULL AND n.created_at < $3`,
        [created.map((c) => c.id), created.map((c) => c.user_id), cutoff],
      );
    }
    return created.map((c) => ({ id: c.id, userId: c.user_id }));
  }

  async findPending(id: string): Promise<PendingMail | null> {
    const [row] = await this.tx.manager.query<Array<Record<string, unknown>>>(
      `SELECT md.id, md.user_id, md.kind, md.notification_id, md.digest_date::text AS digest_date, md.invitation, md.queued_at, md.status, md.attempts
         FROM mail_delivery md WHERE md.id = $1`,
      [id],
    );
    const [person] = row ? await this.audiences.people([row.user_id as string]) : [];
    if (!row || !person) {
      return null;
    }
    return {
      id: row.id as string,
      userId: row.user_id as string,
      kind: row.kind as MailKind,
      notificationId: (row.notification_id as string | null) ?? null,
      digestDate: (row.digest_date as string | null) ?? null,
      invitation: (row.invitation as MeetingInvitation | null) ?? null,
      queuedAt: row.queued_at as Date,
      status: row.status as MailDeliveryStatus,
      attempts: row.attempts as number,
      email: person.email,
      language: person.language,
    };
  }

  async markSent(id: string, at: Date, messageId: string, smtpResponse: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE mail_delivery SET status = 'sent', attempts = attempts + 1, last_attempt_at = $2, sent_at = $2, message_id = $3, smtp_response = $4
        WHERE id = $1`,
      [id, at, messageId, smtpResponse.slice(0, 500)],
    );
  }

  async markFailedAttempt(id: string, at: Date, error: string, final: boolean): Promise<void> {
    await this.tx.manager.query(
      `UPDATE mail_delivery SET status = $4, attempts = attempts + 1, last_attempt_at = $2, last_error = $3 WHERE id = $1`,
      [id, at, error.slice(0, 500), final ? 'failed' : 'retrying'],
    );
  }

  /** E-mails still to send: queued, or waiting for a retry. */
  async countWaiting(): Promise<number> {
    const [{ waiting }] = await this.tx.manager.query<Array<{ waiting: number }>>(
      `SELECT count(*)::int AS waiting FROM mail_delivery WHERE status IN ('queued', 'retrying')`,
    );
    return waiting;
  }

  async markSkipped(id: string, at: Date, reason: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE mail_delivery SET status = 'skipped', last_attempt_at = $2, last_error = $3 WHERE id = $1`,
      [id, at, reason],
    );
  }

  async logOf(userId: string): Promise<MailDeliveryLog[]> {
    const rows = await this.tx.manager.query<Array<Record<string, unknown>>>(
      `SELECT id, user_id, kind, notification_id, digest_date::text AS digest_date, status, attempts, last_error, message_id, sent_at
         FROM mail_delivery WHERE user_id = $1 ORDER BY queued_at, id`,
      [userId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      userId: r.user_id as string,
      kind: r.kind as MailKind,
      notificationId: (r.notification_id as string | null) ?? null,
      digestDate: (r.digest_date as string | null) ?? null,
      status: r.status as MailDeliveryStatus,
      attempts: r.attempts as number,
      lastError: (r.last_error as string | null) ?? null,
      messageId: (r.message_id as string | null) ?? null,
      sentAt: (r.sent_at as Date | null) ?? null,
    }));
  }
}
