import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed webhooks (issue #21).
 *
 * - `webhook_endpoint`: an organisation's registered receiver (URL, event types, secret).
 * - `webhook_delivery`: one row per (endpoint, event): the exact body signed and sent, its status,
 *   attempts, last response, and when the next attempt is due (the retry schedule is ours, so tests
 *   move a fake clock instead of waiting).
 * - `webhook_relay_delivery`: the webhook relay's queue of committed events, filled by a trigger in
 *   the event's own transaction (as `notification_relay_delivery` is). It only enqueues an event
 *   some enabled endpoint subscribes to, so without subscribers nothing accumulates.
 */
export class CreateWebhooks1769300000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_endpoint (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        url text NOT NULL,
        description text NOT NULL,
        event_types text array NOT NULL,
        enabled boolean NOT NULL,
        secret text NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT pk_webhook_endpoint PRIMARY KEY (id),
        CONSTRAINT fk_webhook_endpoint__organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX ix_webhook_endpoint__organisation ON webhook_endpoint (organisation_id)`,
    );
    await db.query(`
      CREATE TABLE webhook_delivery (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        endpoint_id uuid NOT NULL,
        event_id bigint NOT NULL,
        event_type text NOT NULL,
        body text NOT NULL,
        status text NOT NULL,
        attempts integer NOT NULL,
        next_attempt_at timestamptz,
        last_attempt_at timestamptz,
        response_status integer,
        last_error text,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz,
        CONSTRAINT pk_webhook_delivery PRIMARY KEY (id),
        CONSTRAINT ck_webhook_delivery__status CHECK (status IN ('pending', 'retrying', 'succeeded', 'failed', 'cancelled')),
        CONSTRAINT fk_webhook_delivery__webhook_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_webhook_delivery__endpoint_event ON webhook_delivery (endpoint_id, event_id)`,
    );
    await db.query(
      `CREATE INDEX ix_webhook_delivery__status_next_attempt ON webhook_delivery (status, next_attempt_at)`,
    );
    await db.query(`
      CREATE TABLE webhook_relay_delivery (
        event_id bigint NOT NULL,
        CONSTRAINT pk_webhook_relay_delivery PRIMARY KEY (event_id),
        CONSTRAINT fk_webhook_relay_delivery__domain_event FOREIGN KEY (event_id) REFERENCES domain_event (id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE FUNCTION webhook_relay_delivery_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM webhook_endpoint WHERE enabled AND NEW.type = ANY (event_types)) THEN
          INSERT INTO webhook_relay_delivery (event_id) VALUES (NEW.id);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_domain_event__webhook_relay_delivery AFTER INSERT ON domain_event
      FOR EACH ROW EXECUTE FUNCTION webhook_relay_delivery_enqueue()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER tr_domain_event__webhook_relay_delivery ON domain_event`);
    await db.query(`DROP FUNCTION webhook_relay_delivery_enqueue()`);
    await db.query(`DROP TABLE webhook_relay_delivery`);
    await db.query(`DROP TABLE webhook_delivery`);
    await db.query(`DROP TABLE webhook_endpoint`);
  }
}
