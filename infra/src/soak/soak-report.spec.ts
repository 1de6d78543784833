import type { SettledReport } from '../../../test/reliability/support/settle';
import type { SoakResult } from './soak';
import { countBy, soakReport } from './soak-report';

const report: SettledReport = {
  violations: [],
  oficiosChecked: 933,
  losses: 0,
  duplicates: 0,
  events: 2592,
  streams: 301,
  runningWorkflowsChecked: 125,
  escalations: 259,
  escalationsFiredTwice: 0,
  errorsFromFaults: 504,
  stillRunning: 125,
  resolved: 173,
  expected: { resolved: 173, open: 125, cases: 298 },
};

const result = (violations: string[]): SoakResult => ({
  seed: 20,
  minutes: 3,
  seconds: 218.4,
  kills: [
    { victim: 'PostgreSQL', at: '', back: '', pauseMs: 1 },
    { victim: 'worker 1', at: '', back: '', pauseMs: 1 },
    { victim: 'PostgreSQL', at: '', back: '', pauseMs: 1 },
  ],
  documents: 259,
  openCases: 13,
  oficios: 933,
  queries: 1039,
  queriesRetried: 160,
  subscriptionEvents: { documentChanged: 1952, escalationRaised: 427 },
  reconnections: 2,
  report,
  violations,
});

describe('soakReport', () => {
  it('prints the scenarios’ table row: kills as faults, the invariants’ figures, the violations', () => {
    const lines = soakReport(result([]));
    expect(lines[0]).toMatch(/^\| scenario \| faults \| oficios checked \|/);
    expect(lines[2]).toBe('| soak 3 min, seed 20 | 3 | 933 | 2592 | 0 | 0 | 259 (0) | 125 | 504 | 0 | 218 |');
    expect(lines.join('\n')).toContain('3 caídas (PostgreSQL ×2, worker 1 ×1)');
    expect(lines.join('\n')).toContain('2379 eventos de suscripción');
    expect(lines.join('\n')).not.toContain('violaciones');
  });

  it('lists each violation in words', () => {
    const lines = soakReport(result(['1 accepted oficios are not in the event store: X']));
    expect(lines[2]).toMatch(/\| 1 \| 218 \|$/);
    expect(lines.slice(-2)).toEqual(['1 violaciones:', '  - 1 accepted oficios are not in the event store: X']);
  });
});

describe('countBy', () => {
  it('counts in order of first appearance, and says when there is none', () => {
    expect(countBy(['b', 'a', 'b'])).toBe('b ×2, a ×1');
    expect(countBy([])).toBe('ninguna');
  });
});
