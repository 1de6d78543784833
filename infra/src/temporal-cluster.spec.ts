import { freePort } from './ports';
import {
  CLUSTER_PORT_RANGE,
  type ClusterConfigSpec,
  TEMPORAL_SERVICES,
  clusterConfigYaml,
  dynamicConfigYaml,
  pickClusterPorts,
  postgresEndpoint,
  sqlToolSteps,
  summarizeServerLines,
  tlsSwitch,
} from './temporal-cluster';
import type { ClusterTls } from './temporal-tls';

const spec: ClusterConfigSpec = {
  postgres: { host: '127.0.0.1', port: 5433, user: 'seguimiento', password: 'p"a:ss #1' },
  databases: { temporal: 'temporal', visibility: 'temporal_visibility' },
  ports: {
    frontend: { grpc: 7233, membership: 20001 },
    history: { grpc: 20002, membership: 20003 },
    matching: { grpc: 20004, membership: 20005 },
    worker: { grpc: 20006, membership: 20007 },
  },
  numHistoryShards: 4,
  logLevel: 'warn',
  dynamicConfigFile: '/data/config/dynamicconfig.yaml',
};

/** The indented block under `key:` (up to the next line at the same or a lower indentation). */
function block(yaml: string, path: string[]): string {
  let lines = yaml.split('\n');
  for (const key of path) {
    const start = lines.findIndex((l) => l.trim() === `${key}:`);
    if (start < 0) throw new Error(`no ${path.join('.')} in\n${yaml}`);
    const indent = lines[start].search(/\S/);
    const end = lines.findIndex((l, i) => i > start && l.trim() !== '' && l.search(/\S/) <= indent);
    lines = lines.slice(start + 1, end < 0 ? undefined : end);
  }
  return lines.join('\n');
}

describe('Temporal cluster config', () => {
  const yaml = clusterConfigYaml(spec);

  it('puts both stores on the postgres12 plugin, each in its own database', () => {
    expect(yaml).toMatch(/^ {2}defaultStore: postgres-default$/m);
    expect(yaml).toMatch(/^ {2}visibilityStore: postgres-visibility$/m);
    expect(yaml).toMatch(/^ {2}numHistoryShards: 4$/m);
    const main = block(yaml, ['persistence', 'datastores', 'postgres-default', 'sql']);
    expect(main).toContain('pluginName: "postgres12"');
    expect(main).toContain('databaseName: "temporal"');
    expect(main).toContain('connectAddr: "127.0.0.1:5433"');
    expect(block(yaml, ['persistence', 'datastores', 'postgres-visibility', 'sql'])).toContain(
      'databaseName: "temporal_visibility"',
    );
  });

  it('quotes the password, whatever characters it holds', () => {
    expect(yaml).toContain(String.raw`password: "p\"a:ss #1"`);
  });

  it('binds every service to 127.0.0.1 on its own gRPC and membership ports', () => {
    for (const service of TEMPORAL_SERVICES) {
      const rpc = block(yaml, ['services', service, 'rpc']);
      expect(rpc).toContain(`grpcPort: ${spec.ports[service].grpc}`);
      expect(rpc).toContain(`membershipPort: ${spec.ports[service].membership}`);
      expect(rpc).toContain('bindOnIP: "127.0.0.1"');
    }
    expect(yaml).not.toContain('0.0.0.0');
    expect(block(yaml, ['global', 'membership'])).toContain('broadcastAddress: "127.0.0.1"');
  });

  it('points the cluster metadata and the internal client at the frontend', () => {
    expect(block(yaml, ['clusterMetadata', 'clusterInformation', 'active'])).toContain('rpcAddress: "127.0.0.1:7233"');
    expect(block(yaml, ['publicClient'])).toContain('hostPort: "127.0.0.1:7233"');
    expect(block(yaml, ['dynamicConfigClient'])).toContain('filepath: "/data/config/dynamicconfig.yaml"');
  });

  it('opens metrics and archival only when asked', () => {
    expect(yaml).not.toContain('metrics:');
    expect(block(yaml, ['archival', 'history'])).toContain('state: "disabled"');
    expect(clusterConfigYaml({ ...spec, metricsPort: 9090 })).toContain('listenAddress: "127.0.0.1:9090"');
  });

  it('has no tabs (YAML forbids them in indentation)', () => {
    expect(yaml).not.toContain('\t');
  });

  it('speaks plain gRPC unless given certificates; with them, requires client certificates on the frontend and internode ports', () => {
    expect(yaml).not.toContain('tls:');
    const files = (name: string) => ({ cert: `/tls/${name}.pem`, key: `/tls/${name}.key` });
    const tls: ClusterTls = {
      serverCaFile: '/tls/server-ca.pem',
      clientCaFile: '/tls/client-ca.pem',
      server: files('server'),
      serverName: 'localhost',
      clients: {
        'system-worker': files('system-worker'),
        worker: files('worker'),
        gateway: files('gateway'),
        admin: files('admin'),
      },
    };
    const withTls = clusterConfigYaml({ ...spec, tls });
    expect(block(withTls, ['global', 'tls', 'frontend', 'server'])).toContain('requireClientAuth: true');
    expect(block(withTls, ['global', 'tls', 'frontend', 'server', 'clientCaFiles'])).toContain(
      '- "/tls/client-ca.pem"',
    );
    expect(block(withTls, ['global', 'tls', 'internode', 'server'])).toContain('requireClientAuth: true');
    expect(block(withTls, ['global', 'tls', 'internode', 'server', 'clientCaFiles'])).toContain(
      '- "/tls/server-ca.pem"',
    );
    expect(block(withTls, ['global', 'tls', 'systemWorker'])).toContain('certFile: "/tls/system-worker.pem"');
    // The rest of the config is the same.
    expect(withTls.replace(/\n {2}tls:\n(?: {4,}.*\n)+/, '\n')).toBe(yaml);
  });
});

