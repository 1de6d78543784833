#!/usr/bin/env node
// `npm run bench [-- --smoke] [-- --workflows 10000 …]`: the benchmark; see README "Benchmarks".
'use strict';
require('./bootstrap').runDist('infra/src/bench/run-bench.js', process.argv.slice(2), 'bench');
