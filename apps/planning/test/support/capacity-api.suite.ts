import { Bus, busFromUrl } from '@bildungsregion/bus';
import { IntegrationEvent, MeasurementCorrected, MeasurementRecorded, Topics } from '@bildungsregion/contracts';
import { bearer, Environment, TestApp, tokens, Tokens } from '@bildungsregion/service-testing';
import { eventuallyPasses } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { startPlanning } from './planning-test-app';

const BISSENDORF = '03459012';
const BELM = '03459008';
const HASBERGEN = '03459021';
const BOHMTE = '03459013';

/** Institutions, offerings, scenarios and the capacity plan end to end, fed by monitoring's events on the bus. */
export function capacityApiSuite(environment: () => Environment): void {
  let service: TestApp;
  let auth: Tokens;
  let bus: Bus;
  const operator = `traeger-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    service = await startPlanning(environment());
    auth = await tokens();
    bus = busFromUrl(service.config.busUrl, {
      topicNamespace: service.config.topicNamespace,
      clientId: 'capacity-api-test',
    });
    await http()
      .post('/actors')
      .set(bearer(auth.coordinator))
      .send({ id: operator, name: 'Kita-Träger', type: 'traeger', regionKey: BISSENDORF })
      .expect(201);
  });

  afterAll(async () => {
    await bus?.close();
    await service?.close();
  });

  const http = () => service.http();
  const as = (token: string) => bearer(token);

  function measurement(indicatorKey: string, regionKey: string, value: number, period = '2025') {
    return {
      id: randomUUID(),
      type: MeasurementRecorded.type,
      source: 'monitoring',
      subject: `indicator-${indicatorKey}`,
      time: '2026-03-01T09:00:00.000Z',
      correlationId: 'import-lsn-2025',
      data: {
        measurementId: randomUUID(),
        indicatorKey,
        regionKey,
        period,
        value,
        source: 'Landesamt für Statistik Niedersachsen',
        recordedBy: { id: 'koordination-1', role: 'coordinator' },
      },
    } satisfies IntegrationEvent;
  }
  /** Eleven ages of 100 children each, and a Betreuungsquote U3. */
  async function publishPopulation(regionKey: string, quoteU3 = 40) {
    const events = [
      ...Array.from({ length: 11 }, (_, age) => measurement(`bevoelkerung-alter-${age}`, regionKey, 100)),
      measurement('betreuungsquote-u3', regionKey, quoteU3),
    ];
    await bus.publish(events.map((event) => ({ topic: Topics.monitoring, event })));
    return events;
  }
  async function registerKita(regionKey: string, krippe: number, extra: Record<string, unknown> = {}) {
    const response = await http()
      .post('/institutions')
      .set(as(auth.coordinator))
      .send({ name: `Kita ${randomUUID().slice(0, 4)}`, type: 'kita', regionKey, operatorId: operator, ...extra })
      .expect(201);
    const id = response.body.institutionId as string;
    await http()
      .post(`/institutions/${id}/capacity-changes`)
      .set(as(auth.coordinator))
      .send({
        effectiveFrom: '2020-08-01',
        places: { krippe: { approved: krippe, overSevenHours: 10, integration: 2 } },
        reason: 'Bestand',
      })
      .expect(200);
    return id;
  }
  const krippePlan = async (regionKey: string, query: Record<string, string> = {}) =>
    (
      await http()
        .get('/capacity-plans')
        .query({ regionKey, stage: 'krippe', fromYear: '2026', ...query })
        .set(as(auth.auditor))
        .expect(200)
    ).body;

  it('plans a municipality from monitoring’s population and Betreuungsquote, and says where each figure came from', async () => {
    await registerKita(BISSENDORF, 100);
    const events = await publishPopulation(BISSENDORF);
    const plan = await eventuallyPasses(async () => {
      const body = await krippePlan(BISSENDORF);
      expect(body.rows[0]).toMatchObject({ year: 2026, children: 300, demand: 120, supply: 100, balance: -20 });
      // The default rate for Krippe is also 40 %, so only the source tells that the quote has arrived.
      expect(body.rows[0].sources.participation.kind).toBe('measurement');
      return body;
    }, 20_000);
    expect(plan.scenario).toMatchObject({ scenarioId: 'status-quo', version: 1 });
    expect(plan.rows).toHaveLength(6);
    const [first] = plan.rows;
    expect(first).toMatchObject({ verdict: 'shortfall', missingGroups: 2, groupsNeeded: 8, participation: 40 });
    const quote = events.at(-1) as ReturnType<typeof measurement>;
    expect(first.sources.participation).toEqual({
      kind: 'measurement',
      measurementId: quote.data.measurementId,
      period: '2025',
      regionKey: BISSENDORF,
    });
    expect(first.sources.children.measurementIds).toHaveLength(11);
    expect(first.sources.supply).toHaveLength(1);

    const age0 = events[0] as ReturnType<typeof measurement>;
    const correction = {
      ...age0,
      id: randomUUID(),
      type: MeasurementCorrected.type,
      data: {
        ...age0.data,
        value: 130,
        previousValue: 100,
        reason: 'Nachmeldung',
        correctedBy: { id: 'k', role: 'coordinator' },
      },
    };
    delete (correction.data as { source?: string }).source;
    delete (correction.data as { recordedBy?: unknown }).recordedBy;
    await bus.publish([{ topic: Topics.monitoring, event: correction as IntegrationEvent }]);
    await eventuallyPasses(
      async () => expect((await krippePlan(BISSENDORF)).rows[0]).toMatchObject({ children: 330, demand: 132 }),
      20_000,
    );
  });

  it('keeps institutions with dated capacity and closure, and refuses what cannot be right', async () => {
    const id = await registerKita(BELM, 30, { locality: 'Icker' });
    await http()
      .post(`/institutions/${id}/capacity-changes`)
      .set(as(auth.coordinator))
      .send({ effectiveFrom: '2027-08-01', places: { krippe: { approved: 45 } }, reason: 'Anbau' })
      .expect(200);
    await http()
      .post(`/institutions/${id}/closure`)
      .set(as(auth.coordinator))
      .send({ closedFrom: '2029-07-31', reason: 'Ersatzneubau' })
      .expect(200);
    const supply = (await krippePlan(BELM)).rows.map((row: { supply: number }) => row.supply);
    expect(supply.slice(0, 4)).toEqual([30, 45, 45, 0]);
    const institution = (await http().get(`/institutions/${id}`).set(as(auth.auditor)).expect(200)).body;
    // The plan above waited for the institutions' read model, so the institution is current too.
    expect(institution).toMatchObject({ status: 'closed', closedFrom: '2029-07-31', locality: 'Icker', revision: 3 });
    const history = (await http().get(`/institutions/${id}/history`).set(as(auth.auditor)).expect(200)).body;
    expect(history.items.map((entry: { type: string }) => entry.type)).toEqual([
      'InstitutionRegistered',
      'InstitutionCapacityChanged',
      'InstitutionCapacityChanged',
      'InstitutionClosed',
    ]);

    const refused = async (body: Record<string, unknown>, status: number, code?: string) => {
      const response = await http().post('/institutions').set(as(auth.coordinator)).send(body).expect(status);
      if (code) expect(response.body.code).toBe(code);
      return response.body;
    };
    const kita = { name: 'Kita Neu', type: 'kita', regionKey: BELM, operatorId: operator };
    await refused({ ...kita, operatorId: 'niemand-bekannt' }, 422, 'unknown-organisation');
    await refused({ ...kita, regionKey: '03459' }, 422, 'municipality-required');
    expect((await refused({ ...kita, seats: 3 }, 400)).detail).toMatch(/seats/);
    const places = await http()
      .post(`/institutions/${id}/capacity-changes`)
      .set(as(auth.coordinator))
      .send({ effectiveFrom: '2026-08-01', places: { krippe: { approved: 10 } }, reason: 'x' })
      .expect(409);
    expect(places.body.code).toBe('institution-closed');
    const other = await http()
      .post('/institutions')
      .set(as(await auth.actor('vhs-osnabruecker-land')))
      .send(kita)
      .expect(403);
    expect(other.body.detail).toMatch(operator);
    await http().post('/institutions').set(as(auth.auditor)).send(kita).expect(403);
    const listed = (await http().get('/institutions').query({ regionKey: BELM }).set(as(auth.auditor)).expect(200))
      .body;
    expect(listed.items.map((item: { id: string }) => item.id)).toEqual([id]);
  });

  it('keeps the of-them places within the approved places', async () => {
    const id = await registerKita(BELM, 20);
    const response = await http()
      .post(`/institutions/${id}/capacity-changes`)
      .set(as(auth.coordinator))
      .send({ effectiveFrom: '2026-08-01', places: { krippe: { approved: 10, integration: 12 } }, reason: 'x' })
      .expect(422);
    expect(response.body.code).toBe('places-inconsistent');
  });

  it('compares scenarios side by side on the same figures, and runs a plan on an earlier version', async () => {
    await registerKita(BOHMTE, 100);
    await publishPopulation(BOHMTE);
    await eventuallyPasses(async () => expect((await krippePlan(BOHMTE)).rows[0].demand).toBe(120), 20_000);
    const created = await http()
      .post('/scenarios')
      .set(as(auth.coordinator))
      .send({
        name: 'Neubaugebiet Bohmte',
        description: 'Annahme: 110 Kinder ab 2027.',
        assumptions: { buildingAreas: [{ name: 'Am Hunte', regionKey: BOHMTE, children: 110, fromYear: 2027 }] },
      })
      .expect(201);
    const variant = created.body.scenarioId as string;
    await http()
      .post(`/scenarios/${variant}/revisions`)
      .set(as(auth.coordinator))
      .send({
        assumptions: {
          participation: { krippe: 50 },
          buildingAreas: [{ name: 'Am Hunte', regionKey: BOHMTE, children: 110, fromYear: 2027 }],
        },
        reason: 'U3-Ausbau dazu',
      })
      .expect(200);
    await eventuallyPasses(async () => {
      const scenario = (await http().get(`/scenarios/${variant}`).set(as(auth.auditor)).expect(200)).body;
      expect(scenario.versions.map((entry: { version: number }) => entry.version)).toEqual([1, 2]);
    });

    const comparison = (
      await http()
        .get('/scenarios/comparison')
        .query({
          scenarios: `status-quo,${variant}@1,${variant}`,
          regionKey: BOHMTE,
          stage: 'krippe',
          fromYear: '2026',
        })
        .set(as(auth.auditor))
        .expect(200)
    ).body;
    // 2027 counts 31 December 2026: ten more children per age from the area, 30 more in Krippe age.
    const [, second] = comparison.rows;
    expect(second.year).toBe(2027);
    expect(second.figures.map((figures: { demand: number }) => figures.demand)).toEqual([120, 132, 165]);
    expect(second.figures.map((figures: { balanceDifference: number }) => figures.balanceDifference)).toEqual([
      0, -12, -45,
    ]);

    const csv = await http()
      .get('/scenarios/comparison')
      .query({
        scenarios: `status-quo,${variant}`,
        regionKey: BOHMTE,
        stage: 'krippe',
        format: 'csv',
        fromYear: '2026',
      })
      .set(as(auth.auditor))
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    expect(csv.text.split('\n')[0]).toBe(
      'AGS,Gemeinde,Stufe,Jahr,Bedarf Status quo (Version 1),Platzangebot Status quo (Version 1),Saldo Status quo (Version 1),Bedarf Neubaugebiet Bohmte (Version 2),Platzangebot Neubaugebiet Bohmte (Version 2),Saldo Neubaugebiet Bohmte (Version 2),Differenz Saldo Neubaugebiet Bohmte (Version 2)',
    );
    expect(csv.text).toContain(`${BOHMTE},Bohmte,Krippe,2027/28,120,100,-20,165,100,-65,-45`);

    const one = await http()
      .get('/scenarios/comparison')
      .query({ scenarios: 'status-quo' })
      .set(as(auth.auditor))
      .expect(400);
    expect(one.body.detail).toMatch(/at least two/);
    await http()
      .get('/scenarios/comparison')
      .query({ scenarios: 'status-quo,gibt-es-nicht' })
      .set(as(auth.auditor))
      .expect(404);
    const wrong = await http()
      .post('/scenarios')
      .set(as(auth.coordinator))
      .send({
        name: 'x',
        description: 'y',
        assumptions: { buildingAreas: [{ name: 'z', regionKey: '03459', children: 5, fromYear: 2027 }] },
      })
      .expect(422);
    expect(wrong.body.code).toBe('region-unknown');
    const kept = await http()
      .post('/scenarios/status-quo/archive')
      .set(as(auth.coordinator))
      .send({ reason: 'weg' })
      .expect(409);
    expect(kept.body.code).toBe('baseline-kept');
  });

  it('records a plan run whose figures stay as they were when the inputs change', async () => {
    const kita = await registerKita(HASBERGEN, 100, { locality: 'Gaste' });
    await publishPopulation(HASBERGEN);
    await eventuallyPasses(async () => expect((await krippePlan(HASBERGEN)).rows[0].demand).toBe(120), 20_000);
    const recorded = await http()
      .post('/plan-runs')
      .set(as(auth.coordinator))
      .send({
        purpose: 'Jugendhilfeausschuss 12. März 2026',
        scenarios: [{ scenarioId: 'status-quo' }],
        fromYear: 2026,
      })
      .expect(201);
    await http()
      .post(`/institutions/${kita}/capacity-changes`)
      .set(as(auth.coordinator))
      .send({ effectiveFrom: '2026-01-01', places: { krippe: { approved: 150 } }, reason: 'Erweiterung' })
      .expect(200);
    expect((await krippePlan(HASBERGEN)).rows[0].supply).toBe(150);
    const run = await eventuallyPasses(
      async () => (await http().get(`/plan-runs/${recorded.body.runId}`).set(as(auth.auditor)).expect(200)).body,
    );
    const row = run.rows.find(
      (entry: { regionKey: string; stage: string; year: number }) =>
        entry.regionKey === HASBERGEN && entry.stage === 'krippe' && entry.year === 2026,
    );
    expect(row).toMatchObject({ scenarioId: 'status-quo', children: 300, demand: 120, supply: 100 });
    expect(run.scenarios).toEqual([{ scenarioId: 'status-quo', version: 1, name: 'Status quo' }]);
    expect(run.inputs.institutions).toContainEqual({ institutionId: kita, revision: 1 });
    const listed = (await http().get('/plan-runs').set(as(auth.auditor)).expect(200)).body;
    // The run was found above, so the list holds it too.
    expect(listed.items[0]).toMatchObject({ id: recorded.body.runId, purpose: 'Jugendhilfeausschuss 12. März 2026' });
    await http()
      .post('/plan-runs')
      .set(as(auth.auditor))
      .send({ purpose: 'x', scenarios: [{ scenarioId: 'status-quo' }] })
      .expect(403);
  });

  it('exports the § 21 NKiTaG figures per municipality and Ortslage as CSV', async () => {
    const kita = await registerKita(HASBERGEN, 40, { locality: 'Ohrbeck' });
    await http()
      .post(`/institutions/${kita}/occupancy`)
      .set(as(auth.coordinator))
      .send({ referenceDate: '2026-10-01', occupied: { krippe: 38 } })
      .expect(200);
    await eventuallyPasses(async () => expect((await krippePlan(HASBERGEN)).rows[0].demand).toBe(120), 20_000);
    const csv = await http()
      .get('/exports/nkitag-21')
      .query({ year: '2026' })
      .set(as(auth.auditor))
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe(
      'AGS,Gemeinde,Ortslage,Stichtag,Altersgruppe,genehmigte Plätze,davon über 7 Stunden,davon Integrationsplätze,belegte Plätze,Bedarf 2027/28,Bedarf 2028/29,Bedarf 2029/30,Bedarf 2030/31,Bedarf 2031/32,Bedarf 2032/33',
    );
    // The Kita of the previous test (now 150 places, none of them named over seven hours) and this one.
    expect(lines).toContain(`${HASBERGEN},Hasbergen,,2026-10-01,Krippe,190,10,2,38,120,120,120,120,120,120`);
    expect(lines).toContain(`${HASBERGEN},Hasbergen,Ohrbeck,2026-10-01,Krippe,40,10,2,38,,,,,,`);
    expect(lines.filter((line) => line.startsWith('03459')).length).toBeGreaterThanOrEqual(34 * 3);
    await http().get('/exports/nkitag-21').query({ year: 'zwanzig' }).set(as(auth.auditor)).expect(400);
  });

  it('keeps offerings of a provider, changed with a reason and ended', async () => {
    const offering = {
      title: 'Deutsch für Eltern',
      kind: 'kurs',
      providerId: operator,
      stage: 'weiterbildung',
      targetGroup: 'Eltern',
      places: 12,
      startsOn: '2027-02-01',
      endsOn: '2027-06-30',
      regionKey: BELM,
    };
    const created = await http().post('/offerings').set(as(auth.coordinator)).send(offering).expect(201);
    const id = created.body.offeringId as string;
    await http()
      .post(`/offerings/${id}/changes`)
      .set(as(auth.coordinator))
      .send({ places: 15, reason: 'größerer Raum' })
      .expect(200);
    const reversed = await http()
      .post('/offerings')
      .set(as(auth.coordinator))
      .send({ ...offering, endsOn: '2026-01-01' })
      .expect(422);
    expect(reversed.body.code).toBe('period-reversed');
    await http().post(`/offerings/${id}/end`).set(as(auth.coordinator)).send({ reason: 'abgeschlossen' }).expect(200);
    await eventuallyPasses(async () => {
      const listed = (await http().get('/offerings').query({ regionKey: BELM }).set(as(auth.auditor)).expect(200)).body;
      expect(listed.items).toEqual([
        expect.objectContaining({ id, places: 15, status: 'ended', title: 'Deutsch für Eltern' }),
      ]);
    });
  });
}
