import { useTempDir } from '@bildungsregion/testing';
import { join } from 'node:path';
import { monitoringToPlanningSuite } from './support/monitoring-to-planning.suite';

describe('monitoring → planning as separate processes on the embedded defaults (SQLite stores, one SQLite bus, in-memory read models)', () => {
  const dir = useTempDir();
  const bus = () => `sqlite:${join(dir(), 'bus.sqlite')}`;
  monitoringToPlanningSuite(
    () => ({
      planning: {
        EVENT_STORE_URL: `sqlite:${join(dir(), 'planning.sqlite')}`,
        BUS_URL: bus(),
        READ_MODELS_URL: 'memory:',
      },
      monitoring: {
        EVENT_STORE_URL: `sqlite:${join(dir(), 'monitoring.sqlite')}`,
        BUS_URL: bus(),
        READ_MODELS_URL: 'memory:',
      },
    }),
    { planning: 3935, monitoring: 3936 },
  );
});
