/**
 * Threshold breach published → draft call for ideas visible, with monitoring and ideas as separate
 * processes, on the embedded SQLite bus and (when reachable) on Kafka. Each sample records a
 * measurement above the indicator's threshold and then one below it; monitoring publishes the breach,
 * ideas drafts a call, and the clock stops when GET /calls lists it. The baseline is that GET's own
 * round trip in the same run.
 */
import { isReachable } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { authHeaders, call, ServiceProcess, startService } from '../system/support/service-process';
import { median, percentile } from './stats';

const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 100);
const KAFKA = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092';
const QUAKENBRUECK = '03459030';
const day = (index: number) => new Date(Date.UTC(2026, 0, 2 + index)).toISOString().slice(0, 10);

async function run(bus: string, label: string, ports: { monitoring: number; ideas: number }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-calls-'));
  const namespace = `bench-${randomUUID().slice(0, 8)}`;
  const env = (service: string) => ({
    EVENT_STORE_URL: `sqlite:${join(dir, `${service}.sqlite`)}`,
    BUS_URL: bus,
    READ_MODELS_URL: 'memory:',
    TOPIC_NAMESPACE: namespace,
  });
  const [monitoring, ideas] = (await Promise.all([
    startService('monitoring', ports.monitoring, env('monitoring')),
    startService('ideas', ports.ideas, env('ideas')),
  ])) as [ServiceProcess, ServiceProcess];
  try {
    const auth = await authHeaders();
    const key = `bench-${randomUUID().slice(0, 8)}`;
    const defined = await call(`${monitoring.url}/indicators`, {
      headers: auth.coordinator,
      body: {
        key,
        name: 'Benchmark-Quote',
        stage: 'berufliche-bildung',
        unit: 'percent',
        definition: 'Messwerte unter dem Schwellenwert.',
        source: 'Benchmark',
        preferredDirection: 'higher',
        periodicity: 'reference-date',
        thresholds: [{ value: 90, label: 'Mindestwert' }],
      },
    });
    if (defined.status !== 201) throw new Error(`defining ${key} answered ${defined.status}`);
    const drafts = async () =>
      (
        await call<{ total: number }>(`${ideas.url}/calls?origin=system&status=draft&limit=1`, {
          headers: auth.coordinator,
        })
      ).body.total;
    const latencies: number[] = [];
    const polls: number[] = [];
    const record = async (period: string, value: number) => {
      const recorded = await call(`${monitoring.url}/measurements`, {
        headers: auth.coordinator,
        body: { indicatorKey: key, regionKey: QUAKENBRUECK, period, value },
      });
      if (recorded.status !== 201) throw new Error(`POST /measurements answered ${recorded.status}`);
    };
    for (let sample = 0; sample < SAMPLES; sample++) {
      // A breach is reported when the value crosses the threshold, so a good value comes before each bad one.
      await record(day(2 * sample), 95);
      await record(day(2 * sample + 1), 50);
      const returned = performance.now();
      for (;;) {
        const pollStarted = performance.now();
        const total = await drafts();
        polls.push(performance.now() - pollStarted);
        if (total > sample) break;
      }
      latencies.push(performance.now() - returned);
    }
    const round = (value: number) => value.toFixed(1);
    process.stdout.write(
      [
        `## threshold breach → draft call on ${label} (${SAMPLES} breaches)`,
        '| | p50 | p99 |',
        '| --- | ---: | ---: |',
        `| POST /measurements returned → draft call listed by ideas | ${round(median(latencies))} ms | ${round(percentile(latencies, 99))} ms |`,
        `| baseline: one GET /calls round trip | ${round(median(polls))} ms | ${round(percentile(polls, 99))} ms |`,
        `| ratio breach → call / GET round trip | ${(median(latencies) / median(polls)).toFixed(1)}× | ${(percentile(latencies, 99) / percentile(polls, 99)).toFixed(1)}× |`,
        '',
      ].join('\n') + '\n',
    );
  } finally {
    await Promise.all([monitoring.stop(), ideas.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  process.stdout.write('# monitoring → ideas: draft calls for ideas\n\n');
  const dir = mkdtempSync(join(tmpdir(), 'bench-calls-bus-'));
  await run(`sqlite:${join(dir, 'bus.sqlite')}`, 'the embedded SQLite bus', { monitoring: 3977, ideas: 3978 });
  rmSync(dir, { recursive: true, force: true });
  if (isReachable(KAFKA.split(',')[0] ?? KAFKA))
    await run(`kafka://${KAFKA}`, `Kafka (${KAFKA})`, { monitoring: 3977, ideas: 3978 });
  else process.stdout.write(`(Kafka at ${KAFKA} is not reachable; npm run infra:up starts it)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