describe('TEMPORAL_TLS for npm run temporal:cluster', () => {
  it('is off unless true, and refuses anything but true or false', () => {
    expect([undefined, '', 'false'].map(tlsSwitch)).toEqual([false, false, false]);
    expect(tlsSwitch('true')).toBe(true);
    expect(() => tlsSwitch('on')).toThrow('TEMPORAL_TLS: "on" must be true');
  });
});

describe('dynamic config', () => {
  it('writes one unconstrained value per key, strings quoted', () => {
    expect(
      dynamicConfigYaml({
        'system.namespaceCacheRefreshInterval': '2s',
        'system.enableNexus': false,
        'limit.maxIDLength': 255,
      }),
    ).toBe(
      [
        'system.namespaceCacheRefreshInterval:',
        '  - value: "2s"',
        '    constraints: {}',
        'system.enableNexus:',
        '  - value: false',
        '    constraints: {}',
        'limit.maxIDLength:',
        '  - value: 255',
        '    constraints: {}',
        '',
      ].join('\n'),
    );
  });
});

describe('PostgreSQL endpoint', () => {
  it('reads host, port, user and password from a URL, decoding them', () => {
    expect(postgresEndpoint('postgres://seguimiento:s%40cret@127.0.0.1:5433/seguimiento')).toEqual({
      host: '127.0.0.1',
      port: 5433,
      user: 'seguimiento',
      password: 's@cret',
    });
    expect(postgresEndpoint('postgresql://u:p@db.internal/x').port).toBe(5432);
  });

  it('passes parts through and refuses other schemes without echoing the password', () => {
    const parts = { host: 'h', port: 1, user: 'u', password: 'p' };
    expect(postgresEndpoint(parts)).toBe(parts);
    expect(() => postgresEndpoint('mysql://u:secret@h:3306/x')).toThrow(
      /^mysql:\/\/u:\*\*\*@h:3306\/x is not a postgres:\/\/ URL$/,
    );
  });
});

describe('schema steps', () => {
  it('creates the database, the version tables, then every versioned migration of the embedded schema', () => {
    expect(sqlToolSteps('postgresql/v12/temporal')).toEqual([
      ['create-database'],
      ['setup-schema', '--version', '0.0'],
      ['update-schema', '--schema-name', 'postgresql/v12/temporal'],
    ]);
  });
});

describe('cluster ports', () => {
  it('picks distinct free ports below the ephemeral range (ringpop stores them in a SMALLINT)', async () => {
    const ports = await pickClusterPorts(undefined);
    const all = TEMPORAL_SERVICES.flatMap((s) => [ports[s].grpc, ports[s].membership]);
    expect(new Set(all).size).toBe(8);
    for (const port of all) {
      expect(port).toBeGreaterThanOrEqual(CLUSTER_PORT_RANGE.min);
      expect(port).toBeLessThanOrEqual(32_767);
    }
  });

  it('keeps the frontend port it is given', async () => {
    const frontend = await freePort();
    const ports = await pickClusterPorts(frontend);
    expect(ports.frontend.grpc).toBe(frontend);
    expect(ports.history.grpc).not.toBe(frontend);
  });
});

describe('server output in error messages', () => {
  it('keeps level, message and error of JSON log lines, without stack traces or repeats', () => {
    const fatal = JSON.stringify({
      level: 'fatal',
      msg: 'unable to initialize membership heartbeats',
      error: 'out of range',
      stacktrace: 'x'.repeat(5000),
    });
    expect(summarizeServerLines(['2026/11/24 Loading config', fatal, fatal])).toBe(
      '2026/11/24 Loading config\nfatal: unable to initialize membership heartbeats: out of range',
    );
  });
});
