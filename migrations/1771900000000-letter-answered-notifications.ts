import type { MigrationInterface, QueryRunner } from 'typeorm';

import {
  changeNotificationTypes,
  changeRelayedEvents,
  forgetNotificationsOf,
} from './support/notified-events';

/** Issue #22: the employer's answer to a council letter tells the council that waits on it. */
const ADDED = ['letter.answered'];

export class LetterAnsweredNotifications1771900000000 implements MigrationInterface {
  name = 'LetterAnsweredNotifications1771900000000';

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
