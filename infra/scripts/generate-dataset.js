#!/usr/bin/env node
// `npm run dataset -- [--oples N] [--documents N] [--rounds N] [--seed N]`: a generated log for benchmarks.
'use strict';
require('./bootstrap').runDist('infra/src/datasets/cli.js', process.argv.slice(2), 'error');
