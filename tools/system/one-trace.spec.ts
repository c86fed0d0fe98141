import { RecordedEvent, SqliteEventStore } from '@bildungsregion/event-store';
import { eventually, useTempDir } from '@bildungsregion/testing';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { authHeaders, call, ServiceProcess, startService } from './support/service-process';

const PORTS = { goals: 3945, monitoring: 3946 };
const BRAMSCHE = '03459014';

interface CollectedSpan {
  readonly service: string;
  readonly name: string;
  readonly kind: number;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
}

/** An OTLP/HTTP collector on a free port that keeps every span it is sent (JSON encoding). */
async function startCollector(): Promise<{ url: string; spans: CollectedSpan[]; server: Server }> {
  const spans: CollectedSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        resourceSpans: {
          resource: { attributes: { key: string; value: { stringValue?: string } }[] };
          scopeSpans: { spans: Omit<CollectedSpan, 'service'>[] }[];
        }[];
      };
      for (const { resource, scopeSpans } of body.resourceSpans) {
        const service = resource.attributes.find((attribute) => attribute.key === 'service.name')?.value.stringValue;
        for (const { spans: sent } of scopeSpans)
          for (const span of sent) spans.push({ ...span, service: service ?? '' });
      }
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, server };
}

/**
 * One trace across services: a measurement posted to monitoring and the progress it causes in goals,
 * as separate processes on the embedded defaults, exporting to a collector in the test.
 */
describe('one trace from POST /measurements to the goal’s ProgressRecorded', () => {
  const dir = useTempDir();
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let goals: ServiceProcess;
  let monitoring: ServiceProcess;

  beforeAll(async () => {
    collector = await startCollector();
    const environment = (service: string) => ({
      EVENT_STORE_URL: `sqlite:${join(dir(), `${service}.sqlite`)}`,
      BUS_URL: `sqlite:${join(dir(), 'bus.sqlite')}`,
      READ_MODELS_URL: 'memory:',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    [goals, monitoring] = await Promise.all([
      startService('goals', PORTS.goals, environment('goals')),
      startService('monitoring', PORTS.monitoring, environment('monitoring')),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([goals?.stop(), monitoring?.stop()]);
    await new Promise((resolve) => collector?.server.close(resolve));
  });

  it('links the request, the command, the publication, the delivery and the reacting command in one trace', async () => {
    const auth = await authHeaders();
    const drafted = await call<{ goalId: string }>(`${goals.url}/goals`, {
      headers: auth.coordinator,
      body: {
        title: 'Betreuungsquote U3 in Bramsche',
        description: 'Folgt dem Bildungsmonitoring.',
        stage: 'fruehkindliche-bildung',
        regionKeys: [BRAMSCHE],
        parties: [{ id: 'stadt-bramsche', name: 'Stadt Bramsche', role: 'responsible' }],
        indicator: { key: 'betreuungsquote-u3', regionKey: BRAMSCHE },
        baseline: { value: 30, date: '2026-01-01' },
        target: { value: 40, dueDate: '2028-12-31' },
        unit: '%',
        direction: 'higher',
      },
    });
    const { goalId } = drafted.body;
    for (const [path, body] of [
      ['proposal', {}],
      ['consents', { partyId: 'stadt-bramsche' }],
      ['agreement', { authority: 'Kreisausschuss, Beschluss 2026/041', effectiveOn: '2026-01-15' }],
    ] as const)
      expect((await call(`${goals.url}/goals/${goalId}/${path}`, { headers: auth.coordinator, body })).status).toBe(
        200,
      );

    const recorded = await call(`${monitoring.url}/measurements`, {
      headers: auth.coordinator,
      body: { indicatorKey: 'betreuungsquote-u3', regionKey: BRAMSCHE, period: '2026', value: 32.5 },
    });
    expect(recorded.status).toBe(201);

    const store = new SqliteEventStore({ file: join(dir(), 'goals.sqlite') });
    let progress: RecordedEvent | undefined;
    await eventually(async () => {
      progress = (await store.readStream(`goal-${goalId}`)).find((event) => event.type === 'ProgressRecorded');
      return progress !== undefined;
    }, 30_000);
    await store.close();
    const [, traceId, spanId] = (progress?.metadata.traceparent ?? '').split('-');
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);

    const inTrace = () => collector.spans.filter((span) => span.traceId === traceId);
    const named = (service: string, name: string) =>
      inTrace().find((span) => span.service === service && span.name === name);
    const chain = [
      ['monitoring', 'POST /measurements'],
      ['monitoring', 'decide indicator'],
      ['monitoring', 'publish bildung.monitoring.v1'],
      ['goals', 'consume bildung.monitoring.v1'],
      ['goals', 'decide goal'],
    ] as const;
    // Each service exports in batches, so the spans arrive over a moment.
    await eventually(
      () => chain.every(([service, name]) => named(service, name) !== undefined),
      30_000,
      () => `spans of trace ${traceId}: ${JSON.stringify(inTrace().map(({ service, name }) => `${service}: ${name}`))}`,
    );
    const [request, measurement, publish, consume, reaction] = chain.map(([service, name]) => named(service, name));
    expect(request?.parentSpanId ?? '').toBe('');
    expect(measurement?.parentSpanId).toBe(request?.spanId);
    expect(publish?.parentSpanId).toBe(measurement?.spanId);
    expect(consume?.parentSpanId).toBe(publish?.spanId);
    expect(reaction?.parentSpanId).toBe(consume?.spanId);
    // The stored event names the goals command it was recorded in.
    expect(reaction?.spanId).toBe(spanId);
  }, 120_000);
});
