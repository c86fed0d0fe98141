import { EventStore } from '@bildungsregion/event-store';
import { EVENT_STORE } from '@bildungsregion/service-runtime';
import { Bus, busFromUrl, Delivery } from '@bildungsregion/bus';
import { Topics } from '@bildungsregion/contracts';
import { changeBytesInFile, eventuallyPasses } from '@bildungsregion/testing';
import { bearer, Environment, TestApp, tokens, Tokens } from '@bildungsregion/service-testing';
import { startMonitoring } from './monitoring-test-app';

const BRAMSCHE = '03459014';
const MELLE = '03459024';

/**
 * The monitoring HTTP API end to end, on whatever event store, bus and read models the environment
 * names; `sqliteFile` is the event store file for the tamper test.
 */
export function monitoringApiSuite(environment: () => Environment, sqliteFile: () => string): void {
  let service: TestApp;
  let auth: Tokens & { actorToken: string };
  let bus: Bus;
  const published: Delivery[] = [];
  let counter = 0;

  beforeAll(async () => {
    service = await startMonitoring(environment());
    const issued = await tokens();
    auth = { ...issued, actorToken: await issued.actor('stadt-bramsche') };
    bus = busFromUrl(service.config.busUrl, { topicNamespace: service.config.topicNamespace });
    await bus.subscribe({
      groupId: `observer-${Date.now()}`,
      topics: [Topics.monitoring],
      handler: async (delivery) => void published.push(delivery),
    });
  });

  afterAll(async () => {
    await bus?.close();
    await service?.close();
  });

  const http = () => service.http();
  const as = bearer;

  /** A fresh indicator per test, so tests do not share measurements. */
  async function defineIndicator(overrides: Record<string, unknown> = {}): Promise<string> {
    counter += 1;
    const key = `test-quote-${counter}-${Math.random().toString(36).slice(2, 6)}`;
    await http()
      .post('/indicators')
      .set(as(auth.coordinator))
      .send({
        key,
        name: `Testquote ${counter}`,
        stage: 'fruehkindliche-bildung',
        unit: 'percent',
        definition: 'Eine Quote für Tests.',
        source: 'Teststatistik',
        preferredDirection: 'higher',
        periodicity: 'year',
        thresholds: [{ value: 30, label: 'Mindestversorgung' }],
        ...overrides,
      })
      .expect(201);
    return key;
  }

  const readEventsOfStream = (streamId: string) => service.app.get<EventStore>(EVENT_STORE).readStream(streamId);

  const importCsv = (csv: string) =>
    http().post('/measurements/imports').set(as(auth.coordinator)).set('Content-Type', 'text/csv').send(csv);

  describe('the catalogue', () => {
    it('is seeded with the starter catalogue of every stage and lists the 35 regions', async () => {
      const catalogue = await eventuallyPasses(async () => {
        const response = await http().get('/indicators').set(as(auth.actorToken)).expect(200);
        expect(response.body.length).toBeGreaterThanOrEqual(23);
        return response.body as { key: string; stage: string }[];
      });
      expect(new Set(catalogue.map((indicator) => indicator.stage)).size).toBe(6);
      expect(catalogue.map((indicator) => indicator.key)).toContain('betreuungsquote-u3');
      const regions = await http().get('/regions').set(as(auth.actorToken)).expect(200);
      expect(regions.body).toHaveLength(35);
      expect(regions.body).toContainEqual({ key: BRAMSCHE, name: 'Bramsche', kind: 'stadt' });
    });

    it('defines, revises with If-Match and sets thresholds; a stale If-Match is refused', async () => {
      const key = await defineIndicator();
      const first = await http().get(`/indicators/${key}`).set(as(auth.auditor)).expect(200);
      expect(first.headers['etag']).toBe('"0"');
      await http()
        .post(`/indicators/${key}/revisions`)
        .set(as(auth.coordinator))
        .set('If-Match', '"0"')
        .send({ reason: 'Kurzname', changes: { name: 'Quote' } })
        .expect(200);
      const stale = await http()
        .post(`/indicators/${key}/thresholds`)
        .set(as(auth.coordinator))
        .set('If-Match', '"0"')
        .send({ thresholds: [] })
        .expect(409);
      expect(stale.body).toMatchObject({ code: 'stale-revision', currentRevision: 1 });
      await http()
        .post(`/indicators/${key}/thresholds`)
        .set(as(auth.coordinator))
        .set('If-Match', '"1"')
        .send({ thresholds: [{ value: 25, label: 'Untergrenze' }] })
        .expect(200);
      const now = await http().get(`/indicators/${key}`).set(as(auth.auditor)).expect(200);
      expect(now.body.indicator).toMatchObject({ name: 'Quote', thresholds: [{ value: 25, label: 'Untergrenze' }] });
      const history = await http().get(`/indicators/${key}/history`).set(as(auth.auditor)).expect(200);
      expect(history.body.items.map((entry: { type: string }) => entry.type)).toEqual([
        'IndicatorDefined',
        'IndicatorRevised',
        'ThresholdsSet',
      ]);
      expect(history.body.items[1]).toMatchObject({ reason: 'Kurzname' });
    });

    it('refuses bad definitions with every wrong field named and records nothing', async () => {
      const before = (await http().get('/audit').set(as(auth.auditor)).expect(200)).body.streamsChecked;
      const response = await http()
        .post('/indicators')
        .set(as(auth.coordinator))
        .send({ key: 'Bad Key', name: '', unit: 'furlongs', extra: 1 })
        .expect(400);
      const fields = (response.body.errors as { field: string }[]).map((error) => error.field);
      expect(fields).toEqual(expect.arrayContaining(['body.key', 'body.name', 'body.unit', 'body.stage', 'body']));
      await http()
        .post('/indicators')
        .set(as(auth.coordinator))
        .send({
          key: 'betreuungsquote-u3',
          name: 'x',
          stage: 'hochschule',
          unit: 'count',
          definition: 'x',
          source: 'x',
          preferredDirection: 'none',
          periodicity: 'year',
        })
        .expect(409);
      expect((await http().get('/audit').set(as(auth.auditor)).expect(200)).body.streamsChecked).toBe(before);
    });

    it('lets auditors and actors read but not write, and nobody without a token', async () => {
      await http().post('/measurements').set(as(auth.auditor)).send({}).expect(403);
      await http()
        .post('/measurements/imports')
        .set(as(auth.actorToken))
        .set('Content-Type', 'text/csv')
        .send('a')
        .expect(403);
      await http().get('/indicators').expect(401);
      await http().get('/indicators/betreuungsquote-u3/history').set(as(auth.actorToken)).expect(403);
    });
  });

  describe('measurements', () => {
    it('records a measurement, answers a repeat with nothing new, refuses a different value and corrects it with a reason', async () => {
      const key = await defineIndicator();
      const body = { indicatorKey: key, regionKey: BRAMSCHE, period: '2025', value: 31.5 };
      const first = await http()
        .post('/measurements')
        .set(as(auth.coordinator))
        .set('X-Correlation-Id', 'kjh-2025')
        .send(body)
        .expect(201);
      expect(first.body.events.map((event: { type: string }) => event.type)).toEqual(['MeasurementRecorded']);
      const again = await http().post('/measurements').set(as(auth.coordinator)).send(body).expect(201);
      expect(again.body).toMatchObject({ measurementId: first.body.measurementId, events: [] });
      const conflict = await http()
        .post('/measurements')
        .set(as(auth.coordinator))
        .send({ ...body, value: 33 })
        .expect(409);
      expect(conflict.body.detail).toContain('already recorded with the value 31.5');
      await http()
        .post(`/indicators/${key}/corrections`)
        .set(as(auth.coordinator))
        .send({ regionKey: BRAMSCHE, period: '2025', value: 33 })
        .expect(400);
      await http()
        .post(`/indicators/${key}/corrections`)
        .set(as(auth.coordinator))
        .send({ regionKey: BRAMSCHE, period: '2025', value: 33, reason: 'Nachmeldung des Trägers' })
        .expect(200);
      const series = await eventuallyPasses(async () => {
        const response = await http()
          .get(`/indicators/${key}/series?region=${BRAMSCHE}`)
          .set(as(auth.actorToken))
          .expect(200);
        expect(response.body.points[0]).toMatchObject({ period: '2025', value: 33, corrected: true });
        return response.body;
      });
      expect(series.regionName).toBe('Bramsche');
    });

    it.each([
      ['an unknown municipality', { regionKey: '03459099' }, 422, 'region 03459099'],
      ['a school year for a yearly indicator', { period: '2025/26' }, 422, 'not a valid year'],
      ['a percentage above 100', { value: 140 }, 422, 'between 0 and 100'],
      ['a value that is text', { value: '31' }, 400, 'body.value'],
      ['an operator object as region', { regionKey: { $ne: '' } }, 400, 'body.regionKey'],
    ])('refuses %s and records nothing', async (_case, change, status, message) => {
      const key = await defineIndicator();
      const response = await http()
        .post('/measurements')
        .set(as(auth.coordinator))
        .send({ indicatorKey: key, regionKey: BRAMSCHE, period: '2025', value: 31, ...change })
        .expect(status);
      expect(JSON.stringify(response.body)).toContain(message);
      const indicator = await http().get(`/indicators/${key}`).set(as(auth.auditor)).expect(200);
      expect(indicator.body).toMatchObject({ revision: 0, indicator: { measurementCount: 0, periods: [] } });
    });

    it('answers a measurement or release of an indicator that does not exist with 422, not 404', async () => {
      const measurement = await http()
        .post('/measurements')
        .set(as(auth.coordinator))
        .send({ indicatorKey: 'gibt-es-nicht', regionKey: BRAMSCHE, period: '2025', value: 31 })
        .expect(422);
      expect(measurement.body).toMatchObject({
        code: 'unknown-indicator',
        detail: 'There is no indicator gibt-es-nicht.',
      });
      const release = await http()
        .post('/releases')
        .set(as(auth.coordinator))
        .send({ title: 'Bildungsbericht', periods: ['2025'], indicatorKeys: ['gibt-es-nicht'] })
        .expect(422);
      expect(release.body.code).toBe('unknown-indicator');
    });

    it('publishes measurement recorded and threshold breached with who recorded it', async () => {
      const key = await defineIndicator();
      await http()
        .post('/measurements')
        .set(as(auth.coordinator))
        .send({ indicatorKey: key, regionKey: MELLE, period: '2024', value: 32 })
        .expect(201);
      await http()
        .post('/measurements')
        .set(as(auth.coordinator))
        .set('X-Correlation-Id', 'melle-2025')
        .send({ indicatorKey: key, regionKey: MELLE, period: '2025', value: 28 })
        .expect(201);
      await eventuallyPasses(() => {
        const mine = published.filter(
          (delivery) => (delivery.event.data as { indicatorKey?: string }).indicatorKey === key,
        );
        expect(mine.map((delivery) => delivery.event.type)).toEqual([
          'bildung.monitoring.measurement-recorded.v1',
          'bildung.monitoring.measurement-recorded.v1',
          'bildung.monitoring.threshold-breached.v1',
        ]);
        expect(mine[2]?.event).toMatchObject({
          correlationId: 'melle-2025',
          data: { regionKey: MELLE, value: 28, threshold: 30, preferredDirection: 'higher' },
        });
        expect(mine[1]?.event.data).toMatchObject({ recordedBy: { role: 'coordinator' } });
      });
    });
  });

  describe('CSV import', () => {
    it('records the good rows, reports every bad row by line, and records nothing twice on a second import', async () => {
      const key = await defineIndicator();
      const csv = [
        'indicator;region;period;value;sex',
        `${key};${BRAMSCHE};2024;31,5;`,
        `${key};${MELLE};2024;29;`,
        `${key};03459099;2024;30;`,
        `${key};${MELLE};2024;12;weiblich`,
        `${key};${BRAMSCHE};2024;abc;`,
        `unbekannt-1;${BRAMSCHE};2024;30;`,
        `${key};${BRAMSCHE};2025`,
      ].join('\n');
      const first = await importCsv(csv).expect(201);
      expect(first.body).toMatchObject({ rows: 7, recorded: 3, unchanged: 0, rejected: 4 });
      expect(first.body.rejectionsByReason).toEqual([
        { reason: expect.stringContaining('region 03459099'), count: 1, lines: [[4, 4]] },
        { reason: 'value is not a number', count: 1, lines: [[6, 6]] },
        { reason: expect.stringContaining('no indicator unbekannt-1'), count: 1, lines: [[7, 7]] },
        { reason: 'has 3 fields, the header has 5', count: 1, lines: [[8, 8]] },
      ]);
      const byLine = await http()
        .get(`/measurements/imports/${first.body.importId}/rejections?limit=3`)
        .set(as(auth.auditor))
        .expect(200);
      expect(byLine.body).toEqual({
        total: 4,
        items: [
          { line: 4, reason: expect.stringContaining('region 03459099') },
          { line: 6, reason: 'value is not a number' },
          { line: 7, reason: expect.stringContaining('no indicator unbekannt-1') },
        ],
      });
      const second = await importCsv(csv).expect(201);
      expect(second.body).toMatchObject({ recorded: 0, unchanged: 3, rejected: 4 });
      const indicator = await http().get(`/indicators/${key}`).set(as(auth.auditor)).expect(200);
      expect(indicator.body.indicator).toMatchObject({ measurementCount: 3, periods: ['2024'] });
      const report = await http().get(`/measurements/imports/${first.body.importId}`).set(as(auth.auditor)).expect(200);
      expect(report.body).toMatchObject({ recorded: 3, sha256: first.body.sha256, importedBy: expect.any(String) });
      const list = await eventuallyPasses(async () => {
        const response = await http().get('/measurements/imports').set(as(auth.auditor)).expect(200);
        expect(response.body.map((entry: { id: string }) => entry.id)).toEqual(
          expect.arrayContaining([first.body.importId, second.body.importId]),
        );
        return response.body as { id: string; recorded: number; unchanged: number }[];
      });
      expect(list.find((entry) => entry.id === second.body.importId)).toMatchObject({
        recorded: 0,
        unchanged: 3,
        rejected: 4,
      });
    });

    it('keeps the report of a file of 100,000 bad rows small, and pages its rows', async () => {
      const key = await defineIndicator();
      const csv = [
        'indicator;region;period;value',
        ...Array.from({ length: 100_000 }, () => `${key};${BRAMSCHE};2024;k.A.`),
      ];
      const imported = await importCsv(csv.join('\n')).expect(201);
      expect(imported.body).toMatchObject({
        rows: 100_000,
        rejected: 100_000,
        rejectionsByReason: [{ reason: 'value is not a number', count: 100_000, lines: [[2, 100_001]] }],
      });
      expect(imported.text.length).toBeLessThan(2_000);
      const [stored] = await readEventsOfStream(`import-${imported.body.importId}`);
      expect(JSON.stringify(stored?.data).length).toBeLessThan(2_000);
      const page = await http()
        .get(`/measurements/imports/${imported.body.importId}/rejections?offset=99997&limit=5`)
        .set(as(auth.auditor))
        .expect(200);
      expect(page.body).toEqual({
        total: 100_000,
        items: [
          { line: 99_999, reason: 'value is not a number' },
          { line: 100_000, reason: 'value is not a number' },
          { line: 100_001, reason: 'value is not a number' },
        ],
      });
    });

    it('refuses a file over 20 MB with 413, sent as CSV or as an upload, and records nothing', async () => {
      const key = await defineIndicator();
      const oversized = `indicator;region;period;value\n${`${key};${BRAMSCHE};2024;31,5\n`.repeat(800_000)}`;
      expect(Buffer.byteLength(oversized)).toBeGreaterThan(20 * 1024 * 1024);
      expect((await importCsv(oversized).expect(413)).body.code).toBe('payload-too-large');
      const upload = await http()
        .post('/measurements/imports')
        .set(as(auth.coordinator))
        .attach('file', Buffer.from(oversized), 'gross.csv')
        .expect(413);
      expect(upload.headers['content-type']).toMatch(/^application\/problem\+json/);
      const indicator = await http().get(`/indicators/${key}`).set(as(auth.auditor)).expect(200);
      expect(indicator.body.indicator.measurementCount).toBe(0);
    });

    it('imports a multipart upload and refuses a file without the required columns', async () => {
      const key = await defineIndicator();
      const upload = await http()
        .post('/measurements/imports')
        .set(as(auth.coordinator))
        .attach('file', Buffer.from(`indicator,region,period,value\n${key},${BRAMSCHE},2023,27.5\n`), 'kjh-2023.csv')
        .expect(201);
      expect(upload.body).toMatchObject({ fileName: 'kjh-2023.csv', recorded: 1 });
      const missing = await importCsv('indicator,region,value\nx,03459,1\n').expect(422);
      expect(missing.body.detail).toContain('lacks the column period');
      await http().post('/measurements/imports').set(as(auth.coordinator)).send({ rows: [] }).expect(415);
    });
  });

  describe('queries', () => {
    it('compares all municipalities for a period, ranked by the preferred direction, and names those without a value', async () => {
      const key = await defineIndicator({ preferredDirection: 'lower', thresholds: [] });
      await importCsv(
        `indicator,region,period,value\n${key},${BRAMSCHE},2025,12\n${key},${MELLE},2025,8\n${key},03459,2025,10\n${key},${MELLE},2024,9\n`,
      ).expect(201);
      const comparison = await eventuallyPasses(async () => {
        const response = await http()
          .get(`/indicators/${key}/comparison?period=2025`)
          .set(as(auth.actorToken))
          .expect(200);
        // The four rows may reach the read model in more than one write (FerretDB has no transactions).
        expect(response.body).toMatchObject({ ranking: [{}, {}], landkreis: 10 });
        return response.body;
      });
      expect(
        comparison.ranking.map((entry: { regionName: string; rank: number }) => [entry.rank, entry.regionName]),
      ).toEqual([
        [1, 'Melle'],
        [2, 'Bramsche'],
      ]);
      expect(comparison.landkreis).toBe(10);
      expect(comparison.missing).toHaveLength(32);
      await eventuallyPasses(async () => {
        const latest = await http()
          .get(`/measurements/latest?indicator=${key}&region=${MELLE}`)
          .set(as(auth.actorToken))
          .expect(200);
        expect(latest.body).toEqual([expect.objectContaining({ period: '2025', value: 8 })]);
      });
      const indicator = await http().get(`/indicators/${key}`).set(as(auth.actorToken)).expect(200);
      expect(indicator.body.indicator.periods).toEqual(['2024', '2025']);
      await http().get(`/indicators/${key}/comparison?period=[$ne]`).set(as(auth.actorToken)).expect(400);
      await http().get(`/indicators/${key}/series?region=03459099`).set(as(auth.actorToken)).expect(400);
    });

    it('publishes a release of the indicators measured in its periods', async () => {
      const key = await defineIndicator();
      await http()
        .post('/measurements')
        .set(as(auth.coordinator))
        .send({ indicatorKey: key, regionKey: BRAMSCHE, period: '2019', value: 31 })
        .expect(201);
      await eventuallyPasses(async () => {
        const response = await http()
          .post('/releases')
          .set(as(auth.coordinator))
          .send({ title: 'Bildungsbericht 2019', periods: ['2019'], indicatorKeys: [key] })
          .expect(201);
        expect(response.body.indicatorKeys).toEqual([key]);
      });
      await http()
        .post('/releases')
        .set(as(auth.coordinator))
        .send({ title: 'Leer', periods: ['1990'], indicatorKeys: [key] })
        .expect(422);
      await eventuallyPasses(async () => {
        const releases = await http().get('/releases').set(as(auth.actorToken)).expect(200);
        expect(releases.body.map((release: { title: string }) => release.title)).toContain('Bildungsbericht 2019');
      });
    });
  });

  describe('operations', () => {
    it('reports health, metrics and the OpenAPI document', async () => {
      await eventuallyPasses(async () =>
        expect((await http().get('/health').expect(200)).body).toMatchObject({
          status: 'ok',
          eventStore: { status: 'up' },
        }),
      );
      expect((await http().get('/metrics').expect(200)).text).toContain('monitoring_commands_total');
      const openapi = await http().get('/docs/openapi.json').expect(200);
      expect(Object.keys(openapi.body.paths)).toEqual(
        expect.arrayContaining(['/measurements/imports', '/indicators/{key}/comparison', '/regions']),
      );
    });
  });
  describe('audit', () => {
    it('verifies the chains and finds a changed byte in the file', async () => {
      const key = await defineIndicator();
      await http()
        .post('/measurements')
        .set(as(auth.coordinator))
        .send({ indicatorKey: key, regionKey: BRAMSCHE, period: '2025', value: 31.25 })
        .expect(201);
      expect((await http().get(`/indicators/${key}/audit`).set(as(auth.auditor)).expect(200)).body).toMatchObject({
        valid: true,
      });
      await service.close();
      changeBytesInFile(sqliteFile(), '31.25', '91.25');
      service = await startMonitoring(environment());
      const audit = await http().get(`/indicators/${key}/audit`).set(as(auth.auditor)).expect(200);
      expect(audit.body).toMatchObject({ valid: false });
    });
  });
}
