import { createServer, Server } from 'node:http';
import { AddressInfo, createServer as createTcpServer } from 'node:net';
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

  it('repeats a read or a keyed command whose connection was reset on the next instance, and answers any other command 502', async () => {
    // An instance that takes the connection and resets it once the request arrives.
    const resetting = createTcpServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    await new Promise<void>((resolve) => resetting.listen(0, '127.0.0.1', resolve));
    const healthy = await instance('goals-2');
    const gateway = gatewayApp({
      webRoot: __dirname,
      identityUrl: 'http://127.0.0.1:9',
      services: { goals: [`http://127.0.0.1:${(resetting.address() as AddressInfo).port}`, healthy.url] },
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => gateway.once('listening', resolve));
    const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/api/goals/goals`;
    // Two requests each, so one of them goes to the resetting instance first, whichever is next in turn.
    const twice = async (init: RequestInit) => {
      const answers: string[] = [];
      for (let n = 0; n < 2; n++) {
        const response = await fetch(url, init);
        answers.push(`${response.status}`);
      }
      return answers.sort();
    };
    try {
      expect(await twice({ method: 'GET' })).toEqual(['200', '200']);
      expect(await twice({ method: 'POST', body: '{}', headers: { 'Idempotency-Key': 'k-1' } })).toEqual([
        '200',
        '200',
      ]);
      expect(await twice({ method: 'POST', body: '{}' })).toEqual(['200', '502']);
    } finally {
      gateway.close();
      gateway.closeAllConnections();
      resetting.close();
      healthy.server.close();
    }
  });
});
