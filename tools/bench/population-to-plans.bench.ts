/**
 * Population import in monitoring → every capacity plan updated and visible in planning, with both as
 * separate processes (LOG_LEVEL=warn), on the embedded SQLite bus and (when reachable) on Kafka. Each
 * sample imports one CSV of the children of every age 0–10 in all 34 municipalities and the Landkreis
 * (385 rows, of a new year each time); the clock runs from the import's answer until GET /capacity-plans
 * shows the Landkreis' Krippe children of the year after it summed from all 34 new figures. planning's gap watch recomputes
 * the status quo after each import too. The baseline is a plain GET /scenarios of planning in the same run.
 *   npm run bench:population   (BENCH_SAMPLES, KAFKA_BROKERS)
 */
import { isReachable } from '@bildungsregion/testing';
import { LANDKREIS_OSNABRUECK } from '@bildungsregion/reference-data';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { authHeaders, call, ServiceProcess, startService } from '../system/support/service-process';
import { median, percentile } from './stats';

const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 30);
const KAFKA = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092';
const DISTRICT = LANDKREIS_OSNABRUECK.region.key;
const REGIONS = [DISTRICT, ...LANDKREIS_OSNABRUECK.municipalities.map((region) => region.key)];
const MUNICIPALITIES = REGIONS.length - 1;
const VISIBLE_WITHIN_MS = 120_000;

/** Every age 0–10 with `perAge` children in every region, for 31 December of `period`. */
function populationCsv(period: number, perAge: number): string {
  const rows = REGIONS.flatMap((regionKey) =>
    Array.from({ length: 11 }, (_, age) => `bevoelkerung-alter-${age};${regionKey};${period};${perAge}`),
  );
  return ['indicator;region;period;value', ...rows].join('\n');
}

async function timed(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function run(bus: string, label: string, ports: { monitoring: number; planning: number }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-population-'));
  const namespace = `bench-${randomUUID().slice(0, 8)}`;
  const env = (service: string) => ({
    EVENT_STORE_URL: `sqlite:${join(dir, `${service}.sqlite`)}`,
    BUS_URL: bus,
    READ_MODELS_URL: 'memory:',
    TOPIC_NAMESPACE: namespace,
    SEED_SAMPLE_DATA: 'false',
  });
  const [monitoring, planning] = (await Promise.all([
    startService('monitoring', ports.monitoring, env('monitoring')),
    startService('planning', ports.planning, env('planning')),
  ])) as [ServiceProcess, ServiceProcess];
  try {
    const auth = await authHeaders();
    // The Kita year after a period counts the children of that period: ages 0–2, `perAge` each, in 34 municipalities.
    const districtKrippe = async (period: number) =>
      (
        await call<{ rows: { children: number | null }[] }>(
          `${planning.url}/capacity-plans?regionKey=${DISTRICT}&stage=krippe&fromYear=${period + 1}`,
          { headers: auth.auditor },
        )
      ).body.rows[0]?.children;
    const latencies: number[] = [];
    const baseline: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample++) {
      // Figures once recorded are corrected one by one with a reason, so every import is of a new period.
      const period = 2025 + sample;
      const perAge = 100 + sample;
      const imported = await call<{ recorded: number }>(`${monitoring.url}/measurements/imports`, {
        headers: auth.coordinator,
        csv: populationCsv(period, perAge),
      });
      if (imported.status !== 201 || imported.body.recorded !== REGIONS.length * 11)
        throw new Error(`the import answered ${imported.status}: ${JSON.stringify(imported.body)}`);
      const returned = performance.now();
      while ((await districtKrippe(period)) !== MUNICIPALITIES * 3 * perAge) {
        if (performance.now() - returned > VISIBLE_WITHIN_MS)
          throw new Error(`sample ${sample}: the plans did not show the import within ${VISIBLE_WITHIN_MS} ms`);
      }
      latencies.push(performance.now() - returned);
      baseline.push(await timed(`${planning.url}/scenarios`, auth.auditor));
    }
    const round = (value: number) => value.toFixed(1);
    process.stdout.write(
      [
        `## ${label} (${SAMPLES} imports of ${REGIONS.length * 11} rows)`,
        '| | p50 | p99 |',
        '| --- | ---: | ---: |',
        `| import answered → every plan shows it (GET /capacity-plans of the Landkreis) | ${round(median(latencies))} ms | ${round(percentile(latencies, 99))} ms |`,
        `| baseline: GET /scenarios of planning | ${round(median(baseline))} ms | ${round(percentile(baseline, 99))} ms |`,
        `| ratio | ${(median(latencies) / median(baseline)).toFixed(0)}× | ${(percentile(latencies, 99) / percentile(baseline, 99)).toFixed(0)}× |`,
        '',
      ].join('\n') + '\n',
    );
  } finally {
    await Promise.all([monitoring.stop(), planning.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  process.stdout.write('# monitoring → planning: a population import reaches every plan\n\n');
  const dir = mkdtempSync(join(tmpdir(), 'bench-population-bus-'));
  await run(`sqlite:${join(dir, 'bus.sqlite')}`, 'the embedded SQLite bus', { monitoring: 3926, planning: 3927 });
  rmSync(dir, { recursive: true, force: true });
  if (isReachable(KAFKA.split(',')[0] ?? KAFKA))
    await run(`kafka://${KAFKA}`, `Kafka (${KAFKA})`, { monitoring: 3926, planning: 3927 });
  else process.stdout.write(`(Kafka at ${KAFKA} is not reachable; npm run infra:up starts it)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
