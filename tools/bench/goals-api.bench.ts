/**
 * The goals service under load, over HTTP, as a separate process on the embedded defaults
 * (SQLite event store, SQLite bus, in-memory read models; LOG_LEVEL=warn so the logger is not what
 * is measured). Every number comes with a baseline measured in the same run against the same process:
 * - POST /goals/{id}/progress throughput and p99 under concurrent load vs the trivial GET /health/live;
 *   and the same POST refused by validation (400): body parsing, token, logging and validation without
 *   the command, which shows how much of the budget the HTTP layer leaves for load, decide and append;
 * - projection lag: from a command's 2xx to the change showing in GET /goals, vs a GET /goals round trip;
 * - GET /goals/{id}?recordedAsOf= and ?effectiveAsOf= and GET current on a goal with 10,000 events vs
 *   GET /goals/{id} of a fresh goal, after a first read that verifies the long goal's chain (reported too).
 *   npm run bench:goals   (BENCH_ROUNDS, BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_HISTORY)
 */
import { DEVELOPMENT_SECRET, issueToken } from '@bildungsregion/http';
import { SqliteEventStore } from '@bildungsregion/event-store';
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { median, percentile } from './stats';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const HISTORY = Number(process.env['BENCH_HISTORY'] ?? 10_000);
const LAG_SAMPLES = 200;
const PORT = 3901;
const base = `http://127.0.0.1:${PORT}`;
const root = join(__dirname, '..', '..');

let token = '';
const headers = () => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: headers(),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return { status: response.status, json };
}

async function agreedGoal(party: string): Promise<string> {
  const { json } = await call('POST', '/goals', {
    title: `Benchmark ${party}`,
    description: 'Lastmessung',
    stage: 'weiterbildung',
    regionKeys: ['03459'],
    parties: [{ id: party, name: party, role: 'responsible' }],
    baseline: { value: 0, date: '2026-01-01' },
    target: { value: 100, dueDate: '2030-01-01' },
    unit: 'Kurse',
    direction: 'higher',
  });
  const goalId = json['goalId'] as string;
  await call('POST', `/goals/${goalId}/proposal`, {});
  await call('POST', `/goals/${goalId}/consents`, { partyId: party });
  await call('POST', `/goals/${goalId}/agreement`, { authority: 'Benchmark', effectiveOn: '2026-02-01' });
  return goalId;
}

function startService(dir: string): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/goals/src/main.ts'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        TS_NODE_PROJECT: 'apps/goals/tsconfig.app.json',
        PORT: String(PORT),
        EVENT_STORE_URL: `sqlite:${join(dir, 'events.sqlite')}`,
        BUS_URL: `sqlite:${join(dir, 'bus.sqlite')}`,
        READ_MODELS_URL: 'memory:',
        LOG_LEVEL: 'warn',
      },
    },
  );
}

async function waitUntilLive(): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(`${base}/health/live`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the goals service did not start within 60 s');
}

function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

