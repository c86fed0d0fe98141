import { useTempDir } from '@bildungsregion/testing';
import { join } from 'node:path';
import { monitoringToGoalsSuite } from './support/monitoring-to-goals.suite';

describe('monitoring → goals as separate processes on the embedded defaults (SQLite stores, one SQLite bus, in-memory read models)', () => {
  const dir = useTempDir();
  const bus = () => `sqlite:${join(dir(), 'bus.sqlite')}`;
  monitoringToGoalsSuite(
    () => ({
      goals: { EVENT_STORE_URL: `sqlite:${join(dir(), 'goals.sqlite')}`, BUS_URL: bus(), READ_MODELS_URL: 'memory:' },
      monitoring: {
        EVENT_STORE_URL: `sqlite:${join(dir(), 'monitoring.sqlite')}`,
        BUS_URL: bus(),
        READ_MODELS_URL: 'memory:',
      },
    }),
    { goals: 3961, monitoring: 3962 },
  );
});
