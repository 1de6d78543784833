import { startGateway } from './bootstrap';
import { gatewayConfig } from './config';

// A bad variable (gatewayConfig throws) ends in the same one line as a failed start.
Promise.resolve()
  .then(() => startGateway(gatewayConfig()))
  .then(async (app) => {
    console.log(JSON.stringify({ level: 'info', msg: 'gateway ready', url: `${await app.getUrl()}/graphql` }));
  })
  .catch((error: unknown) => {
    console.error(`gateway: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
