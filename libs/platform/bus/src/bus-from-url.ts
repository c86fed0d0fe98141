import { InMemoryTopicLog } from './adapters/in-memory-topic-log';
import { KafkaTransport } from './adapters/kafka-transport';
import { LogTransport } from './adapters/log-transport';
import { SqliteTopicLog } from './adapters/sqlite-topic-log';
import { TransportBus, TransportBusOptions } from './transport-bus';

/**
 * Chooses the adapter from one setting: `memory:` · `sqlite:<file>[?partitions=6]` (the embedded
 * default) · `kafka://host:port[,host:port…][?partitions=6&replicationFactor=3&minInsyncReplicas=2]`.
 * `partitions` applies to the topics the bus creates (3 by default); existing topics keep theirs.
 */
export function busFromUrl(url: string, options: TransportBusOptions & { clientId?: string } = {}): TransportBus {
  if (url === 'memory:') return new TransportBus(new LogTransport(new InMemoryTopicLog()), options);
  if (url.startsWith('sqlite:')) {
    const [file = '', query = ''] = url.slice('sqlite:'.length).split('?');
    if (file === '') throw new Error('The bus URL "sqlite:" needs a file path, e.g. sqlite:./data/bus.sqlite.');
    const settings = new URLSearchParams(query);
    knownSettings(settings, ['partitions'], 'SQLite');
    return new TransportBus(new LogTransport(new SqliteTopicLog({ file })), withPartitions(options, settings));
  }
  if (url.startsWith('kafka://')) {
    const [list = '', query = ''] = url.slice('kafka://'.length).split('?');
    const brokers = list.split(',').filter((broker) => broker !== '');
    if (brokers.length === 0)
      throw new Error('The bus URL "kafka://" needs at least one broker, e.g. kafka://127.0.0.1:9092.');
    const settings = new URLSearchParams(query);
    knownSettings(settings, ['partitions', 'replicationFactor', 'minInsyncReplicas'], 'Kafka');
    const replication = replicationIn(settings);
    return new TransportBus(
      new KafkaTransport({ brokers, clientId: options.clientId, ...(replication ? { replication } : {}) }),
      withPartitions(options, settings),
    );
  }
  throw new Error(
    `Unknown bus URL ${JSON.stringify(url)}: use memory:, sqlite:<file> or kafka://host:port[,host:port…].`,
  );
}

function knownSettings(query: URLSearchParams, known: readonly string[], bus: string): void {
  const unknown = [...query.keys()].filter((key) => !known.includes(key));
  if (unknown.length > 0) throw new Error(`The ${bus} bus URL knows ${known.join(', ')}, not ${unknown.join(', ')}.`);
}

/** A setting of the URL that must be a whole number of at least 1, if given. */
function wholeNumber(query: URLSearchParams, name: string, bus?: string): number | undefined {
  const text = query.get(name);
  if (text === null) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(
      `${name} in the ${bus ? `${bus} ` : ''}bus URL must be a whole number of at least 1, not ${JSON.stringify(text)}.`,
    );
  return value;
}

function withPartitions(options: TransportBusOptions, query: URLSearchParams): TransportBusOptions {
  const partitions = wholeNumber(query, 'partitions');
  return partitions === undefined ? options : { ...options, partitions };
}

/** `replicationFactor` and `minInsyncReplicas` of a Kafka bus URL; the second defaults to one less than the first. */
function replicationIn(query: URLSearchParams): { factor: number; minInSync: number } | undefined {
  const factor = wholeNumber(query, 'replicationFactor', 'Kafka');
  const minInSync = wholeNumber(query, 'minInsyncReplicas', 'Kafka');
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
