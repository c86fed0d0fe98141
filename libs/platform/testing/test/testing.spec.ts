import { createServer, Server } from 'node:net';
import { eventually, eventuallyPasses, isReachable, isRequired } from '../src';

describe('infrastructure for tests', () => {
  const original = process.env['REQUIRE_INFRA'];
  afterEach(() => {
    if (original === undefined) delete process.env['REQUIRE_INFRA'];
    else process.env['REQUIRE_INFRA'] = original;
  });

  it('reads REQUIRE_INFRA as a comma-separated list of components', () => {
    process.env['REQUIRE_INFRA'] = 'Kafka, ferretdb';
    expect([isRequired('kafka'), isRequired('ferretdb'), isRequired('compose')]).toEqual([true, true, false]);
    delete process.env['REQUIRE_INFRA'];
    expect(isRequired('kafka')).toBe(false);
  });

  it('finds a listening port reachable and a closed one not', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      expect(isReachable(`127.0.0.1:${port}`)).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const free = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(isReachable(`127.0.0.1:${free}`)).toBe(false);
  });

  it('waits until a condition holds, and says what it saw when it never does', async () => {
    let calls = 0;
    await eventually(() => ++calls === 3, 1_000);
    expect(calls).toBe(3);
    await expect(
      eventually(
        () => false,
        30,
        () => 'still red',
      ),
    ).rejects.toThrow('condition not met within 30 ms: still red');
    await expect(eventuallyPasses(() => expect(1).toBe(2), 30)).rejects.toThrow();
  });
});
