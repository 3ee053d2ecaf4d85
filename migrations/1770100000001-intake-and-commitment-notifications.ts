import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #19: the council's requests outside any case and the commitments notify. The allowed
 * notification types and the relay trigger's event list are read from the database and extended
 * (rather than rewritten from a fixed list), so migrations of parallel work that add their own
 * types compose in either order.
 */
const ADDED = [
  'council_request.made',
  'council_request.answered',
  'council_request.case_opened',
  'commitment.due_soon',
  'commitment.broken',
  'commitment.evidence_recorded',
];
const list = (types: readonly string[]) => types.map((t) => `'${t}'`).join(', ');
const quoted = (definition: string) => [...definition.matchAll(/'([a-z_.]+)'/g)].map((m) => m[1]);

export class IntakeAndCommitmentNotifications1770100000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    const { types, triggerTypes } = await this.current(db);
    await this.allow(
      db,
      [...new Set([...types, ...ADDED])],
      [...new Set([...triggerTypes, ...ADDED])],
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DELETE FROM notification_relay_delivery d USING domain_event e WHERE e.id = d.event_id AND e.type IN (${list(ADDED)})`,
    );
    await db.query(`DELETE FROM notification WHERE type IN (${list(ADDED)})`);
    const { types, triggerTypes } = await this.current(db);
    await this.allow(
      db,
      types.filter((t) => !ADDED.includes(t)),
      triggerTypes.filter((t) => !ADDED.includes(t)),
    );
  }

  private async current(db: QueryRunner): Promise<{ types: string[]; triggerTypes: string[] }> {
    const [check] = (await db.query(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'ck_notification__type'`,
    )) as Array<{ def: string }>;
    const [trigger] = (await db.query(
      `SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgname = 'tr_domain_event__notification_relay_delivery'`,
    )) as Array<{ def: string }>;
    return { types: quoted(check.def), triggerTypes: quoted(trigger.def) };
  }

  /** The notification types a row may have, and the events the relay's queue trigger takes. */
  private async allow(
    db: QueryRunner,
    types: readonly string[],
    triggerTypes: readonly string[],
  ): Promise<void> {
    await db.query(`ALTER TABLE notification DROP CONSTRAINT ck_notification__type`);
    await db.query(
      `ALTER TABLE notification ADD CONSTRAINT ck_notification__type CHECK (type IN (${list(types)}))`,
    );
    await db.query(`DROP TRIGGER tr_domain_event__notification_relay_delivery ON domain_event`);
    await db.query(`
      CREATE TRIGGER tr_domain_event__notification_relay_delivery AFTER INSERT ON domain_event
      FOR EACH ROW WHEN (NEW.type IN (${list(triggerTypes)}))
      EXECUTE FUNCTION notification_relay_delivery_enqueue()`);
  }
}
