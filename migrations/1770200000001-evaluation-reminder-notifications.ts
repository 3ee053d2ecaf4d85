import type { MigrationInterface, QueryRunner } from 'typeorm';

import {
  changeNotificationTypes,
  changeRelayedEvents,
  forgetNotificationsOf,
} from './support/notified-events';

/** Issue #19: an evaluation after go-live coming up reminds both parties. */
const ADDED = ['evaluation.due_soon'];

export class EvaluationReminderNotifications1770200000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await changeNotificationTypes(db, { add: ADDED });
    await changeRelayedEvents(db, { add: ADDED });
  }

  async down(db: QueryRunner): Promise<void> {
    // Their e-mail deliveries go with the notifications (cascade).
    await forgetNotificationsOf(db, ADDED);
    await changeNotificationTypes(db, { remove: ADDED });
    await changeRelayedEvents(db, { remove: ADDED });
  }
}
