import { describeWith, kafkaForTests, useTempDir } from '@bildungsregion/testing';
import { join } from 'node:path';
import { InMemoryTopicLog, KafkaTransport, LogTransport, SqliteTopicLog, TransportBus } from '../src';
import { busContract } from './contract/bus.contract';
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
});
