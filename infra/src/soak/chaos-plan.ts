import type { SeededRandom } from './seeded-random';

/** A process the soak may kill: one of the workers or gateways, the Temporal server, or PostgreSQL. */
export type Victim =
  { kind: 'worker'; index: number } | { kind: 'gateway'; index: number } | { kind: 'temporal' } | { kind: 'postgres' };

export type VictimKind = Victim['kind'];
export const VICTIM_KINDS: readonly VictimKind[] = ['worker', 'gateway', 'temporal', 'postgres'];

/** How the victim is named in the log ("worker 2", "Temporal", "PostgreSQL"). */
export function victimName(victim: Victim): string {
  switch (victim.kind) {
    case 'worker':
      return `worker ${victim.index + 1}`;
    case 'gateway':
      return `gateway ${victim.index + 1}`;
    case 'temporal':
      return 'Temporal';
    case 'postgres':
      return 'PostgreSQL';
  }
}

/**
 * Every process of the topology the soak may kill, of the allowed kinds. Workers and gateways are
 * killed only where there are at least two (the others carry on); Temporal and PostgreSQL, of which
 * there is one each, are killed and restarted (the system waits for them).
 */
export function victimsOf(topology: { workers: number; gateways: number }, kinds: readonly VictimKind[]): Victim[] {
  const victims: Victim[] = [];
  if (kinds.includes('worker') && topology.workers >= 2)
    for (let index = 0; index < topology.workers; index++) victims.push({ kind: 'worker', index });
  if (kinds.includes('gateway') && topology.gateways >= 2)
    for (let index = 0; index < topology.gateways; index++) victims.push({ kind: 'gateway', index });
  if (kinds.includes('temporal')) victims.push({ kind: 'temporal' });
  if (kinds.includes('postgres')) victims.push({ kind: 'postgres' });
  return victims;
}

export interface PlannedKill {
  victim: Victim;
  /** When, from the start of its interval. */
  offsetMs: number;
  /** How long the victim stays dead before it is restarted. */
  pauseMs: number;
}

/**
 * The kills, one per interval at most: the victims are drawn from a shuffled bag (each victim once
 * per round, so a run of as many kills as victims hits every one of them), each at a seeded moment
 * in the first third of its interval, and stays dead for a seeded pause of `pauseMs.min`…`max`.
 */
export class ChaosPlan {
  private bag: Victim[] = [];

  constructor(
    private readonly random: SeededRandom,
    private readonly victims: readonly Victim[],
    private readonly intervalMs: number,
    private readonly pauseMs: { min: number; max: number },
  ) {
    if (victims.length === 0) throw new Error('no process to kill: the topology has none of the kinds asked for');
  }

  next(): PlannedKill {
    if (this.bag.length === 0) this.bag = this.random.shuffle(this.victims);
    const victim = this.bag.shift()!;
    return {
      victim,
      offsetMs: this.random.between(0, Math.floor(this.intervalMs / 3)),
      pauseMs: this.random.between(this.pauseMs.min, this.pauseMs.max),
    };
  }
}
