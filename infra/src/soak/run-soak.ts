import { runSoak } from './soak';
import { soakReport } from './soak-report';
import { SOAK_USAGE, parseSoakArgs } from './soak-options';

/**
 * `npm run soak -- [--minutes 30] [--kill-every 45s] [--pause 15s] [--seed N] …` (infra/scripts/soak.js):
 * the chaos soak, its progress and kills as they happen, then the invariants' table. Exit code 1
 * on any violation, 2 on a bad option.
 */
export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(SOAK_USAGE);
    return 0;
  }
  let options;
  try {
    options = parseSoakArgs(argv);
  } catch (error) {
    console.error(`soak: ${(error as Error).message}`);
    return 2;
  }
  const result = await runSoak(options, (line) => console.log(line));
  console.log('');
  for (const line of soakReport(result)) console.log(line);
  return result.violations.length ? 1 : 0;
}
