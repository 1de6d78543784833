import { runSoak } from '../../infra/src/soak/soak';
import { soakReport } from '../../infra/src/soak/soak-report';
import { parseSoakArgs } from '../../infra/src/soak/soak-options';
import { expectSettled } from './support/fault-scenario';
import { size } from './support/scenario';

/**
 * Scenario 6, the chaos soak in short (what `npm run soak` runs for half an hour): the multi-node
 * topology of scenario 5 under oficios, queries and open subscriptions while a seeded plan kills a
 * worker, a gateway, Temporal or PostgreSQL at most once per interval and brings each back.
 * SOAK_MINUTES (default 3), SOAK_KILL_EVERY (default 25s) and SOAK_SEED (default 20) change it.
 */
describe('scenario 6: chaos soak on the multi-node topology', () => {
  const minutes = size('SOAK_MINUTES', 3);
  const options = parseSoakArgs([
    '--minutes',
    String(minutes),
    '--kill-every',
    process.env.SOAK_KILL_EVERY || '25s',
    '--pause',
    '10s',
    '--seed',
    String(size('SOAK_SEED', 20)),
    '--concurrency',
    '6',
  ]);

  it(
    'kills at least twice under mixed load, and every invariant holds',
    async () => {
      const result = await runSoak(options, (line) => process.stderr.write(`  ${line}\n`));
      process.stderr.write(`${soakReport(result).join('\n')}\n`);

      expect(result.violations).toEqual([]);
      expectSettled(result.report);
      // The chaos happened: at least two kills, each victim serving again.
      expect(result.kills.length).toBeGreaterThanOrEqual(2);
      for (const kill of result.kills) expect(Date.parse(kill.back)).toBeGreaterThan(Date.parse(kill.at));
      // The load was mixed, and the subscriptions delivered events (not an empty set).
      expect(result.oficios).toBeGreaterThan(0);
      expect(result.report.losses + result.report.duplicates).toBe(0);
      expect(result.queries).toBeGreaterThan(0);
      expect(result.subscriptionEvents.documentChanged).toBeGreaterThan(0);
      expect(result.subscriptionEvents.escalationRaised).toBeGreaterThan(0);
    },
    // The soak's own length, plus the topology's start (45 min the first time: the Go build of
    // the Temporal server, as scenario 5) and the settling.
    minutes * 60_000 + 45 * 60_000,
  );
});
