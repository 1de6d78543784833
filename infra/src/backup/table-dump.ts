import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Client } from 'pg';
import { type ForeignKey, loadOrder } from './load-order';

/** One table of a dumped database: its rows are JSON lines in `file`. */
export interface TableDump {
  name: string;
  /** The columns written back on restore (generated columns are left to the server). */
  columns: string[];
  rows: number;
  file: string;
}

/** One database as it was in the dump's snapshot: its tables and its sequences' positions. */
export interface DatabaseDump {
  /** The name of the database the dump came from (for messages; restore writes into the one it is given). */
  database: string;
  tables: TableDump[];
  sequences: Array<{ name: string; lastValue: string; isCalled: boolean }>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Writes every table of the `public` schema of the database `client` is connected to, as seen by
 * the transaction it has open (REPEATABLE READ: one snapshot for all of them), as JSON lines under
 * `dir/<prefix>.<table>.jsonl`, with the sequences' positions. The schema itself is not dumped:
 * the restored system creates it (the application's migrations, Temporal's schema tool) and the
 * rows are loaded into it.
 */
export async function dumpDatabase(client: Client, dir: string, prefix: string): Promise<DatabaseDump> {
  const [{ database }] = (await client.query('SELECT current_database() AS database')).rows;
  const tables: TableDump[] = [];
  const names: string[] = (
    await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).rows.map((r: { table_name: string }) => r.table_name);
  for (const name of names) {
    const columns: string[] = (
      await client.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
        [name],
      )
    ).rows.map((r: { column_name: string }) => r.column_name);
    const file = `${prefix}.${name}.jsonl`;
    const fd = openSync(join(dir, file), 'wx', 0o600);
    let rows = 0;
    try {
      const cursor = `dump_${tables.length}`;
      await client.query(
        `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM public.${quote(name)} t`,
      );
      for (;;) {
        const batch = (await client.query(`FETCH 1000 FROM ${cursor}`)).rows as Array<{ j: string }>;
        if (batch.length === 0) break;
        writeSync(fd, batch.map((r) => `${r.j}\n`).join(''));
        rows += batch.length;
      }
      await client.query(`CLOSE ${cursor}`);
    } finally {
      closeSync(fd);
    }
    tables.push({ name, columns, rows, file });
  }
  const sequences: DatabaseDump['sequences'] = [];
  const seqNames: string[] = (
    await client.query(`SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public'`)
  ).rows.map((r: { sequence_name: string }) => r.sequence_name);
  for (const name of seqNames) {
    const [row] = (await client.query(`SELECT last_value::text AS v, is_called FROM public.${quote(name)}`)).rows;
    sequences.push({ name, lastValue: row.v, isCalled: row.is_called });
  }
  return { database, tables, sequences };
}

/**
 * Loads a dump into the database `client` is connected to, whose schema the restored system has
 * just created: in one transaction, each table emptied of what its creation put there and filled
 * with the dumped rows (parents before the tables whose foreign keys name them), each sequence put
 * back where it was. `skip`: tables the restored system
 * owns (e.g. the list of applied migrations). Refuses a table the new schema lacks.
 */
export async function loadDatabase(
  client: Client,
  dir: string,
  dump: DatabaseDump,
  options: { skip?: string[]; batch?: number } = {},
): Promise<void> {
  const existing = new Set<string>(
    (
      await client.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      )
    ).rows.map((r: { table_name: string }) => r.table_name),
  );
  const missing = dump.tables.filter((t) => !existing.has(t.name) && !options.skip?.includes(t.name));
  if (missing.length)
    throw new Error(
      `la base de destino no tiene las tablas ${missing.map((t) => t.name).join(', ')} de la copia de ${dump.database}: restaure con la misma versión de seguimiento que hizo la copia`,
    );
  // Parents before the tables whose foreign keys name them (source_files before source_file_oficios).
  const keys: ForeignKey[] = (
    await client.query(
      `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE k.contype = 'f' AND n.nspname = 'public'`,
    )
  ).rows;
  const byName = new Map(dump.tables.map((t) => [t.name, t]));
  const tables = loadOrder(
    dump.tables.map((t) => t.name).filter((name) => !options.skip?.includes(name)),
    keys,
  ).map((name) => byName.get(name)!);
  await client.query('BEGIN');
  try {
    // Emptied children first, then filled parents first.
    for (const table of [...tables].reverse()) {
      const target = `public.${quote(table.name)}`;
      const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM ${target}`)).rows;
      // The event log refuses DELETE (append-only): a fresh system's is empty; anything else is not fresh.
      if (n > 0) await client.query(`DELETE FROM ${target}`);
    }
    for (const table of tables) {
      const target = `public.${quote(table.name)}`;
      const cols = table.columns.map(quote).join(', ');
      const insert = `INSERT INTO ${target} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM json_populate_recordset(NULL::${target}, $1::json)`;
      let rows: string[] = [];
      const flush = async () => {
        if (rows.length) await client.query(insert, [`[${rows.join(',')}]`]);
        rows = [];
      };
      const lines = createInterface({ input: createReadStream(join(dir, table.file)), crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line) continue;
        rows.push(line);
        if (rows.length >= (options.batch ?? 500)) await flush();
      }
      await flush();
    }
    for (const s of dump.sequences) {
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [
        `public.${quote(s.name)}`,
        s.lastValue,
        s.isCalled,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
