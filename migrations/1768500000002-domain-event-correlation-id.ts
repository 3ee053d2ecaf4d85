import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #20: each event keeps the correlation id of the request that wrote it, so the worker
 * jobs it causes (e-mails) carry the same id into their logs and traces.
 */
export class DomainEventCorrelationId1768500000002 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE domain_event ADD COLUMN correlation_id text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE domain_event DROP COLUMN correlation_id`);
  }
}
