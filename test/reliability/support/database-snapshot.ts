import { Client } from 'pg';
import type { Queryable } from './scenario';

/** A plain connection to the application's database: unlike openDatabase, it applies no migration. */
export async function plainConnection(url: string): Promise<Queryable & { close(): Promise<void> }> {
  const client = new Client({ connectionString: url, application_name: 'seguimiento-upgrade-drill' });
  await client.connect();
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T,
    close: () => client.end(),
  };
}

/** Every table of the public schema: its columns, and its rows (as JSON of those columns, sorted). */
export type DatabaseSnapshot = Record<string, { columns: string[]; rows: string[] }>;

export async function snapshotDatabase(db: Queryable, only?: DatabaseSnapshot): Promise<DatabaseSnapshot> {
  const columns: Array<{ table_name: string; column_name: string }> = await db.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, string[]>();
  for (const c of columns) tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), c.column_name]);
  const snapshot: DatabaseSnapshot = {};
  for (const [table, all] of tables) {
    // Compared with an earlier snapshot: only its tables, and only the columns they had then.
    if (only && !only[table]) continue;
    const kept = only ? only[table].columns.filter((c) => all.includes(c)) : all;
    const rows: Array<Record<string, unknown>> = await db.query(
      `SELECT ${kept.map((c) => `"${c}"`).join(', ')} FROM public."${table}"`,
    );
    snapshot[table] = { columns: kept, rows: rows.map((r) => JSON.stringify(kept.map((c) => r[c]))).sort() };
  }
  return snapshot;
}

/**
 * What changed between two snapshots of the same tables, in words: a table or a column gone, rows
 * that are no longer there, rows that appeared (except in `growing` tables, where new rows are
 * expected, as long as the earlier ones stay).
 */
export function snapshotDifferences(
  before: DatabaseSnapshot,
  after: DatabaseSnapshot,
  growing: readonly string[] = [],
): string[] {
  const differences: string[] = [];
  for (const [table, { columns, rows }] of Object.entries(before)) {
    const now = after[table];
    if (!now) {
      differences.push(`${table}: the table is gone`);
      continue;
    }
    const lostColumns = columns.filter((c) => !now.columns.includes(c));
    if (lostColumns.length) differences.push(`${table}: columns gone: ${lostColumns.join(', ')}`);
    const remaining = new Map<string, number>();
    for (const r of now.rows) remaining.set(r, (remaining.get(r) ?? 0) + 1);
    const lost: string[] = [];
    for (const r of rows) {
      const n = remaining.get(r) ?? 0;
      if (n === 0) lost.push(r);
      else remaining.set(r, n - 1);
    }
    const added = [...remaining].flatMap(([r, n]) => Array<string>(n).fill(r));
    if (lost.length) differences.push(`${table}: ${lost.length} rows changed or gone, e.g. ${lost[0].slice(0, 300)}`);
    if (added.length && !growing.includes(table))
      differences.push(`${table}: ${added.length} rows new or changed, e.g. ${added[0].slice(0, 300)}`);
  }
  return differences;
}
