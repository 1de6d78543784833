#!/usr/bin/env node
// `npm run test:reliability`: the fault scenarios of test/reliability against the real system as
// separate processes (PostgreSQL, Temporal, workers, gateways), each followed by the invariants.
// Prints each scenario's figures and a summary; the last line is "tests: N passed, N failed".
// Extra arguments go to Jest (e.g. a file name to run one scenario).
'use strict';
const { mkdtempSync, readFileSync, rmSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { prepareTestRun, root, run, step } = require('./bootstrap');

async function main() {
  const started = Date.now();
  const cli = await prepareTestRun();

  const work = mkdtempSync(join(tmpdir(), 'seguimiento-reliability-run-'));
  const figures = join(work, 'figures.jsonl');
  const out = join(work, 'jest.json');
  step('fault scenarios (real PostgreSQL, Temporal, workers and gateways as processes)…');
  const code = run(
    process.execPath,
    [
      join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
      ...process.argv.slice(2),
      '--selectProjects',
      'reliability',
      '--runInBand',
      '--json',
      `--outputFile=${out}`,
    ],
    { env: { ...process.env, TEMPORAL_CLI: cli, RELIABILITY_REPORT: figures } },
  );
  let passed = 0;
  let failed = 1;
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0) + (report.numTotalTests === 0 ? 1 : 0);
  } catch {
    // the runner crashed before it could report: counted as one failure
  }
  summarize(
    existsSync(figures)
      ? readFileSync(figures, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l))
      : [],
  );
  rmSync(work, { recursive: true, force: true });
  console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s in all`);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(code === 0 && failed === 0 ? 0 : 1);
}

function summarize(rows) {
  if (rows.length === 0) return;
  console.log(
    '\n| scenario | faults | oficios checked | events | losses | duplicates | escalations (twice) | running workflows inspected | errors from faults | violations | s |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  const sum = (key) => rows.reduce((n, r) => n + (Number(r[key]) || 0), 0);
  for (const r of rows) {
    console.log(
      `| ${r.scenario} | ${r.faultsInjected} | ${r.oficiosChecked} | ${r.events} | ${r.losses} | ${r.duplicates} | ${r.escalations} (${r.escalationsFiredTwice}) | ${r.runningWorkflowsChecked} | ${r.errorsFromFaults} | ${r.violations.length} | ${Math.round(r.seconds)} |`,
    );
  }
  const badInputs = sum('badInputsTried');
  console.log(
    `\nreliability: ${rows.length} scenarios, ${sum('faultsInjected')} faults injected, ${sum('oficiosChecked')} oficios checked, ${sum('runningWorkflowsChecked')} running workflows inspected` +
      `${badInputs ? `, ${badInputs} bad inputs tried` : ''}, ${sum('losses')} lost, ${sum('duplicates')} duplicated, ${sum('escalationsFiredTwice')} escalations fired twice`,
  );
  if (rows.some((r) => r.mailsExpected !== undefined))
    console.log(
      `mail: ${sum('mailsExpected')} messages expected, ${sum('mailsDelivered')} delivered, ${sum('mailsLost')} lost, ${sum('mailsDuplicated')} duplicated` +
        ` (${sum('mailsResentInDoubt')} sent again with the same Message-ID after a kill between the server's acceptance and the outbox's commit)`,
    );
}

main().catch((error) => {
  console.error(`test:reliability: ${error && error.message ? error.message : error}`);
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
});
