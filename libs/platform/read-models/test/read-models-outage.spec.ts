import { describeWith, ferretDbForTests } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { MongooseReadModelStore, ReadModelsUnavailableError } from '../src';

/** A TCP hop between the store and FerretDB that the test can cut, as a server crash or a network outage would. */
function cuttableProxy(target: URL): Promise<{ url: string; cut(): void; server: Server }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = new Socket().connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `mongodb://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        cut: () => {
          server.close();
          for (const socket of sockets) socket.destroy();
        },
      }),
    ),
  );
}

describeWith(ferretDbForTests(), 'mongoose read models when the server goes away', (url) => {
  it('reports every operation as unavailable, not as a failure of the request', async () => {
    const proxy = await cuttableProxy(new URL(url));
    const store = await MongooseReadModelStore.connect(proxy.url, {
      dbName: `outage_${randomUUID().slice(0, 8)}`,
      serverSelectionTimeoutMS: 1_000,
    });
    try {
      const goals = store.collection<{ id: string; title: string }>('goals');
      await goals.upsert({ id: 'g1', title: 'Krippenplätze' });
      expect(await goals.get('g1')).toEqual({ id: 'g1', title: 'Krippenplätze' });
      proxy.cut();
      await expect(goals.find({})).rejects.toThrow(ReadModelsUnavailableError);
      await expect(goals.get('g1')).rejects.toThrow(ReadModelsUnavailableError);
      await expect(store.loadCheckpoint('goals.summary')).rejects.toThrow(ReadModelsUnavailableError);
      // Also once the driver has noticed the outage and counts the server as gone.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await expect(goals.count({})).rejects.toThrow(ReadModelsUnavailableError);
    } finally {
      proxy.cut();
      await store.close();
    }
  }, 30_000);
});
