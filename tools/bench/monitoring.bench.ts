/**
 * monitoring → goals, as separate processes, measured from outside (LOG_LEVEL=warn):
 * - end-to-end latency from POST /measurements returning to the linked goal's progress showing in
 *   GET /goals/{id}, p50/p99, on the embedded SQLite bus and on Kafka (when KAFKA_BROKERS, default
 *   127.0.0.1:19092, answers), against the round trip of one GET /goals/{id} on the same goal;
 * - CSV import of 10,000 rows over HTTP, rows/s, against appending the same number of events to a
 *   SQLite event store in this process (the raw storage cost of the rows);
 * - how fast goals applies a 1,000-row import linked to one goal (measurements/s until all show),
 *   against recording the same number of progress values through POST /goals/{id}/progress.
 *   npm run bench:monitoring   (BENCH_SAMPLES, BENCH_ROUNDS, BENCH_ROWS)
 */
import { SqliteEventStore } from '@bildungsregion/event-store';
import { isReachable } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { definedIndicator } from '../system/support/indicators';
import { authHeaders, call, ServiceProcess, startService } from '../system/support/service-process';
import { median, percentile } from './stats';

const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 200);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const ROWS = Number(process.env['BENCH_ROWS'] ?? 10_000);
const BRAMSCHE = '03459014';
const KAFKA = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092';

type Headers = Awaited<ReturnType<typeof authHeaders>>;
const day = (index: number) => new Date(Date.UTC(2026, 0, 2 + index)).toISOString().slice(0, 10);

function defineIndicator(monitoring: ServiceProcess, auth: Headers): Promise<string> {
  return definedIndicator(monitoring.url, auth.coordinator, {
    keyPrefix: 'bench',
    name: 'Benchmark-Quote',
    definition: 'Messwerte für den Benchmark.',
    source: 'Benchmark',
  });
}

async function agreedGoal(goals: ServiceProcess, auth: Headers, key: string): Promise<string> {
  const drafted = await call<{ goalId: string }>(`${goals.url}/goals`, {
    headers: auth.coordinator,
    body: {
      title: `Benchmark ${key}`,
      description: 'Lastmessung',
      stage: 'weiterbildung',
      regionKeys: [BRAMSCHE],
      parties: [{ id: 'bench', name: 'Benchmark', role: 'responsible' }],
      indicator: { key, regionKey: BRAMSCHE },
      baseline: { value: 0, date: '2026-01-01' },
      target: { value: 100, dueDate: '2035-01-01' },
      unit: '%',
      direction: 'higher',
    },
  });
  const { goalId } = drafted.body;
  await call(`${goals.url}/goals/${goalId}/proposal`, { headers: auth.coordinator, body: {} });
  await call(`${goals.url}/goals/${goalId}/consents`, { headers: auth.coordinator, body: { partyId: 'bench' } });
  await call(`${goals.url}/goals/${goalId}/agreement`, {
    headers: auth.coordinator,
    body: { authority: 'Benchmark', effectiveOn: '2026-01-02' },
  });
  return goalId;
}

async function progressCount(goals: ServiceProcess, auth: Headers, goalId: string): Promise<number> {
  return (await call<{ progressSummary: { count: number } }>(`${goals.url}/goals/${goalId}`, { headers: auth.auditor }))
    .body.progressSummary.count;
}

