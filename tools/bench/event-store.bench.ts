/**
 * Event store benchmarks: the SQLite adapter against raw better-sqlite3 on the same rows, in the same
 * process, alternating rounds. Run with `npm run bench:event-store`; the table goes to stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { NewEvent, SQLITE_EVENT_STORE_SCHEMA, SqliteEventStore } from '@bildungsregion/event-store';
import { compare, Comparison, rate, report } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const APPENDS = Number(process.env.BENCH_APPENDS ?? 2_000);
const REPLAY_EVENTS = Number(process.env.BENCH_REPLAY_EVENTS ?? 100_000);
const APPENDERS = Number(process.env.BENCH_APPENDERS ?? 10);
const SYNCHRONOUS = (process.env.BENCH_SYNCHRONOUS ?? 'FULL') as 'FULL' | 'NORMAL';

const dir = mkdtempSync(join(tmpdir(), 'bildungsregion-bench-'));
let files = 0;
const nextFile = () => join(dir, `${files++}.sqlite`);

function progressEvent(stream: number, value: number): NewEvent {
  return {
    type: 'FortschrittErfasst',
    data: { value, asOf: '2026-06-30', source: 'monitoring', note: `Messung ${value} für Vorhaben ${stream}` },
    metadata: { actor: { id: 'monitoring', role: 'system' }, source: 'goals', correlationId: `import-${stream}` },
  };
}

function openRaw(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${SYNCHRONOUS}`);
  db.exec(SQLITE_EVENT_STORE_SCHEMA);
  return db;
}

/** Appends APPENDS events through the adapter in batches, spread over 50 streams, each at its known revision. */
async function appendThroughAdapter(store: SqliteEventStore, batchSize: number): Promise<void> {
  const revisions = new Map<number, number>();
  for (let i = 0; i < APPENDS; i += batchSize) {
    const stream = (i / batchSize) % 50;
    const events = Array.from({ length: batchSize }, (_, k) => progressEvent(stream, i + k));
    const revision = revisions.get(stream);
    const appended = await store.append(`goal-${stream}`, events, revision === undefined ? 'no-stream' : revision);
    revisions.set(stream, appended.revision);
  }
}

/** Appends through the adapter: validation, idempotency and revision checks, hash chain, transaction. */
async function adapterAppends(batchSize: number): Promise<number> {
  const store = new SqliteEventStore({ file: nextFile(), synchronous: SYNCHRONOUS });
  const result = await rate(APPENDS, () => appendThroughAdapter(store, batchSize));
  await store.close();
  return result;
}

/**
 * APPENDS single-event appends from APPENDERS writers at once, each on its own stream, as concurrent
 * HTTP commands arrive; they meet in the adapter's group commit.
 */
async function concurrentAppends(): Promise<number> {
  const store = new SqliteEventStore({ file: nextFile(), synchronous: SYNCHRONOUS });
  const result = await rate(APPENDS, async () => {
    await Promise.all(
      Array.from({ length: APPENDERS }, async (_, writer) => {
        for (let i = writer; i < APPENDS; i += APPENDERS) {
          await store.append(`goal-${writer}`, [progressEvent(writer, i)], i === writer ? 'no-stream' : 'any');
        }
      }),
    );
  });
  await store.close();
  return result;
}

/** The same rows, already sealed, inserted with one prepared statement in the same transaction sizes. */
async function rawInserts(rows: readonly Record<string, unknown>[], batchSize: number): Promise<number> {
  const db = openRaw(nextFile());
  const insert = db.prepare(
    `INSERT INTO events (id, stream_id, category, revision, type, recorded_at, data, metadata)
     VALUES (@id, @stream_id, @category, @revision, @type, @recorded_at, @data, @metadata)`,
  );
  const insertBatch = db.transaction((batch: readonly Record<string, unknown>[]) => {
    for (const row of batch) insert.run(row);
  });
  const result = await rate(rows.length, () => {
    for (let i = 0; i < rows.length; i += batchSize) insertBatch.immediate(rows.slice(i, i + batchSize));
  });
  db.close();
  return result;
}

async function rowsAsTheAdapterStoresThem(batchSize: number): Promise<Record<string, unknown>[]> {
  const file = nextFile();
  const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
  await appendThroughAdapter(store, batchSize);
  await store.close();
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare(
      'SELECT id, stream_id, category, revision, type, recorded_at, data, metadata FROM events ORDER BY position',
    )
    .all();
  db.close();
  return rows as Record<string, unknown>[];
}

interface Progress {
  count: number;
  sum: number;
}

const progressDecider = {
  initialState: { count: 0, sum: 0 } as Progress,
  evolve: (state: Progress, event: { type: string; data: unknown }): Progress => ({
    count: state.count + 1,
    sum: state.sum + (event.data as { value: number }).value,
  }),
};

async function replay(): Promise<Comparison> {
  const file = nextFile();
  const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
  const streams = 1_000;
  const perStream = REPLAY_EVENTS / streams;
  for (let stream = 0; stream < streams; stream++) {
    await store.append(
      `goal-${stream}`,
      Array.from({ length: perStream }, (_, k) => progressEvent(stream, k)),
      'no-stream',
    );
  }
  await store.append('indicator-1', [progressEvent(0, 0)], 'no-stream');
  const raw = new Database(file, { readonly: true });
  const rawRead = raw.prepare('SELECT * FROM events WHERE category = ? ORDER BY position');
  let check = 0;
  const comparison = await compare(
    `replay: fold ${REPLAY_EVENTS.toLocaleString('en')} events of one category into state`,
    'events/s',
    ROUNDS,
    () =>
      rate(REPLAY_EVENTS, async () => {
        const states = new Map<string, Progress>();
        for (let after = 0; ;) {
          const page = await store.readAll({ after, maxCount: 5_000, filter: { categories: ['goal'] } });
          for (const event of page) {
            states.set(
              event.streamId,
              progressDecider.evolve(states.get(event.streamId) ?? progressDecider.initialState, event),
            );
            after = event.position;
          }
          if (page.length < 5_000) break;
        }
        check = [...states.values()].reduce((sum, state) => sum + state.count, 0);
      }),
    () =>
      rate(REPLAY_EVENTS, () => {
        let rows = 0;
        for (const _row of rawRead.iterate('goal')) rows += 1;
        check = rows;
      }),
  );
  raw.close();
  await store.close();
  if (check === 0) throw new Error('replay read nothing');
  return comparison;
}

async function main(): Promise<void> {
  const comparisons: Comparison[] = [];
  for (const batchSize of [1, 10]) {
    const rows = await rowsAsTheAdapterStoresThem(batchSize);
    comparisons.push(
      await compare(
        `append ${APPENDS.toLocaleString('en')} events, ${batchSize === 1 ? 'one per append' : `batches of ${batchSize}`}, hash chain included (synchronous=${SYNCHRONOUS})`,
        'events/s',
        ROUNDS,
        () => adapterAppends(batchSize),
        () => rawInserts(rows, batchSize),
      ),
    );
  }
  const singles = await rowsAsTheAdapterStoresThem(1);
  comparisons.push(
    await compare(
      `append ${APPENDS.toLocaleString('en')} events, ${APPENDERS} concurrent appenders one event each (group commit) vs raw one per transaction (synchronous=${SYNCHRONOUS})`,
      'events/s',
      ROUNDS,
      concurrentAppends,
      () => rawInserts(singles, 1),
    ),
  );
  comparisons.push(await replay());
  report(`Event store, SQLite adapter vs raw better-sqlite3 (${ROUNDS} rounds, node ${process.version})`, comparisons);
}

main()
  .catch((error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
