import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

import { Client } from 'pg';
import { create as createTar, extract as extractTar } from 'tar';

import { ALL_MIGRATIONS } from '@wc/migrations';

import { runMigrations } from './migrate';

const FORMAT = 'overleg-backup/1';
/** Rows per round trip; a document chunk row is up to 1 MiB as JSON, so keep it small. */
const FETCH_ROWS = 16;

export interface BackupManifest {
  format: typeof FORMAT;
  createdAt: string;
  serverVersion: string;
  /** The migrations applied to the backed-up schema, in order: a restore rebuilds exactly these. */
  migrations: string[];
  tables: Array<{ name: string; rows: number; sha256: string }>;
  sequences: Array<{ name: string; lastValue: string; isCalled: boolean }>;
}

/**
 * A logical backup of the application schema (every table but `schema_migration`, document
 * content included): one consistent snapshot, each table as gzipped JSON lines (`to_jsonb` of each
 * row, so bytea travels as hex), and a manifest with row counts and checksums, in one tar file.
 * Written in Node, so it works against any PostgreSQL from 14 on, the embedded one included,
 * whatever `pg_dump` the host has. pg-boss's own schema (queued jobs) is not included: the
 * worker recreates its schedules, and deliveries keep their state in `mail_delivery`.
 */
export async function writeBackup(
  ownerUrl: string,
  file: string,
  now: Date,
): Promise<BackupManifest> {
  const work = await mkdtemp(join(tmpdir(), 'overleg-backup-'));
  const client = new Client({ connectionString: ownerUrl, application_name: 'overleg-backup' });
  await client.connect();
  try {
    await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`);
    await client.query(`SET LOCAL TimeZone = 'UTC'`);
    const migrations = (
      await client.query<{ name: string }>(`SELECT name FROM schema_migration ORDER BY id`)
    ).rows.map((r) => r.name);
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
          AND c.relname <> 'schema_migration' AND NOT c.relispartition ORDER BY c.relname`,
    );
    await mkdir(join(work, 'tables'));
    const manifest: BackupManifest = {
      format: FORMAT,
      createdAt: now.toISOString(),
      serverVersion: (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]
        .server_version,
      migrations,
      tables: [],
      sequences: [],
    };
    for (const { name } of tables) {
      manifest.tables.push({
        name,
        ...(await dumpTable(client, name, join(work, 'tables', `${name}.jsonl.gz`))),
      });
    }
    const { rows: sequences } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'S' ORDER BY c.relname`,
    );
    for (const { name } of sequences) {
      const [row] = (
        await client.query<{ last_value: string; is_called: boolean }>(
          `SELECT last_value::text, is_called FROM ${ident(name)}`,
        )
      ).rows;
      manifest.sequences.push({ name, lastValue: row.last_value, isCalled: row.is_called });
    }
    await client.query('COMMIT');
    await writeFile(join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await createTar({ file, cwd: work, portable: true }, ['manifest.json', 'tables']);
    return manifest;
  } finally {
    await client.end();
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Restores a backup into an empty database (no Overleg schema yet): rebuilds the schema with the
 * backup's migrations, loads every table with triggers and foreign-key checks off (so append-only
 * guards and outbox triggers do not fire, and order does not matter), sets the sequences, checks
 * every table's checksum, then applies any newer migrations of this code. One transaction for
 * the data: a failed restore leaves the tables empty, never half-filled.
 * Needs the owner role to be a superuser or to hold SET on `session_replication_role`.
 */
export async function restoreBackup(
  ownerUrl: string,
  file: string,
): Promise<{ manifest: BackupManifest; applied: string[] }> {
  const work = await mkdtemp(join(tmpdir(), 'overleg-restore-'));
  try {
    await extractTar({ file, cwd: work });
    const manifest = JSON.parse(
      await readFile(join(work, 'manifest.json'), 'utf8'),
    ) as BackupManifest;
    if (manifest.format !== FORMAT) {
      throw new Error(
        `${file} is not an Overleg backup (format ${JSON.stringify(manifest.format)})`,
      );
    }
    const known = ALL_MIGRATIONS.map((m) => m.name);
    if (manifest.migrations.some((name, i) => known[i] !== name)) {
      throw new Error(
        'The backup was taken on a schema this release does not know (a newer release?): restore it with the release that wrote it.',
      );
    }
    await assertEmpty(ownerUrl);
    await runMigrations(ownerUrl, { upTo: manifest.migrations.length });
    const client = new Client({ connectionString: ownerUrl, application_name: 'overleg-restore' });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL session_replication_role = replica`);
      await client.query(`SET LOCAL TimeZone = 'UTC'`);
      for (const table of manifest.tables) {
        await client.query(`DELETE FROM ${ident(table.name)}`); // rows the migrations seeded
      }
      for (const table of manifest.tables) {
        await loadTable(client, table, join(work, 'tables', `${table.name}.jsonl.gz`));
      }
      for (const sequence of manifest.sequences) {
        await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
          ident(sequence.name),
          sequence.lastValue,
          sequence.isCalled,
        ]);
      }
      for (const table of manifest.tables) {
        const check = await tableDigest(client, table.name);
        if (check.rows !== table.rows || check.sha256 !== table.sha256) {
          throw new Error(
            `table ${table.name} did not restore to the backed-up rows (${check.rows} of ${table.rows})`,
          );
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await client.end();
    }
    return { manifest, applied: await runMigrations(ownerUrl) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * One table (or the rows of it `where` selects, over alias `t`) as gzipped JSON lines, with the
 * row count and checksum; also used by the organisation archive (organisation-archive.ts).
 */
export async function dumpTable(
  client: Client,
  table: string,
  file: string,
  where = 'true',
  parameters: unknown[] = [],
): Promise<{ rows: number; sha256: string }> {
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(file));
  const hash = createHash('sha256');
  let rows = 0;
  // Ordered by the row's own text, so that the checksum depends on the rows, not on their storage.
  await client.query(
    `DECLARE dump NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS line FROM ${ident(table)} t WHERE ${where} ORDER BY to_jsonb(t)::text COLLATE "C"`,
    parameters,
  );
  for (;;) {
    const { rows: batch } = await client.query<{ line: string }>(`FETCH ${FETCH_ROWS} FROM dump`);
    if (batch.length === 0) {
      break;
    }
    for (const { line } of batch) {
      hash.update(line).update('\n');
      if (!gzip.write(`${line}\n`)) {
        await new Promise((resolve) => gzip.once('drain', resolve));
      }
    }
    rows += batch.length;
  }
  await client.query('CLOSE dump');
  gzip.end();
  await written;
  return { rows, sha256: hash.digest('hex') };
}

/** The same row count and checksum `dumpTable` computes, read back from the restored table. */
export async function tableDigest(
  client: Client,
  table: string,
  where = 'true',
  parameters: unknown[] = [],
): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256');
  let rows = 0;
  await client.query(
    `DECLARE digest NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS line FROM ${ident(table)} t WHERE ${where} ORDER BY to_jsonb(t)::text COLLATE "C"`,
    parameters,
  );
  for (;;) {
    const { rows: batch } = await client.query<{ line: string }>(
      `FETCH ${FETCH_ROWS * 4} FROM digest`,
    );
    if (batch.length === 0) {
      break;
    }
    for (const { line } of batch) {
      hash.update(line).update('\n');
    }
    rows += batch.length;
  }
  await client.query('CLOSE digest');
  return { rows, sha256: hash.digest('hex') };
}

