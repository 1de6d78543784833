import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Principal, Tokens } from '@seguimiento/auth';

/** The secret that signs the gateway's tokens: JWT_SECRET, or one generated once and kept in the data folder. */
export function jwtSecret(dataDir: string): string {
  if (process.env.JWT_SECRET) return process.env.JWT_SECRET;
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * The bearer secret Prometheus sends to read the gateway's /metrics: METRICS_TOKEN, or one
 * generated once and kept in the data folder (like the JWT secret).
 */
export function metricsToken(dataDir: string): string {
  if (process.env.METRICS_TOKEN) return process.env.METRICS_TOKEN;
  const file = join(dataDir, 'metrics-token');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** One token per role, printed by `npm start` so a newcomer can try every kind of access. */
export const DEMO_USERS: ReadonlyArray<Principal & { what: string }> = [
  { subject: 'admin@ine', role: 'ADMIN', institution: 'INE', what: 'ADMIN, INE (all OPLEs, read and write)' },
  { subject: 'supervisor@ine', role: 'SUPERVISOR', institution: 'INE', what: 'SUPERVISOR, INE (all OPLEs, read only)' },
  { subject: 'operador@iepc-gro', role: 'OPERATOR', institution: 'GRO', what: 'OPERATOR, IEPC Guerrero (GRO only, read and write)' },
  { subject: 'supervisor@iepc-gro', role: 'SUPERVISOR', institution: 'GRO', what: 'SUPERVISOR, IEPC Guerrero (GRO only, read only)' },
];

export function demoTokens(secret: string): Array<{ what: string; token: string; principal: Principal }> {
  const tokens = new Tokens(secret);
  return DEMO_USERS.map(({ what, ...principal }) => ({ what, principal, token: tokens.issue(principal, '30d') }));
}
