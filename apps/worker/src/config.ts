export interface WorkerConfig {
  temporalAddress: string;
  namespace: string;
  databaseUrl: string;
  /** Escalations are POSTed here when set; otherwise logged as JSON lines. */
  webhookUrl: string | null;
}

export function workerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set: point it at the PostgreSQL server (npm start sets it for you)');
  return {
    temporalAddress: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    databaseUrl: env.DATABASE_URL,
    webhookUrl: env.NOTIFY_WEBHOOK_URL || null,
  };
}
