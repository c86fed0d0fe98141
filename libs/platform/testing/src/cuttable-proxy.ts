import { AddressInfo, createServer, Socket } from 'node:net';

export interface CuttableProxy {
  /** host:port to connect to instead of the target. */
  readonly address: string;
  /** Drops every connection and refuses new ones, as a crashed server or a broken network would. */
  cut(): void;
}

/** A TCP hop in front of a real server (`host:port`) that a test can cut. */
export function cuttableProxy(target: string): Promise<CuttableProxy> {
  const [host, port] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = new Socket().connect(port, host);
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
        address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
        cut: () => {
          server.close();
          for (const socket of sockets) socket.destroy();
        },
      }),
    ),
  );
}
