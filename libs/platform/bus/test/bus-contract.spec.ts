import { Topics } from '@bildungsregion/contracts';
import { describeWith, eventually, kafkaForTests, useTempDir } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { busFromUrl, InMemoryTopicLog, KafkaTransport, LogTransport, SqliteTopicLog, TransportBus } from '../src';
import { busContract } from './contract/bus.contract';
import { measurementRecorded } from './support/messages';
import { silentLogger } from './support/silent-logger';

describe('in-memory bus', () => {
  busContract({
    timeoutMs: 5_000,
    create: async (topicNamespace) => {
      const transport = new LogTransport(new InMemoryTopicLog());
      return { transport, bus: new TransportBus(transport, { topicNamespace, logger: silentLogger }) };
    },
  });
});

describe('SQLite bus', () => {
  const dir = useTempDir();
  busContract({
    timeoutMs: 10_000,
    create: async (topicNamespace) => {
      const transport = new LogTransport(new SqliteTopicLog({ file: join(dir(), 'bus.sqlite') }));
      return { transport, bus: new TransportBus(transport, { topicNamespace, logger: silentLogger }) };
    },
  });
});

describeWith(kafkaForTests(), 'Kafka bus', (brokers) => {
  busContract({
    timeoutMs: 30_000,
    create: async (topicNamespace) => {
      const transport = new KafkaTransport({ brokers: brokers.split(',') });
      return { transport, bus: new TransportBus(transport, { topicNamespace, logger: silentLogger }) };
    },
  });

  it('creates topics with the replication the bus URL asks for, and refuses more replicas than brokers', async () => {
    const topicNamespace = `t${randomUUID().slice(0, 8)}`;
    const bus = busFromUrl(`kafka://${brokers}?replicationFactor=1&minInsyncReplicas=1`, {
      topicNamespace,
      logger: silentLogger,
    });
    const admin = new Kafka({ brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await bus.ensureTopics([Topics.monitoring]);
      const topic = bus.physicalTopic(Topics.monitoring);
      const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      expect(metadata?.partitions.every((partition) => partition.replicas.length === 1)).toBe(true);
      const described = await admin.describeConfigs({
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['min.insync.replicas'] }],
        includeSynonyms: false,
      });
      expect(described.resources[0]?.configEntries).toEqual([
        expect.objectContaining({ configName: 'min.insync.replicas', configValue: '1' }),
      ]);
      const brokerCount = (await admin.describeCluster()).brokers.length;
      const tooMany = busFromUrl(`kafka://${brokers}?replicationFactor=${brokerCount + 1}`, {
        topicNamespace,
        logger: silentLogger,
      });
      await expect(tooMany.ensureTopics([Topics.goals])).rejects.toThrow(
        /^Kafka refused to create .*goals.*: Replication-factor is invalid/,
      );
      await tooMany.close();
    } finally {
      await admin.disconnect();
      await bus.close();
    }
  });

  it('lets services that start together create the same topics at once, and each of them can subscribe', async () => {
    const topicNamespace = `t${randomUUID().slice(0, 8)}`;
    const topics = [Topics.monitoring, Topics.goals, Topics.ideas];
    const buses = Array.from(
      { length: 4 },
      (_, member) =>
        new TransportBus(new KafkaTransport({ brokers: brokers.split(','), clientId: `starter-${member}` }), {
          topicNamespace,
          logger: silentLogger,
        }),
    );
    try {
      await Promise.all(buses.map((bus) => bus.ensureTopics(topics)));
      const received = new Set<string>();
      const subscriptions = await Promise.all(
        buses.map((bus, member) =>
          bus.subscribe({
            groupId: `starter-${member}`,
            topics: [Topics.monitoring],
            handler: async () => {
              received.add(`starter-${member}`);
            },
          }),
        ),
      );
      await buses[0]!.publish([{ topic: Topics.monitoring, event: measurementRecorded('03459020', 1) }]);
      await eventually(
        () => received.size === buses.length,
        30_000,
        () => [...received].join(', '),
      );
      await Promise.all(subscriptions.map((subscription) => subscription.stop()));
    } finally {
      await Promise.all(buses.map((bus) => bus.close()));
    }
  });
});
