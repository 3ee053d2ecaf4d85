import type { MigrationInterface, QueryRunner } from 'typeorm';

import {
  changeNotificationTypes,
  changeRelayedEvents,
  forgetNotificationsOf,
} from './support/notified-events';

/**
 * Issue #19: the council's requests outside any case and the commitments notify. The allowed
 * notification types and the relay trigger's event list are extended as the database holds them
 * (migrations/support/notified-events).
 */
const ADDED = [
  'council_request.made',
  'council_request.answered',
  'council_request.case_opened',
  'commitment.due_soon',
  'commitment.broken',
  'commitment.evidence_recorded',
];

export class IntakeAndCommitmentNotifications1770100000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await changeNotificationTypes(db, { add: ADDED });
    await changeRelayedEvents(db, { add: ADDED });
  }

  async down(db: QueryRunner): Promise<void> {
    await forgetNotificationsOf(db, ADDED);
    await changeNotificationTypes(db, { remove: ADDED });
    await changeRelayedEvents(db, { remove: ADDED });
  }
}
