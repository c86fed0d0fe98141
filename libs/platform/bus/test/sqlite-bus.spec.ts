import { Topics } from '@bildungsregion/contracts';
import { eventually, startWorker, useTempDir } from '@bildungsregion/testing';
import { join } from 'node:path';
import { busFromUrl, eventIdFor, SqliteTopicLog, UnknownTopicError } from '../src';
import { measurementRecorded, valueOf } from './support/messages';
import { silentLogger } from './support/silent-logger';

const topic = Topics.monitoring;

describe('SQLite bus with several processes', () => {
  const dir = useTempDir();

  it('keeps offsets gap-free and each key in order when two processes publish at once', async () => {
    const file = join(dir(), 'shared.sqlite');
    const setup = busFromUrl(`sqlite:${file}`, { logger: silentLogger });
    await setup.ensureTopics([topic]);
    await setup.close();
    const tsconfig = join(__dirname, '..', 'tsconfig.json');
    const publishers = ['a', 'b'].map((name) =>
      startWorker(join(__dirname, 'support', 'publish-worker.ts'), [file, name, '300'], tsconfig),
    );
    await Promise.all(publishers.map((publisher) => publisher.ready));
    for (const publisher of publishers) publisher.process.stdin?.end('go\n');
    await Promise.all(publishers.map((publisher) => publisher.finished));

    const log = new SqliteTopicLog({ file });
    try {
      let total = 0;
      for (let partition = 0; partition < log.partitionsOf(topic); partition++) {
        const records = log.read({ topic, partition }, 0, 10_000);
        expect(records.map((record) => record.offset)).toEqual(records.map((_, index) => index));
        total += records.length;
        const byKey = new Map<string, number[]>();
        for (const record of records)
          byKey.set(record.key, [
            ...(byKey.get(record.key) ?? []),
            (JSON.parse(record.value) as { value: number }).value,
          ]);
        for (const values of byKey.values()) expect(values).toEqual([...values].sort((x, y) => x - y));
      }
      expect(total).toBe(600);
    } finally {
      log.close();
    }
  });

  it('splits the partitions between two members of one group, handles no message twice, and hands over when one stops', async () => {
    // The members renew their 10 s leases every 3.3 s; the split and the hand-over must not wait for that.
    const withinPolls = 2_000;
    const url = `sqlite:${join(dir(), 'group.sqlite')}`;
    const first = busFromUrl(url, { logger: silentLogger });
    const second = busFromUrl(url, { logger: silentLogger });
    const handledBy = new Map<number, string[]>();
    try {
      await first.ensureTopics([topic]);
      const note =
        (member: string) =>
        async ({ event }: { event: Parameters<typeof valueOf>[0] }) => {
          handledBy.set(valueOf(event), [...(handledBy.get(valueOf(event)) ?? []), member]);
        };
      const a = await first.subscribe({ groupId: 'goals', topics: [topic], handler: note('a') });
      const b = await second.subscribe({ groupId: 'goals', topics: [topic], handler: note('b') });
      const partitionsOf = (subscription: typeof a) => subscription.assignment()[topic] ?? [];
      await eventually(
        () => partitionsOf(a).length > 0 && partitionsOf(b).length > 0,
        withinPolls,
        () => `a holds ${partitionsOf(a)}, b holds ${partitionsOf(b)}`,
      );
      const split = [...partitionsOf(a), ...partitionsOf(b)].sort((x, y) => x - y);
      expect(split).toEqual([...new Set(split)]);
      expect(Math.abs(partitionsOf(a).length - partitionsOf(b).length)).toBeLessThanOrEqual(1);
      await first.publish(
        Array.from({ length: 100 }, (_, sequence) => ({
          topic,
          key: `region-${sequence % 7}`,
          event: measurementRecorded('03459020', sequence),
        })),
      );
      await eventually(() => handledBy.size === 100);
      expect(new Set([...handledBy.values()].flat())).toEqual(new Set(['a', 'b']));
      await a.stop();
      await eventually(
        () => partitionsOf(b).length === split.length,
        withinPolls,
        () => `b holds ${partitionsOf(b)} after a stopped`,
      );
      await first.publish(
        Array.from({ length: 50 }, (_, sequence) => ({
          topic,
          key: `region-${sequence % 7}`,
          event: measurementRecorded('03459020', 100 + sequence),
        })),
      );
      await eventually(() => handledBy.size === 150);
      await b.stop();
    } finally {
      // Closing stops the subscriptions, also when an expectation above failed.
      await Promise.all([first.close(), second.close()]);
    }
    expect([...handledBy.values()].filter((members) => members.length > 1)).toEqual([]);
    expect(Array.from({ length: 50 }, (_, sequence) => handledBy.get(100 + sequence))).toEqual(
      Array.from({ length: 50 }, () => ['b']),
    );
  });
  it('creates topics with the partitions the bus URL asks for', async () => {
    const file = join(dir(), 'six.sqlite');
    const bus = busFromUrl(`sqlite:${file}?partitions=6`, { logger: silentLogger });
    await bus.ensureTopics([topic]);
    await bus.close();
    const log = new SqliteTopicLog({ file });
    expect(log.partitionsOf(topic)).toBe(6);
    log.close();
  });

  it('tells a log when another connection appends, without waiting for its poll', async () => {
    const file = join(dir(), 'watched.sqlite');
    const listening = new SqliteTopicLog({ file, pollIntervalMs: 60_000 });
    const writing = new SqliteTopicLog({ file });
    try {
      listening.createTopics([topic], 1);
      const noticed = new Promise<string>((resolve) => {
        listening.appends.once('appended', () => resolve('noticed'));
        setTimeout(() => resolve('not noticed within 2 s'), 2_000).unref();
      });
      writing.append(topic, [{ key: 'k', value: '{}', headers: {}, partition: 0 }]);
      expect(await noticed).toBe('noticed');
    } finally {
      writing.close();
      listening.close();
    }
  });
});

