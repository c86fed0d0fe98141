import { useTempDir } from '@bildungsregion/testing';
import { join } from 'node:path';
import { measuresAndGapsSuite } from './support/measures-and-gaps.suite';

describe('monitoring, ideas → planning as separate processes on the embedded defaults (SQLite stores, one SQLite bus, in-memory read models)', () => {
  const dir = useTempDir();
  const service = (name: string) => ({
    EVENT_STORE_URL: `sqlite:${join(dir(), `${name}.sqlite`)}`,
    BUS_URL: `sqlite:${join(dir(), 'bus.sqlite')}`,
    READ_MODELS_URL: 'memory:',
  });
  measuresAndGapsSuite(
    () => ({ monitoring: service('monitoring'), ideas: service('ideas'), planning: service('planning') }),
    { planning: 3920, monitoring: 3921, ideas: 3922 },
  );
});
