/**
 * Two goals instances against one, as separate processes on one machine, measured from outside:
 * - reaction throughput: a 1,000-row monitoring import linked to 24 goals (24 indicators, so the
 *   measurements spread over the topic's six partitions), measurements/s from the import's 201
 *   until every goal shows its values, with two goals instances against one, alternating rounds;
 *   a round starts once every instance consumes some of the partitions, and reports how many of
 *   the machine's cores were busy meanwhile, and how many of them the goals instances used;
 * - takeover: SIGKILL of the instance that holds the lease on projections, relay and sealing, until
 *   the other reports that it holds it; p50/p99 over BENCH_KILLS kills (LEASE_TTL_MS 1,500).
 * On the embedded defaults (SQLite store, read models and bus shared by the instances), and on the
 * Kafka cluster with FerretDB when KAFKA_CLUSTER_BROKERS (default the cluster of infra:up) answers.
 *   npm run bench:scale-out   (BENCH_ROUNDS, BENCH_KILLS, BENCH_SETUPS=embedded,cluster)
 */
import { Topics } from '@bildungsregion/contracts';
import { isReachable } from '@bildungsregion/testing';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { agreedGoal } from '../system/support/goals';
import { definedIndicator } from '../system/support/indicators';
import { authHeaders, call, ServiceProcess, startService } from '../system/support/service-process';
import { coresBusySince, cpuTimes, median, percentile, processCpuSeconds } from './stats';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const KILLS = Number(process.env['BENCH_KILLS'] ?? 10);
const ROWS = 1_000;
const GOALS = 24;
const LEASE_TTL_MS = 1_500;
const BRAMSCHE = '03459014';
const CLUSTER = process.env['KAFKA_CLUSTER_BROKERS'] ?? '127.0.0.1:19192,127.0.0.1:19292,127.0.0.1:19392';
const FERRETDB = process.env['MONGODB_URL'] ?? 'mongodb://127.0.0.1:27117/';
const PORTS = { monitoring: 3980, goals: [3981, 3982] };
const SETUPS = (process.env['BENCH_SETUPS'] ?? 'embedded,cluster').split(',');

type Headers = Awaited<ReturnType<typeof authHeaders>>;
type Environment = (service: string) => NodeJS.ProcessEnv;
/** The settings of a deployment's services, and how to remove what it left outside its folder. */
interface Deployment {
  readonly environment: Environment;
  remove(): Promise<void>;
}
const day = (index: number) => new Date(Date.UTC(2026, 0, 2 + index)).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh deployment per round: its own files, or its own databases and topic namespace. */
function embedded(dir: string): Deployment {
  return {
    environment: (service) => ({
      EVENT_STORE_URL: `sqlite:${join(dir, `${service}.sqlite`)}`,
      READ_MODELS_URL: `sqlite:${join(dir, `${service}-read-models.sqlite`)}`,
      BUS_URL: `sqlite:${join(dir, 'bus.sqlite')}?partitions=6`,
    }),
    remove: async () => undefined,
  };
}

/** Its topics and databases are removed afterwards: hundreds of leftover partitions run the brokers out of heap. */
function onCluster(dir: string): Deployment {
  const run = randomUUID().slice(0, 8);
  const databases = new Set<string>();
  return {
    environment: (service) => {
      databases.add(`bench_${service}_${run}`);
      return {
        EVENT_STORE_URL: `sqlite:${join(dir, `${service}.sqlite`)}`,
        READ_MODELS_URL: `${FERRETDB}bench_${service}_${run}`,
        BUS_URL: `kafka://${CLUSTER}?partitions=6&replicationFactor=3`,
        TOPIC_NAMESPACE: `bench-${run}`,
      };
    },
    async remove() {
      const admin = new Kafka({ brokers: CLUSTER.split(','), logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      try {
        const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`bench-${run}.`));
        if (topics.length > 0) await admin.deleteTopics({ topics });
      } finally {
        await admin.disconnect();
      }
      const connection = await mongoose.createConnection(FERRETDB).asPromise();
      try {
        for (const database of databases) await connection.useDb(database).dropDatabase();
      } finally {
        await connection.close();
      }
    },
  };
}

