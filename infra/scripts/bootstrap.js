// Plain-Node helpers the entry scripts use before any dependency is installed or any TypeScript
// is compiled: install what is missing, compile, and resolve the workspace's @seguimiento/* paths
// inside dist/.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');

/** Bold only on a terminal (and not with NO_COLOR): a log file or CI gets plain text. */
const bold = process.stdout.isTTY && !process.env.NO_COLOR ? (text) => `\u001b[1m${text}\u001b[0m` : (text) => text;

function step(message) {
  process.stdout.write(`${bold(`▸ ${message}`)}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** `npm ci` when node_modules is missing or older than package-lock.json (dev dependencies too: the build needs them, even under NODE_ENV=production). */
function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  step('installing dependencies (npm ci)…');
  if (run('npm', ['ci', '--include=dev', '--no-audit', '--no-fund']) !== 0) {
    console.error('npm ci failed: see the output above (is the npm registry reachable?)');
    process.exit(1);
  }
}

/** Incremental TypeScript build into dist/, then the console (dist/web) when stale. */
function build() {
  step('compiling TypeScript (tsc -b)…');
  if (
    run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.build.json']) !== 0
  ) {
    console.error('the TypeScript build failed: see the errors above');
    process.exit(1);
  }
  if (webIsStale() && !buildWeb()) process.exit(1);
}

const WEB_INDEX = join(root, 'dist', 'web', 'index.html');
/** What the console is built from: apps/web (minus its generated operations), the schema, the domain's catalogue. */
const WEB_SOURCES = [
  join(root, 'apps', 'web'),
  join(root, 'apps', 'gateway', 'schema.gql'),
  join(root, 'libs', 'domain', 'src', 'catalogue'),
];

/** The newest modification time under `path` (a file or a folder). */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'gql' || entry === 'node_modules') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** Whether dist/web is missing or older than any of its sources. */
function webIsStale() {
  if (!existsSync(WEB_INDEX)) return true;
  const built = statSync(WEB_INDEX).mtimeMs;
  return WEB_SOURCES.some((source) => existsSync(source) && newest(source) > built);
}

/**
 * The console: typed operations generated from the schema (GraphQL Code Generator), type-checked
 * with the web's own tsconfig, bundled by Vite into dist/web. A schema change that breaks an
 * operation fails here. Returns whether it succeeded (`options` go to each step's spawn).
 */
function buildWeb(options = {}) {
  const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
  const steps = [
    [
      'generating the console’s typed operations (graphql-codegen)…',
      bin('@graphql-codegen/cli', 'esm/bin.js'),
      ['--config', 'apps/web/codegen.yml', '--silent'],
    ],
    ['type-checking the console (tsc)…', bin('typescript', 'bin/tsc'), ['-p', 'apps/web/tsconfig.json', '--noEmit']],
    [
      'building the console (vite build → dist/web)…',
      bin('vite', 'bin/vite.js'),
      ['build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'],
    ],
  ];
  for (const [message, script, args] of steps) {
    step(message);
    // Always React's production build: a build started from jest (NODE_ENV=test) once left React's
    // development build in dist/web (+54 KB gzip, slower renders), which npm start and the bench then served.
    const env = script.includes(join('vite', 'bin'))
      ? { ...(options.env ?? process.env), NODE_ENV: 'production' }
      : options.env;
    if (run(process.execPath, [script, ...args], { ...options, env }) !== 0) {
      console.error('the console’s build failed: see the errors above');
      return false;
    }
  }
  return true;
}

/** Makes `require('@seguimiento/x')` find the compiled library in dist/. */
function registerDistPaths() {
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  require(join(root, 'node_modules', 'tsconfig-paths')).register({
    baseUrl: join(root, 'dist'),
    paths: compilerOptions.paths,
  });
}

/**
 * The entry scripts' common start: install what is missing, compile, then run `main(argv)` of a
 * compiled module under dist/, exiting with the code it returns, if any (1 when it throws).
 */
function runDist(relativePath, argv, label = 'error') {
  ensureDependencies();
  build();
  registerDistPaths();
  Promise.resolve(require(join(root, 'dist', relativePath)).main(argv))
    .then((code) => {
      if (typeof code === 'number') process.exit(code);
    })
    .catch((error) => {
      console.error(`${label}: ${error && error.message ? error.message : error}`);
      process.exit(1);
    });
}

/** After build(): finds or builds the pinned Temporal CLI, saying so; returns its path. */
async function provisionTemporalCli() {
  step('provisioning the Temporal CLI…');
  const { ensureTemporalCli } = require(join(root, 'dist', 'infra', 'src', 'temporal-cli.js'));
  const cli = await ensureTemporalCli((line) => console.log(`  ${line}`));
  console.log(`  using ${cli}`);
  return cli;
}

/** After build(): builds the full Temporal server and its SQL tool once (cached), saying so. */
async function provisionTemporalServer() {
  step('provisioning the full Temporal server and its SQL tool (Go build, first time only)…');
  const { ensureTemporalServerBinaries } = require(
    join(root, 'dist', 'infra', 'src', 'temporal-cluster', 'binaries.js'),
  );
  const { server } = await ensureTemporalServerBinaries((line) => console.log(`  ${line}`));
  console.log(`  using ${server}`);
}

/** What every test run does first: install, compile, find the Temporal CLI and server; returns the CLI's path. */
async function prepareTestRun() {
  ensureDependencies();
  build();
  registerDistPaths();
  const cli = await provisionTemporalCli();
  await provisionTemporalServer();
  return cli;
}

module.exports = {
  root,
  step,
  run,
  ensureDependencies,
  build,
  buildWeb,
  webIsStale,
  registerDistPaths,
  runDist,
  provisionTemporalCli,
  prepareTestRun,
};

// `node infra/scripts/bootstrap.js web` (npm run build:web): build the console now, stale or not.
if (require.main === module && process.argv[2] === 'web') process.exit(buildWeb() ? 0 : 1);
