import type { EntityManager } from 'typeorm';

/** The PostgreSQL type each column of a row travels as. */
export type SqlType = 'text' | 'text[]' | 'int' | 'bigint' | 'boolean' | 'date' | 'timestamptz' | 'jsonb';

/** A table's columns, stated once from its typed row: every field of the row, with its SQL type, in order. */
export type Columns<Row> = { readonly [K in keyof Row]-?: SqlType };

/**
 * Writes rows into a table in one INSERT: each column travels as one array parameter and `unnest`
 * zips them back into rows. Array-typed columns (text[]) travel as JSON, since unnest would flatten
 * them; jsonb values are serialised here (null stays SQL NULL).
 */
export async function insertRows<Row extends object>(
  tx: EntityManager,
  table: string,
  columns: Columns<Row>,
  rows: readonly Row[],
  conflict = '',
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns) as Array<keyof Row & string>;
  const types = names.map((n) => columns[n]);
  const json = types.map((t) => t === 'text[]' || t === 'jsonb');
  const params = names.map((name, c) =>
    rows.map((row) => (json[c] && row[name] !== null ? JSON.stringify(row[name]) : row[name])),
  );
  const selects = types.map((t, c) => (t === 'text[]' ? `ARRAY(SELECT jsonb_array_elements_text(c${c}))` : `c${c}`));
  const unnest = types.map((t, c) => `$${c + 1}::${t === 'text[]' ? 'jsonb' : t}[]`).join(', ');
  await tx.query(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT ${selects.join(', ')} FROM unnest(${unnest}) AS u(${names.map((_, c) => `c${c}`).join(', ')}) ${conflict}`,
    params,
  );
}

/** `ON CONFLICT (key) DO UPDATE` of every column but the first `kept` (the key and what never changes). */
export function upsertOf<Row>(columns: Columns<Row>, key: string, kept = 1): string {
  const update = Object.keys(columns)
    .slice(kept)
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ');
  return `ON CONFLICT (${key}) DO UPDATE SET ${update}`;
}