async function startGoals(environment: Environment, instance: number): Promise<ServiceProcess> {
  return startService('goals', PORTS.goals[instance] as number, {
    ...environment('goals'),
    LEASE_TTL_MS: String(LEASE_TTL_MS),
    SEAL_INTERVAL_SECONDS: '0',
    INSTANCE_ID: `goals-${instance + 1}`,
  });
}

async function linkedGoals(monitoring: ServiceProcess, goals: ServiceProcess, auth: Headers) {
  const linked: { key: string; goalId: string }[] = [];
  for (let n = 0; n < GOALS; n++) {
    const key = await definedIndicator(monitoring.url, auth.coordinator, {
      keyPrefix: 'bench',
      name: `Benchmark-Quote ${n}`,
      definition: 'Messwerte für den Benchmark.',
      source: 'Benchmark',
    });
    const goalId = await agreedGoal(goals.url, auth.coordinator, {
      title: `Benchmark ${key}`,
      indicator: { key, regionKey: BRAMSCHE },
      baseline: 0,
      target: 100,
      dueDate: '2035-01-01',
    });
    linked.push({ key, goalId });
  }
  return linked;
}

async function shownValues(goals: ServiceProcess, auth: Headers, goalIds: readonly string[]): Promise<number> {
  let shown = 0;
  for (const goalId of goalIds) {
    const { body } = await call<{ progressSummary?: { count: number } }>(`${goals.url}/goals/${goalId}`, {
      headers: auth.auditor,
    });
    shown += body.progressSummary?.count ?? 0;
  }
  return shown;
}

/** Until every instance consumes some of the monitoring topic's partitions, so a round measures the shared work, not the split. */
async function partitionsSplit(instances: readonly ServiceProcess[]): Promise<void> {
  const monitoringPartitions = async (instance: ServiceProcess) => {
    const { body } = await call<{ consumer?: { partitions?: Record<string, number[]> } }>(`${instance.url}/health`);
    return Object.entries(body.consumer?.partitions ?? {})
      .filter(([topic]) => topic.endsWith(Topics.monitoring))
      .flatMap(([, partitions]) => partitions);
  };
  for (let attempt = 0; attempt < 300; attempt++) {
    const held = await Promise.all(instances.map(monitoringPartitions));
    if (held.every((partitions) => partitions.length > 0)) return;
    await sleep(100);
  }
  throw new Error('the goals instances did not split the monitoring topic within 30 s');
}

interface Round {
  /** Measurements applied per second. */
  readonly rate: number;
  /** Cores busy on average while goals applied them, by every process on the machine. */
  readonly cores: number;
  /** Of those, the cores the goals instances used together. */
  readonly goalsCores: number;
}

/** How fast goals applies one import with this many instances, and how much of the machine that took. */
async function reactionRound(environment: Environment, instances: 1 | 2, auth: Headers): Promise<Round> {
  const monitoring = await startService('monitoring', PORTS.monitoring, environment('monitoring'));
  const goals: ServiceProcess[] = [];
  try {
    for (let instance = 0; instance < instances; instance++) goals.push(await startGoals(environment, instance));
    const reader = goals[0] as ServiceProcess;
    const linked = await linkedGoals(monitoring, reader, auth);
    await partitionsSplit(goals);
    const csv = [
      'indicator,region,period,value',
      ...Array.from(
        { length: ROWS },
        (_, index) => `${linked[index % GOALS]?.key},${BRAMSCHE},${day(Math.floor(index / GOALS))},${index % 50}`,
      ),
    ].join('\n');
    const imported = await call(`${monitoring.url}/measurements/imports`, { headers: auth.coordinator, csv });
    if (imported.status >= 300) throw new Error(`the import answered ${imported.status}`);
    const started = performance.now();
    const cpuAtStart = cpuTimes();
    const goalsCpu = () => goals.reduce((sum, instance) => sum + processCpuSeconds(instance.process.pid), 0);
    const goalsCpuAtStart = goalsCpu();
    const goalIds = linked.map(({ goalId }) => goalId);
    while ((await shownValues(reader, auth, goalIds)) < ROWS) await sleep(100);
    const seconds = (performance.now() - started) / 1_000;
    return {
      rate: ROWS / seconds,
      cores: coresBusySince(cpuAtStart),
      goalsCores: (goalsCpu() - goalsCpuAtStart) / seconds,
    };
  } finally {
    await Promise.all([...goals.map((instance) => instance.stop()), monitoring.stop()]);
  }
}

