#!/usr/bin/env node
// Runs a command tied to its parent: when the parent that spawned us (with an IPC channel) dies,
// even by SIGKILL, the channel closes and the command is stopped. Signals sent to our process
// group reach the command directly, as it stays in the group.
// Usage: node tether.js COMMAND [ARGS...]
'use strict';
const { spawn } = require('node:child_process');

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: tether.js COMMAND [ARGS...]');
  process.exit(2);
}
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const stop = () => {
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
};
process.on('disconnect', stop);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
child.on('error', (error) => {
  console.error(`${command}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
