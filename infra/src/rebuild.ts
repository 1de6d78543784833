import { openDatabase, rebuildReadModels } from '@seguimiento/persistence';
import { defaultDatabaseUrl, redact } from './postgres';

/**
 * `npm run rebuild`: replays the whole event log into fresh read models. Uses DATABASE_URL, or
 * the embedded PostgreSQL of a running `npm start`.
 */
export async function main(): Promise<void> {
  let url = '';
  let db;
  try {
    url = defaultDatabaseUrl();
    db = await openDatabase(url, { applicationName: 'seguimiento-rebuild' });
  } catch (error) {
    console.error(
      `error: cannot open ${url ? redact(url) : 'the database'}: ${(error as Error).message} — start the system (npm start) or set DATABASE_URL`,
    );
    process.exit(2);
  }
  try {
    const started = Date.now();
    const result = await rebuildReadModels(db, {
      onProgress: (done, total) => {
        const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
        process.stdout.write(
          `\rrebuilding read models: ${done}/${total} events (${Math.floor((100 * done) / Math.max(1, total))}%), ${rate} events/s   `,
        );
      },
    });
    process.stdout.write(`\nrebuilt ${result.events} events in ${(result.ms / 1000).toFixed(1)} s\n`);
  } finally {
    await db.destroy();
  }
}
