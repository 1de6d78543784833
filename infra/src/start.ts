import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, temporalTlsFromEnv } from '@seguimiento/runtime';
import { runDemo } from './demo';
import { markBounced, openDatabase } from '@seguimiento/persistence';
import type { DataSource } from 'typeorm';
import { startMailCatcher } from './mail-catcher';
import { demoTokens, ensureDemoUsers, jwtSecret, metricsToken } from './demo-tokens';
import { ManagedProcess } from './managed-process';
import { StartupError, assertPortsFree, isPortFree } from './ports';
import {
  type RunningPostgres,
  credentialsFileOf,
  redact,
  startEmbeddedPostgres,
  useExternalPostgres,
} from './postgres';
import { type StackConfig, stackConfig } from './stack-config';
import { ensureTemporalCli } from './temporal-cli';
import { type RunningTemporal, startTemporalDevServer, waitForTemporal } from './temporal-server';

const say = (line: string) => process.stdout.write(`${line}\n`);
const ms = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** `npm start`: the whole system on this machine, until Ctrl-C. */
export async function main(): Promise<void> {
  const started = Date.now();
  const stoppers: Array<{ name: string; stop: () => Promise<void> }> = [];
  const children: ManagedProcess[] = [];
  const ownedPorts: number[] = [];
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('\nstopping…');
    for (const { name, stop } of [...stoppers].reverse()) {
      await stop().catch((e: Error) => say(`  ${name}: ${e.message}`));
      say(`  ${name} stopped`);
    }
    const left = children.filter((c) => c.running).map((c) => c.options.name);
    const busy: number[] = [];
    for (const port of ownedPorts) if (!(await isPortFree(port))) busy.push(port);
    if (left.length) say(`still running: ${left.join(', ')}`);
    if (busy.length) say(`ports still in use: ${busy.join(', ')}`);
    if (!left.length && !busy.length) say(`all processes stopped; ports ${ownedPorts.join(', ') || '—'} are free`);
    process.exit(code);
  };
  // Fire-and-forget: a signal handler cannot wait; shutdown catches each stop and ends the process itself.
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGHUP', () => void shutdown(0));

  try {
    const config = stackConfig();
    ownedPorts.push(...(await preflight(config)));
    mkdirSync(config.dataDir, { recursive: true });

    const postgres = await bringUpPostgres(config);
    stoppers.push({ name: 'postgres', stop: postgres.stop });
    if (postgres.process) children.push(postgres.process);

    const temporal = await bringUpTemporal(config);
    stoppers.push({ name: 'temporal', stop: temporal.stop });
    if (temporal.process) children.push(temporal.process);

    // Mail (issue 18): to SMTP_URL when set, else to a local catcher that keeps it in .data/mail.
    // A DSN sent to the bounce address marks the message BOUNCED in the outbox (one small pool, opened at the first bounce).
    const bounceAddress = process.env.MAIL_BOUNCE_ADDRESS || 'rebotes@seguimiento.localhost';
    let bounceDb: Promise<DataSource> | null = null;
    const catcher = process.env.SMTP_URL
      ? null
      : await startMailCatcher({
          dir: join(config.dataDir, 'mail'),
          bounceAddress,
          onBounce: async (messageId, reason) => {
            bounceDb ??= openDatabase(postgres.url, { poolSize: 1, applicationName: 'seguimiento-bounces' });
            const outcome = await markBounced((await bounceDb).manager, messageId, reason);
            say(`mail: rebote de ${messageId} (${outcome.status})`);
          },
        });
    if (catcher) stoppers.push({ name: 'mail catcher', stop: catcher.stop });
    stoppers.push({ name: 'bounces', stop: async () => void (await bounceDb)?.destroy() });
    const smtpUrl = process.env.SMTP_URL ?? catcher!.url;

    const secret = jwtSecret(config.dataDir);
    const env = {
      ...process.env,
      JWT_SECRET: secret,
      METRICS_TOKEN: metricsToken(config.dataDir),
      DATABASE_URL: postgres.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: config.temporalNamespace,
      PORT: String(config.gatewayPort),
      SMTP_URL: smtpUrl,
      MAIL_BOUNCE_ADDRESS: bounceAddress,
    };
    const worker = await startApp('worker', env, /"msg":"worker ready"/);
    stoppers.push({ name: 'worker', stop: () => worker.stop() });
    children.push(worker);
    const gateway = await startApp('gateway', env, /"msg":"gateway ready"/);
    stoppers.push({ name: 'gateway', stop: () => gateway.stop() });
    children.push(gateway);

    for (const child of children) {
      // Watched, not awaited: `exited` only resolves, and shutdown never rejects.
      void child.exited.then((code) => {
        if (!stopping) {
          say(`${child.options.name} exited unexpectedly (code ${code}):\n${child.lastLines()}`);
          void shutdown(1);
        }
      });
    }

    const graphqlUrl = `http://127.0.0.1:${config.gatewayPort}/graphql`;
    say(`\nseguimiento is up in ${ms(started)}`);
    say(`  GraphQL      ${graphqlUrl}  (open it in a browser: the explorer; paste a token below)`);
    say(`  Health       http://127.0.0.1:${config.gatewayPort}/ready`);
    say(
      `  Metrics      http://127.0.0.1:${config.gatewayPort}/metrics  (Authorization: Bearer <the secret in ${join(config.dataDir, 'metrics-token')}>)`,
    );
    say(`  Temporal     ${temporal.address} (namespace ${config.temporalNamespace})`);
    if (temporal.uiUrl) say(`  Temporal UI  ${temporal.uiUrl}`);
    say(
      catcher
        ? `  Mail         ${catcher.url} keeps what is sent in ${join(config.dataDir, 'mail')} (npx seguimiento mail list)`
        : `  Mail         SMTP_URL ${redact(smtpUrl)}`,
    );
    say(
      `  PostgreSQL   ${redact(postgres.url)}${config.databaseUrl ? '' : ` (passwords in ${credentialsFileOf(join(config.dataDir, 'postgres'))})`}`,
    );
    await printDemoUsers(postgres.url, config.dataDir, `http://127.0.0.1:${config.gatewayPort}/`).catch(
      (error: Error) => say(`\n(the demo users could not be created: ${error.message})`),
    );
    const tokens = demoTokens(secret);
    say('\nDemo tokens (send as "Authorization: Bearer <token>"; valid 30 days):');
    for (const { what, token } of tokens) say(`  ${what}\n    ${token}`);
    const operator = tokens.find((t) => t.principal.role === 'OPERATOR' && t.principal.institution === 'GRO')!.token;
    if (config.demo && !(await runDemo(graphqlUrl, operator, say)))
      say('  (the system is up; the demo could not play)');
    say(
      '\nPaste correspondence in: npx seguimiento ingest <file.txt> [--dry-run]; the report: npx seguimiento report --ople GRO --from … --to …',
    );
    say('\nPress Ctrl-C to stop everything.');
  } catch (error) {
    say(`error: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

/** Creates the console's demo users (once) and prints them with their passwords (the same on every start). */
async function printDemoUsers(databaseUrl: string, dataDir: string, consoleUrl: string): Promise<void> {
  const db = await openDatabase(databaseUrl, { poolSize: 2, applicationName: 'seguimiento-start' });
  try {
    const users = await ensureDemoUsers(db, dataDir);
    say(`\nDemo users (sign in at ${consoleUrl}; passwords kept in ${join(dataDir, 'demo-users.json')}):`);
    for (const { username, what, password, note } of users)
      say(`  ${username.padEnd(15)} ${password}   ${what}${note ? ` — ${note}` : ''}`);
    say('  more users: npx seguimiento users add USUARIO --role … --ople … --name "…"');
  } finally {
    await db.destroy();
  }
}

/** Checks that the ports we are about to listen on are free, and returns them. */
async function preflight(config: StackConfig): Promise<number[]> {
  const wanted = [{ port: config.gatewayPort, what: 'GraphQL gateway', env: 'PORT' }];
  if (!config.temporalAddress) {
    wanted.push({ port: config.temporalPort, what: 'Temporal frontend', env: 'TEMPORAL_PORT' });
    wanted.push({ port: config.temporalUiPort, what: 'Temporal web UI', env: 'TEMPORAL_UI_PORT' });
  }
  if (!config.databaseUrl)
    wanted.push({ port: config.postgresPort, what: 'embedded PostgreSQL', env: 'POSTGRES_PORT' });
  await assertPortsFree(wanted);
  return wanted.map((w) => w.port);
}

async function bringUpPostgres(config: StackConfig): Promise<RunningPostgres> {
  const t = Date.now();
  if (config.databaseUrl) {
    say(`▸ PostgreSQL: using DATABASE_URL ${redact(config.databaseUrl)}`);
    return useExternalPostgres(config.databaseUrl);
  }
  say(
    `▸ PostgreSQL: starting the embedded server on 127.0.0.1:${config.postgresPort} (data in ${join(config.dataDir, 'postgres')})…`,
  );
  const pg = await startEmbeddedPostgres({
    dataDir: join(config.dataDir, 'postgres'),
    port: config.postgresPort,
    log: (line) => say(`  ${line}`),
  });
  say(`  ready in ${ms(t)}`);
  return pg;
}

async function bringUpTemporal(config: StackConfig): Promise<RunningTemporal> {
  const t = Date.now();
  if (config.temporalAddress) {
    say(`▸ Temporal: using TEMPORAL_ADDRESS ${config.temporalAddress}`);
    // The worker and the gateway read the same TEMPORAL_TLS_* variables (a cluster with mTLS).
    const tls = temporalTlsFromEnv();
    try {
      await waitForTemporal(config.temporalAddress, config.temporalNamespace, null, 10_000, tls);
    } catch (error) {
      throw new StartupError(
        `TEMPORAL_ADDRESS ${config.temporalAddress} (namespace ${config.temporalNamespace}) is unreachable: ${(error as Error).message.split('\n')[0]} — start that cluster, fix the address, or unset TEMPORAL_ADDRESS to use the dev server`,
      );
    }
    return {
      address: config.temporalAddress,
      uiUrl: null,
      namespace: config.temporalNamespace,
      process: null,
      stop: async () => undefined,
    };
  }
  if (temporalTlsFromEnv()) {
    throw new StartupError(
      'TEMPORAL_TLS_* is set but the dev server speaks plain gRPC on loopback: unset TEMPORAL_TLS, TEMPORAL_TLS_CA, TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY and TEMPORAL_TLS_SERVER_NAME, or point TEMPORAL_ADDRESS at a cluster with TLS',
    );
  }
  const cli = await ensureTemporalCli((line) => say(`  ${line}`));
  say(
    `▸ Temporal: starting the dev server on 127.0.0.1:${config.temporalPort} (state in ${join(config.dataDir, 'temporal.db')}, readable by this user only)…`,
  );
  const temporal = await startTemporalDevServer({
    cli,
    port: config.temporalPort,
    uiPort: config.temporalUiPort,
    dbFile: join(config.dataDir, 'temporal.db'),
    namespace: config.temporalNamespace,
  });
  say(`  ready in ${ms(t)}`);
  return temporal;
}

async function startApp(name: 'worker' | 'gateway', env: NodeJS.ProcessEnv, ready: RegExp): Promise<ManagedProcess> {
  const t = Date.now();
  say(`▸ ${name}: starting…`);
  const child = new ManagedProcess({
    name,
    command: process.execPath,
    args: [join(repoRoot(), 'infra', 'scripts', 'run-app.js'), name],
    env,
    cwd: repoRoot(),
    tether: 'node',
    onLine: (line) => say(`  [${name}] ${line}`),
  });
  await child.waitForLine(ready, 120_000);
  say(`  ready in ${ms(t)}`);
  return child;
}
