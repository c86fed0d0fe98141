import { InMemoryReadModelStore } from './adapters/in-memory-read-model-store';
import { MongooseReadModelStore } from './adapters/mongoose-read-model-store';
import { SqliteReadModelStore } from './adapters/sqlite-read-model-store';
import { ReadModelStore } from './port';

/**
 * `memory:`, `sqlite:<file>` (kept across restarts, for one process) or a MongoDB connection string
 * (`mongodb://…`, also FerretDB).
 */
export async function readModelsFromUrl(url: string, options: { dbName?: string } = {}): Promise<ReadModelStore> {
  if (url === 'memory:') return new InMemoryReadModelStore();
  if (url.startsWith('sqlite:') && url.length > 'sqlite:'.length)
    return new SqliteReadModelStore(url.slice('sqlite:'.length));
  if (url.startsWith('mongodb://') || url.startsWith('mongodb+srv://'))
    return MongooseReadModelStore.connect(url, options);
  throw new Error(
    `Unknown read model URL ${JSON.stringify(url)}: use memory:, sqlite:<file> or a MongoDB connection string (mongodb://…).`,
  );
}

/** The database a MongoDB connection string names (`mongodb://host:27017/goals_trial` → `goals_trial`), if any. */
export function databaseInUrl(url: string): string | undefined {
  const path = /^mongodb(?:\+srv)?:\/\/[^/?#]*\/([^?#]*)/.exec(url)?.[1];
  return path ? decodeURIComponent(path) : undefined;
}
