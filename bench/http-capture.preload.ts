import { appendFileSync } from 'node:fs';

import { Client } from 'pg';

/**
 * Preloaded (`-r`) into an API process by `bench/http.bench.ts` to record every SQL statement the
 * API sends to PostgreSQL, with its parameters, one JSON line each. The bare route then replays
 * exactly these statements through pg, so the comparison is "same SQL, no framework". Only active
 * when BENCH_CAPTURE_FILE is set; never loaded by the application itself.
 */
const file = process.env.BENCH_CAPTURE_FILE;
if (file) {
  type Query = (this: Client, ...args: unknown[]) => unknown;
  const prototype = Client.prototype as unknown as { query: Query };
  const original = prototype.query;
  prototype.query = function capture(this: Client, ...args: unknown[]): unknown {
    const [first, second] = args;
    const text = typeof first === 'string' ? first : (first as { text?: string } | null)?.text;
    const values = Array.isArray(second)
      ? second
      : (first as { values?: unknown[] } | null)?.values;
    if (text) {
      appendFileSync(file, `${JSON.stringify({ text, values: values ?? [] })}\n`);
    }
    return original.apply(this, args);
  };
}
