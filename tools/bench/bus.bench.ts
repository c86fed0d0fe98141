/**
 * Bus benchmarks: publish → handle throughput and latency of the bus adapters, each against the raw
 * client on the same broker or file, in the same process, alternating rounds.
 *   npm run bench:bus          (Kafka is measured when KAFKA_BROKERS or npm run infra:up's broker answers)
 */
import { MeasurementRecorded, Topics } from '@bildungsregion/contracts';
import {
  encodeCloudEvent,
  KafkaTransport,
  LogTransport,
  RawRecord,
  SqliteTopicLog,
  TransportBus,
} from '@bildungsregion/bus';
import { isReachable, kafkaForTests } from '@bildungsregion/testing';
import Database from 'better-sqlite3';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { Comparison, median, percentile, report } from './stats';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const MESSAGES = Number(process.env['BENCH_MESSAGES'] ?? 5_000);
const BATCH = 100;
const silent = pino({ level: 'silent' });

interface RoundResult {
  readonly throughput: number;
  readonly p50: number;
  readonly p99: number;
}

/** One side of a comparison: start a consumer, then publish batches; `handled(id)` marks arrival. */
interface Side {
  start(handled: (id: string) => void): Promise<void>;
  /** Each message comes as the event and as the record the bus would write, so raw clients send the same bytes. */
  publish(batch: readonly { id: string; event: ReturnType<typeof measurement>; record: RawRecord }[]): Promise<void>;
  stop(): Promise<void>;
}

function measurement(sequence: number) {
  const regionKey = `034590${10 + (sequence % 20)}`;
  return {
    id: randomUUID(),
    type: MeasurementRecorded.type,
    source: 'monitoring',
    subject: regionKey,
    time: new Date().toISOString(),
    correlationId: 'bench',
    data: {
      measurementId: `m-${sequence}`,
      indicatorKey: 'betreuungsquote-u3',
      regionKey,
      period: '2025',
      value: sequence,
      source: 'Kinder- und Jugendhilfestatistik',
      recordedBy: { id: 'coordinator-1', role: 'coordinator' },
    },
  };
}

