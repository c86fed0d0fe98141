/**
 * A consumer in its own OS process, for the crash test: it handles measurement events by appending
 * them to a SQLite event store under deterministic ids and projects the store into a read model.
 * Prints `ready`, then `handled <event id>` after each handled message.
 *
 *   consumer-worker <bus url> <topic namespace> <store file> <read model url> <db name>
 */
import { Topics } from '@bildungsregion/contracts';
import { SqliteEventStore } from '@bildungsregion/event-store';
import { ProjectionRunner, readModelsFromUrl } from '@bildungsregion/read-models';
import pino from 'pino';
import { eventIdFor, KafkaTransport, TransportBus, busFromUrl } from '../../src';
import { measurementsPerRegion } from './measurements-per-region';

async function main(): Promise<void> {
  const [busUrl, topicNamespace, storeFile, readModelUrl, dbName] = process.argv.slice(2) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const logger = pino({ level: 'silent' });
  const bus = busUrl.startsWith('kafka://')
    ? new TransportBus(
        new KafkaTransport({ brokers: busUrl.slice('kafka://'.length).split(','), sessionTimeoutMs: 6_000 }),
        { topicNamespace, logger },
      )
    : busFromUrl(busUrl, { topicNamespace, logger });
  const store = new SqliteEventStore({ file: storeFile });
  const readModels = await readModelsFromUrl(readModelUrl, { dbName });
  const projection = new ProjectionRunner(store, readModels, measurementsPerRegion);
  await projection.start();
  await bus.subscribe({
    groupId: 'crash-test-consumer',
    topics: [Topics.monitoring],
    handler: async ({ event }) => {
      const data = event.data as { regionKey: string; value: number };
      await store.append(
        `region-${data.regionKey}`,
        [
          {
            id: eventIdFor('crash-test-consumer', event.id),
            type: 'MeasurementApplied',
            data: { value: data.value },
            metadata: { actor: { id: 'bus', role: 'system' }, source: 'crash-test', causationId: event.id },
          },
        ],
        'any',
      );
      process.stdout.write(`handled ${event.id}\n`);
    },
  });
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
