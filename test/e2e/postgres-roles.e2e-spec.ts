import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { EventStore, openDatabase } from '@seguimiento/persistence';
import { ManagedProcess } from '@seguimiento/infra/managed-process';
import { freePort } from '@seguimiento/infra/ports';
import {
  type EmbeddedPostgresCredentials,
  credentialsFileOf,
  embeddedPostgresUrls,
  startEmbeddedPostgres,
} from '@seguimiento/infra/postgres';
import { type TestPostgres, startTestPostgres } from '../support/test-postgres';

/** Runs `sql` on a fresh connection to `url` and returns the rows (or throws what PostgreSQL said). */
async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** `url` with another user and password. */
function as(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const credentialsOf = (dataDir: string): EmbeddedPostgresCredentials =>
  JSON.parse(readFileSync(credentialsFileOf(dataDir), 'utf8'));

/**
 * Issue 13, finding 3: the embedded PostgreSQL no longer has a superuser with a known password.
 * The application connects as a role that owns its database and nothing more; passwords are made
 * for each installation; every connection authenticates with SCRAM; an old data folder is upgraded.
 */
describe('the embedded PostgreSQL: roles and passwords', () => {
  let pg: TestPostgres;
  let db: DataSource;

  beforeAll(async () => {
    pg = await startTestPostgres();
    // The migrations run as the application's role.
    db = await openDatabase(pg.url, { applicationName: 'seguimiento-e2e-roles' });
  });
  afterAll(async () => {
    await db?.destroy();
    await pg?.stop();
  });

  it('runs the application as a role that is not a superuser and owns its database and tables', async () => {
    const [role] = await query(
      pg.url,
      `SELECT current_user AS name, rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls,
              (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) AS database_owner,
              (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'events'::regclass) AS events_owner
         FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({
      name: 'seguimiento',
      rolsuper: false,
      rolcreatedb: false,
      rolcreaterole: false,
      rolreplication: false,
      rolbypassrls: false,
      database_owner: 'seguimiento',
      events_owner: 'seguimiento',
    });
  });

  it.each([
    [
      'run an OS command (COPY … FROM PROGRAM)',
      "COPY events FROM PROGRAM 'id'",
      /external program|pg_execute_server_program/,
    ],
    ['read a server file with COPY', "COPY events FROM '/etc/passwd'", /permission denied to COPY from a file/],
    ['read a server file with pg_read_file', "SELECT pg_read_file('/etc/passwd')", /permission denied/],
    ['make itself a superuser', 'ALTER ROLE seguimiento SUPERUSER', /permission denied/],
    ['create a role', 'CREATE ROLE intruso LOGIN', /permission denied/],
    ['create a database', 'CREATE DATABASE otra', /permission denied/],
    [
      'switch every trigger off for its session (session_replication_role)',
      'SET session_replication_role = replica',
      /permission denied/,
    ],
  ])('refuses the application to %s', async (_what, sql, error) => {
    await expect(query(pg.url, sql)).rejects.toThrow(error);
  });

  it("keeps Temporal's role out of the application's database, and the application out of Temporal's tables", async () => {
    await query(pg.temporalUrl, 'CREATE DATABASE ajena');
    const theirs = withDatabase(pg.temporalUrl, 'ajena');
    await query(theirs, "CREATE TABLE secreto AS SELECT 'x' AS dato");
    await expect(query(withDatabase(pg.url, 'ajena'), 'SELECT * FROM secreto')).rejects.toThrow(/permission denied/);
    await expect(query(withDatabase(pg.temporalUrl, 'seguimiento'), 'SELECT 1')).rejects.toThrow(
      /permission denied for database/,
    );
    await expect(query(pg.temporalUrl, 'CREATE DATABASE copia TEMPLATE seguimiento')).rejects.toThrow(
      /permission denied to copy database/,
    );
    const [temporal] = await query(
      pg.temporalUrl,
      'SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user',
    );
    expect(temporal).toEqual({ rolsuper: false, rolcreatedb: true, rolcreaterole: false });
  });

  it('refuses the old seguimiento/seguimiento password and a wrong one; authenticates with SCRAM only', async () => {
    await expect(query(as(pg.url, 'seguimiento', 'seguimiento'), 'SELECT 1')).rejects.toThrow(
      /password authentication failed/,
    );
    await expect(query(as(pg.adminUrl, 'postgres', 'postgres'), 'SELECT 1')).rejects.toThrow(
      /password authentication failed/,
    );
    await expect(
      query(as(pg.adminUrl, 'postgres', `${credentialsOf(pg.dataDir).admin.password}x`), 'SELECT 1'),
    ).rejects.toThrow(/password authentication failed/);
    const rules = await query<{ type: string; auth_method: string; error: string | null }>(
      pg.adminUrl,
      'SELECT type, auth_method, error FROM pg_hba_file_rules',
    );
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule).toEqual({ type: rule.type, auth_method: 'scram-sha-256', error: null });
    const stored = await query<{ rolname: string; scram: boolean }>(
      pg.adminUrl,
      "SELECT rolname, rolpassword LIKE 'SCRAM-SHA-256$%' AS scram FROM pg_authid WHERE rolcanlogin ORDER BY rolname",
    );
    expect(stored).toEqual([
      { rolname: 'postgres', scram: true },
      { rolname: 'seguimiento', scram: true },
      { rolname: 'temporal', scram: true },
    ]);
    const [settings] = await query(
      pg.adminUrl,
      "SELECT current_setting('password_encryption') AS encryption, current_setting('listen_addresses') AS listen",
    );
    expect(settings).toEqual({ encryption: 'scram-sha-256', listen: '127.0.0.1' });
  });

  it('keeps the passwords in a 0600 file beside the data folder, different for every installation', async () => {
    expect(statSync(credentialsFileOf(pg.dataDir)).mode & 0o777).toBe(0o600);
    const mine = credentialsOf(pg.dataDir);
    expect(new URL(pg.url).password).toBe(mine.app.password);
    const passwords = [mine.admin.password, mine.app.password, mine.temporal.password];
    expect(new Set(passwords).size).toBe(3);
    for (const p of passwords) expect(p).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const other = await startTestPostgres();
    try {
      const theirs = credentialsOf(other.dataDir);
      for (const p of [theirs.admin.password, theirs.app.password, theirs.temporal.password])
        expect(passwords).not.toContain(p);
    } finally {
      await other.stop();
    }
  });
});

describe('the embedded PostgreSQL: a data folder from before per-installation passwords', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seguimiento-pg-legacy-'));
  const dataDir = join(dir, 'data');
  let port: number;

  beforeAll(() => chmodSync(dir, 0o755));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is upgraded in place on start: its data kept, the superuser gone from the application, the old password refused', async () => {
    port = await freePort();
    // The folder as the previous embedded-postgres.mjs made it (superuser seguimiento/seguimiento, `password` auth).
    const legacy = new ManagedProcess({
      name: 'legacy-postgres',
      command: process.execPath,
      args: [
        join(__dirname, '..', 'support', 'legacy-embedded-postgres.mjs'),
        '--dir',
        dataDir,
        '--port',
        String(port),
      ],
      tether: 'node',
    });
    const [, legacyUrl] = await legacy.waitForLine(/^READY (\S+)$/, 120_000);
    expect(legacyUrl).toBe(`postgres://seguimiento:seguimiento@127.0.0.1:${port}/seguimiento`);
    const streamId = `legado-${randomUUID()}`;
    try {
      const old = await openDatabase(legacyUrl, { applicationName: 'seguimiento-e2e-legacy' });
      await new EventStore(old).append(streamId, 0, [
        {
          eventId: randomUUID(),
          type: 'DocumentSubmitted',
          data: { n: 1 },
          metadata: { actor: 'test' },
          occurredAt: new Date(),
        },
      ]);
      await old.destroy();
      // What `npm run temporal:cluster` kept in the same server: Temporal's databases.
      await query(legacyUrl, 'CREATE DATABASE temporal');
      await query(withDatabase(legacyUrl, 'temporal'), 'CREATE TABLE namespaces (id bigserial PRIMARY KEY, name text)');
    } finally {
      await legacy.stop();
    }

    const notes: string[] = [];
    let pg = await startEmbeddedPostgres({ dataDir, port, log: (line) => notes.push(line) });
    try {
      expect(notes).toEqual([
        expect.stringMatching(/^upgrading .*data: .*scram-sha-256.*credentials in .*data\.credentials\.json$/),
      ]);
      expect(statSync(credentialsFileOf(dataDir)).mode & 0o777).toBe(0o600);
      const urls = embeddedPostgresUrls(dataDir, port);
      expect(pg.url).toBe(urls.app);
      // What the server process printed (kept in its tail for error messages) holds no password.
      for (const { password } of Object.values(credentialsOf(dataDir)))
        expect(pg.process!.lastLines(40)).not.toContain(password);
      expect(pg.process!.lastLines(40)).toContain(`READY postgres://seguimiento:***@127.0.0.1:${port}/seguimiento`);

      // The data is there, readable by the application, and the log is still append-only.
      const db = await openDatabase(pg.url, { applicationName: 'seguimiento-e2e-upgraded' });
      try {
        expect(await new EventStore(db).readStream(streamId)).toHaveLength(1);
      } finally {
        await db.destroy();
      }
      await expect(query(pg.url, "UPDATE events SET type = 'x'")).rejects.toThrow(/events are append-only/);
      const [role] = await query(
        pg.url,
        'SELECT current_user AS name, rolsuper FROM pg_roles WHERE rolname = current_user',
      );
      expect(role).toEqual({ name: 'seguimiento', rolsuper: false });
      await expect(query(pg.url, "COPY events FROM PROGRAM 'id'")).rejects.toThrow(
        /external program|pg_execute_server_program/,
      );
      await expect(query(legacyUrl, 'SELECT 1')).rejects.toThrow(/password authentication failed/);

      // Ownership moved: what the application created to the application, Temporal's to `temporal`.
      const owners = await query(
        urls.admin,
        `SELECT datname, pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname IN ('seguimiento', 'temporal') ORDER BY datname`,
      );
      expect(owners).toEqual([
        { datname: 'seguimiento', owner: 'seguimiento' },
        { datname: 'temporal', owner: 'temporal' },
      ]);
      const appObjects = await query<{ owner: string }>(
        withDatabase(urls.admin, 'seguimiento'),
        `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'public'::regnamespace
         UNION SELECT DISTINCT pg_get_userbyid(proowner) FROM pg_proc WHERE pronamespace = 'public'::regnamespace`,
      );
      expect(appObjects).toEqual([{ owner: 'seguimiento' }]);
      await expect(
        query(
          withDatabase(pg.temporalUrl, 'temporal'),
          "INSERT INTO namespaces (name) VALUES ('default') RETURNING id",
        ),
      ).resolves.toEqual([{ id: '1' }]);
      const rules = await query<{ auth_method: string }>(
        urls.admin,
        'SELECT DISTINCT auth_method FROM pg_hba_file_rules',
      );
      expect(rules).toEqual([{ auth_method: 'scram-sha-256' }]);
      const [bootstrap] = await query(urls.admin, 'SELECT rolname, rolsuper FROM pg_roles WHERE oid = 10');
      expect(bootstrap).toEqual({ rolname: 'postgres', rolsuper: true });
    } finally {
      await pg.stop();
    }

    // The next start finds it upgraded: nothing to say, the same passwords.
    notes.length = 0;
    const before = credentialsOf(dataDir);
    pg = await startEmbeddedPostgres({ dataDir, port, log: (line) => notes.push(line) });
    try {
      expect(notes).toEqual([]);
      expect(credentialsOf(dataDir)).toEqual(before);
      await expect(query(pg.url, 'SELECT count(*)::int AS n FROM events')).resolves.toEqual([{ n: 1 }]);
    } finally {
      await pg.stop();
    }
  });
});
