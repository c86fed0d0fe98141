/**
 * How long `npm start` takes to become healthy over data it has already projected, against an empty
 * start in the same run: the whole system (gateway, provider, every service; web app as last built)
 * with 26,000 monitoring events in its data folder, started on the SQLite read models `npm start`
 * uses and, for comparison, on in-memory read models that replay every event at each start.
 *   npm run bench:restart   (BENCH_ROUNDS, BENCH_EVENTS)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { call } from '../system/support/service-process';
import { RunningSystem, startSystem } from '../e2e/support/system';
import { median } from './stats';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 26_000);
const PORTS = { web: 3916, identity: 3917, goals: 3918, monitoring: 3919, ideas: 3928, planning: 3929 };
const REGIONS = ['03459', '03459014', '03459024', '03459005', '03459013'];
const ROWS_PER_IMPORT = 10_000;

const day = (index: number) => new Date(Date.UTC(2000, 0, 1 + index)).toISOString().slice(0, 10);

function start(dataDir: string, readModels: 'sqlite' | 'memory'): Promise<RunningSystem> {
  return startSystem(PORTS, dataDir, undefined, {
    SKIP_WEB_BUILD: 'true',
    ...(readModels === 'memory' ? { READ_MODELS_URL: 'memory:' } : {}),
  });
}

async function timedStart(dataDir: string, readModels: 'sqlite' | 'memory'): Promise<number> {
  const started = performance.now();
  const system = await start(dataDir, readModels);
  const elapsed = performance.now() - started;
  await system.stop();
  return elapsed;
}

/** Records `EVENTS` measurements in monitoring through CSV imports, one event per row. */
async function fill(dataDir: string): Promise<void> {
  const system = await start(dataDir, 'sqlite');
  try {
    const headers = { Authorization: `Bearer ${await system.token({ role: 'coordinator' })}` };
    const api = `${system.origin}/api/monitoring`;
    const key = `neustart-${Date.now()}`;
    const defined = await call(`${api}/indicators`, {
      headers,
      body: {
        key,
        name: 'Neustart-Messung',
        stage: 'weiterbildung',
        unit: 'percent',
        definition: 'Messwerte für die Messung des Neustarts.',
        source: 'Benchmark',
        preferredDirection: 'higher',
        periodicity: 'reference-date',
      },
    });
    if (defined.status !== 201) throw new Error(`defining ${key} answered ${defined.status}`);
    for (let first = 0; first < EVENTS; first += ROWS_PER_IMPORT) {
      const rows = Array.from({ length: Math.min(ROWS_PER_IMPORT, EVENTS - first) }, (_, offset) => {
        const index = first + offset;
        return `${key},${REGIONS[index % REGIONS.length]},${day(Math.floor(index / REGIONS.length))},${index % 100}`;
      });
      const imported = await call<{ recorded: number }>(`${api}/measurements/imports`, {
        headers,
        csv: ['indicator,region,period,value', ...rows].join('\n'),
      });
      if (imported.body.recorded !== rows.length)
        throw new Error(`the import recorded ${imported.body.recorded} of ${rows.length} rows`);
    }
  } finally {
    await system.stop();
  }
}

async function main(): Promise<void> {
  const full = mkdtempSync(join(tmpdir(), 'bench-restart-full-'));
  const empties: string[] = [];
  try {
    await fill(full);
    // The first start after filling projects what the import's own start had not yet; not measured.
    await timedStart(full, 'sqlite');
    const withData: number[] = [];
    const replaying: number[] = [];
    const empty: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const fresh = mkdtempSync(join(tmpdir(), 'bench-restart-empty-'));
      empties.push(fresh);
      empty.push(await timedStart(fresh, 'sqlite'));
      withData.push(await timedStart(full, 'sqlite'));
      replaying.push(await timedStart(full, 'memory'));
    }
    const seconds = (value: number) => `${(value / 1_000).toFixed(1)} s`;
    const lines = [
      `# npm start to healthy (${ROUNDS} rounds, medians; same run, this machine; ${EVENTS.toLocaleString('en')} monitoring events)`,
      '',
      '| start | time to healthy | empty start | ratio |',
      '| --- | ---: | ---: | ---: |',
      `| restart, SQLite read models (npm start) | ${seconds(median(withData))} | ${seconds(median(empty))} | ${(median(withData) / median(empty)).toFixed(2)}× |`,
      `| restart, in-memory read models (replay every event) | ${seconds(median(replaying))} | ${seconds(median(empty))} | ${(median(replaying) / median(empty)).toFixed(2)}× |`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const dir of [full, ...empties]) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
