import { EventStoreDbEventStore } from './adapters/eventstoredb/eventstoredb-event-store';
import { InMemoryEventStore } from './adapters/in-memory-event-store';
import { SqliteEventStore } from './adapters/sqlite-event-store';
import { EventStore } from './port';

/**
 * Chooses the adapter from one setting, so a service's code never knows which one runs:
 * `memory:` · `sqlite:<file>` (the embedded default) · `esdb://host:2113?tls=false` (EventStoreDB).
 */
export function eventStoreFromUrl(url: string): EventStore {
  if (url === 'memory:') return new InMemoryEventStore();
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === '')
      throw new Error('The event store URL "sqlite:" needs a file path, e.g. sqlite:./data/goals/events.sqlite.');
    return new SqliteEventStore({ file });
  }
  if (url.startsWith('esdb://') || url.startsWith('esdb+discover://'))
    return new EventStoreDbEventStore({ connectionString: url });
  throw new Error(
    `Unknown event store URL ${JSON.stringify(url)}: use memory:, sqlite:<file> or an EventStoreDB connection string (esdb://…).`,
  );
}
