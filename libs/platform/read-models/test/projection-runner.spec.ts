import { InMemoryEventStore, NewEvent, RecordedEvent, StoreCheckpoints } from '@bildungsregion/event-store';
import { describeWith, eventually, ferretDbForTests } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import {
  InMemoryReadModelStore,
  MongooseReadModelStore,
  Projection,
  ProjectedDocument,
  ProjectionRunner,
  ReadModelStore,
} from '../src';

interface ProgressTotal extends ProjectedDocument {
  readonly events: number;
  readonly total: number;
}

/** Counts and sums: applying an event twice would show up in both numbers. */
function progressTotals(name: string): Projection<ProgressTotal> & { evolveCalls: number } {
  return {
    name,
    collection: `${name}_totals`,
    filter: { categories: ['goal'] },
    evolveCalls: 0,
    documentIds: (event) => (event.type === 'ProgressRecorded' ? [event.streamId] : []),
    evolve(current, event: RecordedEvent) {
      this.evolveCalls++;
      const value = (event.data as { value: number }).value;
      if (value < 0) throw new Error(`negative progress ${value} in ${event.streamId}`);
      return { id: event.streamId, events: (current?.events ?? 0) + 1, total: (current?.total ?? 0) + value };
    },
  };
}

function progress(value: number): NewEvent {
  return {
    type: 'ProgressRecorded',
    data: { value },
    metadata: { actor: { id: 'coordinator-1', role: 'coordinator' }, source: 'goals' },
  };
}

interface Gate {
  readonly reached: Promise<void>;
  reach(): void;
  readonly opened: Promise<void>;
  open(): void;
}

function gate(): Gate {
  let reach!: () => void;
  let open!: () => void;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { reached, reach, opened, open };
}

/** The read models as seen by an instance that stalls (e.g. in a long pause) after each of its first reads, until each gate opens. */
function stallingReads(readModels: ReadModelStore, gates: readonly Gate[]): ReadModelStore {
  let reads = 0;
  return new Proxy(readModels, {
    get(target, property, receiver) {
      if (property !== 'collection') return Reflect.get(target, property, receiver);
      return (...args: Parameters<ReadModelStore['collection']>) =>
        new Proxy(target.collection(...args), {
          get(collection, method, collectionReceiver) {
            if (method !== 'getMany') return Reflect.get(collection, method, collectionReceiver);
            return async (ids: readonly string[]) => {
              const found = await collection.getMany(ids);
              const stall = gates[reads++];
              stall?.reach();
              await stall?.opened;
              return found;
            };
          },
        });
    },
  });
}

