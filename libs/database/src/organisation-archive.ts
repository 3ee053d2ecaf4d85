import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';
import { create as createTar, extract as extractTar } from 'tar';

import { dumpTable, ident, loadTable, tableDigest } from './backup';

const FORMAT = 'overleg-organisation/1';

export interface OrganisationArchiveManifest {
  format: typeof FORMAT;
  createdAt: string;
  organisation: { id: string; name: string; kind: string };
  /** The schema the rows fit: an import needs a database at exactly these migrations. */
  migrations: string[];
  /** Each table's rows of the organisation, with the checksum `backup.ts` computes for a whole table. */
  tables: Array<{ name: string; rows: number; sha256: string }>;
  documents: { files: number; bytes: string };
}

/**
 * Links between tables that no foreign key declares, so that the scope finds the organisation's
 * rows there too: the audit trail and the outbox keep no foreign keys on purpose (they outlive
 * what they describe), the search index is derived, and document content is addressed by hash.
 */
const SOFT_LINKS: readonly Link[] = [
  { child: 'audit_entry', column: 'case_id', parent: 'ai_case', parentColumn: 'id' },
  { child: 'audit_head', column: 'case_id', parent: 'ai_case', parentColumn: 'id' },
  { child: 'domain_event', column: 'organisation_id', parent: 'organisation', parentColumn: 'id' },
  {
    child: 'domain_event',
    column: 'works_council_id',
    parent: 'works_council',
    parentColumn: 'id',
  },
  { child: 'domain_event', column: 'case_id', parent: 'ai_case', parentColumn: 'id' },
  { child: 'domain_event', column: 'user_id', parent: 'app_user', parentColumn: 'id' },
  { child: 'search_item', column: 'organisation_id', parent: 'organisation', parentColumn: 'id' },
  { child: 'search_item', column: 'case_id', parent: 'ai_case', parentColumn: 'id' },
  {
    child: 'council_role_change',
    column: 'subject_user_id',
    parent: 'app_user',
    parentColumn: 'id',
  },
  {
    child: 'document_content',
    column: 'storage_key',
    parent: 'document_version',
    parentColumn: 'storage_key',
  },
];

/** Content shared by hash with other organisations' identical files: deleted only when unused. */
const SHARED_CONTENT = ['document_content', 'document_content_chunk'];

interface Link {
  child: string;
  column: string;
  parent: string;
  parentColumn: string;
}

/** A table of the organisation's scope: its rows are those `where` (over alias `t`) selects. */
interface ScopedTable {
  name: string;
  where: string;
  /** What its rows point at: a shared content row stays while one of these still has its key. */
  parents: readonly Link[];
}

/**
 * The row an archive starts from: the organisation, in the table its owner names
 * (`organisationArchiveRoot` of @wc/councils), so that this lib reads no other lib's table by
 * name (issue #13). Its `id` column holds `id`; every other row is found from it.
 */
export interface ArchiveRoot {
  table: string;
  id: string;
}

/**
 * Which rows of every table belong to one organisation: the organisation row, and then, table by
 * table in foreign-key order, every row that points (by a foreign key or a SOFT_LINK) at a row
 * already in. New tables join by their foreign keys without a change here. Materialised as
 * temporary tables of the referenced keys (dropped at commit), so the predicates stay small.
 * Rows of another organisation that point at this one's (a union officer's comment on the
 * employer's case, a share of the case with a union) are in the scope of both.
 */
