import { stackConfig } from './stack-config';

describe('npm start configuration', () => {
  it('defaults to the embedded servers on the documented ports', () => {
    expect(stackConfig({})).toMatchObject({
      gatewayPort: 4000,
      temporalAddress: null,
      temporalNamespace: 'default',
      temporalPort: 7233,
      temporalUiPort: 8233,
      databaseUrl: null,
      postgresPort: 5433,
      demo: true,
    });
  });

  it('switches to existing servers through TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, DATABASE_URL and PORT', () => {
    expect(
      stackConfig({
        TEMPORAL_ADDRESS: 'temporal.internal:7233',
        TEMPORAL_NAMESPACE: 'prep',
        DATABASE_URL: 'postgres://u:p@db/seg',
        PORT: '8080',
      }),
    ).toMatchObject({
      temporalAddress: 'temporal.internal:7233',
      temporalNamespace: 'prep',
      databaseUrl: 'postgres://u:p@db/seg',
      gatewayPort: 8080,
    });
  });

  it.each(['PORT', 'TEMPORAL_PORT', 'POSTGRES_PORT'])('names %s when it is not a port', (name) => {
    expect(() => stackConfig({ [name]: '70000' })).toThrow(`${name}: "70000" is not a TCP port`);
    expect(() => stackConfig({ [name]: 'abc' })).toThrow(name);
  });
});
