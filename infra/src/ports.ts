import { createServer } from 'node:net';

/** Resolves true when nothing listens on host:port. */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the kernel just handed out, free at the time of asking. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Fails with one line that says which port, whose it is, and what to do. */
export async function assertPortsFree(ports: Array<{ port: number; what: string; env: string }>): Promise<void> {
  for (const { port, what, env } of ports) {
    if (!(await isPortFree(port))) {
      throw new StartupError(
        `port ${port} (${what}) is already in use: stop whatever listens there (\`ss -ltnp 'sport = :${port}'\`) or choose another port with ${env}=<port>`,
      );
    }
  }
}

/** An error whose message is the whole story, printed on one line without a stack. */
export class StartupError extends Error {
  override name = 'StartupError';
}
