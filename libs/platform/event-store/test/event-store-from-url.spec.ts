import { join } from 'node:path';
import { EventStoreDbEventStore, eventStoreFromUrl, InMemoryEventStore, SqliteEventStore } from '../src';
import { useTempDir } from '@bildungsregion/testing';

describe('eventStoreFromUrl', () => {
  const tempDir = useTempDir();

  it('chooses the adapter named by the URL', async () => {
    const stores = [
      eventStoreFromUrl('memory:'),
      eventStoreFromUrl(`sqlite:${join(tempDir(), 'nested', 'events.sqlite')}`),
      eventStoreFromUrl('esdb://127.0.0.1:1?tls=false'),
    ];
    expect(stores.map((store) => store.constructor)).toEqual([
      InMemoryEventStore,
      SqliteEventStore,
      EventStoreDbEventStore,
    ]);
    await Promise.all(stores.map((store) => store.close()));
  });

  it('explains what it accepts when the URL is wrong', () => {
    expect(() => eventStoreFromUrl('postgres://db/events')).toThrow(
      /use memory:, sqlite:<file> or an EventStoreDB connection string/,
    );
    expect(() => eventStoreFromUrl('sqlite:')).toThrow(/needs a file path/);
  });
});
