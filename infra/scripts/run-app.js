#!/usr/bin/env node
// Runs one compiled app with the workspace paths resolved: node infra/scripts/run-app.js worker|gateway
'use strict';
const { registerDistPaths, root } = require('./bootstrap');
const { join } = require('node:path');

const app = process.argv[2];
if (!['worker', 'gateway'].includes(app)) {
  console.error('usage: run-app.js worker|gateway');
  process.exit(2);
}
// Started by `npm start` with an IPC channel: if it dies, stop gracefully rather than linger.
if (process.send) {
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  process.channel?.unref();
}
registerDistPaths();
require(join(root, 'dist', 'apps', app, 'src', 'main.js'));
