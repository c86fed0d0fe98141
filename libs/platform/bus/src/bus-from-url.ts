import { InMemoryTopicLog } from './adapters/in-memory-topic-log';
import { KafkaTransport } from './adapters/kafka-transport';
import { LogTransport } from './adapters/log-transport';
import { SqliteTopicLog } from './adapters/sqlite-topic-log';
import { TransportBus, TransportBusOptions } from './transport-bus';

/**
 * Chooses the adapter from one setting: `memory:` · `sqlite:<file>` (the embedded default) ·
 * `kafka://host:port[,host:port…][?replicationFactor=3&minInsyncReplicas=2]`.
 */
export function busFromUrl(url: string, options: TransportBusOptions & { clientId?: string } = {}): TransportBus {
  if (url === 'memory:') return new TransportBus(new LogTransport(new InMemoryTopicLog()), options);
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === '') throw new Error('The bus URL "sqlite:" needs a file path, e.g. sqlite:./data/bus.sqlite.');
    return new TransportBus(new LogTransport(new SqliteTopicLog({ file })), options);
  }
  if (url.startsWith('kafka://')) {
    const [list = '', query = ''] = url.slice('kafka://'.length).split('?');
    const brokers = list.split(',').filter((broker) => broker !== '');
    if (brokers.length === 0)
      throw new Error('The bus URL "kafka://" needs at least one broker, e.g. kafka://127.0.0.1:9092.');
    const replication = replicationIn(new URLSearchParams(query));
    return new TransportBus(
      new KafkaTransport({ brokers, clientId: options.clientId, ...(replication ? { replication } : {}) }),
      options,
    );
  }
  throw new Error(
    `Unknown bus URL ${JSON.stringify(url)}: use memory:, sqlite:<file> or kafka://host:port[,host:port…].`,
  );
}

/** `replicationFactor` and `minInsyncReplicas` of a Kafka bus URL; the second defaults to one less than the first. */
function replicationIn(query: URLSearchParams): { factor: number; minInSync: number } | undefined {
  const unknown = [...query.keys()].filter((key) => key !== 'replicationFactor' && key !== 'minInsyncReplicas');
  if (unknown.length > 0)
    throw new Error(`The Kafka bus URL knows replicationFactor and minInsyncReplicas, not ${unknown.join(', ')}.`);
  const number = (name: string) => {
    const text = query.get(name);
    if (text === null) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(
        `${name} in the Kafka bus URL must be a whole number of at least 1, not ${JSON.stringify(text)}.`,
      );
    return value;
  };
  const factor = number('replicationFactor');
  const minInSync = number('minInsyncReplicas');
  if (factor === undefined) {
    if (minInSync !== undefined) throw new Error('minInsyncReplicas in the Kafka bus URL needs a replicationFactor.');
    return undefined;
  }
  const resolved = minInSync ?? Math.max(1, factor - 1);
  if (resolved > factor)
    throw new Error(
      `minInsyncReplicas (${resolved}) in the Kafka bus URL cannot exceed replicationFactor (${factor}): no write would ever be acknowledged.`,
    );
  return { factor, minInSync: resolved };
}
