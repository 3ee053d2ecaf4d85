import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import { Pool } from 'pg';

import { SESSION_OPTIONS } from '@wc/database';

/**
 * The floor for this stack in `npm run bench:http`: a bare Node HTTP server that answers each
 * route by running, through pg, exactly the SQL statements the API ran for that route (captured
 * by bench/http-capture.preload.ts), on one pooled connection, and writing the last result as
 * JSON. No framework, no auth library, no validation, no mapping; the same session settings.
 *
 * Environment: DATABASE_URL, PORT, BARE_STATEMENTS (a JSON file: { "<route>": [{ text, values }] }),
 * DATABASE_POOL_SIZE (10, as the API).
 */
interface Statement {
  text: string;
  values: unknown[];
}

const routes = JSON.parse(readFileSync(process.env.BARE_STATEMENTS!, 'utf8')) as Record<
  string,
  Statement[]
>;
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  // The API's session settings, so both sides run the same statements the same way.
  options: SESSION_OPTIONS,
});

const server = createServer((req, res) => {
  // Keyed by the whole URL: a search's query string is part of what was captured.
  const path = req.url ?? '/';
  const statements = routes[path];
  if (!statements) {
    res.writeHead(404).end();
    return;
  }
  void (async () => {
    const client = await pool.connect();
    try {
      let rows: unknown[] = [];
      for (const statement of statements) {
        rows = (await client.query(statement.text, statement.values)).rows;
      }
      const body = JSON.stringify(rows);
      res
        .writeHead(200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        })
        .end(body);
    } catch (error) {
      res.writeHead(500).end(String(error));
    } finally {
      client.release();
    }
  })();
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  process.stdout.write('ready\n');
});
