import type { MigrationInterface, QueryRunner } from 'typeorm';

import {
  changeNotificationTypes,
  changeRelayedEvents,
  forgetNotificationsOf,
} from './support/notified-events';

/**
 * Issue #19: each evaluation reviews the case's open commitments and keeps how it found them;
 * the council is told of those at risk, proposed broken or overdue.
 */
const ADDED = ['evaluation.commitments_flagged'];

export class EvaluationCommitmentReviews1771000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE evaluation ADD COLUMN commitment_reviews jsonb NOT NULL DEFAULT '[]'`,
    );
    await changeNotificationTypes(db, { add: ADDED });
    await changeRelayedEvents(db, { add: ADDED });
  }

  async down(db: QueryRunner): Promise<void> {
    await forgetNotificationsOf(db, ADDED);
    await changeNotificationTypes(db, { remove: ADDED });
    await changeRelayedEvents(db, { remove: ADDED });
    await db.query(`ALTER TABLE evaluation DROP COLUMN commitment_reviews`);
  }
}
