import { join } from 'node:path';
import { repoRoot } from '@seguimiento/runtime';

/** Everything `npm start` needs to know, from the environment with embedded defaults. */
export interface StackConfig {
  gatewayPort: number;
  /** An existing Temporal frontend (TEMPORAL_ADDRESS); null: start the dev server. */
  temporalAddress: string | null;
  temporalNamespace: string;
  temporalPort: number;
  temporalUiPort: number;
  /** An existing PostgreSQL (DATABASE_URL); null: start the embedded one. */
  databaseUrl: string | null;
  postgresPort: number;
  dataDir: string;
  demo: boolean;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    throw new Error(`${name}: "${raw}" is not a TCP port (1–65535)`);
  return value;
}

export function stackConfig(env: NodeJS.ProcessEnv = process.env): StackConfig {
  return {
    gatewayPort: port(env, 'PORT', 4000),
    temporalAddress: env.TEMPORAL_ADDRESS || null,
    temporalNamespace: env.TEMPORAL_NAMESPACE || 'default',
    temporalPort: port(env, 'TEMPORAL_PORT', 7233),
    temporalUiPort: port(env, 'TEMPORAL_UI_PORT', 8233),
    databaseUrl: env.DATABASE_URL || null,
    postgresPort: port(env, 'POSTGRES_PORT', 5433),
    dataDir: env.SEGUIMIENTO_DATA_DIR || join(repoRoot(), '.data'),
    demo: env.SEGUIMIENTO_DEMO !== '0',
  };
}