async function holds(instance: ServiceProcess): Promise<boolean> {
  const answer = await call<{ lease?: { held: boolean } }>(`${instance.url}/health`).catch(() => undefined);
  return answer?.body.lease?.held === true;
}

/** Milliseconds from SIGKILL of the holder until the other instance holds the lease, per kill. */
async function takeovers(environment: Environment): Promise<number[]> {
  const instances = [await startGoals(environment, 0), await startGoals(environment, 1)];
  const times: number[] = [];
  try {
    for (let kill = 0; kill < KILLS; kill++) {
      const holder = (await holds(instances[0] as ServiceProcess)) ? 0 : 1;
      const survivor = instances[1 - holder] as ServiceProcess;
      await (instances[holder] as ServiceProcess).stop('SIGKILL');
      const killedAt = performance.now();
      while (!(await holds(survivor))) await sleep(10);
      times.push(performance.now() - killedAt);
      instances[holder] = await startGoals(environment, holder);
    }
    return times;
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
  }
}

async function measure(label: string, deploymentIn: (dir: string) => Deployment): Promise<void> {
  const auth = await authHeaders();
  const inDeployment = async <T>(prefix: string, work: (environment: Environment) => Promise<T>): Promise<T> => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    const deployment = deploymentIn(dir);
    try {
      return await work(deployment.environment);
    } finally {
      await deployment.remove();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const one: Round[] = [];
  const two: Round[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [instances, rates] of [
      [1, one],
      [2, two],
    ] as const)
      rates.push(await inDeployment('bench-scale-out-', (environment) => reactionRound(environment, instances, auth)));
  }
  const times = await inDeployment('bench-takeover-', takeovers);
  const rates = (rounds: readonly Round[]) => rounds.map(({ rate }) => rate);
  const cores = (rounds: readonly Round[]) => median(rounds.map((round) => round.cores)).toFixed(2);
  const goalsCores = (rounds: readonly Round[]) => median(rounds.map((round) => round.goalsCores)).toFixed(2);
  const lines = [
    `## ${label}`,
    '',
    '| benchmark | subject (median) | baseline (median) | ratio |',
    '| --- | ---: | ---: | ---: |',
    `| reaction to a ${ROWS}-row import over ${GOALS} linked goals: two instances vs one | ${Math.round(median(rates(two)))} measurements/s | ${Math.round(median(rates(one)))} measurements/s | ${(median(rates(two)) / median(rates(one))).toFixed(2)} |`,
    '',
    `rounds: one instance ${rates(one).map(Math.round).join(', ')}; two instances ${rates(two).map(Math.round).join(', ')} measurements/s`,
    `cores busy on this ${cpus().length}-core machine while goals applied the import (median, every process): one instance ${cores(one)}, two instances ${cores(two)}`,
    `of which the goals instances (median): one instance ${goalsCores(one)}, two instances together ${goalsCores(two)}`,
    `takeover after SIGKILL of the holder (lease ${LEASE_TTL_MS} ms), ${times.length} kills: p50 ${Math.round(percentile(times, 50))} ms, p99 ${Math.round(percentile(times, 99))} ms (all: ${times.map(Math.round).join(', ')})`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  process.stdout.write('# scale-out of goals\n\n');
  if (SETUPS.includes('embedded'))
    await measure('the embedded defaults (SQLite store, read models and bus shared by the instances)', embedded);
  if (!SETUPS.includes('cluster')) return;
  if (isReachable(CLUSTER.split(',')[0] ?? CLUSTER) && isReachable(new URL(FERRETDB).host))
    await measure('the three-broker Kafka cluster with FerretDB read models', onCluster);
  else
    process.stdout.write(
      `(the Kafka cluster at ${CLUSTER} or FerretDB is not reachable; npm run infra:up -- --cluster starts them)\n`,
    );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
