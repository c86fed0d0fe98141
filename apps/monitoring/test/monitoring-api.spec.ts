import { useTempDir } from '@bildungsregion/testing';
import { join } from 'node:path';
import { monitoringApiSuite } from './support/monitoring-api.suite';

describe('monitoring API on the embedded defaults (SQLite event store, SQLite bus, in-memory read models)', () => {
  const dir = useTempDir();
  monitoringApiSuite(
    () => ({ eventStoreUrl: `sqlite:${join(dir(), 'events.sqlite')}`, busUrl: `sqlite:${join(dir(), 'bus.sqlite')}`, readModelsUrl: 'memory:' }),
    () => join(dir(), 'events.sqlite'),
  );
});
