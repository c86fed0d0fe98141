/**
 * Projection apply rate: the projection runner rebuilding a read model from the store, into memory and
 * into FerretDB/MongoDB, each against a baseline in the same process:
 * - memory: the same fold into a plain Map (what the runner adds: idempotency checks, cloning, checkpoints);
 * - FerretDB: the same documents written with one raw mongoose replaceOne per event.
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

async function seededStore(): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore();
  const revisions = new Map<number, number>();
  for (let i = 0; i < EVENTS; i++) {
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

async function rebuildRate(store: InMemoryEventStore, readModels: ReadModelStore): Promise<number> {
  const runner = new ProjectionRunner(store, readModels, {
    ...progress,
    name: `bench-${randomUUID()}`,
    collection: `bench_${randomUUID().replace(/-/g, '')}`,
  });
  const perSecond = await rate(EVENTS, () => runner.start());
  await runner.stop();
  return perSecond;
}

async function main(): Promise<void> {
  const store = await seededStore();
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
