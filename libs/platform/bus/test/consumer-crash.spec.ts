import { Topics } from '@bildungsregion/contracts';
import { SqliteEventStore } from '@bildungsregion/event-store';
import { readModelsFromUrl } from '@bildungsregion/read-models';
import {
  describeWith,
  eventually,
  ferretDbForTests,
  kafkaForTests,
  startWorker,
  useTempDir,
  WorkerProcess,
} from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { busFromUrl } from '../src';
import { measurementRecorded } from './support/messages';
import { measurementsPerRegion, RegionValues } from './support/measurements-per-region';
import { silentLogger } from './support/silent-logger';

const MESSAGES = 1_000;
const REGIONS = Array.from({ length: 10 }, (_, index) => `034590${String(index + 10)}`);
const PER_REGION = MESSAGES / REGIONS.length;
const expectedValues = Array.from({ length: PER_REGION }, (_, value) => value);

function startConsumer(args: string[]): WorkerProcess {
  return startWorker(join(__dirname, 'support', 'consumer-worker.ts'), args, join(__dirname, '..', 'tsconfig.json'));
}

const handledCount = (worker: WorkerProcess) => (worker.output().match(/^handled /gm) ?? []).length;

/**
 * A consumer process is killed with SIGKILL in the middle of 1,000 messages and started again.
 * Every message must end up applied exactly once: each region's values 0..99, in order.
 */
function crashSpec(busUrl: () => string, readModelUrl: string, timeoutMs: number): void {
  const dir = useTempDir();
  /** A read model in the worker's memory cannot be inspected from here; the store still can. */
  const sharedReadModel = readModelUrl !== 'memory:';

  it('applies every message exactly once after the consumer was killed mid-stream', async () => {
    const namespace = `crash${randomUUID().slice(0, 8)}`;
    const storeFile = join(dir(), `${namespace}.sqlite`);
    const dbName = `crash_${namespace}`;
    const bus = busFromUrl(busUrl(), { topicNamespace: namespace, logger: silentLogger });
    await bus.ensureTopics([Topics.monitoring]);
    for (let value = 0; value < PER_REGION; value++) {
      await bus.publish(
        REGIONS.map((region) => ({ topic: Topics.monitoring, key: region, event: measurementRecorded(region, value) })),
      );
    }
    await bus.close();
    const args = [busUrl(), namespace, storeFile, readModelUrl, dbName];

    const first = startConsumer(args);
    await first.ready;
    await eventually(() => handledCount(first) >= 300, timeoutMs);
    first.process.kill('SIGKILL');
    await first.finished.catch(() => undefined);
    const handledBeforeCrash = handledCount(first);
    expect(handledBeforeCrash).toBeLessThan(MESSAGES);

    const second = startConsumer(args);
    await second.ready;
    const store = new SqliteEventStore({ file: storeFile });
    const readModels = await readModelsFromUrl(readModelUrl, { dbName });
    const values = readModels.collection<RegionValues>(measurementsPerRegion.collection);
    try {
      const stored = async () => (await store.readAll({ filter: { categories: ['region'] } })).length;
      await eventually(
        async () => (await stored()) >= MESSAGES,
        timeoutMs,
        () => `after ${handledCount(second)} handled by the restarted consumer`,
      );
      if (sharedReadModel) {
        await eventually(
          async () => (await values.find({ filter: { values: { $size: PER_REGION } } })).length === REGIONS.length,
          timeoutMs,
        );
      }
      second.process.kill('SIGTERM');
      await second.finished.catch(() => undefined);

      expect(await stored()).toBe(MESSAGES);
      expect(handledBeforeCrash + handledCount(second)).toBeGreaterThanOrEqual(MESSAGES);
      for (const region of REGIONS) {
        const perRegion = await store.readStream(`region-${region}`);
        expect(perRegion.map((event) => (event.data as { value: number }).value)).toEqual(expectedValues);
        if (sharedReadModel) expect((await values.get(`region-${region}`))?.values).toEqual(expectedValues);
      }
    } finally {
      second.process.kill('SIGKILL');
      await store.close();
      await readModels.close();
    }
  });
}

describe('consumer crash on the SQLite bus', () => {
  const dir = useTempDir();
  crashSpec(() => `sqlite:${join(dir(), 'bus.sqlite')}`, 'memory:', 60_000);
});

describeWith(ferretDbForTests(), 'consumer crash on the SQLite bus feeding FerretDB', (url) => {
  const dir = useTempDir();
  crashSpec(() => `sqlite:${join(dir(), 'bus.sqlite')}`, url, 60_000);
});

describeWith(kafkaForTests(), 'consumer crash on Kafka', (brokers) => {
  describeWith(ferretDbForTests(), 'feeding FerretDB', (url) => {
    crashSpec(() => `kafka://${brokers}`, url, 90_000);
  });
});
