export interface GatewayConfig {
  port: number;
  host: string;
  temporalAddress: string;
  namespace: string;
  databaseUrl: string;
  /** Signs and verifies the bearer tokens (HS256); at least 32 characters. */
  jwtSecret: string;
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

export function gatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set: point it at the PostgreSQL server (npm start sets it for you)');
  if (!env.JWT_SECRET || env.JWT_SECRET.length < 32) throw new Error('JWT_SECRET must be set to at least 32 characters (npm start generates one in .data/jwt-secret)');
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT: "${env.PORT}" is not a TCP port`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    temporalAddress: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    databaseUrl: env.DATABASE_URL,
    jwtSecret: env.JWT_SECRET,
  };
}
