#!/usr/bin/env node
// `npm start`: installs what is missing, compiles, then brings up PostgreSQL, Temporal, the worker
// and the gateway (infra/src/start.ts), and stops them all on Ctrl-C.
'use strict';
const { ensureDependencies, build, registerDistPaths, root } = require('./bootstrap');
const { join } = require('node:path');

ensureDependencies();
build();
registerDistPaths();
require(join(root, 'dist', 'infra', 'src', 'start.js')).main();
