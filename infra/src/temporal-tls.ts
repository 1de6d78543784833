import { execFileSync } from 'node:child_process';
import { X509Certificate, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { TEMPORAL_TLS_VARIABLES, type TemporalTls, temporalTlsFromEnv } from '@seguimiento/runtime';
import { onPath } from './executables';
import { StartupError } from './ports';

/**
 * Mutual TLS between the full Temporal server and everything that talks to it. Two private CAs:
 * the server CA signs the server's certificate only (its frontend and its internode listeners,
 * and what its services present to each other), the client CA signs one certificate per kind of
 * caller. The frontend accepts certificates of the client CA; the internode ports (history,
 * matching, the worker service) accept only the server's own, so a worker's or a gateway's key
 * opens the frontend's API and nothing behind it. Made with the openssl CLI (Node's crypto makes
 * keys but cannot sign certificates); keys are written 0600 in a 0700 folder.
 */

/** A certificate and its private key, as PEM files. */
export interface CertificateFiles {
  cert: string;
  key: string;
}

/** The callers that get a client certificate of their own: the server's own system worker, the product's workers and gateways, and tools and tests (`admin`). */
export const CLIENT_ROLES = ['system-worker', 'worker', 'gateway', 'admin'] as const;
export type ClientRole = (typeof CLIENT_ROLES)[number];

/** What the cluster's config and its clients need: the files of ensureClusterCertificates. */
export interface ClusterTls {
  /** Signed the server's certificate: what clients trust (TEMPORAL_TLS_CA), and what the internode ports require. */
  serverCaFile: string;
  /** Signed the client certificates: what the frontend requires. */
  clientCaFile: string;
  /** Frontend and internode (history, matching, worker) certificate; also what the services present to each other as clients. */
  server: CertificateFiles;
  /** The name clients verify: one of the server certificate's names. */
  serverName: string;
  clients: Record<ClientRole, CertificateFiles>;
}

export interface ClusterCertificatesOptions {
  /** Names and addresses the server certificate covers (clients dial one of them). Default `localhost`, `127.0.0.1`. */
  hosts?: string[];
  /** Validity of the certificates issued now; the CA lasts 5 years. Default 365 days. */
  days?: number;
  log?: (line: string) => void;
}

export const DEFAULT_TLS_HOSTS = ['localhost', '127.0.0.1'];
/** A certificate that expires within this window is issued again by ensureClusterCertificates. */
const RENEW_WITHIN_MS = 30 * 24 * 3600 * 1000;

/**
 * The cluster's two CAs, server certificate and client certificates in `dir`, made on first use
 * and kept afterwards: a missing certificate, one that expires within 30 days, or a server
 * certificate that does not cover `hosts` is issued again from the same CA (so clients keep
 * trusting the server). Deleting the folder starts new CAs, whose files every client then needs.
 */
export function ensureClusterCertificates(dir: string, options: ClusterCertificatesOptions = {}): ClusterTls {
  const hosts = options.hosts?.length ? options.hosts : DEFAULT_TLS_HOSTS;
  const days = options.days ?? 365;
  const log = options.log ?? (() => undefined);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const authority = (name: string, commonName: string): CertificateFiles => {
    const ca = { cert: join(dir, `${name}.pem`), key: join(dir, `${name}.key`) };
    if (!existsSync(ca.cert) || !existsSync(ca.key)) {
      createCertificateAuthority(ca, commonName);
      log(`made a new certificate authority: ${ca.cert}`);
    }
    return ca;
  };
  const serverCa = authority('server-ca', 'seguimiento Temporal server CA');
  const clientCa = authority('client-ca', 'seguimiento Temporal client CA');
  const issue = (ca: CertificateFiles, name: string, usage: CertificateUsage, names: string[]): CertificateFiles => {
    const files = { cert: join(dir, `${name}.pem`), key: join(dir, `${name}.key`) };
    const why = reasonToIssue(files, ca.cert, usage === 'server' ? names : []);
    if (why) {
      issueCertificate(ca, files, { commonName: names[0], hosts: usage === 'server' ? names : [], usage, days });
      log(`issued ${files.cert} (${why})`);
    }
    return files;
  };
  const server = issue(serverCa, 'server', 'server', hosts);
  const clients = Object.fromEntries(
    CLIENT_ROLES.map((role) => [role, issue(clientCa, role, 'client', [`seguimiento-${role}`])]),
  ) as Record<ClientRole, CertificateFiles>;
  return {
    serverCaFile: serverCa.cert,
    clientCaFile: clientCa.cert,
    server,
    serverName: hosts.find((h) => !isIP(h)) ?? hosts[0],
    clients,
  };
}

/** Why a certificate must be issued (again), or null if the one on disk will do. */
function reasonToIssue(files: CertificateFiles, caFile: string, hosts: string[]): string | null {
  if (!existsSync(files.cert) || !existsSync(files.key)) return 'new';
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(readFileSync(files.cert));
  } catch {
    return 'unreadable';
  }
  if (!cert.verify(new X509Certificate(readFileSync(caFile)).publicKey)) return 'signed by another CA';
  if (Date.parse(cert.validTo) - Date.now() < RENEW_WITHIN_MS) return `expires ${cert.validTo}`;
  const missing = hosts.filter((h) => (isIP(h) ? !cert.checkIP(h) : !cert.checkHost(h)));
  if (missing.length) return `did not cover ${missing.join(', ')}`;
  return null;
}

