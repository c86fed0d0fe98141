import { eventuallyPasses } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { ServiceEnvironment } from './monitoring-to-goals.suite';
import { authHeaders, call, ServiceProcess, startService } from './service-process';

const BELM = '03459008';

interface PlanRow {
  readonly year: number;
  readonly children: number | null;
  readonly demand: number | null;
  readonly supply: number;
  readonly sources: { readonly children: { readonly basePeriod: number; readonly measurementIds: string[] } | null };
}

/** A CSV import of monitoring: every age 0 to 10 with the same count, and the Betreuungsquote U3. */
function populationCsv(period: string, perAge: number, quote: string): string {
  return [
    'indicator;region;period;value',
    ...Array.from({ length: 11 }, (_, age) => `bevoelkerung-alter-${age};${BELM};${period};${perAge}`),
    `betreuungsquote-u3;${BELM};${period};${quote}`,
  ].join('\n');
}

/**
 * monitoring and planning as separate processes on one environment: a population import in
 * monitoring reaches planning over the bus and changes the capacity plan, with the measurements named.
 */
export function monitoringToPlanningSuite(
  environment: () => { planning: ServiceEnvironment; monitoring: ServiceEnvironment },
  ports: { planning: number; monitoring: number },
): void {
  let planning: ServiceProcess;
  let monitoring: ServiceProcess;
  let auth: Awaited<ReturnType<typeof authHeaders>>;
  const operator = `traeger-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    auth = await authHeaders();
    const quiet = { SEED_SAMPLE_DATA: 'false' };
    const started = await Promise.allSettled([
      startService('monitoring', ports.monitoring, { ...environment().monitoring, ...quiet }),
      startService('planning', ports.planning, { ...environment().planning, ...quiet }),
    ]);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      await Promise.all(started.map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)));
      throw failed.reason;
    }
    [monitoring, planning] = started.map((result) => (result as PromiseFulfilledResult<ServiceProcess>).value) as [
      ServiceProcess,
      ServiceProcess,
    ];
  }, 180_000);

  afterAll(async () => {
    await Promise.all([planning?.stop(), monitoring?.stop()]);
  });

  const krippe = async (fromYear: number) =>
    (
      await call<{ rows: PlanRow[] }>(
        `${planning.url}/capacity-plans?regionKey=${BELM}&stage=krippe&fromYear=${fromYear}`,
        { headers: auth.auditor },
      )
    ).body.rows;

  it('changes the capacity plan when monitoring imports population figures', async () => {
    const registered = await call(`${planning.url}/actors`, {
      headers: auth.coordinator,
      body: { id: operator, name: 'Kita-Träger Belm', type: 'traeger', regionKey: BELM },
    });
    expect(registered.status).toBe(201);
    const kita = await call<{ institutionId: string }>(`${planning.url}/institutions`, {
      headers: auth.coordinator,
      body: { name: 'Kita Belm-Vehrte', type: 'kita', regionKey: BELM, operatorId: operator },
    });
    expect(kita.status).toBe(201);
    const capacity = await call(`${planning.url}/institutions/${kita.body.institutionId}/capacity-changes`, {
      headers: auth.coordinator,
      body: { effectiveFrom: '2020-08-01', places: { krippe: { approved: 100 } }, reason: 'Bestand' },
    });
    expect(capacity.status).toBe(200);
    const before = await krippe(2026);
    expect(before[0]).toMatchObject({ demand: null, supply: 100 });

    const first = await call(`${monitoring.url}/measurements/imports`, {
      headers: auth.coordinator,
      csv: populationCsv('2025', 100, '40,0'),
    });
    expect(first.body).toMatchObject({ recorded: 12, rejected: 0 });
    // 31.12.2025: ages 0–2 are 300 children; 40 % is a demand of 120 places against 100.
    const planned = await eventuallyPasses(async () => {
      const rows = await krippe(2026);
      expect(rows[0]).toMatchObject({ year: 2026, children: 300, demand: 120, supply: 100, balance: -20 });
      return rows;
    }, 30_000);
    expect(planned[0]?.sources.children?.measurementIds).toHaveLength(11);

    const second = await call(`${monitoring.url}/measurements/imports`, {
      headers: auth.coordinator,
      csv: populationCsv('2026', 120, '45,0'),
    });
    expect(second.body).toMatchObject({ recorded: 12, rejected: 0 });
    // The 2027 plan now starts from 31.12.2026: 360 children, 45 % = 162 places.
    await eventuallyPasses(async () => {
      const [row] = await krippe(2027);
      expect(row).toMatchObject({ year: 2027, children: 360, demand: 162, balance: -62 });
      expect(row?.sources.children?.basePeriod).toBe(2026);
    }, 30_000);
  });
}
