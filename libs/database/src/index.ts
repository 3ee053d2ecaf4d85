export * from './database.module';
export * from './transaction-host';
export * from './data-source-options';
export * from './embedded-postgres';
export * from './migrate';
export * from './outbox';
export { DomainEventEntity } from './domain-event.entity';
export * from './entity-rows';
export { EmbeddedPostgresError } from './embedded-cluster';
