import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadline reminders (issue #7): the exactly-once ledger, the per-user inbox, the e-mail delivery
 * log, preferences and calendar feeds. The job queue itself (pg-boss) keeps its own schema and
 * migrates it when the worker starts.
 *
 * Exactly once: `reminder` has one row per (deadline, kind); a sweeper claims due rows with
 * FOR UPDATE SKIP LOCKED and, in the same transaction, writes one `notification` per recipient
 * (unique per reminder revision and user), one `mail_delivery` per e-mail (unique per
 * notification; pg-boss jobs carry chunks of delivery ids), and marks the reminder sent.
 */
export class CreateNotifications1767571200000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE council_reminder_setting (
        works_council_id uuid NOT NULL,
        lead_days integer[] NOT NULL,
        escalation_lead_days integer NOT NULL,
        updated_by uuid,
        updated_at timestamptz NOT NULL,
        CONSTRAINT pk_council_reminder_setting PRIMARY KEY (works_council_id),
        CONSTRAINT ck_council_reminder_setting__escalation_lead_days CHECK (escalation_lead_days BETWEEN 0 AND 60),
        CONSTRAINT fk_council_reminder_setting__works_council FOREIGN KEY (works_council_id) REFERENCES works_council (id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE notification_preference (
        user_id uuid NOT NULL,
        channels jsonb NOT NULL,
        email_delivery text NOT NULL DEFAULT 'immediate',
        lead_days integer[],
        updated_at timestamptz NOT NULL,
        CONSTRAINT pk_notification_preference PRIMARY KEY (user_id),
        CONSTRAINT ck_notification_preference__email_delivery CHECK (email_delivery IN ('immediate', 'daily_digest')),
        CONSTRAINT fk_notification_preference__user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
      )`);
    // What the reminders of a deadline were last planned against; a difference from the deadline
    // row (moved, closed) or a stale flag (settings changed) makes the sweeper reconcile it.
    // `sequence` counts the moves, for the iCalendar SEQUENCE of the deadline's event.
    // Reminders are written to the ledger only when they come within the planning horizon (about a
    // day ahead); `next_due_at` is when the next one does, so the sweeper returns to the plan then.
    await db.query(`
      CREATE TABLE reminder_plan (
        deadline_id uuid NOT NULL,
        deadline_due_at timestamptz NOT NULL,
        deadline_status text NOT NULL,
        lead_days integer[] NOT NULL,
        stale boolean NOT NULL DEFAULT false,
        sequence integer NOT NULL DEFAULT 0,
        next_due_at timestamptz,
        planned_at timestamptz NOT NULL,
        CONSTRAINT pk_reminder_plan PRIMARY KEY (deadline_id),
        CONSTRAINT fk_reminder_plan__deadline FOREIGN KEY (deadline_id) REFERENCES deadline (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX ix_reminder_plan__stale ON reminder_plan (deadline_id) WHERE stale`,
    );
    await db.query(
      `CREATE INDEX ix_reminder_plan__next_due_at ON reminder_plan (next_due_at) WHERE next_due_at IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE reminder (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        deadline_id uuid NOT NULL,
        kind text NOT NULL,
        due_at timestamptz NOT NULL,
        deadline_due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        revision integer NOT NULL DEFAULT 1,
        sent_at timestamptz,
        late boolean,
        recipient_count integer,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_reminder PRIMARY KEY (id),
        CONSTRAINT ck_reminder__kind CHECK (kind ~ '^([0-9]{1,2}d|overdue|escalation)$'),
        CONSTRAINT ck_reminder__status CHECK (status IN ('pending', 'sent', 'cancelled')),
        CONSTRAINT fk_reminder__deadline FOREIGN KEY (deadline_id) REFERENCES deadline (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_reminder__deadline_kind ON reminder (deadline_id, kind)`,
    );
    await db.query(
      `CREATE INDEX ix_reminder__pending_due_at ON reminder (due_at) WHERE status = 'pending'`,
    );
    await db.query(`
      CREATE TABLE notification (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        type text NOT NULL,
        reminder_id uuid NOT NULL,
        reminder_revision integer NOT NULL,
        deadline_id uuid NOT NULL,
        case_id uuid,
        data jsonb NOT NULL,
        late boolean NOT NULL DEFAULT false,
        in_app boolean NOT NULL,
        email text NOT NULL,
        digest_delivery_id uuid,
        read_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_notification PRIMARY KEY (id),
        CONSTRAINT ck_notification__type CHECK (type IN ('deadline.reminder', 'deadline.overdue', 'deadline.escalation')),
        CONSTRAINT ck_notification__email CHECK (email IN ('none', 'immediate', 'digest')),
        CONSTRAINT fk_notification__user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
        CONSTRAINT fk_notification__reminder FOREIGN KEY (reminder_id) REFERENCES reminder (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_notification__reminder_user ON notification (reminder_id, reminder_revision, user_id)`,
    );
    await db.query(
      `CREATE INDEX ix_notification__inbox ON notification (user_id, created_at DESC, id DESC) WHERE in_app`,
    );
    await db.query(
      `CREATE INDEX ix_notification__unread ON notification (user_id) WHERE in_app AND read_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX ix_notification__digest_pending ON notification (user_id) WHERE email = 'digest' AND digest_delivery_id IS NULL`,
    );
    await db.query(`
      CREATE TABLE mail_delivery (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        kind text NOT NULL,
        notification_id uuid,
        digest_date date,
        status text NOT NULL DEFAULT 'queued',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        message_id text,
        smtp_response text,
        queued_at timestamptz NOT NULL,
        last_attempt_at timestamptz,
        sent_at timestamptz,
        CONSTRAINT pk_mail_delivery PRIMARY KEY (id),
        CONSTRAINT ck_mail_delivery__kind CHECK (kind IN ('notification', 'digest')),
        CONSTRAINT ck_mail_delivery__status CHECK (status IN ('queued', 'retrying', 'sent', 'failed', 'skipped')),
        CONSTRAINT ck_mail_delivery__subject CHECK ((kind = 'notification') = (notification_id IS NOT NULL) AND (kind = 'digest') = (digest_date IS NOT NULL)),
        CONSTRAINT fk_mail_delivery__user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
        CONSTRAINT fk_mail_delivery__notification FOREIGN KEY (notification_id) REFERENCES notification (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_mail_delivery__notification ON mail_delivery (notification_id) WHERE notification_id IS NOT NULL`,
    );
    await db.query(
      `CREATE UNIQUE INDEX uq_mail_delivery__user_digest_date ON mail_delivery (user_id, digest_date) WHERE digest_date IS NOT NULL`,
    );
    await db.query(`
      ALTER TABLE notification ADD CONSTRAINT fk_notification__digest_delivery
        FOREIGN KEY (digest_delivery_id) REFERENCES mail_delivery (id) ON DELETE SET NULL`);
    await db.query(`
      CREATE TABLE calendar_feed (
        user_id uuid NOT NULL,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_calendar_feed PRIMARY KEY (user_id),
        CONSTRAINT fk_calendar_feed__user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_calendar_feed__token_hash ON calendar_feed (token_hash)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notification DROP CONSTRAINT fk_notification__digest_delivery`);
    for (const table of [
      'calendar_feed',
      'mail_delivery',
      'notification',
      'reminder',
      'reminder_plan',
      'notification_preference',
      'council_reminder_setting',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
