import type { QueryRunner } from 'typeorm';

/**
 * The notification types a row may have (`ck_notification__type`) and the events the notification
 * relay's queue trigger takes, changed from what the database holds now rather than rewritten from
 * a fixed list: migrations of work done side by side then compose in either order.
 */
export async function changeNotificationTypes(
  db: QueryRunner,
  change: { add?: readonly string[]; remove?: readonly string[] },
): Promise<void> {
  const [check] = (await db.query(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'ck_notification__type'`,
  )) as Array<{ def: string }>;
  const types = changed(quoted(check.def), change);
  await db.query(`ALTER TABLE notification DROP CONSTRAINT ck_notification__type`);
  await db.query(
    `ALTER TABLE notification ADD CONSTRAINT ck_notification__type CHECK (type IN (${list(types)}))`,
  );
}

/** The events the relay's queue trigger enqueues, changed as for `changeNotificationTypes`. */
export async function changeRelayedEvents(
  db: QueryRunner,
  change: { add?: readonly string[]; remove?: readonly string[] },
): Promise<void> {
  const [trigger] = (await db.query(
    `SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgname = 'tr_domain_event__notification_relay_delivery'`,
  )) as Array<{ def: string }>;
  const types = changed(quoted(trigger.def), change);
  await db.query(`DROP TRIGGER tr_domain_event__notification_relay_delivery ON domain_event`);
  await db.query(`
    CREATE TRIGGER tr_domain_event__notification_relay_delivery AFTER INSERT ON domain_event
    FOR EACH ROW WHEN (NEW.type IN (${list(types)}))
    EXECUTE FUNCTION notification_relay_delivery_enqueue()`);
}

/** Forgets the relay's queued deliveries and the notifications of event types a `down` removes. */
export async function forgetNotificationsOf(
  db: QueryRunner,
  types: readonly string[],
): Promise<void> {
  await db.query(
    `DELETE FROM notification_relay_delivery d USING domain_event e WHERE e.id = d.event_id AND e.type IN (${list(types)})`,
  );
  await db.query(`DELETE FROM notification WHERE type IN (${list(types)})`);
}

function changed(
  current: readonly string[],
  { add = [], remove = [] }: { add?: readonly string[]; remove?: readonly string[] },
): string[] {
  return [...new Set([...current, ...add])].filter((t) => !remove.includes(t));
}

const list = (types: readonly string[]) => types.map((t) => `'${t}'`).join(', ');
const quoted = (definition: string) =>
  [...definition.matchAll(/'([a-z_.]+)'/g)].map((match) => match[1]);
