import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureClusterCertificates, temporalTlsEnv } from '@seguimiento/infra/temporal-tls';
import { gatewayConfig } from './config';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', JWT_SECRET: 'x'.repeat(32) };

describe('gateway configuration: TLS towards Temporal', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'seguimiento-gateway-tls-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('speaks plain gRPC when no TEMPORAL_TLS_* is set, and reads its certificate when they are', () => {
    expect(gatewayConfig(base).temporalTls).toBeUndefined();
    const tls = ensureClusterCertificates(join(dir, 'tls'));
    const config = gatewayConfig({ ...base, ...temporalTlsEnv(tls, 'gateway') });
    expect(config.temporalTls?.serverRootCACertificate?.toString()).toBe(readFileSync(tls.serverCaFile, 'utf8'));
    expect(config.temporalTls?.clientCertPair?.key.toString()).toBe(readFileSync(tls.clients.gateway.key, 'utf8'));
  });

  it('stops at start naming the variable: a certificate without its key', () => {
    expect(() => gatewayConfig({ ...base, TEMPORAL_TLS_CERT: join(dir, 'gateway.pem') })).toThrow(
      /^TEMPORAL_TLS_CERT is set but TEMPORAL_TLS_KEY is not/,
    );
  });
});
