/**
 * Projection apply rate: the projection runner rebuilding a read model from the store, into memory and
 * into FerretDB/MongoDB, each against a baseline in the same process:
 * - memory: the same fold into a plain Map (what the runner adds: idempotency checks, cloning, checkpoints);
 * - FerretDB: the same documents written with one raw mongoose replaceOne per event;
 * - FerretDB, a new document per event (as monitoring's measurements): the first `BENCH_NEW_DOCUMENTS`
 *   events, against one raw replaceOne per event.
 *   npm run bench:projections   (FerretDB is measured when MONGODB_URL or npm run infra:up's server answers)
 */
import { InMemoryEventStore, NewEvent, RecordedEvent } from '@bildungsregion/event-store';
import {
  InMemoryReadModelStore,
  MongooseReadModelStore,
  Projection,
  ProjectedDocument,
  ProjectionRunner,
  ReadModelStore,
} from '@bildungsregion/read-models';
import { ferretDbForTests, isReachable } from '@bildungsregion/testing';
import mongoose from 'mongoose';
import { randomUUID } from 'node:crypto';
import { compare, Comparison, rate, report } from './stats';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 5_000);
const GOALS = 100;
/** FerretDB replaces a document in 10–16 ms, so the one-document-per-event case takes fewer events. */
const NEW_DOCUMENTS = Number(process.env['BENCH_NEW_DOCUMENTS'] ?? 1_000);

interface GoalProgress extends ProjectedDocument {
  readonly records: number;
  readonly latest: number;
  readonly asOf: string;
}

const progress: Projection<GoalProgress> = {
  name: 'bench.goal-progress',
  collection: 'goal_progress',
  documentIds: (event) => [event.streamId],
  evolve: (current, event) => fold(current, event),
};

function fold(current: Omit<GoalProgress, 'projectedPosition'> | null, event: RecordedEvent) {
  const data = event.data as { value: number; asOf: string };
  return { id: event.streamId, records: (current?.records ?? 0) + 1, latest: data.value, asOf: data.asOf };
}

async function seededStore(events: number): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore();
  const revisions = new Map<number, number>();
  for (let i = 0; i < events; i++) {
    const goal = i % GOALS;
    const event: NewEvent = {
      type: 'ProgressRecorded',
      data: { value: i, asOf: '2026-06-30' },
      metadata: { actor: { id: 'monitoring', role: 'system' }, source: 'goals' },
    };
    const revision = revisions.get(goal);
    revisions.set(goal, (await store.append(`goal-${goal}`, [event], revision ?? 'no-stream')).revision);
  }
  return store;
}

/** One document per event, named after it, as a measurement is. */
const perEvent: Projection<GoalProgress> = {
  ...progress,
  name: 'bench.per-event',
  documentIds: (event) => [event.id],
  evolve: (current, event) => ({ ...fold(current, event), id: event.id }),
};

async function rebuildRate(
  store: InMemoryEventStore,
  readModels: ReadModelStore,
  projection: Projection<GoalProgress> = progress,
  events = EVENTS,
): Promise<number> {
  const runner = new ProjectionRunner(store, readModels, {
    ...projection,
    name: `bench-${randomUUID()}`,
    collection: `bench_${randomUUID().replace(/-/g, '')}`,
  });
  const perSecond = await rate(events, () => runner.start());
  await runner.stop();
  return perSecond;
}

async function main(): Promise<void> {
  const store = await seededStore(EVENTS);
  const events = await store.readAll();
  const comparisons: Comparison[] = [];

  comparisons.push(
    await compare(
      'projection into memory vs a plain Map fold',
      'events/s',
      ROUNDS,
      () => rebuildRate(store, new InMemoryReadModelStore()),
      () =>
        rate(EVENTS, () => {
          const documents = new Map<string, ReturnType<typeof fold>>();
          for (const event of events) documents.set(event.streamId, fold(documents.get(event.streamId) ?? null, event));
        }),
    ),
  );

  const ferret = ferretDbForTests();
  if (isReachable(ferret.hostPort)) {
    const dbName = `bench_${randomUUID().slice(0, 8)}`;
    const readModels = await MongooseReadModelStore.connect(ferret.address, { dbName });
    const raw = await mongoose.createConnection(ferret.address, { dbName }).asPromise();
    try {
      comparisons.push(
        await compare(
          `projection into FerretDB vs raw mongoose replaceOne (${ferret.hostPort})`,
          'events/s',
          ROUNDS,
          () => rebuildRate(store, readModels),
          async () => {
            const collection = raw.collection(`raw_${randomUUID().replace(/-/g, '')}`);
            const documents = new Map<string, ReturnType<typeof fold>>();
            return rate(EVENTS, async () => {
              for (const event of events) {
                const next = fold(documents.get(event.streamId) ?? null, event);
                documents.set(event.streamId, next);
                await collection.replaceOne(
                  { _id: event.streamId as never },
                  { ...next, projectedPosition: event.position },
                  { upsert: true },
                );
              }
            });
          },
        ),
      );
      const fewer = await seededStore(NEW_DOCUMENTS);
      const fewerEvents = await fewer.readAll();
      comparisons.push(
        await compare(
          `projection of a new document per event into FerretDB vs raw mongoose replaceOne (${NEW_DOCUMENTS.toLocaleString('en')} events)`,
          'events/s',
          ROUNDS,
          () => rebuildRate(fewer, readModels, perEvent, NEW_DOCUMENTS),
          async () => {
            const collection = raw.collection(`raw_${randomUUID().replace(/-/g, '')}`);
            return rate(NEW_DOCUMENTS, async () => {
              for (const event of fewerEvents)
                await collection.replaceOne(
                  { _id: event.id as never },
                  { ...fold(null, event), id: event.id, projectedPosition: event.position },
                  { upsert: true },
                );
            });
          },
        ),
      );
    } finally {
      await raw.close();
      await readModels.close();
    }
  } else {
    process.stderr.write(`FerretDB skipped: not reachable at ${ferret.hostPort}; npm run infra:up starts it\n`);
  }
  report(
    `Projection apply rate, rebuild of ${EVENTS.toLocaleString('en')} events over ${GOALS} documents (${ROUNDS} rounds, medians, node ${process.version})`,
    comparisons,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
