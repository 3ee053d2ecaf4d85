import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The correlation id of the request (or job) being served, carried through async calls without
 * being passed by hand: the outbox stores it with each event, and worker jobs carry it on.
 */
const correlation = new AsyncLocalStorage<string>();

export function runWithCorrelationId<T>(id: string, fn: () => T): T {
  return correlation.run(id, fn);
}

export function currentCorrelationId(): string | undefined {
  return correlation.getStore();
}