/** Where `openssl` is, or a StartupError saying how to get it (Debian: the `openssl` package). */
function opensslPath(): string {
  const openssl = onPath('openssl');
  if (!openssl)
    throw new StartupError(
      'making TLS certificates needs the openssl command: install it (Debian: apt-get install openssl)',
    );
  return openssl;
}

function openssl(args: string[]): void {
  try {
    execFileSync(opensslPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if (error instanceof StartupError) throw error;
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    throw new StartupError(`openssl ${args[0]} failed: ${stderr || (error as Error).message}`);
  }
}

/** A self-signed CA (P-256), valid 5 years; its key 0600. */
export function createCertificateAuthority(files: CertificateFiles, commonName: string, days = 1826): void {
  openssl([
    ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-sha256'],
    ...['-keyout', files.key, '-out', files.cert, '-days', String(days), '-subj', `/O=seguimiento/CN=${commonName}`],
    ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
  ]);
  chmodSync(files.key, 0o600);
}

/**
 * `server`: serverAuth for the listeners and clientAuth too, because Temporal's services present
 * the internode certificate to each other as clients. `client`: clientAuth only.
 */
export type CertificateUsage = 'server' | 'client';

export interface IssueOptions {
  commonName: string;
  /** DNS names and IP addresses (subjectAltName); servers only. */
  hosts?: string[];
  usage: CertificateUsage;
  days: number;
}

/** A P-256 key and a certificate for it signed by `ca`; the key 0600. */
export function issueCertificate(ca: CertificateFiles, files: CertificateFiles, options: IssueOptions): void {
  const csr = `${files.cert}.csr`;
  const extensions = `${files.cert}.ext`;
  const san = (options.hosts ?? []).map((h) => (isIP(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
  writeFileSync(
    extensions,
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      `extendedKeyUsage=${options.usage === 'server' ? 'serverAuth,clientAuth' : 'clientAuth'}`,
      ...(san ? [`subjectAltName=${san}`] : []),
      '',
    ].join('\n'),
  );
  try {
    rmSync(files.key, { force: true });
    openssl([
      'req',
      '-new',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      files.key,
      '-out',
      csr,
      '-subj',
      `/O=seguimiento/CN=${options.commonName}`,
    ]);
    chmodSync(files.key, 0o600);
    // A random positive serial (RFC 5280: unique per CA, at most 20 bytes).
    const serial = `0x${randomBytes(16)
      .toString('hex')
      .replace(/^[89a-f]/, '7')}`;
    openssl([
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      ca.cert,
      '-CAkey',
      ca.key,
      '-set_serial',
      serial,
      '-days',
      String(options.days),
      '-sha256',
      '-extfile',
      extensions,
      '-out',
      files.cert,
    ]);
  } finally {
    rmSync(csr, { force: true });
    rmSync(extensions, { force: true });
  }
}

/** YAML double-quoted scalar. */
const q = (value: string): string => JSON.stringify(value);

/**
 * The `tls:` block under `global:` of the server's config: the frontend and the internode
 * listeners present the server certificate and require a client certificate
 * (`requireClientAuth`) — of the client CA on the frontend, of the server CA on the internode
 * ports; the services verify each other by `serverName` and present the server certificate as
 * clients; the server's own system worker reaches the frontend with its client certificate. The
 * server re-reads the files every minute (rotation without a restart) and logs certificates
 * that expire within 30 days (error within 7).
 */
export function clusterTlsYaml(tls: ClusterTls): string[] {
  const server = (indent: string, clientCa: string) => [
    `${indent}server:`,
    `${indent}  certFile: ${q(tls.server.cert)}`,
    `${indent}  keyFile: ${q(tls.server.key)}`,
    `${indent}  requireClientAuth: true`,
    `${indent}  clientCaFiles:`,
    `${indent}    - ${q(clientCa)}`,
  ];
  const client = (indent: string) => [
    `${indent}client:`,
    `${indent}  serverName: ${q(tls.serverName)}`,
    `${indent}  rootCaFiles:`,
    `${indent}    - ${q(tls.serverCaFile)}`,
  ];
  return [
    `  tls:`,
    `    refreshInterval: "1m"`,
    `    expirationChecks:`,
    `      warningWindow: "720h"`,
    `      errorWindow: "168h"`,
    `      checkInterval: "24h"`,
    `    internode:`,
    ...server('      ', tls.serverCaFile),
    ...client('      '),
    `    frontend:`,
    ...server('      ', tls.clientCaFile),
    ...client('      '),
    `    systemWorker:`,
    `      certFile: ${q(tls.clients['system-worker'].cert)}`,
    `      keyFile: ${q(tls.clients['system-worker'].key)}`,
    ...client('      '),
  ];
}

/** The variables a worker, a gateway or the Temporal CLI needs to reach the cluster as `role`. */
export function temporalTlsEnv(tls: ClusterTls, role: ClientRole): Record<string, string> {
  const v = TEMPORAL_TLS_VARIABLES;
  return {
    [v.ca]: tls.serverCaFile,
    [v.cert]: tls.clients[role].cert,
    [v.key]: tls.clients[role].key,
    [v.serverName]: tls.serverName,
  };
}

/** The client TLS settings of `role`, as Connection.connect and NativeConnection.connect take them. */
export function clusterClientTls(tls: ClusterTls, role: ClientRole): TemporalTls {
  return temporalTlsFromEnv(temporalTlsEnv(tls, role))!;
}
