import { ensureTemporalCli } from '@seguimiento/infra/temporal-cli';
import { freePort } from '@seguimiento/infra/ports';
import { type RunningTemporal, startTemporalDevServer } from '@seguimiento/infra/temporal-server';

/**
 * The Temporal dev server on a free loopback port, for a test. The server picks more ports of its
 * own when it starts (metrics, its internal services), which another process of the machine may
 * take at that instant: it then dies before it is ready. It is started again on other ports, at
 * most twice, saying so; any other failure, or a third death, fails the test.
 */
export async function startTemporalOnFreePort(cli?: string): Promise<RunningTemporal> {
  const binary = cli ?? (await ensureTemporalCli());
  for (let attempt = 1; ; attempt++) {
    try {
      return await startTemporalDevServer({ cli: binary, port: await freePort() });
    } catch (error) {
      const message = (error as Error).message;
      if (attempt >= 3 || !message.startsWith('temporal server exited before it was ready')) throw error;
      process.stderr.write(
        `Temporal dev server died before it was ready (attempt ${attempt} of 3); starting it again:\n${message}\n`,
      );
    }
  }
}
