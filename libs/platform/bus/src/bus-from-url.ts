import { InMemoryTopicLog } from './adapters/in-memory-topic-log';
import { KafkaTransport } from './adapters/kafka-transport';
import { LogTransport } from './adapters/log-transport';
import { SqliteTopicLog } from './adapters/sqlite-topic-log';
import { TransportBus, TransportBusOptions } from './transport-bus';

/**
 * Chooses the adapter from one setting: `memory:` · `sqlite:<file>` (the embedded default) ·
 * `kafka://host:port[,host:port…]`.
 */
export function busFromUrl(url: string, options: TransportBusOptions & { clientId?: string } = {}): TransportBus {
  if (url === 'memory:') return new TransportBus(new LogTransport(new InMemoryTopicLog()), options);
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === '') throw new Error('The bus URL "sqlite:" needs a file path, e.g. sqlite:./data/bus.sqlite.');
    return new TransportBus(new LogTransport(new SqliteTopicLog({ file })), options);
  }
  if (url.startsWith('kafka://')) {
    const brokers = url
      .slice('kafka://'.length)
      .split(',')
      .filter((broker) => broker !== '');
    if (brokers.length === 0)
      throw new Error('The bus URL "kafka://" needs at least one broker, e.g. kafka://127.0.0.1:9092.');
    return new TransportBus(new KafkaTransport({ brokers, clientId: options.clientId }), options);
  }
  throw new Error(
    `Unknown bus URL ${JSON.stringify(url)}: use memory:, sqlite:<file> or kafka://host:port[,host:port…].`,
  );
}
