import { useTempDir } from '@bildungsregion/testing';
import { join } from 'node:path';
import { ideasWithMonitoringAndGoalsSuite } from './support/ideas-with-monitoring-and-goals.suite';

describe('monitoring, goals → ideas → goals as separate processes on the embedded defaults', () => {
  const dir = useTempDir();
  const service = (name: string) => ({
    EVENT_STORE_URL: `sqlite:${join(dir(), `${name}.sqlite`)}`,
    BUS_URL: `sqlite:${join(dir(), 'bus.sqlite')}`,
    READ_MODELS_URL: 'memory:',
  });
  ideasWithMonitoringAndGoalsSuite(
    () => ({ goals: service('goals'), monitoring: service('monitoring'), ideas: service('ideas') }),
    { goals: 3971, monitoring: 3972, ideas: 3973 },
  );
});
