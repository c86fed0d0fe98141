import { Topics } from '@bildungsregion/contracts';
import { describeWith, eventually, kafkaClusterForTests, useTempDir } from '@bildungsregion/testing';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { agreedGoal } from './support/goals';
import { definedIndicator } from './support/indicators';
import { authHeaders, call, ServiceProcess, startService } from './support/service-process';

const root = join(__dirname, '..', '..');
const PORTS = { goals: 3947, monitoring: 3948 };
const ROWS = 1_000;
const INDICATORS = 4;
const BRAMSCHE = '03459014';
const day = (index: number) => new Date(Date.UTC(2026, 0, 2 + index)).toISOString().slice(0, 10);

/** The process id of a node of the cluster `npm run infra:up -- --cluster` started. */
function pidOfNode(node: number): number {
  const data = process.env['INFRA_DATA_DIR'] ?? join(root, 'data', 'infra');
  return Number(readFileSync(join(data, 'kafka-cluster', `node-${node}`, 'kafka.pid'), 'utf8').trim());
}

/**
 * The leader of most of the monitoring topic's partitions is killed with SIGKILL while goals applies
 * a 1,000-row import; runs alone (see the test script), since the other cluster suites would see
 * the broker go.
 */
describeWith(kafkaClusterForTests(), 'losing a Kafka broker in the middle of an import', (brokers) => {
  const dir = useTempDir();
  let goals: ServiceProcess | undefined;
  let monitoring: ServiceProcess | undefined;

  afterAll(async () => {
    await Promise.all([goals?.stop(), monitoring?.stop()]);
  }, 60_000);

  it('applies every measurement exactly once, keeps every chain valid, and the restarted broker catches up', async () => {
    const namespace = `loss${randomUUID().slice(0, 8)}`;
    const environment = (service: string) => ({
      EVENT_STORE_URL: `sqlite:${join(dir(), `${service}.sqlite`)}`,
      READ_MODELS_URL: 'memory:',
      BUS_URL: `kafka://${brokers}?replicationFactor=3&minInsyncReplicas=2`,
      TOPIC_NAMESPACE: namespace,
    });
    [goals, monitoring] = await Promise.all([
      startService('goals', PORTS.goals, environment('goals')),
      startService('monitoring', PORTS.monitoring, environment('monitoring')),
    ]);
    const auth = await authHeaders();
    const linked: { key: string; goalId: string }[] = [];
    for (let n = 0; n < INDICATORS; n++) {
      const key = await definedIndicator(monitoring.url, auth.coordinator, {
        keyPrefix: 'verlust',
        name: `Ausfallprobe ${n}`,
        definition: 'Messwerte für den Ausfall eines Brokers.',
        source: 'Systemtest',
      });
      const goalId = await agreedGoal(goals.url, auth.coordinator, {
        title: `Ausfallprobe ${n}`,
        indicator: { key, regionKey: BRAMSCHE },
        baseline: 0,
        target: 100,
        dueDate: '2035-01-01',
      });
      linked.push({ key, goalId });
    }
    const shown = async () => {
      const counts = await Promise.all(
        linked.map(
          async ({ goalId }) =>
            (
              await call<{ progressSummary?: { count: number } }>(`${goals!.url}/goals/${goalId}`, {
                headers: auth.auditor,
              })
            ).body.progressSummary?.count ?? 0,
        ),
      );
      return counts;
    };

    const admin = new Kafka({ brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const topic = `${namespace}.${Topics.monitoring}`;
      const leaders = (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions.map(
        (partition) => partition.leader,
      );
      const leader = [...new Set(leaders)].sort(
        (a, b) => (leaders?.filter((l) => l === b).length ?? 0) - (leaders?.filter((l) => l === a).length ?? 0),
      )[0] as number;

      const csv = [
        'indicator,region,period,value',
        ...Array.from(
          { length: ROWS },
          (_, index) =>
            `${linked[index % INDICATORS]?.key},${BRAMSCHE},${day(Math.floor(index / INDICATORS))},${index % 50}`,
        ),
      ].join('\n');
      expect((await call(`${monitoring.url}/measurements/imports`, { headers: auth.coordinator, csv })).status).toBe(
        201,
      );
      await eventually(async () => (await shown()).reduce((sum, count) => sum + count, 0) >= ROWS / 5, 60_000);
      process.kill(pidOfNode(leader), 'SIGKILL');
      const killedAt = Date.now();
      const killedWith = (await shown()).reduce((sum, count) => sum + count, 0);
      process.stdout.write(`killed broker ${leader} with ${killedWith} of ${ROWS} measurements applied\n`);

      let applied: number[] = [];
      await eventually(
        async () => (applied = await shown()).every((count) => count >= ROWS / INDICATORS),
        120_000,
        () => `applied so far: ${JSON.stringify(applied)}`,
      );
      const appliedAfterMs = Date.now() - killedAt;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(await shown()).toEqual(linked.map(() => ROWS / INDICATORS));
      for (const { goalId } of linked) {
        const audit = await call<{ valid: boolean }>(`${goals.url}/goals/${goalId}/audit`, { headers: auth.auditor });
        expect(audit.body).toMatchObject({ valid: true });
      }

      const restartedAt = Date.now();
      execFileSync('bash', [join(root, 'infra', 'scripts', 'infra.sh'), 'up', '--cluster'], {
        cwd: root,
        stdio: 'ignore',
      });
      await eventually(
        async () =>
          ((await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions ?? []).every(
            (partition) => partition.isr.length === 3,
          ),
        120_000,
      );
      process.stdout.write(
        `all ${ROWS} applied ${appliedAfterMs} ms after the kill; the restarted broker was back in sync after ${Date.now() - restartedAt} ms\n`,
      );
    } finally {
      await admin.disconnect();
    }
  }, 300_000);
});
