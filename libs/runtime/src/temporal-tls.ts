import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * TLS towards the Temporal frontend, in the shape `Connection.connect` and `NativeConnection.connect`
 * take as `tls` (@temporalio/common's TLSConfig).
 */
export interface TemporalTls {
  /** The name the server's certificate must carry (default: the host of TEMPORAL_ADDRESS). */
  serverNameOverride?: string;
  /** The CA that signed the server's certificate (default: the system's roots). */
  serverRootCACertificate?: Buffer;
  /** This process's certificate and key, for a server that requires client certificates (mTLS). */
  clientCertPair?: { crt: Buffer; key: Buffer };
}

/**
 * The variables, the same the Temporal CLI reads, so that one `export` serves both:
 * file paths of PEM files, and the name to verify.
 */
export const TEMPORAL_TLS_VARIABLES = {
  enabled: 'TEMPORAL_TLS',
  ca: 'TEMPORAL_TLS_CA',
  cert: 'TEMPORAL_TLS_CERT',
  key: 'TEMPORAL_TLS_KEY',
  serverName: 'TEMPORAL_TLS_SERVER_NAME',
} as const;

/**
 * The TLS settings of TEMPORAL_TLS_CA, TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY and
 * TEMPORAL_TLS_SERVER_NAME (and TEMPORAL_TLS=true: TLS with the system's roots), read and checked
 * now so that a wrong path, a file that is not PEM, a certificate without its key or an expired
 * certificate stops the process at start with the variable's name. None set: undefined (plain
 * gRPC, as the dev server on loopback speaks).
 */
export function temporalTlsFromEnv(env: NodeJS.ProcessEnv = process.env): TemporalTls | undefined {
  const v = TEMPORAL_TLS_VARIABLES;
  const value = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const enabled = value(v.enabled);
  if (enabled !== undefined && enabled !== 'true' && enabled !== 'false') {
    throw new Error(
      `${v.enabled}: "${enabled}" must be true or false (or unset: TLS when ${v.ca}, ${v.cert} or ${v.serverName} is set)`,
    );
  }
  const [caFile, certFile, keyFile, serverName] = [value(v.ca), value(v.cert), value(v.key), value(v.serverName)];
  const anySetting = caFile ?? certFile ?? keyFile ?? serverName;
  if (enabled === 'false') {
    if (anySetting)
      throw new Error(
        `${v.enabled}=false contradicts ${[v.ca, v.cert, v.key, v.serverName].filter((n) => value(n)).join(', ')}: unset one or the other`,
      );
    return undefined;
  }
  if (!anySetting && enabled !== 'true') return undefined;
  if (certFile && !keyFile)
    throw new Error(`${v.cert} is set but ${v.key} is not: the client certificate needs its private key`);
  if (keyFile && !certFile)
    throw new Error(`${v.key} is set but ${v.cert} is not: the private key needs its client certificate`);

  const tls: TemporalTls = {};
  if (serverName) tls.serverNameOverride = serverName;
  if (caFile) {
    const ca = readPem(v.ca, caFile);
    certificate(v.ca, caFile, ca);
    tls.serverRootCACertificate = ca;
  }
  if (certFile && keyFile) {
    const crt = readPem(v.cert, certFile);
    const key = readPem(v.key, keyFile);
    const cert = certificate(v.cert, certFile, crt);
    let privateKey;
    try {
      privateKey = createPrivateKey(key);
    } catch (error) {
      throw new Error(`${v.key}: ${keyFile} is not a PEM private key (${(error as Error).message})`);
    }
    if (!cert.checkPrivateKey(privateKey))
      throw new Error(`${v.key}: ${keyFile} is not the private key of ${v.cert} (${certFile})`);
    tls.clientCertPair = { crt, key };
  }
  return tls;
}

function readPem(variable: string, file: string): Buffer {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`${variable}: cannot read ${file} (${code ?? (error as Error).message})`);
  }
  if (!content.toString('latin1').includes('-----BEGIN '))
    throw new Error(`${variable}: ${file} is not a PEM file (no -----BEGIN line)`);
  return content;
}

/** The first certificate of a PEM file; an error names the variable if it is not one or is not valid today. */
function certificate(variable: string, file: string, pem: Buffer): X509Certificate {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch (error) {
    throw new Error(`${variable}: ${file} is not a PEM certificate (${(error as Error).message})`);
  }
  const now = Date.now();
  if (Date.parse(cert.validTo) <= now)
    throw new Error(`${variable}: the certificate in ${file} expired on ${cert.validTo}`);
  if (Date.parse(cert.validFrom) > now)
    throw new Error(`${variable}: the certificate in ${file} is not valid before ${cert.validFrom}`);
  return cert;
}
