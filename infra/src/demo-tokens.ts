import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Principal, type Role, Tokens, verifyPassword } from '@seguimiento/auth';
import { UserStore, prepareUser } from '@seguimiento/persistence';
import type { DataSource } from 'typeorm';

/** A secret from the environment, or one generated once into `dataDir/file` (0600) and read back on later starts. */
function keptSecret(dataDir: string, file: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const path = join(dataDir, file);
  if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(path, 'utf8').trim();
}

/** The secret that signs the gateway's tokens: JWT_SECRET, or one generated once and kept in the data folder. */
export const jwtSecret = (dataDir: string): string => keptSecret(dataDir, 'jwt-secret', process.env.JWT_SECRET);

/**
 * The bearer secret Prometheus sends to read the gateway's /metrics: METRICS_TOKEN, or one
 * generated once and kept in the data folder (like the JWT secret).
 */
export const metricsToken = (dataDir: string): string =>
  keptSecret(dataDir, 'metrics-token', process.env.METRICS_TOKEN);

/** One token per role, printed by `npm start` so a newcomer can try every kind of access. */
const DEMO_USERS: ReadonlyArray<Principal & { what: string }> = [
  { subject: 'admin@ine', role: 'ADMIN', institution: 'INE', what: 'ADMIN, INE (all OPLEs, read and write)' },
  { subject: 'supervisor@ine', role: 'SUPERVISOR', institution: 'INE', what: 'SUPERVISOR, INE (all OPLEs, read only)' },
  {
    subject: 'operador@ine',
    role: 'OPERATOR',
    institution: 'INE',
    what: 'OPERATOR, INE (records oficios of every OPLE: UTSI staff)',
  },
  {
    subject: 'operador@iepc-gro',
    role: 'OPERATOR',
    institution: 'GRO',
    what: 'OPERATOR, IEPC Guerrero (GRO only, read and write)',
  },
  {
    subject: 'supervisor@iepc-gro',
    role: 'SUPERVISOR',
    institution: 'GRO',
    what: 'SUPERVISOR, IEPC Guerrero (GRO only, read only)',
  },
];

export function demoTokens(secret: string): Array<{ what: string; token: string; principal: Principal }> {
  const tokens = new Tokens(secret);
  return DEMO_USERS.map(({ what, ...principal }) => ({ what, principal, token: tokens.issue(principal, '30d') }));
}

/** The console's demo users `npm start` creates: one per kind of person who signs in. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; role: Role; ople: string | null; displayName: string }> =
  [
    { username: 'supervisor.ine', role: 'SUPERVISOR', ople: null, displayName: 'Supervisión UTSI (demostración)' },
    { username: 'operador.ine', role: 'OPERATOR', ople: null, displayName: 'Operación UTSI (demostración)' },
    {
      username: 'comision.gro',
      role: 'SUPERVISOR',
      ople: 'GRO',
      displayName: 'Comisión del PREP, IEPC Guerrero (demostración)',
    },
    { username: 'operador.gro', role: 'OPERATOR', ople: 'GRO', displayName: 'Operación, IEPC Guerrero (demostración)' },
  ];

/**
 * The demo users' passwords: made once per installation (random, 20 characters) and kept in
 * `dataDir/demo-users.json` (0600), so each start prints the same ones.
 */
export function demoPasswords(dataDir: string): Record<string, string> {
  const path = join(dataDir, 'demo-users.json');
  const kept: Record<string, string> = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  let changed = false;
  for (const { username } of DEMO_ACCOUNTS)
    if (typeof kept[username] !== 'string') {
      kept[username] = randomBytes(15).toString('base64url');
      changed = true;
    }
  if (changed) writeFileSync(path, `${JSON.stringify(kept, null, 2)}\n`, { mode: 0o600 });
  return kept;
}

/**
 * Creates the demo users that do not exist yet (idempotent: an existing user is left as it is)
 * and says, for each, the password to sign in with — or that it was changed since (users passwd)
 * or the account disabled.
 */
export async function ensureDemoUsers(
  db: DataSource,
  dataDir: string,
): Promise<Array<{ username: string; what: string; password: string; note: string | null }>> {
  const passwords = demoPasswords(dataDir);
  const store = new UserStore(db);
  const result = [];
  for (const account of DEMO_ACCOUNTS) {
    const password = passwords[account.username];
    const existing = await store.find(account.username);
    if (!existing) await store.add(await prepareUser({ ...account, password, role: account.role }));
    const note = !existing
      ? null
      : existing.disabled
        ? 'disabled (npx seguimiento users enable …)'
        : (await verifyPassword(existing.passwordHash, password))
          ? null
          : 'its password was changed since (npx seguimiento users passwd)';
    const where = account.ople ? `${account.ople} only` : 'all OPLEs';
    result.push({ username: account.username, what: `${account.role}, ${where}`, password, note });
  }
  return result;
}