async function runRound(side: Side): Promise<RoundResult> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let done!: () => void;
  const allHandled = new Promise<void>((resolve) => (done = resolve));
  let warmedUp!: () => void;
  const warm = new Promise<void>((resolve) => (warmedUp = resolve));
  const warmUpId = randomUUID();
  await side.start((id) => {
    if (id === warmUpId) return warmedUp();
    const sent = sentAt.get(id);
    if (sent === undefined) return;
    latencies.push(performance.now() - sent);
    if (latencies.length === MESSAGES) done();
  });
  const warmUp = { ...measurement(0), id: warmUpId };
  await side.publish([{ id: warmUp.id, event: warmUp, record: encodeCloudEvent(warmUp, warmUp.subject) }]);
  await warm;
  const started = performance.now();
  for (let i = 0; i < MESSAGES; i += BATCH) {
    const batch = Array.from({ length: BATCH }, (_, k) => {
      const event = measurement(i + k);
      return { id: event.id, event, record: encodeCloudEvent(event, event.subject) };
    });
    const now = performance.now();
    for (const message of batch) sentAt.set(message.id, now);
    await side.publish(batch);
  }
  await allHandled;
  const elapsed = (performance.now() - started) / 1000;
  await side.stop();
  return { throughput: MESSAGES / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

function busSide(createTransport: () => TransportBus): Side {
  let bus: TransportBus;
  let stop: (() => Promise<void>) | undefined;
  return {
    async start(handled) {
      bus = createTransport();
      await bus.ensureTopics([Topics.monitoring]);
      const subscription = await bus.subscribe({
        groupId: 'bench',
        topics: [Topics.monitoring],
        handler: async ({ event }) => handled(event.id),
      });
      stop = () => subscription.stop();
    },
    async publish(batch) {
      await bus.publish(batch.map((message) => ({ topic: Topics.monitoring, event: message.event })));
    },
    async stop() {
      await stop?.();
      await bus.close();
    },
  };
}

function rawKafkaSide(brokers: string[]): Side {
  const kafka = new Kafka({ brokers, clientId: 'bench-raw', logLevel: logLevel.NOTHING });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  let consumer: ReturnType<Kafka['consumer']>;
  let topic: string;
  return {
    async start(handled) {
      topic = `raw${randomUUID().slice(0, 8)}.${Topics.monitoring}`;
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
      await admin.disconnect();
      await producer.connect();
      consumer = kafka.consumer({ groupId: 'bench-raw' });
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        partitionsConsumedConcurrently: 3,
        eachMessage: async ({ message }) => handled(message.headers?.['ce_id']?.toString() ?? ''),
      });
    },
    async publish(batch) {
      await producer.send({
        topic,
        acks: -1,
        messages: batch.map(({ record }) => ({ key: record.key, value: record.value, headers: { ...record.headers } })),
      });
    },
    async stop() {
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}

/** Raw better-sqlite3: the same rows inserted per batch in a transaction and read back by offset. */
function rawSqliteSide(file: () => string): Side {
  let db: Database.Database;
  const appended = new EventEmitter();
  let reading: Promise<void> | undefined;
  let running = false;
  return {
    async start(handled) {
      db = new Database(file());
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec(
        'CREATE TABLE records (offset INTEGER PRIMARY KEY, key TEXT NOT NULL, value TEXT NOT NULL, headers TEXT NOT NULL)',
      );
      const read = db.prepare<[number], { offset: number; headers: string }>(
        'SELECT offset, headers FROM records WHERE offset > ? ORDER BY offset LIMIT 100',
      );
      running = true;
      reading = (async () => {
        let last = 0;
        while (running) {
          const rows = read.all(last);
          for (const row of rows) {
            handled((JSON.parse(row.headers) as { ce_id: string }).ce_id);
            last = row.offset;
          }
          if (rows.length === 0) await new Promise((resolve) => appended.once('appended', resolve));
          else await new Promise((resolve) => setImmediate(resolve));
        }
      })();
    },
    async publish(batch) {
      const insert = db.prepare('INSERT INTO records (key, value, headers) VALUES (?, ?, ?)');
      db.transaction(() =>
        batch.forEach(({ record }) => insert.run(record.key, record.value, JSON.stringify(record.headers))),
      ).immediate();
      appended.emit('appended');
    },
    async stop() {
      running = false;
      appended.emit('appended');
      await reading;
      db.close();
    },
  };
}

async function compareSides(name: string, subject: Side, baseline: Side): Promise<Comparison[]> {
  const results = { subject: [] as RoundResult[], baseline: [] as RoundResult[] };
  for (let round = 0; round < ROUNDS; round++) {
    results.baseline.push(await runRound(baseline));
    results.subject.push(await runRound(subject));
    process.stderr.write(`${name}: round ${round + 1}/${ROUNDS}\n`);
  }
  const pick = (side: RoundResult[], field: keyof RoundResult) => median(side.map((result) => result[field]));
  return [
    {
      name: `${name}: publish→handle throughput`,
      unit: 'msg/s',
      subject: pick(results.subject, 'throughput'),
      baseline: pick(results.baseline, 'throughput'),
    },
    {
      name: `${name}: latency p50 (lower is better)`,
      unit: 'ms',
      subject: pick(results.subject, 'p50'),
      baseline: pick(results.baseline, 'p50'),
    },
    {
      name: `${name}: latency p99 (lower is better)`,
      unit: 'ms',
      subject: pick(results.subject, 'p99'),
      baseline: pick(results.baseline, 'p99'),
    },
  ];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bildungsregion-bus-bench-'));
  let files = 0;
  const nextFile = () => join(dir, `${files++}.sqlite`);
  const comparisons: Comparison[] = [];
  try {
    comparisons.push(
      ...(await compareSides(
        'SQLite bus vs raw better-sqlite3',
        busSide(() => new TransportBus(new LogTransport(new SqliteTopicLog({ file: nextFile() })), { logger: silent })),
        rawSqliteSide(nextFile),
      )),
    );
    const kafka = kafkaForTests();
    if (isReachable(kafka.hostPort)) {
      const brokers = kafka.address.split(',');
      comparisons.push(
        ...(await compareSides(
          `Kafka bus vs raw kafkajs (${kafka.hostPort})`,
          busSide(
            () =>
              new TransportBus(new KafkaTransport({ brokers }), {
                logger: silent,
                topicNamespace: `bench${randomUUID().slice(0, 8)}`,
              }),
          ),
          rawKafkaSide(brokers),
        )),
      );
    } else {
      process.stderr.write(
        `Kafka bus skipped: Kafka is not reachable at ${kafka.hostPort}; npm run infra:up starts it\n`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  report(
    `Bus, ${MESSAGES.toLocaleString('en')} messages in batches of ${BATCH} (${ROUNDS} rounds, medians, node ${process.version})`,
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
