export { IdempotencyModule } from './idempotency.module';
export { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_TTL_MS } from './idempotency.interceptor';
