import { InMemoryEventStore } from '../src';
import { eventStoreContract } from './contract/event-store.contract';

describe('InMemoryEventStore', () => {
  eventStoreContract({
    create: async () => new InMemoryEventStore(),
    restart: async (store) => store,
    gapFreePositions: true,
  });
});
