import { IntegrationEvent, MeasurementRecorded, Topics } from '@bildungsregion/contracts';
import { InMemoryEventStore, NewEvent, RecordedEvent, StoreCheckpoints } from '@bildungsregion/event-store';
import { InMemoryReadModelStore } from '@bildungsregion/read-models';
import { describeWith, eventually, kafkaForTests } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { Bus, busFromUrl, BusSubscription, PublicEvent, PublishRequest, Relay, TransportBus } from '../src';
import { silentLogger } from './support/silent-logger';

const topic = Topics.monitoring;
const coordinator = { id: 'coordinator-1', role: 'coordinator' };

function measurement(sequence: number): NewEvent {
  return {
    type: 'MeasurementRecorded',
    data: { indicatorKey: 'betreuungsquote-u3', regionKey: '03459020', period: '2025', value: sequence },
    metadata: { actor: coordinator, source: 'monitoring', correlationId: 'import-1' },
  };
}

const internalNote: NewEvent = {
  type: 'ImportStarted',
  data: { rows: 3 },
  metadata: { actor: coordinator, source: 'monitoring' },
};

function toPublicEvent(event: RecordedEvent): PublicEvent | null {
  if (event.type !== 'MeasurementRecorded') return null;
  const data = event.data as { indicatorKey: string; regionKey: string; period: string; value: number };
  return {
    type: MeasurementRecorded.type,
    data: { measurementId: event.streamId, ...data, source: 'LSN', recordedBy: event.metadata.actor },
  };
}

/** A bus that refuses to publish while `down` is set, as a broker outage would. */
class FlakyBus implements Bus {
  down = false;
  attempts = 0;
  constructor(private readonly inner: Bus) {}
  ensureTopics(topics: readonly string[]) {
    return this.inner.ensureTopics(topics);
  }
  async publish(requests: readonly PublishRequest[]) {
    this.attempts++;
    if (this.down) throw new Error('broker not available');
    return this.inner.publish(requests);
  }
  subscribe: Bus['subscribe'] = (request) => this.inner.subscribe(request);
  subscribeDeadLetters: Bus['subscribeDeadLetters'] = (request) => this.inner.subscribeDeadLetters(request);
  consumerLag: Bus['consumerLag'] = (groupId, topics) => this.inner.consumerLag(groupId, topics);
  close() {
    return this.inner.close();
  }
}

function relaySpec(createBus: () => TransportBus, timeoutMs: number): void {
  let store: InMemoryEventStore;
  let checkpoints: InMemoryReadModelStore;
  let bus: FlakyBus;
  let received: IntegrationEvent[];
  let consumer: BusSubscription;
  let name: string;

  beforeEach(async () => {
    store = new InMemoryEventStore();
    checkpoints = new InMemoryReadModelStore();
    bus = new FlakyBus(createBus());
    await bus.ensureTopics([topic]);
    received = [];
    name = `relay-${randomUUID()}`;
    consumer = await bus.subscribe({
      groupId: `reader-${randomUUID()}`,
      topics: [topic],
      handler: async ({ event }) => {
        received.push(event);
      },
    });
  });

  afterEach(async () => {
    await consumer.stop();
    await bus.close();
  });

  const storeCheckpoints = () => new StoreCheckpoints(store, checkpoints);
  const relay = () =>
    new Relay({
      name,
      source: 'monitoring',
      topic,
      store,
      bus,
      checkpoints,
      toPublicEvent,
      retryDelayMs: 20,
      batchSize: 2,
      logger: silentLogger,
    });

  it('publishes the public events of the store in order, keyed by stream, under the stored ids', async () => {
    const first = await store.append('measurement-1', [measurement(1), internalNote, measurement(2)], 'no-stream');
    const running = relay();
    await running.start();
    await eventually(() => received.length === 2, timeoutMs);
    expect(received.map((event) => event.id)).toEqual([first.events[0]!.id, first.events[2]!.id]);
    expect(received[0]).toMatchObject({
      type: MeasurementRecorded.type,
      source: 'monitoring',
      subject: 'measurement-1',
      correlationId: 'import-1',
      causationId: first.events[0]!.id,
      time: first.events[0]!.recordedAt,
    });
    await store.append('measurement-2', [measurement(3)], 'no-stream');
    await eventually(() => received.length === 3, timeoutMs);
    await running.stop();
    expect(await storeCheckpoints().loadCheckpoint(name)).toBe(4);
    expect(await running.status()).toMatchObject({ state: 'stopped', checkpoint: 4, lagEvents: 0 });
  });

  it('resumes from its checkpoint after a restart without losing or repeating events', async () => {
    await store.append('measurement-1', [measurement(1), measurement(2)], 'no-stream');
    const first = relay();
    await first.start();
    await first.stop();
    await store.append('measurement-1', [measurement(3), measurement(4), measurement(5)], 1);
    const second = relay();
    await second.start();
    await eventually(() => received.length === 5, timeoutMs);
    await second.stop();
    expect(received.map((event) => (event.data as { value: number }).value)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps retrying while the bus is down and loses nothing', async () => {
    bus.down = true;
    await store.append('measurement-1', [measurement(1)], 'no-stream');
    const running = relay();
    const started = running.start();
    await eventually(() => bus.attempts >= 3, timeoutMs);
    expect(await running.status()).toMatchObject({
      state: 'retrying',
      lastError: 'broker not available',
      checkpoint: 0,
      lagEvents: 1,
    });
    bus.down = false;
    await started;
    await eventually(() => received.length === 1, timeoutMs);
    await running.stop();
    expect(await storeCheckpoints().loadCheckpoint(name)).toBe(1);
  });

  it('starts over from its checkpoint when reading the store fails', async () => {
    await store.append('measurement-1', [measurement(1), measurement(2)], 'no-stream');
    let failures = 1;
    const subscribe = store.subscribe.bind(store);
    store.subscribe = (options, handler) =>
      subscribe(options, async (event) => {
        if (event.position === 2 && failures-- > 0) throw new Error('disk I/O error');
        await handler(event);
      });
    const running = relay();
    await running.start();
    await eventually(() => received.length === 2, timeoutMs);
    await store.append('measurement-1', [measurement(3)], 1);
    await eventually(() => received.length === 3, timeoutMs);
    await running.stop();
    expect(received.map((event) => (event.data as { value: number }).value)).toEqual([1, 2, 3]);
  });

  it('republishes under the same ids when the checkpoint was lost, so consumers can recognise them', async () => {
    await store.append('measurement-1', [measurement(1), measurement(2)], 'no-stream');
    const first = relay();
    await first.start();
    await first.stop();
    await storeCheckpoints().saveCheckpoint(name, 0);
    const second = relay();
    await second.start();
    await eventually(() => received.length === 4, timeoutMs);
    await second.stop();
    expect(received.slice(2).map((event) => event.id)).toEqual(received.slice(0, 2).map((event) => event.id));
  });
}

describe('relay over the in-memory bus', () => {
  relaySpec(() => busFromUrl('memory:', { logger: silentLogger }), 5_000);
});

describeWith(kafkaForTests(), 'relay over Kafka', (brokers) => {
  relaySpec(
    () =>
      busFromUrl(`kafka://${brokers}`, { logger: silentLogger, topicNamespace: `relay${randomUUID().slice(0, 8)}` }),
    30_000,
  );
});