export interface LoadOptions {
  /** Added to these (bigint) columns on the way in: ids from a sequence another instance drew too. */
  shift?: Record<string, string>;
  /** Rows whose key is already there are kept as they are (content-addressed document content). */
  skipExisting?: boolean;
}

export async function loadTable(
  client: Client,
  table: { name: string },
  file: string,
  { shift = {}, skipExisting = false }: LoadOptions = {},
): Promise<void> {
  // Generated columns are computed again; identity columns keep their backed-up values.
  const { rows: columns } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [ident(table.name)],
  );
  const list = columns.map((c) => ident(c.name)).join(', ');
  const values = columns
    .map((c) => (shift[c.name] ? `${ident(c.name)} + ${BigInt(shift[c.name])}` : ident(c.name)))
    .join(', ');
  const insert = `INSERT INTO ${ident(table.name)} (${list}) OVERRIDING SYSTEM VALUE
    SELECT ${values} FROM jsonb_populate_recordset(NULL::${ident(table.name)}, $1::jsonb)${skipExisting ? ' ON CONFLICT DO NOTHING' : ''}`;
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length > 0) {
      await client.query(insert, [`[${batch.join(',')}]`]);
      batch = [];
    }
  };
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (line !== '') {
      batch.push(line);
      if (batch.length >= FETCH_ROWS) {
        await flush();
      }
    }
  }
  await flush();
}

async function assertEmpty(ownerUrl: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ present: boolean }>(
      `SELECT to_regclass('schema_migration') IS NOT NULL AS present`,
    );
    if (rows[0].present) {
      throw new Error(
        'The target database already holds an Overleg schema: restore into a new, empty database (or pass --replace).',
      );
    }
  } finally {
    await client.end();
  }
}

/** A table or sequence name from the catalogue, quoted for SQL. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
