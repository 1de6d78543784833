import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { DirectoryWriter, EventStore, OutboxQueue, Projector, openDatabase } from '@seguimiento/persistence';
import { createTransport } from 'nodemailer';
import { OutboxSender } from './mail/outbox-sender';
import { ensureDigestSchedule } from './mail/digest-schedule';
import { quietSettingsFromFile, workerConfig } from './config';
import { LogNotifier } from './notifiers/log.notifier';
import { WebhookNotifier } from './notifiers/webhook.notifier';
import { createWorker } from './worker';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger((process.env.LOG_LEVEL?.toUpperCase() as 'WARN') ?? 'WARN') });
  const config = workerConfig();
  const dataSource = await openDatabase(config.databaseUrl, { applicationName: 'seguimiento-worker' });
  // The directory's first contents come from the file; once edited, the events are the truth.
  await new DirectoryWriter(dataSource, new EventStore(dataSource)).seedFromFile(config.directoryFile);
  const quiet = quietSettingsFromFile(config.directoryFile);
  const notifier = config.webhookUrl ? new WebhookNotifier(config.webhookUrl) : new LogNotifier();
  const { worker, connection } = await createWorker({
    connection: { address: config.temporalAddress, tls: config.temporalTls },
    namespace: config.namespace,
    dataSource,
    notifier,
    quiet,
    options: { maxCachedWorkflows: config.maxCachedWorkflows },
  });
  // The daily digest runs on a Temporal Schedule (08:00, Mexico City), created once by whichever worker starts first.
  // Not fatal: a worker that cannot create it still follows the cases; the next start tries again.
  try {
    const scheduling = await Connection.connect({ address: config.temporalAddress, tls: config.temporalTls });
    try {
      const schedule = await ensureDigestSchedule(new Client({ connection: scheduling, namespace: config.namespace }));
      console.log(JSON.stringify({ level: 'info', msg: 'digest schedule', schedule }));
    } finally {
      await scheduling.close();
    }
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', msg: 'digest schedule not created', error: String(error) }));
  }
  // The Temporal runtime stops the worker on SIGINT/SIGTERM; run() resolves once it has drained.
  console.log(
    JSON.stringify({
      level: 'info',
      msg: 'worker ready',
      taskQueue: worker.options.taskQueue,
      namespace: config.namespace,
      maxCachedWorkflows: config.maxCachedWorkflows,
    }),
  );
  // The read models follow the log from here (one projector runs at a time across processes).
  const projector = new Projector(dataSource, {
    databaseUrl: config.databaseUrl,
    onError: (error) => console.error(JSON.stringify({ level: 'error', msg: 'projector', error: String(error) })),
  });
  projector.start();
  // The outbox's mail goes out from here (see OutboxSender); without SMTP_URL it waits in PostgreSQL.
  const sender = config.smtpUrl
    ? new OutboxSender(new OutboxQueue(dataSource), createTransport(config.smtpUrl), {
        consoleUrl: config.consoleUrl,
        from: config.mailFrom,
        quiet,
        ...(config.bounceAddress ? { bounceAddress: config.bounceAddress } : {}),
        onError: (error) => console.error(JSON.stringify({ level: 'error', msg: 'outbox', error: String(error) })),
      })
    : null;
  if (sender) sender.start();
  else console.log(JSON.stringify({ level: 'warn', msg: 'SMTP_URL is not set: mail waits in the outbox' }));
  try {
    await worker.run();
  } finally {
    await sender?.stop();
    await projector.stop();
    await connection.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`worker: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
