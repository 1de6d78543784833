#!/usr/bin/env node
// `npm run rebuild`: rebuilds every read model from the event log, with a progress line.
'use strict';
const { join } = require('node:path');
const { ensureDependencies, build, registerDistPaths, root } = require('./bootstrap');

ensureDependencies();
build();
registerDistPaths();
require(join(root, 'dist', 'infra', 'src', 'rebuild.js'))
  .main()
  .catch((error) => {
    console.error(`error: ${error.message}`);
    process.exit(1);
  });
