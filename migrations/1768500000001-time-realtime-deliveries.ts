import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #20: the relay-lag metric measures from an event entering the outbox to its emit. The
 * time is the database server's own (`clock_timestamp()`), taken when the trigger queues the
 * delivery: the event's `occurred_at` is the application clock's, which tests fix.
 */
export class TimeRealtimeDeliveries1768500000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE realtime_delivery ADD COLUMN enqueued_at timestamptz NOT NULL DEFAULT clock_timestamp()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE realtime_delivery DROP COLUMN enqueued_at`);
  }
}
