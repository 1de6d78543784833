import { clusterOnPostgres } from '../../../test/reliability/support/cluster-temporal';
import { FaultStack } from '../../../test/reliability/support/fault-stack';
import { sleep } from '../../../test/reliability/support/scenario';
import {
  type SettledReport,
  operator,
  settleAndCheck,
  settledViolations,
} from '../../../test/reliability/support/settle';
import { ChaosPlan, type Victim, victimName, victimsOf } from './chaos-plan';
import { OficioLoad } from './oficio-load';
import { QueryLoad } from './query-load';
import { SeededRandom } from './seeded-random';
import type { SoakOptions } from './soak-options';
import { SubscriptionWatch } from './subscription-watch';

/** The multi-node topology of scenario 5: full Temporal on PostgreSQL with mTLS, two workers, two gateways. */
const TOPOLOGY = { workers: 2, gateways: 2 };
const TAG = 'SK';

export interface Kill {
  victim: string;
  /** When it was killed, and when it was serving again (ISO 8601). */
  at: string;
  back: string;
  pauseMs: number;
}

export interface SoakResult {
  seed: number;
  /** The load's length (--minutes). */
  minutes: number;
  seconds: number;
  kills: Kill[];
  documents: number;
  openCases: number;
  oficios: number;
  queries: number;
  queriesRetried: number;
  subscriptionEvents: { documentChanged: number; escalationRaised: number };
  reconnections: number;
  report: SettledReport;
  /** Every rule broken: the invariants', the settled shape's and the load's own. */
  violations: string[];
}

/**
 * The chaos soak: the multi-node topology under mixed load — oficios (document lives, open cases),
 * queries and subscriptions — for `options.durationMs`, while a seeded plan kills one process per
 * interval at most and restarts it after a pause; then it settles and checks the invariants of the
 * fault scenarios. `say` gets the progress, each kill, and the outcome.
 */
export async function runSoak(options: SoakOptions, say: (line: string) => void): Promise<SoakResult> {
  // The plan draws from its own source: the load's draws (which document to read) depend on timing.
  const plan = new ChaosPlan(
    new SeededRandom(options.seed),
    victimsOf(TOPOLOGY, options.victims),
    options.killEveryMs,
    options.pauseMs,
  );
  say(`arrancando la topología: Temporal completo sobre PostgreSQL (mTLS), 2 workers, 2 gateways…`);
  const stack = await FaultStack.start({ ...TOPOLOGY, temporal: clusterOnPostgres });
  try {
    return await soakOn(stack, options, plan, new SeededRandom(options.seed + 1), say);
  } finally {
    await stack.stop();
  }
}

