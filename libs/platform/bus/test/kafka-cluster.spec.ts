import { Topics } from '@bildungsregion/contracts';
import { describeWith, eventually, eventuallyPasses, kafkaClusterForTests } from '@bildungsregion/testing';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { busFromUrl, Delivery } from '../src';
import { measurementRecorded, valueOf } from './support/messages';
import { silentLogger } from './support/silent-logger';

describeWith(kafkaClusterForTests(), 'the Kafka bus on a three-broker cluster', (brokers) => {
  it('replicates every partition to all three brokers, needs two in sync for a write, and delivers', async () => {
    const topicNamespace = `t${randomUUID().slice(0, 8)}`;
    const bus = busFromUrl(`kafka://${brokers}?replicationFactor=3&minInsyncReplicas=2`, {
      topicNamespace,
      logger: silentLogger,
    });
    const admin = new Kafka({ brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      expect((await admin.describeCluster()).brokers).toHaveLength(3);
      await bus.ensureTopics([Topics.monitoring]);
      const topic = bus.physicalTopic(Topics.monitoring);
      // Another broker than the one the bus asked may learn of the new topic a moment later;
      // metadata and config requests go to any broker.
      const [metadata] = await eventuallyPasses(
        async () => (await admin.fetchTopicMetadata({ topics: [topic] })).topics,
      );
      expect(metadata?.partitions.length).toBeGreaterThan(0);
      for (const partition of metadata?.partitions ?? []) {
        expect(partition.replicas).toHaveLength(3);
        expect(partition.isr).toHaveLength(3);
      }
      const described = await eventuallyPasses(() =>
        admin.describeConfigs({
          resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['min.insync.replicas'] }],
          includeSynonyms: false,
        }),
      );
      expect(described.resources[0]?.configEntries).toEqual([
        expect.objectContaining({ configName: 'min.insync.replicas', configValue: '2' }),
      ]);

      await bus.publish(
        Array.from({ length: 20 }, (_, index) => ({
          topic: Topics.monitoring,
          event: measurementRecorded(`0345900${index % 5}`, index),
        })),
      );
      const received: Delivery[] = [];
      const subscription = await bus.subscribe({
        groupId: 'cluster-readers',
        topics: [Topics.monitoring],
        handler: async (delivery) => void received.push(delivery),
      });
      // At least once: a rebalance on a busy machine may hand a message over again before its commit.
      const delivered = () => new Map(received.map(({ event }) => [event.id, valueOf(event)]));
      await eventually(
        () => delivered().size >= 20,
        60_000,
        () => `${delivered().size} of 20 delivered`,
      );
      expect([...delivered().values()].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index));
      await subscription.stop();
    } finally {
      await admin.disconnect();
      await bus.close();
    }
  }, 120_000);
});
