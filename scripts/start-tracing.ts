import { startTracing } from '@wc/tracing';

/** Imported first by start.ts (API and worker in one process, one service name). */
export const tracing = startTracing('overleg');
