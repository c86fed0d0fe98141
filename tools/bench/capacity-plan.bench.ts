/**
 * planning's capacity plan, as its own process on the embedded defaults (LOG_LEVEL=warn), measured from
 * outside: recomputing every plan — 34 municipalities and the Landkreis × 4 stages × their years
 * (6 for the Kita stages, 10 for the primary school) × 3 scenarios — with one
 * GET /scenarios/comparison, p50/p99, against GET /health of the same process in the same run
 * (alternating), and one GET /capacity-plans of one scenario beside it.
 *   npm run bench:planning   (BENCH_SAMPLES)
 */
import { busFromUrl } from '@bildungsregion/bus';
import { MeasurementRecorded, Topics } from '@bildungsregion/contracts';
import { LANDKREIS_OSNABRUECK } from '@bildungsregion/reference-data';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { authHeaders, call, ServiceProcess, startService } from '../system/support/service-process';
import { median, percentile } from './stats';

const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 100);
const PORT = 3979;
const MUNICIPALITIES = LANDKREIS_OSNABRUECK.municipalities.map((region) => region.key);

type Headers = Awaited<ReturnType<typeof authHeaders>>;

/** Population by age for every municipality, as monitoring would publish it, straight onto the bus. */
async function publishPopulation(busUrl: string): Promise<void> {
  const bus = busFromUrl(busUrl, { clientId: 'bench-planning' });
  const events = MUNICIPALITIES.flatMap((regionKey, index) =>
    Array.from({ length: 11 }, (_, age) => ({
      id: randomUUID(),
      type: MeasurementRecorded.type,
      source: 'monitoring',
      subject: `indicator-bevoelkerung-alter-${age}`,
      time: new Date().toISOString(),
      correlationId: 'bench',
      data: {
        measurementId: randomUUID(),
        indicatorKey: `bevoelkerung-alter-${age}`,
        regionKey,
        period: '2025',
        value: 80 + ((index * 7 + age * 3) % 60),
        source: 'Benchmark',
        recordedBy: { id: 'bench', role: 'coordinator' },
      },
    })),
  );
  await bus.publish(events.map((event) => ({ topic: Topics.monitoring, event })));
  await bus.close();
}

/** One Kita and one primary school per municipality, and two scenarios beside the status quo. */
async function seed(planning: ServiceProcess, auth: Headers): Promise<string[]> {
  const post = async (path: string, body: unknown) => {
    const answer = await call<Record<string, string>>(`${planning.url}${path}`, { headers: auth.coordinator, body });
    if (answer.status >= 300) throw new Error(`POST ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  await post('/actors', { id: 'bench-traeger', name: 'Benchmark-Träger', type: 'traeger', regionKey: '03459' });
  for (const regionKey of MUNICIPALITIES) {
    const kita = await post('/institutions', {
      name: `Kita ${regionKey}`,
      type: 'kita',
      regionKey,
      operatorId: 'bench-traeger',
    });
    await post(`/institutions/${kita['institutionId']}/capacity-changes`, {
      effectiveFrom: '2020-08-01',
      places: { krippe: { approved: 120 }, kindergarten: { approved: 250 }, hort: { approved: 60 } },
      reason: 'Benchmark',
    });
    const school = await post('/institutions', {
      name: `Grundschule ${regionKey}`,
      type: 'grundschule',
      regionKey,
      operatorId: 'bench-traeger',
    });
    await post(`/institutions/${school['institutionId']}/capacity-changes`, {
      effectiveFrom: '2020-08-01',
      streams: 3,
      reason: 'Benchmark',
    });
  }
  const births = await post('/scenarios', {
    name: 'Geburten −8 %',
    description: 'Benchmark',
    assumptions: { birthsChangePercent: -8 },
  });
  const area = await post('/scenarios', {
    name: 'Neubaugebiete',
    description: 'Benchmark',
    assumptions: {
      participation: { krippe: 45 },
      buildingAreas: MUNICIPALITIES.slice(0, 10).map((regionKey) => ({
        name: `Gebiet ${regionKey}`,
        regionKey,
        children: 200,
        fromYear: 2028,
      })),
    },
  });
  return ['status-quo', births['scenarioId'] as string, area['scenarioId'] as string];
}

async function timed(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-planning-'));
  const busUrl = `sqlite:${join(dir, 'bus.sqlite')}`;
  const planning = await startService('planning', PORT, {
    EVENT_STORE_URL: `sqlite:${join(dir, 'planning.sqlite')}`,
    BUS_URL: busUrl,
    READ_MODELS_URL: 'memory:',
    SEED_SAMPLE_DATA: 'false',
  });
  try {
    const auth = await authHeaders();
    await publishPopulation(busUrl);
    const scenarios = await seed(planning, auth);
    const comparison = `${planning.url}/scenarios/comparison?scenarios=${scenarios.join(',')}&fromYear=2027`;
    for (;;) {
      const answer = await call<{ rows: { figures: { demand: number | null }[] }[] }>(comparison, {
        headers: auth.auditor,
      });
      if (answer.body.rows.every((row) => row.figures.every((figures) => figures.demand !== null))) {
        const rows = answer.body.rows.length;
        process.stdout.write(
          `# planning: recomputing every plan\n\n${rows} rows × ${scenarios.length} scenarios per answer\n\n`,
        );
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const every: number[] = [];
    const one: number[] = [];
    const health: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample++) {
      health.push(await timed(`${planning.url}/health`, {}));
      every.push(await timed(comparison, auth.auditor));
      one.push(await timed(`${planning.url}/capacity-plans?fromYear=2027`, auth.auditor));
    }
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const row = (label: string, values: number[]) =>
      `| ${label} | ${ms(median(values))} | ${ms(percentile(values, 99))} | ${(median(values) / median(health)).toFixed(1)}× | ${(percentile(values, 99) / percentile(health, 99)).toFixed(1)}× |`;
    process.stdout.write(
      [
        `| ${SAMPLES} requests each, alternating | p50 | p99 | p50 ratio | p99 ratio |`,
        '| --- | ---: | ---: | ---: | ---: |',
        row('every plan, 3 scenarios (GET /scenarios/comparison)', every),
        row('one scenario (GET /capacity-plans)', one),
        row('baseline: GET /health', health),
        '',
      ].join('\n') + '\n',
    );
  } finally {
    await planning.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