async function organisationScope(client: Client, root: ArchiveRoot): Promise<ScopedTable[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
        AND c.relname <> 'schema_migration' AND NOT c.relispartition ORDER BY c.relname`,
  );
  const { rows: foreign } = await client.query<Link>(
    `SELECT ch.relname AS child, ca.attname AS column, pa.relname AS parent, pat.attname AS "parentColumn"
       FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
       JOIN pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attnum = k.conkey[1]
       JOIN pg_attribute pat ON pat.attrelid = k.confrelid AND pat.attnum = k.confkey[1]
      WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace AND cardinality(k.conkey) = 1
      ORDER BY 1, 2`,
  );
  const names = new Set(tables.map((t) => t.name));
  const links = [...foreign, ...SOFT_LINKS].filter(
    (l) => names.has(l.child) && names.has(l.parent) && l.child !== l.parent,
  );

  // Parents before children; a cycle (notification <-> mail_delivery) drops its back edge.
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: string) => {
    if (state.has(table)) {
      return;
    }
    state.set(table, 'visiting');
    for (const link of links.filter((l) => l.child === table)) {
      visit(link.parent);
    }
    state.set(table, 'done');
    order.push(table);
  };
  [...names].forEach(visit);

  const owned = new Map<string, string>(); // `${table}.${column}` -> temp table of its owned values
  const scope: ScopedTable[] = [];
  for (const table of order) {
    const conditions =
      table === root.table
        ? ['t.id = $1::uuid']
        : links
            .filter((l) => l.child === table && owned.has(`${l.parent}.${l.parentColumn}`))
            .map(
              (l) =>
                `t.${ident(l.column)} IN (SELECT v FROM ${owned.get(`${l.parent}.${l.parentColumn}`)})`,
            );
    if (conditions.length === 0) {
      continue; // the instance's own (regulatory calendar, login throttle): no organisation's
    }
    const where = conditions.join(' OR ');
    scope.push({ name: table, where, parents: links.filter((l) => l.child === table) });
    const referenced = new Set(links.filter((l) => l.parent === table).map((l) => l.parentColumn));
    for (const column of referenced) {
      const temp = `pg_temp.${ident(`scope_${owned.size}`)}`;
      await client.query(
        `CREATE TEMPORARY TABLE ${temp.slice('pg_temp.'.length)} ON COMMIT DROP AS
           SELECT DISTINCT t.${ident(column)} AS v FROM ${ident(table)} t WHERE ${where}`,
        table === root.table ? [root.id] : [],
      );
      owned.set(`${table}.${column}`, temp);
    }
  }
  return scope;
}

function parametersOf(table: ScopedTable, root: ArchiveRoot): unknown[] {
  return table.name === root.table ? [root.id] : [];
}

/** The root row as the manifest describes it; null when it does not exist. */
async function rootOf(
  client: Client,
  root: ArchiveRoot,
): Promise<OrganisationArchiveManifest['organisation'] | null> {
  const { rows } = await client.query<{ id: string; name: string; kind: string }>(
    `SELECT t.id, t.name, t.kind FROM ${ident(root.table)} t WHERE t.id = $1`,
    [root.id],
  );
  return rows[0] ?? null;
}

/**
 * An organisation's export (issue #15, leaving): every row it owns in every table, documents'
 * content included, as one tar in the format of `npm run backup` (gzipped JSON lines per table and
 * a manifest with row counts and checksums), from one consistent snapshot. Reads only, so the
 * API's runtime role can write it. Null when the organisation does not exist.
 */
export async function writeOrganisationArchive(
  databaseUrl: string,
  root: ArchiveRoot,
  file: string,
  now: Date,
): Promise<OrganisationArchiveManifest | null> {
  const work = await mkdtemp(join(tmpdir(), 'overleg-organisation-'));
  const client = new Client({ connectionString: databaseUrl, application_name: 'overleg-export' });
  await client.connect();
  try {
    await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ`);
    await client.query(`SET LOCAL TimeZone = 'UTC'`);
    const organisation = await rootOf(client, root);
    if (!organisation) {
      return null;
    }
    const migrations = (
      await client.query<{ name: string }>(`SELECT name FROM schema_migration ORDER BY id`)
    ).rows.map((r) => r.name);
    const scope = await organisationScope(client, root);
    await mkdir(join(work, 'tables'));
    const manifest: OrganisationArchiveManifest = {
      format: FORMAT,
      createdAt: now.toISOString(),
      organisation,
      migrations,
      tables: [],
      documents: { files: 0, bytes: '0' },
    };
    for (const table of scope) {
      manifest.tables.push({
        name: table.name,
        ...(await dumpTable(
          client,
          table.name,
          join(work, 'tables', `${table.name}.jsonl.gz`),
          table.where,
          parametersOf(table, root),
        )),
      });
    }
    const content = scope.find((t) => t.name === 'document_content');
    if (content) {
      const [sum] = (
        await client.query<{ files: number; bytes: string }>(
          `SELECT count(*)::int AS files, COALESCE(sum(size_bytes), 0)::text AS bytes FROM document_content t WHERE ${content.where}`,
        )
      ).rows;
      manifest.documents = sum;
    }
    await client.query('ROLLBACK'); // nothing was written but the temporary scope tables
    await writeFile(join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await createTar({ file, cwd: work, portable: true }, ['manifest.json', 'tables']);
    return manifest;
  } finally {
    await client.end();
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Imports an organisation's export into this instance (`npm run admin -- import`), as the owner:
 * the schema must be at exactly the archive's migrations and the organisation must not be here.
 * Loads with triggers and foreign-key checks off (the audit trail keeps its original rows), in
 * one transaction; outbox ids are moved past this instance's own; then checks each table's
 * rows against the manifest. Needs what `npm run restore` needs (SET on session_replication_role).
 */
export async function importOrganisationArchive(
  ownerUrl: string,
  file: string,
  rootFor: (organisationId: string) => ArchiveRoot,
): Promise<OrganisationArchiveManifest> {
  const work = await mkdtemp(join(tmpdir(), 'overleg-import-'));
  const client = new Client({ connectionString: ownerUrl, application_name: 'overleg-import' });
  await client.connect();
  try {
    await extractTar({ file, cwd: work });
    const manifest = JSON.parse(
      await readFile(join(work, 'manifest.json'), 'utf8'),
    ) as OrganisationArchiveManifest;
    if (manifest.format !== FORMAT) {
      throw new Error(`${file} is not an Overleg organisation export`);
    }
    const migrations = (
      await client.query<{ name: string }>(`SELECT name FROM schema_migration ORDER BY id`)
    ).rows.map((r) => r.name);
    if (migrations.join('\n') !== manifest.migrations.join('\n')) {
      throw new Error(
        'The export was taken on another schema version: import it into a release at the same migrations (npm run migrate on the release that wrote it).',
      );
    }
    await client.query('BEGIN');
    try {
      await client.query(`SET LOCAL session_replication_role = replica`);
      await client.query(`SET LOCAL TimeZone = 'UTC'`);
      const root = rootFor(manifest.organisation.id);
      if (await rootOf(client, root)) {
        throw new Error(
          `The organisation ${manifest.organisation.id} is already on this instance.`,
        );
      }
      const eventShift = (
        await client.query<{ max: string }>(
          `SELECT COALESCE(max(id), 0)::text AS max FROM domain_event`,
        )
      ).rows[0].max;
      const shifted = new Set(await referencesOfEventIds(client));
      for (const table of manifest.tables) {
        const shift = Object.fromEntries(
          [...shifted]
            .filter((ref) => ref.startsWith(`${table.name}.`))
            .map((ref) => [ref.slice(table.name.length + 1), eventShift]),
        );
        await loadTable(client, table, join(work, 'tables', `${table.name}.jsonl.gz`), {
          shift,
          skipExisting: SHARED_CONTENT.includes(table.name),
        });
      }
      await client.query(
        `SELECT setval(pg_get_serial_sequence('domain_event', 'id'), max(id)) FROM domain_event HAVING max(id) IS NOT NULL`,
      );
      const scope = await organisationScope(client, root);
      for (const table of manifest.tables) {
        const scoped = scope.find((s) => s.name === table.name);
        const check = scoped
          ? await tableDigest(client, table.name, scoped.where, parametersOf(scoped, root))
          : { rows: 0, sha256: '' };
        const moved =
          eventShift !== '0' && [...shifted].some((r) => r.startsWith(`${table.name}.`));
        if (check.rows !== table.rows || (!moved && check.sha256 !== table.sha256)) {
          throw new Error(
            `table ${table.name} did not import to the exported rows (${check.rows} of ${table.rows})`,
          );
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return manifest;
  } finally {
    await client.end();
    await rm(work, { recursive: true, force: true });
  }
}

/** `table.column` of domain_event's id and of every column that refers to it. */
async function referencesOfEventIds(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ ref: string }>(
    `SELECT ch.relname || '.' || ca.attname AS ref
       FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid
       JOIN pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attnum = k.conkey[1]
      WHERE k.contype = 'f' AND k.confrelid = 'domain_event'::regclass`,
  );
  return ['domain_event.id', ...rows.map((r) => r.ref)];
}

/**
 * Deletes every row of the organisation's scope (its people, cases, documents, audit trail,
 * outbox and search entries), as the owner with triggers off (the append-only guards of the
 * audit trail give way here only), in one transaction. Document content another organisation
 * still uses stays. Returns the number of rows deleted per table.
 */
export async function purgeOrganisation(
  ownerUrl: string,
  root: ArchiveRoot,
): Promise<Record<string, number>> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'overleg-purge' });
  await client.connect();
  try {
    await client.query('BEGIN');
    try {
      await client.query(`SET LOCAL session_replication_role = replica`);
      const scope = await organisationScope(client, root);
      const deleted: Record<string, number> = {};
      const content = scope.filter((t) => SHARED_CONTENT.includes(t.name));
      for (const table of [...scope.filter((t) => !content.includes(t)), ...content]) {
        const stillUsed = content.includes(table) ? stillReferenced(table) : '';
        const result = await client.query(
          `DELETE FROM ${ident(table.name)} t WHERE (${table.where})${stillUsed}`,
          parametersOf(table, root),
        );
        deleted[table.name] = result.rowCount ?? 0;
      }
      await client.query('COMMIT');
      return deleted;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await client.end();
  }
}

/**
 * Shared content is deleted only where no row is left that points at it: the rows of the
 * organisation's scope that did (document versions, the content of the chunks) are gone by then,
 * so what still has its key is another organisation's.
 */
function stillReferenced(table: ScopedTable): string {
  return table.parents
    .map(
      (l) =>
        ` AND NOT EXISTS (SELECT 1 FROM ${ident(l.parent)} p WHERE p.${ident(l.parentColumn)} = t.${ident(l.column)})`,
    )
    .join('');
}