/** Sequential measurements; each is timed from its 201 until the goal shows it (polling without pause). */
async function endToEnd(bus: string, label: string, ports: { goals: number; monitoring: number }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-monitoring-'));
  const namespace = `bench-${randomUUID().slice(0, 8)}`;
  const env = (service: string) => ({
    EVENT_STORE_URL: `sqlite:${join(dir, `${service}.sqlite`)}`,
    BUS_URL: bus,
    READ_MODELS_URL: 'memory:',
    TOPIC_NAMESPACE: namespace,
  });
  const [monitoring, goals] = await Promise.all([
    startService('monitoring', ports.monitoring, env('monitoring')),
    startService('goals', ports.goals, env('goals')),
  ]);
  try {
    const auth = await authHeaders();
    const key = await defineIndicator(monitoring, auth);
    const goalId = await agreedGoal(goals, auth, key);
    const latencies: number[] = [];
    const polls: number[] = [];
    const posts: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample++) {
      const before = performance.now();
      const recorded = await call(`${monitoring.url}/measurements`, {
        headers: auth.coordinator,
        body: { indicatorKey: key, regionKey: BRAMSCHE, period: day(sample), value: 10 + (sample % 50) },
      });
      if (recorded.status !== 201) throw new Error(`POST /measurements answered ${recorded.status}`);
      const returned = performance.now();
      posts.push(returned - before);
      for (;;) {
        const pollStarted = performance.now();
        const count = await progressCount(goals, auth, goalId);
        polls.push(performance.now() - pollStarted);
        if (count > sample) break;
      }
      latencies.push(performance.now() - returned);
    }
    const applied = await reactionRate(monitoring, goals, auth);
    const round = (value: number) => value.toFixed(1);
    process.stdout.write(
      [
        `## end-to-end on ${label} (${SAMPLES} measurements)`,
        `| | p50 | p99 |`,
        `| --- | ---: | ---: |`,
        `| POST /measurements returned → progress visible in goals | ${round(median(latencies))} ms | ${round(percentile(latencies, 99))} ms |`,
        `| baseline: one GET /goals/{id} round trip | ${round(median(polls))} ms | ${round(percentile(polls, 99))} ms |`,
        `| POST /measurements round trip | ${round(median(posts))} ms | ${round(percentile(posts, 99))} ms |`,
        `| ratio end-to-end / GET round trip | ${(median(latencies) / median(polls)).toFixed(1)}× | ${(percentile(latencies, 99) / percentile(polls, 99)).toFixed(1)}× |`,
        '',
        `| ${REACTION_ROWS} linked rows imported at once | per second |`,
        '| --- | ---: |',
        `| goals applies them as progress (import returned → last one visible) | ${Math.round(applied.reactions)} |`,
        `| baseline: POST /goals/{id}/progress one after another | ${Math.round(applied.direct)} |`,
        `| ratio | ${(applied.reactions / applied.direct).toFixed(2)} |`,
        '',
      ].join('\n') + '\n',
    );
  } finally {
    await Promise.all([goals.stop(), monitoring.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

const REACTION_ROWS = 1_000;

/** A whole import linked to one goal, applied by goals' consumer, against the same number of direct progress commands. */
async function reactionRate(
  monitoring: ServiceProcess,
  goals: ServiceProcess,
  auth: Headers,
): Promise<{ reactions: number; direct: number }> {
  const key = await defineIndicator(monitoring, auth);
  const goalId = await agreedGoal(goals, auth, key);
  const csv = [
    'indicator,region,period,value',
    ...Array.from({ length: REACTION_ROWS }, (_, index) => `${key},${BRAMSCHE},${day(index)},${10 + (index % 50)}`),
  ].join('\n');
  await call(`${monitoring.url}/measurements/imports`, { headers: auth.coordinator, csv });
  const started = performance.now();
  while ((await progressCount(goals, auth, goalId)) < REACTION_ROWS)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const reactions = REACTION_ROWS / ((performance.now() - started) / 1_000);
  const other = await agreedGoal(goals, auth, await defineIndicator(monitoring, auth));
  const directStarted = performance.now();
  for (let index = 0; index < REACTION_ROWS; index++) {
    await call(`${goals.url}/goals/${other}/progress`, {
      headers: auth.coordinator,
      body: { value: 10 + (index % 50), asOf: day(index) },
    });
  }
  return { reactions, direct: REACTION_ROWS / ((performance.now() - directStarted) / 1_000) };
}

/** The same number of MeasurementRecorded events, appended in one go to a SQLite store in this process. */
async function rawAppendRate(rows: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-append-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  try {
    const events = Array.from({ length: rows }, (_, index) => ({
      type: 'MeasurementRecorded',
      data: {
        measurementId: randomUUID(),
        indicatorKey: 'bench',
        regionKey: BRAMSCHE,
        period: day(index),
        value: 10 + (index % 50),
        source: 'Benchmark',
        importId: randomUUID(),
      },
      metadata: { actor: { id: 'bench', role: 'coordinator' }, source: 'monitoring' },
    }));
    const started = performance.now();
    await store.append('indicator-bench', events, 'no-stream');
    return rows / ((performance.now() - started) / 1_000);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function importRate(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const monitoring = await startService('monitoring', 3975, {
    EVENT_STORE_URL: `sqlite:${join(dir, 'monitoring.sqlite')}`,
    BUS_URL: `sqlite:${join(dir, 'bus.sqlite')}`,
    READ_MODELS_URL: 'memory:',
  });
  try {
    const auth = await authHeaders();
    const imports: number[] = [];
    const appends: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      appends.push(await rawAppendRate(ROWS));
      const key = await defineIndicator(monitoring, auth);
      const csv = [
        'indicator,region,period,value',
        ...Array.from({ length: ROWS }, (_, index) => `${key},${BRAMSCHE},${day(index)},${10 + (index % 50)}`),
      ].join('\n');
      const started = performance.now();
      const imported = await call<{ recorded: number }>(`${monitoring.url}/measurements/imports`, {
        headers: auth.coordinator,
        csv,
      });
      const seconds = (performance.now() - started) / 1_000;
      if (imported.body.recorded !== ROWS)
        throw new Error(`the import recorded ${imported.body.recorded} of ${ROWS} rows`);
      imports.push(ROWS / seconds);
    }
    process.stdout.write(
      [
        `## CSV import of ${ROWS.toLocaleString('en')} rows (${ROUNDS} rounds, medians)`,
        '| | rows/s |',
        '| --- | ---: |',
        `| POST /measurements/imports (parse, validate, plan, append, report) | ${Math.round(median(imports)).toLocaleString('en')} |`,
        `| baseline: one SQLite append of ${ROWS.toLocaleString('en')} events in this process | ${Math.round(median(appends)).toLocaleString('en')} |`,
        `| ratio import / raw append | ${(median(imports) / median(appends)).toFixed(2)} |`,
        `| rounds (import rows/s) | ${imports.map((value) => Math.round(value)).join(', ')} |`,
        '',
      ].join('\n') + '\n',
    );
  } finally {
    await monitoring.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  process.stdout.write('# monitoring → goals\n\n');
  await importRate();
  const dir = mkdtempSync(join(tmpdir(), 'bench-bus-'));
  await endToEnd(`sqlite:${join(dir, 'bus.sqlite')}`, 'the embedded SQLite bus', { goals: 3971, monitoring: 3972 });
  rmSync(dir, { recursive: true, force: true });
  if (isReachable(KAFKA.split(',')[0] ?? KAFKA))
    await endToEnd(`kafka://${KAFKA}`, `Kafka (${KAFKA})`, { goals: 3973, monitoring: 3974 });
  else process.stdout.write(`(Kafka at ${KAFKA} is not reachable; npm run infra:up starts it)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
