import type { DataSource } from 'typeorm';

/**
 * Row count and checksum of every table, in one query. `realtime_delivery` is left out: the
 * realtime relay empties it in the background after each commit, whatever a test does.
 */
const BACKGROUND_TABLES = ['realtime_delivery', 'migrations'];

export interface TableState {
  table: string;
  rows: number;
  checksum: string;
}

export class DbState {
  private sql = '';

  private constructor(private readonly db: DataSource) {}

  static async of(db: DataSource): Promise<DbState> {
    const state = new DbState(db);
    const tables = await db.query<Array<{ table_name: string }>>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    state.sql = tables
      .map((t) => t.table_name)
      .filter((name) => !BACKGROUND_TABLES.includes(name))
      .map(
        (name) =>
          `SELECT '${name}' AS "table", count(*)::int AS rows, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS checksum FROM "${name}" x`,
      )
      .join(' UNION ALL ');
    return state;
  }

  async snapshot(): Promise<TableState[]> {
    return this.db.query<TableState[]>(this.sql);
  }

  /** The tables whose rows or checksum differ, as `table: rows a → b`. */
  static diff(before: TableState[], after: TableState[], ignore: readonly string[] = []): string[] {
    const old = new Map(before.map((t) => [t.table, t]));
    return after
      .filter((t) => !ignore.includes(t.table))
      .filter((t) => old.get(t.table)?.checksum !== t.checksum)
      .map(
        (t) =>
          `${t.table}: ${old.get(t.table)?.rows ?? 0} → ${t.rows} rows${old.get(t.table)?.rows === t.rows ? ' (contents changed)' : ''}`,
      );
  }
}
