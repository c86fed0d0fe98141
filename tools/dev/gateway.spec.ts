import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { gatewayApp } from './gateway';

/** An instance that answers with its name. */
function instance(name: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => res.end(name));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

describe('the development gateway', () => {
  it('sends the requests of a service to its instances in turn, and one an instance refuses to the next', async () => {
    const [first, second] = await Promise.all([instance('goals-1'), instance('goals-2')]);
    const gateway = gatewayApp({
      webRoot: __dirname,
      identityUrl: 'http://127.0.0.1:9',
      services: { goals: [first.url, second.url] },
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => gateway.once('listening', resolve));
    const ask = async () => {
      const response = await fetch(`http://127.0.0.1:${(gateway.address() as AddressInfo).port}/api/goals/health`);
      return `${response.status} ${await response.text()}`.slice(0, 11);
    };
    try {
      expect([await ask(), await ask(), await ask(), await ask()].sort()).toEqual([
        '200 goals-1',
        '200 goals-1',
        '200 goals-2',
        '200 goals-2',
      ]);
      await new Promise((resolve) => first.server.close(resolve));
      expect([await ask(), await ask(), await ask(), await ask()]).toEqual(Array(4).fill('200 goals-2'));
      await new Promise((resolve) => second.server.close(resolve));
      expect(await ask()).toBe('502 {"type"');
    } finally {
      gateway.close();
      gateway.closeAllConnections();
    }
  });
});
