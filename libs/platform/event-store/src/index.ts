export * from './envelope';
export * from './errors';
export * from './port';
export * from './hash-chain';
export { InMemoryEventStore, type InMemoryEventStoreOptions } from './adapters/in-memory-event-store';
export { SqliteEventStore, type SqliteEventStoreOptions } from './adapters/sqlite-event-store';
export * from './audit';
export * from './upcasting';
export * from './command-handler';
