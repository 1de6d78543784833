#!/usr/bin/env node
// `npm test`: install what is missing, compile, provision the Temporal CLI, then lint, type-check,
// unit tests and end-to-end tests against a real Temporal server and a real PostgreSQL (started
// and stopped by the test harness on free ports). Every step runs even if an earlier one failed;
// the last line sums the tests up as "tests: N passed, N failed".
'use strict';
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { prepareTestRun, root, run, step } = require('./bootstrap');

async function main() {
  const started = Date.now();
  const cli = await prepareTestRun();
  step('provisioning the Java time-skipping test server (Maven)…');
  const { ensureTemporalTestServer } = require(join(root, 'dist', 'infra', 'src', 'temporal-test-server.js'));
  console.log(`  using ${await ensureTemporalTestServer((line) => console.log(`  ${line}`))}`);

  step('checking the browser, PDF, OCR and backup tools (Chromium, pdftoppm, Tesseract, sqlite3)…');
  const { ensureSystemTools } = require(join(root, 'dist', 'infra', 'src', 'system-tools.js'));
  await ensureSystemTools((line) => console.log(`  ${line}`));

  const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
  const failures = [];
  const check = (name, args) => {
    step(name);
    const t = Date.now();
    const code = run(process.execPath, args, { env: { ...process.env, TEMPORAL_CLI: cli } });
    console.log(`  ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    if (code !== 0) failures.push(name);
  };

  check('lint (eslint, including architecture boundaries)', [
    bin('eslint', 'bin/eslint.js'),
    '--max-warnings',
    '0',
    '.',
  ]);
  check('type check (tsc --noEmit)', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
  check('format (prettier --check; npm run format writes it)', [
    bin('prettier', 'bin/prettier.cjs'),
    '--check',
    '--log-level',
    'warn',
    '**/*.{ts,js,mjs}',
  ]);

  const reports = mkdtempSync(join(tmpdir(), 'seguimiento-jest-'));
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const jest = (name, project, extra) => {
    const out = join(reports, `${project}.json`);
    check(name, [bin('jest', 'bin/jest.js'), '--selectProjects', project, '--json', `--outputFile=${out}`, ...extra]);
    try {
      const report = JSON.parse(readFileSync(out, 'utf8'));
      totals.passed += report.numPassedTests;
      totals.failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
      totals.skipped += report.numPendingTests + report.numTodoTests;
      if (report.numTotalTests === 0) failures.push(`${name}: no test ran`);
    } catch {
      totals.failed += 1; // the runner crashed before it could report
    }
  };
  jest('unit tests (no servers)', 'unit', []);
  // --forceExit: a test whose servers failed to start may leave a process behind, and Jest would
  // then wait for it forever after reporting; the run must end with its failure (Jest says it forced).
  jest('end-to-end tests (real Temporal + real PostgreSQL)', 'e2e', ['--runInBand', '--forceExit']);
  rmSync(reports, { recursive: true, force: true });

  console.log(
    `\n${((Date.now() - started) / 1000).toFixed(0)} s in all${failures.length ? `; failed: ${failures.join(', ')}` : ''}`,
  );
  console.log(
    `tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
  );
  process.exit(failures.length === 0 && totals.failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`npm test: ${error && error.message ? error.message : error}`);
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
});
