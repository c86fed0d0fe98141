import { useTempDir } from '@bildungsregion/testing';
import { join } from 'node:path';
import { goalsApiSuite } from './support/goals-api.suite';

describe('goals API on the embedded defaults (SQLite event store, SQLite bus, in-memory read models)', () => {
  const dir = useTempDir();
  goalsApiSuite(
    () => ({ eventStoreUrl: `sqlite:${join(dir(), 'events.sqlite')}`, busUrl: `sqlite:${join(dir(), 'bus.sqlite')}`, readModelsUrl: 'memory:' }),
    () => join(dir(), 'events.sqlite'),
  );
});
