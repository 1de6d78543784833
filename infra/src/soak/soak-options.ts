import { VICTIM_KINDS, type VictimKind } from './chaos-plan';

/** What a soak runs: for how long, how often it kills, with which seed. */
export interface SoakOptions {
  /** How long the load runs (the settling and the invariants come after). */
  durationMs: number;
  /** At most one kill per interval of this length. */
  killEveryMs: number;
  /** A killed process stays dead between `min` and `max` before it is restarted. */
  pauseMs: { min: number; max: number };
  seed: number;
  /** Clients recording oficios in parallel. */
  concurrency: number;
  /** The kinds of process it may kill. */
  victims: VictimKind[];
}

export const SOAK_USAGE = `uso: npm run soak -- [--minutes 30] [--kill-every 45s] [--pause 15s] [--seed N] [--concurrency 8] [--victims worker,gateway,temporal,postgres]`;

/** A duration: "45s", "2m", "1500ms", or a bare number of seconds. */
export function parseDuration(option: string, raw: string | undefined): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(raw ?? '');
  if (!match) throw new Error(`${option}: "${raw ?? ''}" no es una duración (por ejemplo 45s, 2m o 1500ms)`);
  const n = Number(match[1]);
  const ms = match[2] === 'ms' ? n : match[2] === 'm' ? n * 60_000 : n * 1000;
  if (ms < 1) throw new Error(`${option}: "${raw}" debe ser mayor que cero`);
  return Math.round(ms);
}

function positiveNumber(option: string, raw: string | undefined, whole: boolean): number {
  const n = Number(raw);
  if (raw === undefined || raw === '' || !Number.isFinite(n) || n <= 0 || (whole && !Number.isInteger(n)))
    throw new Error(`${option}: "${raw ?? ''}" debe ser un número ${whole ? 'entero ' : ''}mayor que cero`);
  return n;
}

/**
 * The soak's options from its command line; a bad one is refused with its name and the reason.
 * Without --seed, one is drawn (and printed by the soak, so the run can be repeated).
 */
export function parseSoakArgs(argv: string[], drawSeed = () => Math.floor(Math.random() * 2 ** 31)): SoakOptions {
  const options: SoakOptions = {
    durationMs: 30 * 60_000,
    killEveryMs: 45_000,
    pauseMs: { min: 3000, max: 15_000 },
    seed: NaN,
    concurrency: 8,
    victims: [...VICTIM_KINDS],
  };
  for (let i = 0; i < argv.length; i++) {
    const option = argv[i];
    const value = argv[i + 1];
    switch (option) {
      case '--minutes':
        options.durationMs = Math.round(positiveNumber(option, value, false) * 60_000);
        break;
      case '--kill-every':
        options.killEveryMs = parseDuration(option, value);
        break;
      case '--pause':
        options.pauseMs = { min: Math.min(3000, parseDuration(option, value)), max: parseDuration(option, value) };
        break;
      case '--seed':
        options.seed = positiveNumber(option, value, true);
        break;
      case '--concurrency':
        options.concurrency = positiveNumber(option, value, true);
        break;
      case '--victims': {
        const kinds = (value ?? '').split(',').filter(Boolean);
        const unknown = kinds.filter((k) => !VICTIM_KINDS.includes(k as VictimKind));
        if (kinds.length === 0 || unknown.length)
          throw new Error(
            `${option}: "${value ?? ''}" debe ser una lista de ${VICTIM_KINDS.join(', ')} (separados por comas)`,
          );
        options.victims = kinds as VictimKind[];
        break;
      }
      default:
        throw new Error(`${option}: opción desconocida\n${SOAK_USAGE}`);
    }
    i++;
  }
  if (options.pauseMs.max >= options.killEveryMs)
    throw new Error(
      `--pause: ${options.pauseMs.max / 1000} s no cabe en el intervalo de --kill-every (${options.killEveryMs / 1000} s): cada proceso vuelve antes de la siguiente caída`,
    );
  if (Number.isNaN(options.seed)) options.seed = drawSeed();
  return options;
}
