import { useTempDir } from '@bildungsregion/testing';
import { join } from 'node:path';
import { personalDataErasureSuite } from './support/personal-data-erasure.suite';

describe('an erasure request in planning as its own process on the embedded defaults', () => {
  const dir = useTempDir();
  personalDataErasureSuite(
    () => ({
      dataDir: dir(),
      EVENT_STORE_URL: `sqlite:${join(dir(), 'events.sqlite')}`,
      BUS_URL: `sqlite:${join(dir(), 'bus.sqlite')}`,
      READ_MODELS_URL: 'memory:',
    }),
    () => ({ directories: [dir()] }),
    3984,
  );
});
