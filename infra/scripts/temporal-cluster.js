#!/usr/bin/env node
// `npm run temporal:cluster`: builds the full Temporal server once (Go module proxy), then runs
// PostgreSQL and the server on it on loopback until Ctrl-C (infra/src/temporal-cluster/main.ts).
'use strict';
require('./bootstrap').runDist('infra/src/temporal-cluster/main.js', process.argv.slice(2), 'error');
