#!/usr/bin/env node
// `npm run dataset -- [--oples N] [--documents N] [--rounds N] [--seed N]`: a generated log for benchmarks.
'use strict';
const { join } = require('node:path');
const { ensureDependencies, build, registerDistPaths, root } = require('./bootstrap');

ensureDependencies();
build();
registerDistPaths();
require(join(root, 'dist', 'infra', 'src', 'datasets', 'cli.js'))
  .main()
  .catch((error) => {
    console.error(`error: ${error.message}`);
    process.exit(1);
  });
