export * from './port';
export * from './validation';
export * from './projection';
export * from './projection-runner';
export * from './read-models-from-url';
export { InMemoryReadModelStore } from './adapters/in-memory-read-model-store';
export { MongooseReadModelStore } from './adapters/mongoose-read-model-store';
export { SqliteReadModelStore } from './adapters/sqlite-read-model-store';