async function progressUnderLoad(
  goals: readonly string[],
): Promise<{ progress: autocannon.Result[]; trivial: autocannon.Result[]; refused: autocannon.Result[] }> {
  const progress: autocannon.Result[] = [];
  const trivial: autocannon.Result[] = [];
  const refused: autocannon.Result[] = [];
  let next = 0;
  for (let round = 0; round < ROUNDS; round++) {
    trivial.push(await load({ url: `${base}/health/live` }));
    refused.push(
      await load({
        url: `${base}/goals/${goals[0]}/progress`,
        method: 'POST',
        headers: headers(),
        body: JSON.stringify({ value: 'zehn', asOf: '2026-06-30' }),
      }),
    );
    progress.push(
      await load({
        url: base,
        requests: [
          {
            method: 'POST',
            headers: headers(),
            setupRequest: (request) => ({
              ...request,
              path: `/goals/${goals[next++ % goals.length]}/progress`,
              body: JSON.stringify({ value: 10, asOf: '2026-06-30' }),
            }),
          },
        ],
      }),
    );
  }
  return { progress, trivial, refused };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function projectionLag(party: string, goalId: string): Promise<{ lag: number[]; roundTrip: number[] }> {
  const lag: number[] = [];
  const roundTrip: number[] = [];
  for (let sample = 1; sample <= LAG_SAMPLES; sample++) {
    roundTrip.push(await timed(() => call('GET', `/goals?party=${party}`)));
    await call('POST', `/goals/${goalId}/progress`, { value: sample, asOf: '2026-06-30' });
    const acknowledged = performance.now();
    for (;;) {
      const { json } = await call('GET', `/goals?party=${party}`);
      const latest = (json['items'] as { latestProgress: { value: number } | null }[])[0]?.latestProgress;
      if (latest?.value === sample) break;
    }
    lag.push(performance.now() - acknowledged);
  }
  return { lag, roundTrip };
}

/** Appends the history straight into the store file (the service shares it safely), as a long-running goal would have. */
async function appendHistory(file: string, goalId: string): Promise<string> {
  const store = new SqliteEventStore({ file });
  const actor = { id: 'bench', role: 'coordinator' };
  let middle = '';
  for (let offset = 0; offset < HISTORY; offset += 500) {
    const events = Array.from({ length: Math.min(500, HISTORY - offset) }, (_, index) => ({
      type: 'ProgressRecorded',
      data: { progressId: randomUUID(), value: (offset + index) % 100, asOf: '2026-06-30', source: 'manual' },
      metadata: { actor, source: 'goals' },
    }));
    await store.append(`goal-${goalId}`, events, 'any');
    if (offset + 500 >= HISTORY / 2 && middle === '') middle = new Date().toISOString();
  }
  await store.close();
  return middle;
}

async function latencies(samples: number, path: string): Promise<number[]> {
  const durations: number[] = [];
  for (let sample = 0; sample < samples; sample++) durations.push(await timed(() => call('GET', path)));
  return durations;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-goals-'));
  const service = startService(dir);
  try {
    token = await issueToken(DEVELOPMENT_SECRET, { role: 'coordinator' });
    await waitUntilLive();
    const goals = await Promise.all(Array.from({ length: 20 }, (_, index) => agreedGoal(`bench-load-${index}`)));

    const { progress, trivial, refused } = await progressUnderLoad(goals);
    const failures = progress.reduce((sum, result) => sum + result.non2xx + result.errors, 0);
    const wronglyAnswered = refused.reduce(
      (sum, result) => sum + result.requests.total - (result.statusCodeStats?.['400']?.count ?? 0),
      0,
    );
    const refusedRate = median(refused.map((result) => result.requests.average));
    const progressRate = median(progress.map((result) => result.requests.average));
    const trivialRate = median(trivial.map((result) => result.requests.average));
    const progressP99 = median(progress.map((result) => result.latency.p99));
    const trivialP99 = median(trivial.map((result) => result.latency.p99));

    const lagParty = `bench-lag-${randomUUID().slice(0, 8)}`;
    const { lag, roundTrip } = await projectionLag(lagParty, await agreedGoal(lagParty));

    const fresh = await agreedGoal('bench-fresh');
    const long = await agreedGoal('bench-long');
    const middle = await appendHistory(join(dir, 'events.sqlite'), long);
    // The first read of a stream in a process verifies its whole chain and takes its snapshots.
    const firstRead = await timed(() => call('GET', `/goals/${long}`));
    const asOf = await latencies(200, `/goals/${long}?recordedAsOf=${encodeURIComponent(middle)}`);
    const effectiveAsOf = await latencies(200, `/goals/${long}?effectiveAsOf=${encodeURIComponent(middle)}`);
    const current = await latencies(200, `/goals/${long}`);
    const small = await latencies(200, `/goals/${fresh}`);
    const commandOnLong: number[] = [];
    for (let sample = 0; sample < 20; sample++)
      commandOnLong.push(await timed(() => call('POST', `/goals/${long}/progress`, { value: 1, asOf: '2026-07-01' })));
    const commandOnFresh: number[] = [];
    for (let sample = 0; sample < 20; sample++)
      commandOnFresh.push(
        await timed(() => call('POST', `/goals/${fresh}/progress`, { value: 1, asOf: '2026-07-01' })),
      );

    const lines = [
      `# goals API (${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections; medians; same process, same run)`,
      '',
      '| measurement | subject | baseline | ratio |',
      '| --- | ---: | ---: | ---: |',
      `| POST /goals/{id}/progress vs GET /health/live, requests/s | ${progressRate.toFixed(0)} | ${trivialRate.toFixed(0)} | ${(progressRate / trivialRate).toFixed(3)} |`,
      `| same, p99 latency | ${ms(progressP99)} | ${ms(trivialP99)} | ${(progressP99 / trivialP99).toFixed(1)}× |`,
      `| POST progress refused by validation (400, no command) vs GET /health/live, requests/s | ${refusedRate.toFixed(0)} | ${trivialRate.toFixed(0)} | ${(refusedRate / trivialRate).toFixed(3)} |`,
      `| projection lag p50 (2xx → visible in GET /goals) vs GET /goals round trip p50 | ${ms(percentile(lag, 50))} | ${ms(percentile(roundTrip, 50))} | ${(percentile(lag, 50) / percentile(roundTrip, 50)).toFixed(1)}× |`,
      `| projection lag p99 vs round trip p99 | ${ms(percentile(lag, 99))} | ${ms(percentile(roundTrip, 99))} | ${(percentile(lag, 99) / percentile(roundTrip, 99)).toFixed(1)}× |`,
      `| GET ?recordedAsOf= on ${HISTORY.toLocaleString('en')} events, p50 vs a 5-event goal | ${ms(percentile(asOf, 50))} | ${ms(percentile(small, 50))} | ${(percentile(asOf, 50) / percentile(small, 50)).toFixed(1)}× |`,
      `| same, p99 | ${ms(percentile(asOf, 99))} | ${ms(percentile(small, 99))} | ${(percentile(asOf, 99) / percentile(small, 99)).toFixed(1)}× |`,
      `| GET ?effectiveAsOf= on ${HISTORY.toLocaleString('en')} events, p99 vs a 5-event goal | ${ms(percentile(effectiveAsOf, 99))} | ${ms(percentile(small, 99))} | ${(percentile(effectiveAsOf, 99) / percentile(small, 99)).toFixed(1)}× |`,
      `| GET (current) on ${HISTORY.toLocaleString('en')} events, p99 vs a 5-event goal | ${ms(percentile(current, 99))} | ${ms(percentile(small, 99))} | ${(percentile(current, 99) / percentile(small, 99)).toFixed(1)}× |`,
      `| first GET of the ${HISTORY.toLocaleString('en')}-event goal in the process (verifies its whole chain) vs p50 of a 5-event goal | ${ms(firstRead)} | ${ms(percentile(small, 50))} | ${(firstRead / percentile(small, 50)).toFixed(1)}× |`,
      `| GET (current) on ${HISTORY.toLocaleString('en')} events, p50 vs a 5-event goal | ${ms(percentile(current, 50))} | ${ms(percentile(small, 50))} | ${(percentile(current, 50) / percentile(small, 50)).toFixed(1)}× |`,
      `| POST progress on ${HISTORY.toLocaleString('en')} events, p50 vs on a fresh goal | ${ms(percentile(commandOnLong, 50))} | ${ms(percentile(commandOnFresh, 50))} | ${(percentile(commandOnLong, 50) / percentile(commandOnFresh, 50)).toFixed(1)}× |`,
      '',
      `failed requests under load: ${failures}; refused requests answered otherwise than 400: ${wronglyAnswered}; progress events per load goal at the end: ~${Math.round(progress.reduce((sum, result) => sum + result.requests.total, 0) / goals.length)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    service.kill('SIGTERM');
    await new Promise((resolve) => service.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