async function soakOn(
  stack: FaultStack,
  options: SoakOptions,
  plan: ChaosPlan,
  random: SeededRandom,
  say: (line: string) => void,
): Promise<SoakResult> {
  const started = Date.now();
  const ends = started + options.durationMs;
  // A part that fails (an oficio refused, say) stops the others at their next step.
  let failed = false;
  const running = () => !failed && Date.now() < ends;
  const stamp = (at = Date.now()) => {
    const s = Math.round((at - started) / 1000);
    return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  };

  const client = operator(stack);
  const oficios = new OficioLoad(client, TAG);
  const queries = new QueryLoad(stack.graphqlUrls, stack.adminToken, stack.log, random, oficios.documentIds);
  const watch = new SubscriptionWatch(stack.graphqlUrls, stack.adminToken, stack.log);
  const kills: Kill[] = [];
  watch.open();
  say(
    `soak: ${options.durationMs / 60_000} min, una caída cada ${options.killEveryMs / 1000} s como máximo, semilla ${options.seed} (repítalo con --seed ${options.seed})`,
  );

  const progress = setInterval(
    () =>
      say(
        `[${stamp()}] oficios ${oficios.oficios} (${oficios.documents} documentos), consultas ${queries.answered}, eventos de suscripción ${watch.total}, caídas ${kills.length}`,
      ),
    30_000,
  );
  const chaos = async () => {
    // The first interval starts once the load is under way.
    for (let k = 1; ; k++) {
      const next = plan.next();
      const at = started + k * options.killEveryMs + next.offsetMs;
      if (at >= ends) return;
      await sleep(Math.max(0, at - Date.now()));
      if (!running()) return;
      const name = victimName(next.victim);
      const killed = Date.now();
      const how = next.victim.kind === 'postgres' ? `${name} parado` : `kill -9 ${name}`;
      say(
        `[${stamp(killed)}] caída ${kills.length + 1} (${new Date(killed).toISOString().slice(11, 19)} UTC): ${how}; vuelve en ${(next.pauseMs / 1000).toFixed(1)} s`,
      );
      await stack.log.fault(
        `soak: ${name} killed, back after ${next.pauseMs} ms`,
        () => killAndRestart(stack, next.victim, next.pauseMs),
        15_000,
      );
      kills.push({
        victim: name,
        at: new Date(killed).toISOString(),
        back: new Date().toISOString(),
        pauseMs: next.pauseMs,
      });
      say(`[${stamp()}] ${name} de vuelta (${((Date.now() - killed) / 1000).toFixed(1)} s caído)`);
    }
  };
  try {
    // Every part ends before the stack stops (a victim half-restarted would outlive it).
    const parts = await Promise.allSettled(
      [oficios.run(options.concurrency, running), queries.run(2, running), chaos()].map((p) =>
        p.catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );
    const failure = parts.find((p) => p.status === 'rejected');
    if (failure) throw failure.reason;
  } finally {
    clearInterval(progress);
    if (failed) await watch.close();
  }
  // The subscriptions hear the last changes and escalations before they close.
  await sleep(5000);
  await watch.close();
  say(
    `[${stamp()}] carga terminada: ${oficios.oficios} oficios, ${queries.answered} consultas, ${watch.total} eventos de suscripción, ${kills.length} caídas; asentando y revisando los invariantes…`,
  );

  const report = await settleAndCheck(stack, client, {
    name: `soak ${options.durationMs / 60_000} min: ${kills.length} kills (seed ${options.seed})`,
    tag: TAG,
    documents: oficios.documents,
    openCases: oficios.openCases,
    started,
    extra: { kills: kills.length, queries: queries.answered, subscriptionEvents: watch.total },
  });
  const violations = [...report.violations, ...settledViolations(report)];
  if (oficios.wrongStates.length)
    violations.push(
      `${oficios.wrongStates.length} oficios left their case in the wrong state: ${oficios.wrongStates.slice(0, 5).join('; ')}`,
    );
  if (queries.failures.length)
    violations.push(`${queries.failures.length} queries failed: ${queries.failures.slice(0, 5).join('; ')}`);
  if (watch.badPayloads.length)
    violations.push(
      `${watch.badPayloads.length} subscription payloads were not events: ${watch.badPayloads.slice(0, 5).join('; ')}`,
    );
  // Nothing asserted over an empty set: the load did happen.
  if (oficios.oficios === 0) violations.push('no oficio was recorded');
  if (queries.answered === 0) violations.push('no query was answered');
  if (watch.events.documentChanged === 0) violations.push('the subscriptions delivered no documentChanged event');
  const db = await stack.db();
  const known = new Set<string>(
    (await db.query('SELECT DISTINCT stream_id FROM events WHERE stream_id = ANY($1)', [[...watch.cases]])).map(
      (r: { stream_id: string }) => r.stream_id,
    ),
  );
  const unknown = [...watch.cases].filter((id) => !known.has(id));
  if (unknown.length)
    violations.push(
      `${unknown.length} cases named by subscription payloads are not in the event store: ${unknown.slice(0, 5).join(', ')}`,
    );

  return {
    seed: options.seed,
    minutes: options.durationMs / 60_000,
    seconds: (Date.now() - started) / 1000,
    kills,
    documents: oficios.documents,
    openCases: oficios.openCases,
    oficios: oficios.oficios,
    queries: queries.answered,
    queriesRetried: queries.retried,
    subscriptionEvents: { ...watch.events },
    reconnections: watch.reconnections,
    report,
    violations,
  };
}

/** kill -9 (PostgreSQL: stopped), the pause, the restart, and the wait until it serves again. */
async function killAndRestart(stack: FaultStack, victim: Victim, pauseMs: number): Promise<void> {
  switch (victim.kind) {
    case 'worker':
      await stack.killWorker(victim.index);
      await sleep(pauseMs);
      await stack.startWorker(victim.index);
      return;
    case 'gateway':
      await stack.killGateway(victim.index);
      await sleep(pauseMs);
      await stack.startGateway(victim.index);
      return;
    case 'temporal':
      await stack.temporal.kill();
      await sleep(pauseMs);
      await stack.temporal.restart();
      return;
    case 'postgres':
      await stack.stopPostgres();
      await sleep(pauseMs);
      await stack.startPostgres();
      await waitUntilReady(stack);
      return;
  }
}

async function waitUntilReady(stack: FaultStack, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; i < stack.graphqlUrls.length; i++) {
    for (;;) {
      const status = (await fetch(stack.readyUrl(i), { signal: AbortSignal.timeout(5000) }).catch(() => null))?.status;
      if (status === 200) break;
      if (Date.now() > deadline)
        throw new Error(`gateway ${i + 1} not ready ${timeoutMs / 1000} s after PostgreSQL came back`);
      await sleep(1000);
    }
  }
}
