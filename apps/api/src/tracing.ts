import { startTracing } from '@wc/tracing';

/** Imported first by main.ts: instrumentation must patch `http` and `pg` before they load. */
export const tracing = startTracing('overleg-api');
