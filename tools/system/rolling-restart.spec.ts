import { useTempDir, eventually } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gatewayApp } from '../dev/gateway';
import { agreedGoal } from './support/goals';
import { definedIndicator } from './support/indicators';
import { authHeaders, call, ServiceProcess, startService } from './support/service-process';

const PORTS = { goals: [3957, 3958], monitoring: [3947, 3948] } as const;
const BRAMSCHE = '03459014';
const day = (index: number) => new Date(Date.UTC(2026, 0, 2 + index)).toISOString().slice(0, 10);

type Service = keyof typeof PORTS;

/**
 * Two instances each of goals and monitoring on shared SQLite files behind the development gateway,
 * restarted one instance at a time (SIGTERM, start again) while commands arrive through the gateway.
 * The commands carry Idempotency-Keys, as a client that must not lose one does: a stopping instance
 * resets connections it had not yet taken, and the gateway repeats only keyed commands elsewhere.
 */
describe('a rolling restart of goals and monitoring under load', () => {
  const dir = useTempDir();
  const instances: Record<Service, ServiceProcess[]> = { goals: [], monitoring: [] };
  let gateway: Server | undefined;

  afterAll(async () => {
    gateway?.close();
    gateway?.closeAllConnections();
    await Promise.all([...instances.goals, ...instances.monitoring].map((instance) => instance.stop()));
  });

  const start = (service: Service, index: 0 | 1) =>
    startService(service, PORTS[service][index], {
      EVENT_STORE_URL: `sqlite:${join(dir(), `${service}.sqlite`)}`,
      READ_MODELS_URL: `sqlite:${join(dir(), `${service}-read-models.sqlite`)}`,
      BUS_URL: `sqlite:${join(dir(), 'bus.sqlite')}`,
      LEASE_TTL_MS: '1500',
      SEAL_INTERVAL_SECONDS: '0',
      INSTANCE_ID: `${service}-${index + 1}`,
    });

  it('answers every command and loses no event while each instance stops and starts in turn', async () => {
    for (const service of ['monitoring', 'goals'] as const)
      for (const index of [0, 1] as const) instances[service][index] = await start(service, index);
    gateway = gatewayApp({
      webRoot: __dirname,
      identityUrl: 'http://127.0.0.1:9',
      services: Object.fromEntries(
        (['goals', 'monitoring'] as const).map((service) => [
          service,
          PORTS[service].map((port) => `http://127.0.0.1:${port}`),
        ]),
      ),
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => gateway?.once('listening', resolve));
    const api = (service: Service) => `http://127.0.0.1:${(gateway?.address() as AddressInfo).port}/api/${service}`;

    const auth = await authHeaders();
    const key = await definedIndicator(api('monitoring'), auth.coordinator, {
      keyPrefix: 'rollend',
      name: 'Rollender Neustart',
      definition: 'Messwerte während eines rollenden Neustarts.',
      source: 'Systemtest',
    });
    const linked = await agreedGoal(api('goals'), auth.coordinator, {
      title: 'Folgt den Messwerten',
      indicator: { key, regionKey: BRAMSCHE },
      baseline: 0,
      target: 100,
      dueDate: '2035-01-01',
    });
    const direct = await agreedGoal(api('goals'), auth.coordinator, { title: 'Nimmt Fortschritt direkt' });

    const failures: string[] = [];
    const acknowledged = { progress: 0, measurements: 0 };
    let loading = true;
    const commands = async (kind: keyof typeof acknowledged) => {
      for (let n = 0; loading; n++) {
        const answer =
          kind === 'progress'
            ? await call(`${api('goals')}/goals/${direct}/progress`, {
                headers: { ...auth.coordinator, 'Idempotency-Key': randomUUID() },
                body: { value: n % 100, asOf: '2026-06-30' },
              }).catch((error: Error) => ({ status: 0, body: error.message }))
            : await call(`${api('monitoring')}/measurements`, {
                headers: { ...auth.coordinator, 'Idempotency-Key': randomUUID() },
                body: { indicatorKey: key, regionKey: BRAMSCHE, period: day(n), value: n % 100 },
              }).catch((error: Error) => ({ status: 0, body: error.message }));
        if (answer.status === 201) acknowledged[kind]++;
        else failures.push(`${kind} ${n}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    };
    const load = [commands('progress'), commands('measurements')];

    for (const service of ['goals', 'monitoring'] as const) {
      for (const index of [0, 1] as const) {
        await instances[service][index]?.stop('SIGTERM');
        instances[service][index] = await start(service, index);
      }
    }
    loading = false;
    await Promise.all(load);
    process.stdout.write(
      `rolling restart: ${acknowledged.progress} progress commands and ${acknowledged.measurements} measurements acknowledged\n`,
    );
    expect(failures).toEqual([]);
    expect(acknowledged.measurements).toBeGreaterThan(0);

    const count = async (goalId: string) =>
      (
        await call<{ progressSummary: { count: number } }>(`${api('goals')}/goals/${goalId}`, {
          headers: auth.auditor,
        })
      ).body.progressSummary.count;
    expect(await count(direct)).toBe(acknowledged.progress);
    let shown = 0;
    await eventually(
      async () => (shown = await count(linked)) >= acknowledged.measurements,
      30_000,
      () => `${shown} of ${acknowledged.measurements} measurements on the linked goal`,
    );
    expect(shown).toBe(acknowledged.measurements);
  }, 300_000);
});
