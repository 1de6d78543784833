import { createServer, type Server } from 'node:net';
import { StartupError, assertPortsFree, freePort, isPortFree } from './ports';

describe('port checks', () => {
  let server: Server;
  let taken: number;

  beforeAll(async () => {
    taken = await freePort();
    server = createServer();
    await new Promise<void>((resolve) => server.listen(taken, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('sees a taken port and a free one', async () => {
    expect(await isPortFree(taken)).toBe(false);
    expect(await isPortFree(await freePort())).toBe(true);
  });

  it('explains in one line which port is taken and how to choose another', async () => {
    const error = await assertPortsFree([{ port: taken, what: 'GraphQL gateway', env: 'PORT' }]).catch((e) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error.message).toMatch(
      new RegExp(`^port ${taken} \\(GraphQL gateway\\) is already in use: .* PORT=<port>$`),
    );
    expect(error.message).not.toContain('\n');
  });
});
