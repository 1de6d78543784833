#!/usr/bin/env node
// `npm run temporal:install`: finds or builds the pinned Temporal CLI and prints its path.
'use strict';
const { join } = require('node:path');
const { ensureDependencies, build, registerDistPaths, root } = require('./bootstrap');

ensureDependencies();
build();
registerDistPaths();
require(join(root, 'dist', 'infra', 'src', 'temporal-cli.js'))
  .ensureTemporalCli((line) => console.log(line))
  .then((cli) => console.log(cli))
  .catch((error) => {
    console.error(`error: ${error.message}`);
    process.exit(1);
  });