describe('bus set-up errors', () => {
  it('refuses to publish to or consume from a topic that was never created', async () => {
    const bus = busFromUrl('memory:', { logger: silentLogger });
    await expect(bus.publish([{ topic, event: measurementRecorded('03459020', 1) }])).rejects.toThrow(
      new UnknownTopicError(topic),
    );
    await expect(bus.subscribe({ groupId: 'goals', topics: [topic], handler: async () => undefined })).rejects.toThrow(
      'topic bildung.monitoring.v1 does not exist; create it with ensureTopics first',
    );
    await bus.close();
  });

  it.each([
    ['sqlite:', 'needs a file path'],
    ['kafka://', 'needs at least one broker'],
    [
      'kafka://k1:9092?replicationFactor=0',
      'replicationFactor in the Kafka bus URL must be a whole number of at least 1, not "0"',
    ],
    [
      'kafka://k1:9092?replicationFactor=3&minInsyncReplicas=4',
      'minInsyncReplicas (4) in the Kafka bus URL cannot exceed replicationFactor (3)',
    ],
    ['kafka://k1:9092?minInsyncReplicas=2', 'minInsyncReplicas in the Kafka bus URL needs a replicationFactor'],
    ['kafka://k1:9092?acks=1', 'knows partitions, replicationFactor, minInsyncReplicas, not acks'],
    ['kafka://k1:9092?partitions=0', 'partitions in the bus URL must be a whole number of at least 1, not "0"'],
    [
      'sqlite:/tmp/bus.sqlite?partitions=two',
      'partitions in the bus URL must be a whole number of at least 1, not "two"',
    ],
    ['sqlite:/tmp/bus.sqlite?replicationFactor=3', 'The SQLite bus URL knows partitions, not replicationFactor'],
    [
      'redis://localhost',
      'Unknown bus URL "redis://localhost": use memory:, sqlite:<file> or kafka://host:port[,host:port…].',
    ],
  ])('explains what is wrong with the bus URL %s', (url, message) => {
    expect(() => busFromUrl(url)).toThrow(message);
  });
});

describe('eventIdFor', () => {
  it('derives the same version-5 UUID from the same parts, and another one from other parts', () => {
    const id = eventIdFor('goals', '7f1c2a9e-1b5e-4a53-9a52-8d3f0c6e2b10');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(eventIdFor('goals', '7f1c2a9e-1b5e-4a53-9a52-8d3f0c6e2b10')).toBe(id);
    expect(eventIdFor('planning', '7f1c2a9e-1b5e-4a53-9a52-8d3f0c6e2b10')).not.toBe(id);
    expect(eventIdFor('goals', '7f1c2a9e-1b5e-4a53-9a52-8d3f0c6e2b10', '1')).not.toBe(id);
  });
});
