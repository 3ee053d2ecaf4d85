import type { MigrationInterface, QueryRunner } from 'typeorm';

import { changeRelayedEvents } from './support/notified-events';

/**
 * Issue #18: meetings a council can run.
 * - meeting.duration_minutes: the end of the calendar entry (DTEND) in the e-mailed invitation.
 * - meeting.invitation_sequence: the iCalendar SEQUENCE of the meeting's invitation (RFC 5545
 *   3.8.7.4), raised by every move, change of attendees or cancellation; the UID is the meeting id.
 * - meeting.minutes_circulated_at / minutes_amendments_until: the minutes' lifecycle. Never
 *   circulated: a draft; circulated: attendees may propose amendments until the window ends;
 *   after that (by the clock) the minutes are locked.
 * - minutes_amendment: an attendee's proposed amendment or comment on the circulated minutes.
 * - mail_delivery.invitation: a meeting invitation (METHOD:REQUEST or CANCEL) as it was issued,
 *   rendered as ICS when it is sent.
 */
/** The relay e-mails each issued invitation revision to its recipients (not an inbox notification). */
const RELAYED_ADDED = ['meeting.invitation_issued'];
const list = (types: readonly string[]) => types.map((t) => `'${t}'`).join(', ');

export class MeetingInvitationsAndMinutes1770600000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE meeting
        ADD COLUMN duration_minutes integer NOT NULL DEFAULT 90,
        ADD COLUMN invitation_sequence integer NOT NULL DEFAULT 0,
        ADD COLUMN minutes_circulated_at timestamptz,
        ADD COLUMN minutes_amendments_until timestamptz,
        ADD CONSTRAINT ck_meeting__duration_minutes CHECK (duration_minutes BETWEEN 5 AND 1440),
        ADD CONSTRAINT ck_meeting__minutes_window CHECK ((minutes_circulated_at IS NULL) = (minutes_amendments_until IS NULL))`);
    await db.query(`
      CREATE TABLE minutes_amendment (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL,
        author_id uuid NOT NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_minutes_amendment PRIMARY KEY (id),
        CONSTRAINT fk_minutes_amendment__meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
        CONSTRAINT fk_minutes_amendment__author FOREIGN KEY (author_id) REFERENCES app_user (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX ix_minutes_amendment__meeting ON minutes_amendment (meeting_id, created_at)`,
    );
    await db.query(`
      ALTER TABLE mail_delivery
        ADD COLUMN invitation jsonb,
        DROP CONSTRAINT ck_mail_delivery__kind,
        DROP CONSTRAINT ck_mail_delivery__subject,
        ADD CONSTRAINT ck_mail_delivery__kind CHECK (kind IN ('notification', 'digest', 'meeting_invitation')),
        ADD CONSTRAINT ck_mail_delivery__subject CHECK ((kind = 'notification') = (notification_id IS NOT NULL) AND (kind = 'digest') = (digest_date IS NOT NULL) AND (kind = 'meeting_invitation') = (invitation IS NOT NULL))`);
    await changeRelayedEvents(db, { add: RELAYED_ADDED });
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DELETE FROM notification_relay_delivery d USING domain_event e WHERE e.id = d.event_id AND e.type IN (${list(RELAYED_ADDED)})`,
    );
    await changeRelayedEvents(db, { remove: RELAYED_ADDED });
    await db.query(`DELETE FROM mail_delivery WHERE kind = 'meeting_invitation'`);
    await db.query(`
      ALTER TABLE mail_delivery
        DROP CONSTRAINT ck_mail_delivery__subject,
        DROP CONSTRAINT ck_mail_delivery__kind,
        DROP COLUMN invitation,
        ADD CONSTRAINT ck_mail_delivery__kind CHECK (kind IN ('notification', 'digest')),
        ADD CONSTRAINT ck_mail_delivery__subject CHECK ((kind = 'notification') = (notification_id IS NOT NULL) AND (kind = 'digest') = (digest_date IS NOT NULL))`);
    await db.query(`DROP TABLE minutes_amendment`);
    await db.query(`
      ALTER TABLE meeting
        DROP CONSTRAINT ck_meeting__minutes_window,
        DROP CONSTRAINT ck_meeting__duration_minutes,
        DROP COLUMN minutes_amendments_until,
        DROP COLUMN minutes_circulated_at,
        DROP COLUMN invitation_sequence,
        DROP COLUMN duration_minutes`);
  }
}
