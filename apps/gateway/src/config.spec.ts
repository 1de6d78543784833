import {
  DEFAULT_ANONYMOUS_RATE_LIMIT_PER_MINUTE,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  DEFAULT_SUBSCRIPTIONS_PER_CONNECTION,
  DEFAULT_SUBSCRIPTIONS_PER_USER,
  gatewayConfig,
  introspectionEnabled,
} from './config';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', JWT_SECRET: 'x'.repeat(32) };

describe('gateway configuration', () => {
  it('runs in development by default: introspection on, the default per-token limit', () => {
    const config = gatewayConfig(base);
    expect(config).toMatchObject({
      production: false,
      introspection: true,
      rateLimitPerMinute: DEFAULT_RATE_LIMIT_PER_MINUTE,
      port: 4000,
    });
    expect(DEFAULT_RATE_LIMIT_PER_MINUTE).toBe(600);
  });

  it('turns introspection off with NODE_ENV=production, unless GRAPHQL_INTROSPECTION says otherwise', () => {
    expect(gatewayConfig({ ...base, NODE_ENV: 'production' })).toMatchObject({
      production: true,
      introspection: false,
    });
    expect(gatewayConfig({ ...base, NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' })).toMatchObject({
      production: true,
      introspection: true,
    });
    expect(gatewayConfig({ ...base, NODE_ENV: 'test', GRAPHQL_INTROSPECTION: 'false' })).toMatchObject({
      production: false,
      introspection: false,
    });
    expect(gatewayConfig({ ...base, NODE_ENV: 'production', GRAPHQL_INTROSPECTION: '' }).introspection).toBe(false);
  });

  it('refuses a GRAPHQL_INTROSPECTION other than true or false, naming the variable', () => {
    for (const value of ['yes', '1', 'TRUE', ' true']) {
      expect(() => gatewayConfig({ ...base, GRAPHQL_INTROSPECTION: value })).toThrow(
        `GRAPHQL_INTROSPECTION: "${value}" must be true or false`,
      );
    }
  });

  it('reads RATE_LIMIT_PER_MINUTE as a whole number, 0 meaning no limit', () => {
    expect(gatewayConfig({ ...base, RATE_LIMIT_PER_MINUTE: '5' }).rateLimitPerMinute).toBe(5);
    expect(gatewayConfig({ ...base, RATE_LIMIT_PER_MINUTE: '0' }).rateLimitPerMinute).toBe(0);
    expect(gatewayConfig({ ...base, RATE_LIMIT_PER_MINUTE: '' }).rateLimitPerMinute).toBe(
      DEFAULT_RATE_LIMIT_PER_MINUTE,
    );
    for (const value of ['-1', '2.5', 'many', '1e3', '99999999999999999999']) {
      expect(() => gatewayConfig({ ...base, RATE_LIMIT_PER_MINUTE: value })).toThrow(
        `RATE_LIMIT_PER_MINUTE: "${value}" must be a whole number`,
      );
    }
  });

  it('leaves a config built in code in development with introspection on and no limit', () => {
    const config = {
      port: 0,
      host: '127.0.0.1',
      temporalAddress: 'x:1',
      namespace: 'default',
      databaseUrl: base.DATABASE_URL,
      jwtSecret: base.JWT_SECRET,
    };
    expect(introspectionEnabled(config)).toBe(true);
    expect(introspectionEnabled({ ...config, production: true })).toBe(false);
    expect(introspectionEnabled({ ...config, production: true, introspection: true })).toBe(true);
  });

  it('reads the edge’s variables: the limit without a token, the WebSocket caps, the metrics secret', () => {
    expect(gatewayConfig(base)).toMatchObject({
      anonymousRateLimitPerMinute: DEFAULT_ANONYMOUS_RATE_LIMIT_PER_MINUTE,
      subscriptionsPerConnection: DEFAULT_SUBSCRIPTIONS_PER_CONNECTION,
      subscriptionsPerUser: DEFAULT_SUBSCRIPTIONS_PER_USER,
      metricsToken: undefined,
    });
    const set = gatewayConfig({
      ...base,
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '0',
      SUBSCRIPTIONS_PER_CONNECTION: '3',
      SUBSCRIPTIONS_PER_USER: '7',
      METRICS_TOKEN: 'm'.repeat(32),
    });
    expect(set).toMatchObject({
      anonymousRateLimitPerMinute: 0,
      subscriptionsPerConnection: 3,
      subscriptionsPerUser: 7,
      metricsToken: 'm'.repeat(32),
    });
    expect(() => gatewayConfig({ ...base, SUBSCRIPTIONS_PER_CONNECTION: '0' })).toThrow(
      'SUBSCRIPTIONS_PER_CONNECTION: "0" must be a whole number of at least 1',
    );
    expect(() => gatewayConfig({ ...base, SUBSCRIPTIONS_PER_USER: 'muchas' })).toThrow(
      'SUBSCRIPTIONS_PER_USER: "muchas" must be a whole number',
    );
    expect(() => gatewayConfig({ ...base, ANONYMOUS_RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(
      'ANONYMOUS_RATE_LIMIT_PER_MINUTE: "-1" must be a whole number',
    );
    expect(() => gatewayConfig({ ...base, METRICS_TOKEN: 'corto' })).toThrow(
      'METRICS_TOKEN must be at least 32 characters',
    );
  });
});
