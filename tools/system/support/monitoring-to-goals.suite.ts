import { busFromUrl, DeadLetter } from '@bildungsregion/bus';
import { MeasurementRecorded, Topics } from '@bildungsregion/contracts';
import { eventStoreFromUrl } from '@bildungsregion/event-store';
import { eventually } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { agreedGoal as agreedGoalIn } from './goals';
import { authHeaders, call, ServiceProcess, startService } from './service-process';

/** Where one service keeps its events and read models and which bus it uses. */
export interface ServiceEnvironment {
  readonly EVENT_STORE_URL: string;
  readonly BUS_URL: string;
  readonly READ_MODELS_URL: string;
  readonly READ_MODELS_DB?: string;
  readonly TOPIC_NAMESPACE?: string;
}

/** The bound the issue asks us to state: a measurement reaches a linked goal within this time. */
export const PROPAGATION_BOUND_MS = 10_000;

const BRAMSCHE = '03459014';

interface Progress {
  readonly progressId: string;
  readonly value: number;
  readonly measurementId?: string;
}

/**
 * monitoring and goals as separate processes on one environment: a measurement recorded in
 * monitoring moves the progress of a linked goal in goals, through the bus, exactly once.
 */
export function monitoringToGoalsSuite(
  environment: () => { goals: ServiceEnvironment; monitoring: ServiceEnvironment },
  ports: { goals: number; monitoring: number },
): void {
  let goals: ServiceProcess;
  let monitoring: ServiceProcess;
  let auth: Awaited<ReturnType<typeof authHeaders>>;
  const run = randomUUID().slice(0, 8);

  const startGoals = () => startService('goals', ports.goals, { ...environment().goals });

  beforeAll(async () => {
    auth = await authHeaders();
    const started = await Promise.allSettled([
      startService('monitoring', ports.monitoring, { ...environment().monitoring }),
      startGoals(),
    ]);
    // One that came up is stopped when the other did not, so no process outlives the suite.
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      await Promise.all(started.map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)));
      throw failed.reason;
    }
    [monitoring, goals] = started.map((result) => (result as PromiseFulfilledResult<ServiceProcess>).value) as [
      ServiceProcess,
      ServiceProcess,
    ];
  }, 180_000);

  afterAll(async () => {
    await Promise.all([goals?.stop(), monitoring?.stop()]);
  });

  const agreedGoal = (
    indicator: { key: string; regionKey: string },
    baseline: number,
    target: number,
    dueDate: string,
  ) => agreedGoalIn(goals.url, auth.coordinator, { title: `Systemtest ${run}`, indicator, baseline, target, dueDate });

  async function goal(goalId: string): Promise<{ progress: Progress[]; assessment: string | null }> {
    return (
      await call<{ goal: { progress: Progress[]; assessment: string | null } }>(`${goals.url}/goals/${goalId}`, {
        headers: auth.auditor,
      })
    ).body.goal;
  }

  it(`moves the linked goal's progress and assessment within ${PROPAGATION_BOUND_MS / 1000} s of a CSV import`, async () => {
    const goalId = await agreedGoal({ key: 'betreuungsquote-u3', regionKey: BRAMSCHE }, 30, 40, '2028-12-31');
    const csv = [
      'indicator;region;period;value',
      `betreuungsquote-u3;${BRAMSCHE};2026;31,0`,
      'betreuungsquote-u3;03459024;2026;29,5',
      'betreuungsquote-u3;03459099;2026;29,5',
    ].join('\n');
    const imported = await call<{ importId: string }>(`${monitoring.url}/measurements/imports`, {
      headers: auth.coordinator,
      csv,
    });
    expect(imported.body).toMatchObject({
      recorded: 2,
      rejected: 1,
      rejectionsByReason: [{ count: 1, lines: [[4, 4]] }],
    });
    const started = Date.now();
    await eventually(async () => (await goal(goalId)).progress.length === 1, PROPAGATION_BOUND_MS);
    const elapsed = Date.now() - started;
    const now = await goal(goalId);
    expect(now.progress[0]).toMatchObject({ value: 31, source: 'monitoring' });
    expect(now.assessment).toBe('off-track');
    const trace = await call<{ cause: unknown }>(
      `${goals.url}/goals/${goalId}/progress/${now.progress[0]?.progressId}/trace`,
      { headers: auth.auditor },
    );
    expect(trace.body.cause).toMatchObject({
      kind: 'monitoring-measurement',
      period: '2026',
      value: 31,
      origin: { kind: 'import', importId: imported.body.importId },
    });
    process.stdout.write(`measurement → goal progress across processes: ${elapsed} ms\n`);
  });

  it('applies every measurement of a 1,000-row import exactly once although goals is killed with SIGKILL in the middle', async () => {
    const key = `systemtest-${run}`;
    const defined = await call(`${monitoring.url}/indicators`, {
      headers: auth.coordinator,
      body: {
        key,
        name: 'Systemtest-Quote',
        stage: 'fruehkindliche-bildung',
        unit: 'percent',
        definition: 'Tägliche Testwerte.',
        source: 'Systemtest',
        preferredDirection: 'higher',
        periodicity: 'reference-date',
      },
    });
    expect(defined.status).toBe(201);
    const goalId = await agreedGoal({ key, regionKey: BRAMSCHE }, 30, 60, '2029-12-31');
    const day = (index: number) => new Date(Date.UTC(2026, 0, 2 + index)).toISOString().slice(0, 10);
    const rows = Array.from(
      { length: 1_000 },
      (_, index) => `${key},${BRAMSCHE},${day(index)},${(30 + index / 100).toFixed(2)}`,
    );
    const imported = await call(`${monitoring.url}/measurements/imports`, {
      headers: auth.coordinator,
      csv: ['indicator,region,period,value', ...rows].join('\n'),
    });
    expect(imported.body).toMatchObject({ rows: 1_000, recorded: 1_000, rejected: 0 });

    // Watching goals' own store file shows the first applied measurement within milliseconds; then goals is killed.
    const store = eventStoreFromUrl(environment().goals.EVENT_STORE_URL);
    const agreedRevision = await store.lastRevision(`goal-${goalId}`);
    await eventually(
      async () => ((await store.lastRevision(`goal-${goalId}`)) ?? 0) > (agreedRevision ?? 0) + 100,
      60_000,
    );
    await goals.stop('SIGKILL');
    const atKill = (await store.readStream(`goal-${goalId}`)).filter(
      (event) => event.type === 'ProgressRecorded',
    ).length;
    await store.close();
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(1_000);
    goals = await startGoals();

    // The goal document carries the newest 100 values; the progress route pages all of them.
    const allProgress = async () =>
      (
        await call<{ total: number; items: Progress[] }>(`${goals.url}/goals/${goalId}/progress?limit=1000`, {
          headers: auth.auditor,
        })
      ).body;
    await eventually(async () => (await allProgress()).total >= 1_000, 180_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const { total, items: progress } = await allProgress();
    expect(total).toBe(1_000);
    expect(progress).toHaveLength(1_000);
    expect(new Set(progress.map((record) => record.measurementId)).size).toBe(1_000);
    const audit = await call(`${goals.url}/goals/${goalId}/audit`, { headers: auth.auditor });
    expect(audit.body).toMatchObject({ valid: true });
    process.stdout.write(
      `SIGKILL test: ${atKill} of 1000 applied when goals was killed; 1000 after the restart, no duplicates\n`,
    );
  }, 300_000);

  it('moves a message goals cannot handle to the dead-letter topic and still handles the next one', async () => {
    const key = `dlq-${run}`;
    await call(`${monitoring.url}/indicators`, {
      headers: auth.coordinator,
      body: {
        key,
        name: 'DLQ-Quote',
        stage: 'weiterbildung',
        unit: 'percent',
        definition: 'x',
        source: 'Systemtest',
        preferredDirection: 'higher',
        periodicity: 'reference-date',
      },
    });
    const goalId = await agreedGoal({ key, regionKey: BRAMSCHE }, 30, 60, '2029-12-31');
    const { BUS_URL, TOPIC_NAMESPACE } = environment().goals;
    const bus = busFromUrl(BUS_URL, { topicNamespace: TOPIC_NAMESPACE ?? '', clientId: 'systemtest' });
    const deadLetters: DeadLetter[] = [];
    try {
      const poison = {
        id: randomUUID(),
        type: MeasurementRecorded.type,
        source: 'monitoring',
        subject: `indicator-${key}`,
        time: new Date().toISOString(),
        correlationId: 'poison',
        data: {
          measurementId: randomUUID(),
          indicatorKey: key,
          regionKey: BRAMSCHE,
          period: '2026-02-30',
          value: 31,
          source: 'x',
          recordedBy: { id: 'x', role: 'coordinator' },
        },
      };
      await bus.publish([{ topic: Topics.monitoring, event: poison }]);
      const recorded = await call(`${monitoring.url}/measurements`, {
        headers: auth.coordinator,
        body: { indicatorKey: key, regionKey: BRAMSCHE, period: '2026-03-01', value: 32 },
      });
      expect(recorded.status).toBe(201);
      await eventually(async () => (await goal(goalId)).progress.length === 1, 60_000);
      await bus.subscribeDeadLetters({
        groupId: `systemtest-${run}`,
        topics: [Topics.monitoring],
        handler: async (deadLetter) => void deadLetters.push(deadLetter),
      });
      await eventually(() => deadLetters.some((deadLetter) => deadLetter.headers['ce_id'] === poison.id), 30_000);
      expect(deadLetters.find((deadLetter) => deadLetter.headers['ce_id'] === poison.id)).toMatchObject({
        consumerGroup: 'goals',
        error: expect.stringContaining('2026-02-30'),
      });
      const metrics = await fetch(`${goals.url}/metrics`).then((response) => response.text());
      expect(metrics).toMatch(/bus_dead_letters_total\{topic="bildung.monitoring.v1",service="goals"\} [1-9]/);
    } finally {
      await bus.close();
    }
  }, 120_000);
}
