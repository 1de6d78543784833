// The cluster's ports: picked below the ephemeral range, and waited for at a restart.
import { StartupError, isPortFree } from '../ports';
import { type ClusterPorts, TEMPORAL_SERVICES } from './config';

/**
 * Ringpop records each membership port in cluster_membership.rpc_port, a PostgreSQL SMALLINT:
 * above 32767 the server dies at start ("value … is out of range for type smallint"). The
 * kernel's ephemeral ports (freePort) start at 32768 on Linux, so every port the cluster picks
 * comes from below, checked free one by one. This also keeps a restart safe: a client
 * reconnecting to a port of the ephemeral range while nothing listens can be handed that very
 * port as its own (a TCP self-connect), and would hold it.
 */
export const CLUSTER_PORT_RANGE = { min: 20_000, max: 32_767 } as const;

export async function pickClusterPorts(frontendPort: number | undefined): Promise<ClusterPorts> {
  if (frontendPort !== undefined && !(await isPortFree(frontendPort))) {
    throw new StartupError(
      `port ${frontendPort} (Temporal frontend) is already in use: stop whatever listens there (\`ss -ltnp 'sport = :${frontendPort}'\`) or choose another port`,
    );
  }
  const taken = new Set<number>(frontendPort ? [frontendPort] : []);
  const { min, max } = CLUSTER_PORT_RANGE;
  const pick = async () => {
    for (let attempt = 0; attempt < 500; attempt++) {
      const port = min + Math.floor(Math.random() * (max - min + 1));
      if (!taken.has(port) && (await isPortFree(port))) {
        taken.add(port);
        return port;
      }
    }
    throw new StartupError(`no free port between ${min} and ${max} on 127.0.0.1 for the Temporal server`);
  };
  const ports = {} as ClusterPorts;
  for (const service of TEMPORAL_SERVICES) {
    ports[service] = {
      grpc: service === 'frontend' && frontendPort ? frontendPort : await pick(),
      membership: await pick(),
    };
  }
  return ports;
}

/**
 * A restart reuses the same ports. The killed server's sockets close a moment after its wrapper
 * has exited: wait for them, then say which port another process took meanwhile, if any.
 */
export async function waitForPortsFreed(ports: ClusterPorts, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const service of TEMPORAL_SERVICES) {
    for (const kind of ['grpc', 'membership'] as const) {
      const port = ports[service][kind];
      while (!(await isPortFree(port))) {
        if (Date.now() > deadline) {
          throw new StartupError(
            `cannot restart Temporal: port ${port} (${service} ${kind}) is still in use (\`ss -ltnp 'sport = :${port}'\`)`,
          );
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
}
