export interface GatewayConfig {
  port: number;
  host: string;
  temporalAddress: string;
  namespace: string;
  databaseUrl: string;
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

export function gatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set: point it at the PostgreSQL server (npm start sets it for you)');
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT: "${env.PORT}" is not a TCP port`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    temporalAddress: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    databaseUrl: env.DATABASE_URL,
  };
}
