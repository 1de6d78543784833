import { X509Certificate } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { temporalTlsFromEnv } from '@seguimiento/runtime';
import {
  CLIENT_ROLES,
  type ClusterTls,
  clusterTlsYaml,
  createCertificateAuthority,
  ensureClusterCertificates,
  issueCertificate,
  temporalTlsEnv,
} from './temporal-tls';

// openssl makes the certificates (a few ms each): no server is involved.
describe('cluster certificates', () => {
  let dir: string;
  let tls: ClusterTls;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'seguimiento-tls-'));
    tls = ensureClusterCertificates(join(dir, 'tls'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cert = (file: string) => new X509Certificate(readFileSync(file));

  it('makes a server CA that signs only the server certificate (localhost, 127.0.0.1), and a client CA that signs one certificate per role', () => {
    const serverCa = cert(tls.serverCaFile);
    const clientCa = cert(tls.clientCaFile);
    expect(serverCa.ca).toBe(true);
    expect(clientCa.ca).toBe(true);
    expect(serverCa.publicKey.export({ format: 'pem', type: 'spki' })).not.toBe(
      clientCa.publicKey.export({ format: 'pem', type: 'spki' }),
    );
    const server = cert(tls.server.cert);
    expect(server.verify(serverCa.publicKey)).toBe(true);
    expect(server.verify(clientCa.publicKey)).toBe(false);
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.ca).toBe(false);
    // Temporal's services present the internode certificate to each other as clients.
    expect(server.keyUsage).toEqual(expect.arrayContaining(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']));
    expect(tls.serverName).toBe('localhost');
    for (const role of CLIENT_ROLES) {
      const client = cert(tls.clients[role].cert);
      expect(client.verify(clientCa.publicKey)).toBe(true);
      expect(client.verify(serverCa.publicKey)).toBe(false);
      expect(client.subject).toContain(`CN=seguimiento-${role}`);
      expect(client.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
      expect(client.checkHost('localhost')).toBeUndefined();
    }
  });

  it('keeps every private key 0600 in a 0700 folder', () => {
    expect(statSync(join(dir, 'tls')).mode & 0o777).toBe(0o700);
    for (const files of [
      { key: join(dir, 'tls', 'server-ca.key') },
      { key: join(dir, 'tls', 'client-ca.key') },
      tls.server,
      ...Object.values(tls.clients),
    ]) {
      expect(statSync(files.key).mode & 0o777).toBe(0o600);
    }
  });

  it('keeps the certificates on a second run, and issues a new server certificate from the same CA when a host is added', () => {
    const before = readFileSync(tls.server.cert, 'utf8');
    const clientBefore = readFileSync(tls.clients.worker.cert, 'utf8');
    expect(readFileSync(ensureClusterCertificates(join(dir, 'tls')).server.cert, 'utf8')).toBe(before);
    const again = ensureClusterCertificates(join(dir, 'tls'), {
      hosts: ['temporal.internal', '10.0.0.7', 'localhost'],
    });
    const server = cert(again.server.cert);
    expect(server.checkHost('temporal.internal')).toBe('temporal.internal');
    expect(server.checkIP('10.0.0.7')).toBe('10.0.0.7');
    expect(server.verify(cert(tls.serverCaFile).publicKey)).toBe(true);
    expect(again.serverName).toBe('temporal.internal');
    expect(readFileSync(again.clients.worker.cert, 'utf8')).toBe(clientBefore);
  });

  it("writes the server's TLS block: the frontend requires the client CA's certificates, the internode ports the server CA's", () => {
    const yaml = clusterTlsYaml(tls).join('\n');
    expect(yaml.match(/requireClientAuth: true/g)).toHaveLength(2);
    expect(yaml).not.toMatch(/requireClientAuth: false/);
    const [internode, frontend] = yaml.split('    frontend:');
    expect(internode).toContain(`clientCaFiles:\n          - ${JSON.stringify(tls.serverCaFile)}`);
    expect(frontend).toContain(`clientCaFiles:\n          - ${JSON.stringify(tls.clientCaFile)}`);
    expect(yaml).not.toContain(`rootCaFiles:\n          - ${JSON.stringify(tls.clientCaFile)}`);
    expect(yaml).toContain(`systemWorker:\n      certFile: ${JSON.stringify(tls.clients['system-worker'].cert)}`);
    expect(yaml.match(/serverName: "localhost"/g)).toHaveLength(3);
  });

  describe('TEMPORAL_TLS_* read by workers, gateways and tools', () => {
    it('reads the CA, the client pair and the server name', () => {
      const env = temporalTlsEnv(tls, 'gateway');
      expect(Object.keys(env).sort()).toEqual([
        'TEMPORAL_TLS_CA',
        'TEMPORAL_TLS_CERT',
        'TEMPORAL_TLS_KEY',
        'TEMPORAL_TLS_SERVER_NAME',
      ]);
      const read = temporalTlsFromEnv(env)!;
      expect(read.serverNameOverride).toBe('localhost');
      expect(read.serverRootCACertificate?.toString()).toBe(readFileSync(tls.serverCaFile, 'utf8'));
      expect(read.clientCertPair?.crt.toString()).toBe(readFileSync(tls.clients.gateway.cert, 'utf8'));
      expect(read.clientCertPair?.key.toString()).toBe(readFileSync(tls.clients.gateway.key, 'utf8'));
    });

    it('is off when none is set, and TEMPORAL_TLS=true alone is TLS with the system roots', () => {
      expect(temporalTlsFromEnv({})).toBeUndefined();
      expect(temporalTlsFromEnv({ TEMPORAL_TLS_CA: '' })).toBeUndefined();
      expect(temporalTlsFromEnv({ TEMPORAL_TLS: 'true' })).toEqual({});
    });

    it('stops at start with the variable named when a file is missing, not PEM, not the pair, or expired', () => {
      const env = temporalTlsEnv(tls, 'worker');
      const notPem = join(dir, 'not.pem');
      writeFileSync(notPem, 'hello');
      expect(() => temporalTlsFromEnv({ ...env, TEMPORAL_TLS_CA: join(dir, 'missing.pem') })).toThrow(
        /^TEMPORAL_TLS_CA: cannot read .*missing\.pem \(ENOENT\)/,
      );
      expect(() => temporalTlsFromEnv({ ...env, TEMPORAL_TLS_CERT: notPem })).toThrow(
        /^TEMPORAL_TLS_CERT: .*not\.pem is not a PEM file/,
      );
      expect(() => temporalTlsFromEnv({ ...env, TEMPORAL_TLS_CA: tls.clients.worker.key })).toThrow(
        /^TEMPORAL_TLS_CA: .* is not a PEM certificate/,
      );
      expect(() => temporalTlsFromEnv({ ...env, TEMPORAL_TLS_KEY: tls.clients.gateway.key })).toThrow(
        /^TEMPORAL_TLS_KEY: .*gateway\.key is not the private key of TEMPORAL_TLS_CERT/,
      );
      expect(() => temporalTlsFromEnv({ ...env, TEMPORAL_TLS_KEY: undefined })).toThrow(
        /^TEMPORAL_TLS_CERT is set but TEMPORAL_TLS_KEY is not/,
      );
      expect(() => temporalTlsFromEnv({ ...env, TEMPORAL_TLS_CERT: '' })).toThrow(
        /^TEMPORAL_TLS_KEY is set but TEMPORAL_TLS_CERT is not/,
      );
      expect(() => temporalTlsFromEnv({ ...env, TEMPORAL_TLS: 'yes' })).toThrow(
        /^TEMPORAL_TLS: "yes" must be true or false/,
      );
      expect(() => temporalTlsFromEnv({ ...env, TEMPORAL_TLS: 'false' })).toThrow(
        /^TEMPORAL_TLS=false contradicts TEMPORAL_TLS_CA, TEMPORAL_TLS_CERT/,
      );

      const expired = { cert: join(dir, 'expired.pem'), key: join(dir, 'expired.key') };
      const ca = { cert: tls.clientCaFile, key: join(dir, 'tls', 'client-ca.key') };
      issueCertificate(ca, expired, { commonName: 'old', usage: 'client', days: 0 });
      expect(() =>
        temporalTlsFromEnv({ ...env, TEMPORAL_TLS_CERT: expired.cert, TEMPORAL_TLS_KEY: expired.key }),
      ).toThrow(/^TEMPORAL_TLS_CERT: the certificate in .*expired\.pem expired on /);
    });

    it('reads a CA bundle (several certificates in one file)', () => {
      const other = { cert: join(dir, 'other-ca.pem'), key: join(dir, 'other-ca.key') };
      createCertificateAuthority(other, 'another CA');
      const bundle = join(dir, 'bundle.pem');
      copyFileSync(tls.serverCaFile, bundle);
      writeFileSync(bundle, readFileSync(other.cert), { flag: 'a' });
      expect(temporalTlsFromEnv({ TEMPORAL_TLS_CA: bundle })?.serverRootCACertificate?.toString()).toContain(
        'BEGIN CERTIFICATE',
      );
    });
  });
});
