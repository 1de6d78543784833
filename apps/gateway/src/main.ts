import { startGateway } from './bootstrap';
import { gatewayConfig } from './config';

startGateway(gatewayConfig())
  .then(async (app) => {
    console.log(JSON.stringify({ level: 'info', msg: 'gateway ready', url: `${await app.getUrl()}/graphql` }));
  })
  .catch((error: unknown) => {
    console.error(`gateway: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
