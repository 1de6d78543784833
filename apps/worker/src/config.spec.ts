import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureClusterCertificates, temporalTlsEnv } from '@seguimiento/infra/temporal-tls';
import { workerConfig } from './config';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };

describe('worker configuration: TLS towards Temporal', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'seguimiento-worker-tls-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('speaks plain gRPC when no TEMPORAL_TLS_* is set (the dev server)', () => {
    expect(workerConfig(base).temporalTls).toBeUndefined();
  });

  it('connects with its own certificate from TEMPORAL_TLS_CA, _CERT, _KEY and _SERVER_NAME', () => {
    const tls = ensureClusterCertificates(join(dir, 'tls'));
    const config = workerConfig({ ...base, ...temporalTlsEnv(tls, 'worker') });
    expect(config.temporalTls?.serverNameOverride).toBe('localhost');
    expect(config.temporalTls?.clientCertPair?.crt.toString()).toBe(readFileSync(tls.clients.worker.cert, 'utf8'));
  });

  it('stops at start naming the variable whose file is missing', () => {
    expect(() => workerConfig({ ...base, TEMPORAL_TLS_CA: join(dir, 'nowhere.pem') })).toThrow(
      /^TEMPORAL_TLS_CA: cannot read .*nowhere\.pem/,
    );
  });
});
