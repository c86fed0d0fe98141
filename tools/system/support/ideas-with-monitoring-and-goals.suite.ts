import { eventStoreFromUrl } from '@bildungsregion/event-store';
import { DEVELOPMENT_SECRET, issueToken } from '@bildungsregion/http';
import { eventually } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { ServiceEnvironment } from './monitoring-to-goals.suite';
import { promoteEach, promotionResults } from './promotions';
import { authHeaders, call, ServiceProcess, startService } from './service-process';

const QUAKENBRUECK = '03459030';

interface DraftCall {
  readonly id: string;
  readonly cause: { kind: string; indicatorKey?: string; goalId?: string; period?: string };
}

/** Ideas promoted at once, so goals is still drafting when it is killed. */
const PROMOTED = 60;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long a test waits after the last expected reaction, to see that no second one follows. */
const SETTLE_MS = 3_000;

/**
 * monitoring, goals and ideas as separate processes: a threshold breach in a monitoring import and a
 * goal going off track each draft one call for ideas; ideas promoted to goals give one draft goal
 * each, although goals is killed with SIGKILL while it drafts them.
 */
export function ideasWithMonitoringAndGoalsSuite(
  environment: () => { goals: ServiceEnvironment; monitoring: ServiceEnvironment; ideas: ServiceEnvironment },
  ports: { goals: number; monitoring: number; ideas: number },
): void {
  const services: Partial<Record<'goals' | 'monitoring' | 'ideas', ServiceProcess>> = {};
  let auth: Awaited<ReturnType<typeof authHeaders>>;
  const run = randomUUID().slice(0, 8);
  const url = (service: 'goals' | 'monitoring' | 'ideas') => (services[service] as ServiceProcess).url;
  const start = (service: 'goals' | 'monitoring' | 'ideas') =>
    startService(service, ports[service], { ...environment()[service], SEED_SAMPLE_DATA: 'false' });

  beforeAll(async () => {
    auth = await authHeaders();
    const names = ['monitoring', 'goals', 'ideas'] as const;
    const started = await Promise.allSettled(names.map(start));
    names.forEach((name, index) => {
      const result = started[index];
      if (result?.status === 'fulfilled') services[name] = result.value;
    });
    // One that came up is stopped when another did not, so no process outlives the suite.
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      await Promise.all(Object.values(services).map((service) => service.stop()));
      throw failed.reason;
    }
  }, 240_000);

  afterAll(async () => {
    await Promise.all(Object.values(services).map((service) => service.stop()));
  });

  const draftCalls = async () =>
    (
      await call<{ items: DraftCall[] }>(`${url('ideas')}/calls?origin=system&status=draft&limit=200`, {
        headers: auth.coordinator,
      })
    ).body.items;

  it('drafts one call for ideas when a monitoring import breaches a threshold, and none on a repeated import', async () => {
    const key = `abgaenger-${run}`;
    const defined = await call(`${url('monitoring')}/indicators`, {
      headers: auth.coordinator,
      body: {
        key,
        name: 'Abgänge mit Abschluss',
        stage: 'allgemeinbildende-schulen',
        unit: 'percent',
        definition: 'Anteil der Abgängerinnen und Abgänger mit mindestens Hauptschulabschluss.',
        source: 'Systemtest',
        preferredDirection: 'higher',
        periodicity: 'school-year',
        thresholds: [{ value: 90, label: 'Mindestziel' }],
      },
    });
    expect(defined.status).toBe(201);
    const csv = ['indicator;region;period;value', `${key};${QUAKENBRUECK};2025/26;86,5`].join('\n');
    const imported = await call(`${url('monitoring')}/measurements/imports`, { headers: auth.coordinator, csv });
    expect(imported.body).toMatchObject({ recorded: 1 });
    const mine = async () => (await draftCalls()).filter((draft) => draft.cause.indicatorKey === key);
    await eventually(async () => (await mine()).length === 1, 30_000);
    expect((await mine())[0]?.cause).toMatchObject({ kind: 'threshold-breach', period: '2025/26' });
    await call(`${url('monitoring')}/measurements/imports`, { headers: auth.coordinator, csv });
    await sleep(SETTLE_MS);
    expect(await mine()).toHaveLength(1);
  }, 120_000);

  it('drafts one call for ideas when a goal goes off track', async () => {
    const drafted = await call<{ goalId: string }>(`${url('goals')}/goals`, {
      headers: auth.coordinator,
      body: {
        title: `Systemtest ${run}`,
        description: 'Ein Ziel, das vom Kurs abkommt.',
        stage: 'berufliche-bildung',
        regionKeys: [QUAKENBRUECK],
        parties: [{ id: 'stadt-quakenbrueck', name: 'Stadt Quakenbrück', role: 'responsible' }],
        baseline: { value: 50, date: '2026-01-01' },
        target: { value: 80, dueDate: '2027-01-01' },
        unit: '%',
        direction: 'higher',
      },
    });
    const { goalId } = drafted.body;
    for (const [path, body] of [
      ['proposal', {}],
      ['consents', { partyId: 'stadt-quakenbrueck' }],
      ['agreement', { authority: 'Kreisausschuss', effectiveOn: '2026-01-15' }],
      ['progress', { value: 49, asOf: '2026-10-01' }],
    ] as const) {
      expect(
        (await call(`${url('goals')}/goals/${goalId}/${path}`, { headers: auth.coordinator, body })).status,
      ).toBeLessThan(300);
    }
    const mine = async () => (await draftCalls()).filter((draft) => draft.cause.goalId === goalId);
    await eventually(async () => (await mine()).length === 1, 30_000);
    await sleep(SETTLE_MS);
    expect(await mine()).toHaveLength(1);
  }, 120_000);

  it('drafts exactly one goal per promoted idea although goals is killed with SIGKILL while drafting them', async () => {
    const coordinator = auth.coordinator;
    const actor = {
      Authorization: `Bearer ${await issueToken(DEVELOPMENT_SECRET, { role: 'actor', actorId: 'vhs-osnabruecker-land' })}`,
    };
    const ideaIds: string[] = [];
    for (let index = 0; index < PROMOTED; index += 1) {
      const submitted = await call<{ ideaId: string }>(`${url('ideas')}/ideas`, {
        headers: actor,
        body: {
          title: `Ausbildungslotsen ${run} ${index}`,
          description: 'Lotsen begleiten Jugendliche vom Praktikum bis zum Ausbildungsvertrag.',
          stages: ['berufliche-bildung'],
          regionKeys: [QUAKENBRUECK],
        },
      });
      expect(submitted.status).toBe(201);
      const ideaId = submitted.body.ideaId;
      await call(`${url('ideas')}/ideas/${ideaId}/decision`, {
        headers: coordinator,
        body: { outcome: 'accepted', authority: 'Steuergruppe' },
      });
      ideaIds.push(ideaId);
    }
    const store = eventStoreFromUrl(environment().goals.EVENT_STORE_URL);
    const draftsInGoals = async () =>
      (await store.readAll({ filter: { categories: ['goal'] } }))
        .filter((event) => event.type === 'GoalDraftedFromIdea')
        .map((event) => (event.data as { origin: { ideaId: string } }).origin.ideaId)
        .filter((ideaId) => ideaIds.includes(ideaId));
    // Promotions go on while goals drafts; polled tightly, goals is killed right after its first draft.
    const promotions = promoteEach(url('ideas'), ideaIds, 'goal', coordinator);
    const deadline = Date.now() + 60_000;
    while ((await draftsInGoals()).length === 0 && Date.now() < deadline) await sleep(2);
    await (services.goals as ServiceProcess).stop('SIGKILL');
    const atKill = (await draftsInGoals()).length;
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(PROMOTED);
    await promotions;
    services.goals = await start('goals');

    const results = () => promotionResults(url('ideas'), ideaIds, coordinator);
    await eventually(async () => (await results()).every(Boolean), 120_000);
    await sleep(SETTLE_MS);
    const drafts = await draftsInGoals();
    await store.close();
    expect(drafts).toHaveLength(PROMOTED);
    expect(new Set(drafts)).toEqual(new Set(ideaIds));
    const goalIds = await results();
    expect(new Set(goalIds).size).toBe(PROMOTED);
    const goal = await call<{ goal: { status: string; origin: { ideaId: string } } }>(
      `${url('goals')}/goals/${goalIds[0]}`,
      { headers: auth.auditor },
    );
    expect(goal.body.goal).toMatchObject({ status: 'draft', origin: { ideaId: ideaIds[0] } });
    process.stdout.write(
      `promotion SIGKILL test: ${atKill} of ${PROMOTED} goals drafted when goals was killed; ${PROMOTED} after the restart\n`,
    );
  }, 300_000);
}