function runnerSpec(createReadModels: () => Promise<ReadModelStore>): void {
  let readModels: ReadModelStore;
  let store: InMemoryEventStore;
  let name: string;

  beforeEach(async () => {
    readModels = await createReadModels();
    store = new InMemoryEventStore();
    name = `p${randomUUID().slice(0, 8)}`;
    await store.append('goal-a', [progress(1), progress(2), progress(3)], 'no-stream');
    await store.append('goal-b', [progress(10)], 'no-stream');
    await store.append('idea-x', [progress(100)], 'no-stream');
  });

  afterEach(async () => {
    await store.close();
    await readModels.close();
  });

  it('projects the events after its checkpoint, then follows new ones, and reports no lag when live', async () => {
    const projection = progressTotals(name);
    const runner = new ProjectionRunner(store, readModels, projection);
    await runner.start();
    const totals = readModels.collection<ProgressTotal>(projection.collection);
    expect(await totals.get('goal-a')).toEqual({ id: 'goal-a', events: 3, total: 6, projectedPosition: 3 });
    expect(await totals.get('idea-x')).toBeNull();

    await store.append('goal-b', [progress(5)], 0);
    await eventually(async () => (await totals.get('goal-b'))?.total === 15);
    // The document is written before the checkpoint that the status reports.
    await eventually(async () => (await runner.status()).position === 6);
    expect(await runner.status()).toMatchObject({ name, state: 'live', position: 6, lagEvents: 0, lagSeconds: 0 });
    await runner.stop();
    expect(await new StoreCheckpoints(store, readModels).loadCheckpoint(runner.checkpointName)).toBe(6);
  });

  it('resumes from its checkpoint after a restart and reports the lag while stopped', async () => {
    const projection = progressTotals(name);
    const first = new ProjectionRunner(store, readModels, projection);
    await first.start();
    await first.stop();
    await store.append('goal-a', [progress(4), progress(5)], 2);
    const status = await first.status();
    expect(status).toMatchObject({ state: 'stopped', position: 4, lagEvents: 2 });
    expect(status.lagSeconds).toBeGreaterThanOrEqual(0);

    const callsBefore = projection.evolveCalls;
    const second = new ProjectionRunner(store, readModels, projection);
    await second.start();
    expect(projection.evolveCalls - callsBefore).toBe(2);
    expect(await readModels.collection<ProgressTotal>(projection.collection).get('goal-a')).toMatchObject({
      events: 5,
      total: 15,
    });
    await second.stop();
  });

  it('changes nothing when events are applied again after a crash lost the checkpoint', async () => {
    const projection = progressTotals(name);
    const runner = new ProjectionRunner(store, readModels, projection);
    await runner.start();
    await runner.stop();
    await new StoreCheckpoints(store, readModels).saveCheckpoint(runner.checkpointName, 1);

    const again = new ProjectionRunner(store, readModels, projection);
    await again.start();
    const totals = readModels.collection<ProgressTotal>(projection.collection);
    expect(await totals.get('goal-a')).toMatchObject({ events: 3, total: 6 });
    expect(await totals.get('goal-b')).toMatchObject({ events: 1, total: 10 });
    await again.stop();
  });

  it('starts over when its definition changed, so no document keeps what the old code wrote', async () => {
    const before = progressTotals(name);
    const first = new ProjectionRunner(store, readModels, before);
    await first.start();
    await first.stop();
    const totals = readModels.collection<ProgressTotal>(before.collection);
    expect(await totals.get('goal-a')).toMatchObject({ total: 6 });

    const doubled: Projection<ProgressTotal> = {
      ...before,
      evolve: (current, event) => ({
        id: event.streamId,
        events: (current?.events ?? 0) + 1,
        total: (current?.total ?? 0) + 2 * (event.data as { value: number }).value,
      }),
    };
    const changed = new ProjectionRunner(store, readModels, doubled);
    expect(changed.checkpointName).not.toBe(first.checkpointName);
    await changed.start();
    expect(await totals.get('goal-a')).toMatchObject({ events: 3, total: 12 });
    await changed.stop();

    const versioned = new ProjectionRunner(store, readModels, { ...doubled, version: 2 });
    expect(versioned.checkpointName).not.toBe(changed.checkpointName);
    expect(new ProjectionRunner(store, readModels, doubled).checkpointName).toBe(changed.checkpointName);
  });

  it('starts over instead of resuming a checkpoint taken from another store', async () => {
    const projection = progressTotals(name);
    const runner = new ProjectionRunner(store, readModels, projection);
    await runner.start();
    await runner.stop();
    const otherStore = new InMemoryEventStore();
    await otherStore.append('goal-c', [progress(7)], 'no-stream');
    const onOther = new ProjectionRunner(otherStore, readModels, projection);
    await onOther.start();
    const totals = readModels.collection<ProgressTotal>(projection.collection);
    expect((await totals.find({ sort: { id: 1 } })).map((row) => [row.id, row.total])).toEqual([['goal-c', 7]]);
    await onOther.stop();
    await otherStore.close();
  });

  it('starts over when its checkpoint lies beyond the head of the store, as after a restore from backup', async () => {
    const projection = progressTotals(name);
    const totals = readModels.collection<ProgressTotal>(projection.collection);
    await totals.upsert({ id: 'goal-z', events: 1, total: 40.5, projectedPosition: 40 });
    const runner = new ProjectionRunner(store, readModels, projection);
    await new StoreCheckpoints(store, readModels).saveCheckpoint(runner.checkpointName, 40);
    await runner.start();
    expect((await totals.find({ sort: { id: 1 } })).map((row) => [row.id, row.total])).toEqual([
      ['goal-a', 6],
      ['goal-b', 10],
    ]);
    await runner.stop();
  });

  it('rebuilds from scratch on request, dropping documents it would no longer write', async () => {
    const projection = progressTotals(name);
    const runner = new ProjectionRunner(store, readModels, projection);
    await runner.start();
    const totals = readModels.collection<ProgressTotal>(projection.collection);
    await totals.upsert({ id: 'stale', events: 99, total: 99, projectedPosition: 1 });
    await runner.rebuild();
    expect((await totals.find({ sort: { id: 1 } })).map((row) => [row.id, row.total])).toEqual([
      ['goal-a', 6],
      ['goal-b', 10],
    ]);
    await runner.stop();
  });

  it('lets a reader wait until everything stored so far is applied, and gives up on a failed projection', async () => {
    const projection = progressTotals(name);
    const runner = new ProjectionRunner(store, readModels, projection);
    const totals = readModels.collection<ProgressTotal>(projection.collection);
    const waiting = runner.caughtUpWithStore(5_000).then(async () => (await totals.get('goal-a'))?.total);
    await runner.start();
    await expect(waiting).resolves.toBe(6);
    await store.append('goal-a', [progress(4)], 2);
    await runner.caughtUpWithStore(5_000);
    expect((await totals.get('goal-a'))?.total).toBe(10);
    await store.append('goal-a', [progress(-5)], 3);
    await expect(runner.caughtUpWithStore(5_000)).rejects.toThrow('negative progress -5 in goal-a');
    await runner.stop();
  });

  it('never takes a document back in time when a late instance writes what it read before another moved on', async () => {
    const projection = progressTotals(name);
    const totals = readModels.collection<ProgressTotal>(projection.collection);
    const [firstRead, secondRead] = [gate(), gate()] as const;
    const late = new ProjectionRunner(store, stallingReads(readModels, [firstRead, secondRead]), projection);
    const lateStart = late.start();
    await firstRead.reached;

    const current = new ProjectionRunner(store, readModels, projection);
    await current.start();
    await store.append('goal-a', [progress(4)], 2);
    await current.caughtUpWithStore();
    const newest = { id: 'goal-a', events: 4, total: 10, projectedPosition: 6 };
    expect(await totals.get('goal-a')).toEqual(newest);

    firstRead.open();
    await secondRead.reached;
    expect(await totals.get('goal-a')).toEqual(newest);
    secondRead.open();
    await lateStart;
    await late.caughtUpWithStore();
    expect(await totals.get('goal-a')).toEqual(newest);
    await late.stop();
    await current.stop();
  });

  it('while standing by, waits for the checkpoint another instance saves, and only for the event types asked for', async () => {
    const projection = progressTotals(name);
    const standing = new ProjectionRunner(store, readModels, projection);
    await standing.standBy();
    expect(await standing.status()).toMatchObject({ state: 'standby', position: 0, lagEvents: 4 });
    await standing.caughtUpWithStore(200, ['GoalAgreed']);
    await expect(standing.caughtUpWithStore(200)).rejects.toThrow(/at position 0, behind 4,/);

    const keeping = new ProjectionRunner(store, readModels, projection);
    await keeping.start();
    await standing.caughtUpWithStore(2_000);
    expect(await standing.status()).toMatchObject({ state: 'standby', position: 4, lagEvents: 0 });
    await keeping.stop();
  });

  it('reports a failing projection with its error and keeps the checkpoint before the failure', async () => {
    await store.append('goal-c', [progress(-1)], 'no-stream');
    const projection = progressTotals(name);
    const runner = new ProjectionRunner(store, readModels, projection);
    await expect(runner.start()).rejects.toThrow('negative progress -1 in goal-c');
    expect(await runner.status()).toMatchObject({
      state: 'failed',
      error: 'negative progress -1 in goal-c',
      lagEvents: 1,
    });
    expect(await new StoreCheckpoints(store, readModels).loadCheckpoint(runner.checkpointName)).toBe(4);
  });
}

describe('projection runner on in-memory read models', () => {
  runnerSpec(async () => new InMemoryReadModelStore());
});

describeWith(ferretDbForTests(), 'projection runner on mongoose read models', (url) => {
  runnerSpec(() => MongooseReadModelStore.connect(url, { dbName: `projections_${randomUUID().slice(0, 8)}` }));
});
