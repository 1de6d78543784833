import { parseArgs } from 'node:util';
import { openDatabase } from '@seguimiento/persistence';
import { defaultDatabaseUrl, redact } from '../postgres';
import { generateDataset } from './generate';

const USAGE =
  'usage: npm run dataset -- [--oples 32] [--documents 300] [--rounds 4] [--seed 1]   (DATABASE_URL, or the embedded PostgreSQL of npm start)';

function positive(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    console.error(`error: --${name}: "${raw}" must be a whole number from 0 to ${max}\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

/** `npm run dataset`: appends a generated, deterministic log to the database (for benchmarks). */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        oples: { type: 'string' },
        documents: { type: 'string' },
        rounds: { type: 'string' },
        seed: { type: 'string' },
      },
    }));
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const options = {
    oples: positive('oples', values.oples, 32, 32),
    documentsPerOple: positive('documents', values.documents, 300, 100_000),
    rounds: positive('rounds', values.rounds, 4, 50),
    seed: positive('seed', values.seed, 1, 2 ** 31),
  };
  let url = '';
  const db = await Promise.resolve()
    .then(() => openDatabase((url = defaultDatabaseUrl()), { applicationName: 'seguimiento-dataset' }))
    .catch((error: Error) => {
      console.error(
        `error: cannot open ${url ? redact(url) : 'the database'}: ${error.message} — start the system (npm start) or set DATABASE_URL`,
      );
      process.exit(2);
    });
  try {
    const started = Date.now();
    const total = options.oples * options.documentsPerOple;
    const result = await generateDataset(db, {
      ...options,
      onProgress: (documents, events) =>
        process.stdout.write(`\rgenerating: ${documents}/${total} documents, ${events} events   `),
    });
    process.stdout.write(
      `\ngenerated ${result.documents} documents, ${result.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    await db.destroy();
  }
}
