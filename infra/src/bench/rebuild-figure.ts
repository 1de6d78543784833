import { READ_MODEL_TABLES, rebuildReadModels } from '@seguimiento/persistence';
import { type BenchContext, type Figure, progress, ratio } from './context';

const BATCH = 2000;
const copyOf = (table: string) => `bench_copy_${table}`;

/**
 * Rebuild: events per second of a full projection rebuild (every read model cleared and folded
 * again from the log). Baseline, the same payload without the fold: read every event to the
 * client in batches of 2,000 (the rebuild's own query), and write the rows the rebuild produced —
 * read beforehand — into logged copies of the read-model tables with all their indexes
 * (`LIKE … INCLUDING ALL`), 2,000 rows a statement (each its own transaction). Once per run
 * the copies are diffed with the rebuilt tables row for row (EXCEPT ALL both ways): a difference
 * fails the figure.
 */
export async function rebuild(ctx: BenchContext): Promise<Figure> {
  const [{ total }] = await ctx.db.query('SELECT count(*)::int AS total FROM events');
  const tick = progress(ctx.log, 'rebuild', total);
  const result = await rebuildReadModels(ctx.db, { onProgress: (done) => tick(done) });

  const rows = new Map<string, Array<Record<string, unknown>>>();
  for (const table of READ_MODEL_TABLES) rows.set(table, await ctx.db.query(`SELECT to_jsonb(t) AS row FROM ${table} t`).then((r: Array<{ row: Record<string, unknown> }>) => r.map((x) => x.row)));
  const runner = ctx.db.createQueryRunner();
  let copyMs: number;
  let eventsRead = 0;
  const failures: string[] = [];
  const differing: Record<string, number> = {};
  await runner.connect();
  try {
    for (const table of READ_MODEL_TABLES) {
      await runner.query(`DROP TABLE IF EXISTS ${copyOf(table)}`);
      await runner.query(`CREATE TABLE ${copyOf(table)} (LIKE ${table} INCLUDING ALL)`);
    }
    const t = performance.now();
    for (let after = '0'; ; ) {
      const batch: Array<{ position: string }> = await runner.query(
        'SELECT position, stream_id, stream_version, type, data, recorded_at FROM events WHERE position > $1 ORDER BY position LIMIT $2',
        [after, BATCH],
      );
      if (batch.length === 0) break;
      eventsRead += batch.length;
      after = batch[batch.length - 1].position;
    }
    for (const table of READ_MODEL_TABLES) {
      const all = rows.get(table)!;
      for (let i = 0; i < all.length; i += BATCH) {
        await runner.query(`INSERT INTO ${copyOf(table)} SELECT * FROM jsonb_populate_recordset(NULL::${copyOf(table)}, $1::jsonb)`, [JSON.stringify(all.slice(i, i + BATCH))]);
      }
    }
    copyMs = performance.now() - t;
    for (const table of READ_MODEL_TABLES) {
      const [{ n }] = await runner.query(
        `SELECT count(*)::int AS n FROM ((TABLE ${table} EXCEPT ALL TABLE ${copyOf(table)}) UNION ALL (TABLE ${copyOf(table)} EXCEPT ALL TABLE ${table})) d`,
      );
      if (n > 0) differing[table] = n;
    }
  } finally {
    for (const table of READ_MODEL_TABLES) await runner.query(`DROP TABLE IF EXISTS ${copyOf(table)}`).catch(() => undefined);
    await runner.release();
  }
  if (Object.keys(differing).length > 0) failures.push(`the baseline's rows differ from the rebuilt read models: ${Object.entries(differing).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  if (eventsRead !== result.events) failures.push(`the baseline read ${eventsRead} events, the rebuild folded ${result.events}`);
  for (const f of failures) ctx.log(`  ! ${f}`);
  const value = Math.round((result.events / result.ms) * 1000);
  const baseline = Math.round((eventsRead / copyMs) * 1000);
  const rowCounts = Object.fromEntries([...rows].map(([table, r]) => [table, r.length]));
  return {
    name: 'rebuild',
    unit: 'events/s',
    value,
    baseline,
    ratio: ratio(value, baseline),
    dataset: `${result.events} events`,
    details: { ms: result.ms, baselineMs: Math.round(copyMs), rows: rowCounts },
    failures,
  };
}
