import { type TemporalTls, temporalTlsFromEnv } from '@seguimiento/runtime';
import { type SessionSettings, sessionSettings } from './session/session-settings';

export interface GatewayConfig {
  port: number;
  host: string;
  temporalAddress: string;
  /** TLS (mTLS with a client certificate) towards the frontend: TEMPORAL_TLS_CA, _CERT, _KEY, _SERVER_NAME; absent: plain gRPC. */
  temporalTls?: TemporalTls;
  namespace: string;
  databaseUrl: string;
  /** Signs and verifies the bearer tokens (HS256); at least 32 characters. */
  jwtSecret: string;
  /**
   * Production mode (NODE_ENV=production): introspection, and so the explorer, off unless
   * `introspection` says otherwise. Absent: development.
   */
  production?: boolean;
  /** Whether `__schema` and `__type` are answered (and so whether the explorer is served). Absent: on except in production. */
  introspection?: boolean;
  /**
   * GraphQL operations one user (subject, role and institution of the token) may send per minute
   * to this gateway; more are refused with HTTP 429. 0 or absent: no limit (a caller that builds
   * the config itself, like the tests, chooses; `gatewayConfig` applies the operational default).
   */
  rateLimitPerMinute?: number;
  /**
   * Requests without a valid token one client address may send per minute (they are refused with
   * 401; past this, with 429 and Retry-After). 0 or absent: no limit (`gatewayConfig` applies the
   * operational default).
   */
  anonymousRateLimitPerMinute?: number;
  /** Operations one WebSocket may have open at once (subscriptions, mostly). Absent: DEFAULT_SUBSCRIPTIONS_PER_CONNECTION. */
  subscriptionsPerConnection?: number;
  /** Operations one user may have open at once over all their WebSockets to this gateway. Absent: DEFAULT_SUBSCRIPTIONS_PER_USER. */
  subscriptionsPerUser?: number;
  /** The bearer secret Prometheus sends to read /metrics (an ADMIN's token works too). Absent: only an ADMIN's token. */
  metricsToken?: string;
  /** The console's sessions: lifetime and lockout (SESSION_HOURS, SIGN_IN_MAX_FAILURES, SIGN_IN_LOCKOUT_MINUTES). Absent: DEFAULT_SESSION_SETTINGS. */
  session?: SessionSettings;
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

/** RATE_LIMIT_PER_MINUTE when it is not set. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

/** ANONYMOUS_RATE_LIMIT_PER_MINUTE when it is not set. */
export const DEFAULT_ANONYMOUS_RATE_LIMIT_PER_MINUTE = 60;
/** SUBSCRIPTIONS_PER_CONNECTION and SUBSCRIPTIONS_PER_USER when they are not set. */
export const DEFAULT_SUBSCRIPTIONS_PER_CONNECTION = 10;
export const DEFAULT_SUBSCRIPTIONS_PER_USER = 25;

export function gatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  if (!env.DATABASE_URL)
    throw new Error('DATABASE_URL is not set: point it at the PostgreSQL server (npm start sets it for you)');
  if (!env.JWT_SECRET || env.JWT_SECRET.length < 32)
    throw new Error('JWT_SECRET must be set to at least 32 characters (npm start generates one in .data/jwt-secret)');
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT: "${env.PORT}" is not a TCP port`);
  const production = env.NODE_ENV === 'production';
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    temporalAddress: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    temporalTls: temporalTlsFromEnv(env),
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    databaseUrl: env.DATABASE_URL,
    jwtSecret: env.JWT_SECRET,
    production,
    introspection: booleanVariable(env, 'GRAPHQL_INTROSPECTION') ?? !production,
    rateLimitPerMinute: rateLimit(env.RATE_LIMIT_PER_MINUTE),
    ...edgeSettings(env),
    session: sessionSettings(env),
  };
}

/** Whether introspection is on for this config (on by default, except in production). */
export const introspectionEnabled = (config: GatewayConfig): boolean => config.introspection ?? !config.production;

/** `true` or `false`; unset or empty: undefined (the default applies). */
function booleanVariable(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(
    `${name}: "${value}" must be true or false (or unset for the default: on, except with NODE_ENV=production)`,
  );
}

function rateLimit(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_RATE_LIMIT_PER_MINUTE;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) {
    throw new Error(
      `RATE_LIMIT_PER_MINUTE: "${value}" must be a whole number of GraphQL operations per token per minute (0 turns the limit off; default ${DEFAULT_RATE_LIMIT_PER_MINUTE})`,
    );
  }
  return n;
}

/** The edge's variables: the limit for requests without a token, the WebSocket caps, the metrics secret. */
function edgeSettings(
  env: NodeJS.ProcessEnv,
): Pick<
  GatewayConfig,
  'anonymousRateLimitPerMinute' | 'subscriptionsPerConnection' | 'subscriptionsPerUser' | 'metricsToken'
> {
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && metricsToken.length < 32)
    throw new Error('METRICS_TOKEN must be at least 32 characters (or unset: then only an ADMIN token reads /metrics)');
  return {
    anonymousRateLimitPerMinute: wholeNumber(
      env,
      'ANONYMOUS_RATE_LIMIT_PER_MINUTE',
      DEFAULT_ANONYMOUS_RATE_LIMIT_PER_MINUTE,
      'requests without a valid token per client address per minute (0 turns the limit off)',
    ),
    subscriptionsPerConnection: wholeNumber(
      env,
      'SUBSCRIPTIONS_PER_CONNECTION',
      DEFAULT_SUBSCRIPTIONS_PER_CONNECTION,
      'operations open at once on one WebSocket',
      1,
    ),
    subscriptionsPerUser: wholeNumber(
      env,
      'SUBSCRIPTIONS_PER_USER',
      DEFAULT_SUBSCRIPTIONS_PER_USER,
      'operations open at once per user over all their WebSockets',
      1,
    ),
    metricsToken,
  };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, what: string, min = 0): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min)
    throw new Error(
      `${name}: "${value}" must be a whole number${min ? ` of at least ${min}` : ''}: ${what} (default ${fallback})`,
    );
  return n;
}
