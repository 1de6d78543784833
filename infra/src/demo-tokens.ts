import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Principal, Tokens } from '@seguimiento/auth';

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
