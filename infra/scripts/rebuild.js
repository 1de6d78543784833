#!/usr/bin/env node
// `npm run rebuild`: rebuilds every read model from the event log, with a progress line.
'use strict';
require('./bootstrap').runDist('infra/src/rebuild.js', process.argv.slice(2), 'error');
