import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { EventStore, SqliteEventStore } from '../src';
import { eventStoreContract } from './contract/event-store.contract';
import { useTempDir } from '@bildungsregion/testing';

describe('SqliteEventStore', () => {
  const tempDir = useTempDir();
  const files = new WeakMap<EventStore, string>();
  const open = (file: string) => {
    const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
    files.set(store, file);
    return store;
  };

  eventStoreContract({
    create: async () => open(join(tempDir(), `${randomUUID()}.sqlite`)),
    restart: async (store) => {
      await store.close();
      return open(files.get(store)!);
    },
    gapFreePositions: true,
  });
});
