#!/usr/bin/env node
// `npm run soak -- [--minutes 30] [--kill-every 45s] [--seed N] …`: the chaos soak on the
// multi-node topology; see README "Fiabilidad". Compiles first, then runs dist/infra/src/soak.
'use strict';
require('./bootstrap').runDist('infra/src/soak/run-soak.js', process.argv.slice(2), 'soak');
