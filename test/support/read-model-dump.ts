import type { DataSource } from 'typeorm';
import { READ_MODEL_TABLES } from '@seguimiento/persistence';

/** Every read model's rows, each as JSON, sorted: two dumps are equal when the tables are. */
export async function dumpReadModels(db: DataSource): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of READ_MODEL_TABLES) {
    const rows: Array<Record<string, unknown>> = await db.query(`SELECT * FROM ${table}`);
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}
