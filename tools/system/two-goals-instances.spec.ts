import { useTempDir } from '@bildungsregion/testing';
import { join } from 'node:path';
import { twoGoalsInstancesSuite } from './support/two-goals-instances.suite';

describe('two goals instances on one machine, sharing the SQLite event store, read models and bus, one killed under load', () => {
  const dir = useTempDir();
  twoGoalsInstancesSuite(
    () => ({
      dir: dir(),
      readModelsUrl: `sqlite:${join(dir(), 'read-models.sqlite')}`,
      busUrl: `sqlite:${join(dir(), 'bus.sqlite')}`,
    }),
    { first: 3955, second: 3956 },
  );
});
