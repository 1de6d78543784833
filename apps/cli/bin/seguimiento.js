#!/usr/bin/env node
// `seguimiento` (npx seguimiento, or npm run cli --): runs the compiled CLI, compiling it first
// if dist/ is missing. The compiler's output goes to stderr so that --json output stays clean.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..', '..');
const main = join(root, 'dist', 'apps', 'cli', 'src', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('seguimiento: compiling (tsc -b)…\n');
  const tsc = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: ['ignore', process.stderr, process.stderr],
    },
  );
  if (tsc.status !== 0) {
    process.stderr.write('seguimiento: the TypeScript build failed (see above)\n');
    process.exit(2);
  }
}
require(join(root, 'infra', 'scripts', 'bootstrap')).registerDistPaths();
require(main)
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
