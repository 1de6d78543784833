#!/usr/bin/env node
// `npm run bench [-- --smoke] [-- --workflows 10000 …]`: the benchmark; see README "Benchmarks".
'use strict';
const { join } = require('node:path');
const { ensureDependencies, build, registerDistPaths, root } = require('./bootstrap');

ensureDependencies();
build();
registerDistPaths();
require(join(root, 'dist', 'infra', 'src', 'bench', 'run-bench.js'))
  .main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(`bench: ${error && error.message ? error.message : error}`);
    process.exit(1);
  });
