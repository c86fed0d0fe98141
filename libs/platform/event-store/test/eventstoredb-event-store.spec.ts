import { EventStoreDbEventStore } from '../src';
import { eventStoreContract } from './contract/event-store.contract';

const url = process.env.EVENTSTORE_URL;
const describeWithEventStoreDb = url ? describe : describe.skip;

describeWithEventStoreDb(`EventStoreDbEventStore${url ? ` at ${url}` : ' (skipped: EVENTSTORE_URL is not set; docker compose up eventstore provides one)'}`, () => {
  eventStoreContract({
    create: async () => new EventStoreDbEventStore({ connectionString: url as string }),
    restart: async (store) => {
      await store.close();
      return new EventStoreDbEventStore({ connectionString: url as string });
    },
    gapFreePositions: false,
  });
});
