export * from './envelope';
export * from './errors';
export * from './port';
export * from './hash-chain';
export { InMemoryEventStore, type InMemoryEventStoreOptions } from './adapters/in-memory-event-store';
export {
  SQLITE_EVENT_STORE_SCHEMA,
  SqliteEventStore,
  type SqliteEventStoreOptions,
} from './adapters/sqlite-event-store';
export * from './audit';
export * from './upcasting';
export * from './command-handler';
export {
  EventStoreDbEventStore,
  type EventStoreDbEventStoreOptions,
} from './adapters/eventstoredb/eventstoredb-event-store';
export * from './event-store-from-url';
export * from './micro-batcher';
export * from './history';
export * from './stream-category';
export * from './store-checkpoints';
export * from './chain-guard';
export * from './seal';
export * from './personal-data';
export * from './sqlite-file-watch';
export * from './trace-context';
