import { Bus, busFromUrl, Delivery } from '@bildungsregion/bus';
import { IdeaPromoted, IntegrationEvent, MeasurementRecorded, Topics } from '@bildungsregion/contracts';
import { bearer, Environment, TestApp, tokens, Tokens } from '@bildungsregion/service-testing';
import { eventually, eventuallyPasses } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { comingKitaYear } from '../../src/application/capacity/capacity-plans';
import { measureIdForPromotion } from '../../src/application/measures/measure-commands';
import { startPlanning } from './planning-test-app';

const BRAMSCHE = '03459014';
const MELLE = '03459024';
const DISTRICT = '03459';
const GOAL = '5d0c3c7e-2f43-4a57-9a55-0d3f1c7b8e21';

/** Measures and the gaps they close, with monitoring and ideas stood in for by events on the bus. */
export function measuresApiSuite(environment: () => Environment): void {
  let service: TestApp;
  let auth: Tokens;
  let bus: Bus;
  const published: Delivery[] = [];
  const operator = `traeger-${randomUUID().slice(0, 8)}`;
  const firstYear = comingKitaYear(new Date());

  beforeAll(async () => {
    service = await startPlanning(environment());
    auth = await tokens();
    bus = busFromUrl(service.config.busUrl, {
      topicNamespace: service.config.topicNamespace,
      clientId: 'measures-test',
    });
    await bus.ensureTopics([Topics.monitoring, Topics.ideas, Topics.planning]);
    await bus.subscribe({
      groupId: `measures-test-${randomUUID()}`,
      topics: [Topics.planning],
      handler: async (delivery) => void published.push(delivery),
    });
    await http()
      .post('/actors')
      .set(as(auth.coordinator))
      .send({ id: operator, name: 'Kita-Träger', type: 'traeger', regionKey: BRAMSCHE })
      .expect(201);
  });

  afterAll(async () => {
    await bus?.close();
    await service?.close();
  });

  const http = () => service.http();
  const as = (token: string) => bearer(token);
  const krippeGaps = (type: string, regionKey: string) =>
    published.filter(({ event }) => {
      const data = event.data as { regionKey?: string; stage?: string };
      return event.type === type && data.regionKey === regionKey && data.stage === 'krippe';
    });

  /** Eleven ages of 100 children each: 300 in the Krippe ages, 120 places wanted at the default 40 %. */
  async function publishPopulation(regionKey: string) {
    const events: IntegrationEvent[] = Array.from({ length: 11 }, (_, age) => ({
      id: randomUUID(),
      type: MeasurementRecorded.type,
      source: 'monitoring',
      subject: `indicator-bevoelkerung-alter-${age}`,
      time: '2026-03-01T09:00:00.000Z',
      correlationId: 'import-lsn-2025',
      data: {
        measurementId: randomUUID(),
        indicatorKey: `bevoelkerung-alter-${age}`,
        regionKey,
        period: '2025',
        value: 100,
        source: 'Landesamt für Statistik Niedersachsen',
        recordedBy: { id: 'koordination-1', role: 'coordinator' },
      },
    }));
    await bus.publish(events.map((event) => ({ topic: Topics.monitoring, event })));
  }

  async function registerKita(regionKey: string, krippe: number): Promise<string> {
    const response = await http()
      .post('/institutions')
      .set(as(auth.coordinator))
      .send({ name: `Kita ${randomUUID().slice(0, 4)}`, type: 'kita', regionKey, operatorId: operator })
      .expect(201);
    const id = response.body.institutionId as string;
    await http()
      .post(`/institutions/${id}/capacity-changes`)
      .set(as(auth.coordinator))
      .send({ effectiveFrom: '2020-08-01', places: { krippe: { approved: krippe } }, reason: 'Bestand' })
      .expect(200);
    return id;
  }

  const measureBody = (institutionId: string, places: number, extra: Record<string, unknown> = {}) => ({
    title: 'Zweite Krippengruppe',
    description: 'Umbau des Bewegungsraums',
    regionKey: BRAMSCHE,
    effect: { institutionId, stage: 'krippe', places, effectiveFrom: `${firstYear}-08-01` },
    cost: { investment: 250_000, annual: 180_000 },
    goalIds: [GOAL],
    ...extra,
  });
  const plan = async (body: object) =>
    (await http().post('/measures').set(as(auth.coordinator)).send(body).expect(201)).body.measureId as string;
  const gaps = async (query: Record<string, string>) =>
    (await http().get('/gaps').query(query).set(as(auth.auditor)).expect(200)).body.items as {
      year: number;
      balance: number;
      measureIds: string[];
    }[];

  it('identifies a gap once when the population makes one, and an approved measure closes it once', async () => {
    const kita = await registerKita(BRAMSCHE, 100);
    await publishPopulation(BRAMSCHE);
    const open = await eventuallyPasses(async () => {
      const found = await gaps({ regionKey: BRAMSCHE, stage: 'krippe', status: 'open' });
      expect(found).toHaveLength(6);
      return found;
    }, 30_000);
    expect(open.map((gap) => [gap.year, gap.balance])).toEqual(
      Array.from({ length: 6 }, (_, offset) => [firstYear + offset, -20]),
    );

    const later = await gaps({ regionKey: BRAMSCHE, stage: 'krippe', fromYear: String(firstYear + 4) });
    expect(later.map((gap) => gap.year)).toEqual([firstYear + 4, firstYear + 5]);

    const measureId = await plan(measureBody(kita, 30));
    await publishPopulation(BRAMSCHE);
    const planned = (await http().get(`/measures/${measureId}`).set(as(auth.auditor)).expect(200)).body;
    expect(planned).toMatchObject({ status: 'planned', regionKey: BRAMSCHE, goalIds: [GOAL] });

    await http()
      .post(`/measures/${measureId}/approval`)
      .set(as(auth.coordinator))
      .send({ authority: 'Rat der Stadt Bramsche, Beschluss 2026/112', decidedOn: '2026-11-20' })
      .expect(200);
    const closed = await eventuallyPasses(async () => {
      const found = await gaps({ regionKey: BRAMSCHE, stage: 'krippe', status: 'closed' });
      expect(found).toHaveLength(6);
      return found;
    }, 30_000);
    expect(closed.every((gap) => gap.balance === 10 && gap.measureIds.includes(measureId))).toBe(true);

    await eventually(() => krippeGaps('bildung.planning.gap-closed.v1', BRAMSCHE).length === 6, 30_000);
    expect(krippeGaps('bildung.planning.gap-identified.v1', BRAMSCHE)).toHaveLength(6);
    const [first] = (
      await http()
        .get('/capacity-plans')
        .query({ regionKey: BRAMSCHE, stage: 'krippe' })
        .set(as(auth.auditor))
        .expect(200)
    ).body.rows;
    expect(first).toMatchObject({ year: firstYear, supply: 130, balance: 10 });
    expect(first.sources.measures).toEqual([
      {
        measureId,
        title: 'Zweite Krippengruppe',
        status: 'approved',
        institutionId: kita,
        places: 30,
        takesEffect: true,
      },
    ]);
    const csv = await http()
      .get('/capacity-plans')
      .query({ regionKey: BRAMSCHE, stage: 'krippe', format: 'csv' })
      .set(as(auth.auditor))
      .expect(200);
    expect(csv.text.split('\n')[0]).toMatch(/,Bewertung,davon Plätze aus Maßnahmen,Maßnahmen$/);
    expect(csv.text).toContain(`,130,10,`);
    expect(csv.text).toContain(',30,Zweite Krippengruppe (+30)');
    const types = published
      .filter((delivery) => delivery.event.subject === `measure-${measureId}`)
      .map((delivery) => delivery.event.type);
    expect(types).toEqual(['bildung.planning.measure-planned.v1', 'bildung.planning.measure-approved.v1']);
  });

  it('refuses what cannot be right, with the reason, and changes nothing', async () => {
    const kita = await registerKita(BRAMSCHE, 20);
    const school = (
      await http()
        .post('/institutions')
        .set(as(auth.coordinator))
        .send({ name: 'Grundschule Achmer', type: 'grundschule', regionKey: BRAMSCHE, operatorId: operator })
        .expect(201)
    ).body.institutionId as string;
    const refused = async (body: object, status: number, code: string) => {
      const response = await http().post('/measures').set(as(auth.coordinator)).send(body);
      expect([response.status, response.body.code]).toEqual([status, code]);
      return response.body;
    };
    const invalid = await refused({ ...measureBody(kita, 0), title: '' }, 400, 'invalid-request');
    expect(JSON.stringify(invalid)).toMatch(/title/);
    await refused(measureBody(randomUUID(), 5), 422, 'institution-unknown');
    await refused(measureBody(school, 5), 422, 'effect-stage-mismatch');
    await refused(measureBody(kita, 5, { regionKey: MELLE }), 422, 'effect-outside-region');
    await refused(measureBody(kita, 5, { goalIds: ['ziel-1'] }), 400, 'invalid-request');
    const forbidden = await http().post('/measures').set(as(auth.auditor)).send(measureBody(kita, 5));
    expect(forbidden.status).toBe(403);

    const measureId = await plan(measureBody(kita, 5, { regionKey: DISTRICT }));
    const act = (path: string, body: object) =>
      http().post(`/measures/${measureId}/${path}`).set(as(auth.coordinator)).send(body);
    expect((await act('implementation', { implementedOn: '2027-08-01' })).body.code).toBe('measure-planned');
    expect((await act('approval', { authority: ' ', decidedOn: '2026-11-20' })).status).toBe(400);
    expect((await act('drop', { reason: '' })).status).toBe(400);
    const before = (await http().get(`/measures/${measureId}`).set(as(auth.auditor)).expect(200)).body;
    expect(before).toMatchObject({ status: 'planned', revision: 0 });

    await act('approval', { authority: 'Kreisausschuss', decidedOn: '2026-11-20' }).then((r) =>
      expect(r.status).toBe(200),
    );
    expect((await act('revision', { ...measureBody(kita, 8), reason: 'größer' })).body.code).toBe('measure-approved');
    const early = await act('implementation', { implementedOn: '2026-11-01' });
    expect([early.status, early.body.code]).toEqual([422, 'implemented-before-approval']);
    await act('drop', { reason: 'Kein Personal' }).then((r) => expect(r.status).toBe(200));
    expect((await act('approval', { authority: 'x', decidedOn: '2026-11-21' })).body.code).toBe('measure-dropped');
    const history = (await http().get(`/measures/${measureId}/history`).set(as(auth.auditor)).expect(200)).body;
    expect(history.items.map((entry: { type: string }) => entry.type)).toEqual([
      'MeasurePlanned',
      'MeasureApproved',
      'MeasureDropped',
    ]);
  });

  it('revises a planned measure, counts planned ones only in a scenario that includes them, and lists by filter', async () => {
    const kita = await registerKita(MELLE, 40);
    const measureId = await plan(measureBody(kita, 12, { regionKey: MELLE, title: 'Waldgruppe Melle', goalIds: [] }));
    await http()
      .post(`/measures/${measureId}/revision`)
      .set(as(auth.coordinator))
      .send({ ...measureBody(kita, 15, { regionKey: MELLE, title: 'Waldgruppe Melle' }), reason: 'Größerer Platz' })
      .expect(200);
    const revised = (await http().get(`/measures/${measureId}`).set(as(auth.auditor)).expect(200)).body;
    expect(revised).toMatchObject({ effect: { places: 15 }, goalIds: [GOAL], revision: 1 });
    const scenario = (
      await http()
        .post('/scenarios')
        .set(as(auth.coordinator))
        .send({
          name: 'Mit geplanten Maßnahmen',
          description: 'Was die Vorhaben brächten',
          assumptions: { includePlannedMeasures: true },
        })
        .expect(201)
    ).body.scenarioId as string;
    const supply = async (scenarioId: string) =>
      (
        await http()
          .get('/capacity-plans')
          .query({ scenario: scenarioId, regionKey: MELLE, stage: 'krippe' })
          .set(as(auth.auditor))
          .expect(200)
      ).body.rows[0].supply as number;
    expect(await supply('status-quo')).toBe(40);
    expect(await supply(scenario)).toBe(55);

    const list = async (query: Record<string, string>) =>
      (await http().get('/measures').query(query).set(as(auth.auditor)).expect(200)).body.items.map(
        (item: { id: string }) => item.id,
      );
    expect(await list({ regionKey: MELLE })).toEqual([measureId]);
    expect(await list({ goal: GOAL, regionKey: MELLE, status: 'planned' })).toEqual([measureId]);
    expect(await list({ institution: kita })).toEqual([measureId]);
    expect(await list({ q: 'waldgruppe', status: 'approved' })).toEqual([]);
  });

  it('drafts exactly one measure from an idea promoted to a measure, with the idea as its origin', async () => {
    const ideaId = randomUUID();
    const promotionId = randomUUID();
    const promotion = (target: string, id = promotionId): IntegrationEvent => ({
      id: randomUUID(),
      type: IdeaPromoted.type,
      source: 'ideas',
      subject: `idea-${ideaId}`,
      time: new Date().toISOString(),
      correlationId: randomUUID(),
      data: {
        ideaId,
        promotionId: id,
        target,
        title: 'Sprachkita im Nordkreis',
        description: 'Sprachförderung in allen Kitas des Nordkreises.',
        stages: ['fruehkindliche-bildung'],
        regionKeys: [BRAMSCHE],
      },
    });
    await bus.publish(
      [promotion('measure'), promotion('measure'), promotion('goal', randomUUID())].map((event) => ({
        topic: Topics.ideas,
        event,
      })),
    );
    const measureId = measureIdForPromotion(promotionId);
    const drafted = await eventuallyPasses(
      async () => (await http().get(`/measures/${measureId}`).set(as(auth.auditor)).expect(200)).body,
      30_000,
    );
    expect(drafted).toMatchObject({
      status: 'planned',
      title: 'Sprachkita im Nordkreis',
      regionKey: BRAMSCHE,
      origin: { ideaId, promotionId },
      goalIds: [],
    });
    await eventually(() => published.some((delivery) => delivery.event.subject === `measure-${measureId}`), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const fromIdea = (await http().get('/measures').query({ q: 'Sprachkita' }).set(as(auth.auditor)).expect(200)).body;
    expect(fromIdea.total).toBe(1);
    const announced = published.filter((delivery) => delivery.event.subject === `measure-${measureId}`);
    expect(announced.map((delivery) => (delivery.event.data as { origin?: unknown }).origin)).toEqual([
      { ideaId, promotionId },
    ]);
  });
}
