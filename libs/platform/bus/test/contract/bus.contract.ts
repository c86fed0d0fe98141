import { deadLetterTopicOf, IntegrationEvent, Topics } from '@bildungsregion/contracts';
import { eventually } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import {
  BusSubscription,
  BusTransport,
  DeadLetter,
  Delivery,
  encodeCloudEvent,
  InvalidIntegrationEventError,
  TransportBus,
} from '../../src';
import { measurementRecorded, valueOf } from '../support/messages';

export interface BusUnderTest {
  readonly bus: TransportBus;
  /** The transport below the bus, to put records on the wire that the bus itself would refuse. */
  readonly transport: BusTransport;
}

export interface BusContractOptions {
  /** A bus whose topics carry the given namespace, so tests never see each other's messages. */
  create(topicNamespace: string): Promise<BusUnderTest>;
  /** How long a delivery may take on this adapter. */
  readonly timeoutMs: number;
}

const topic = Topics.monitoring;
const retry = { maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 50 };

/** The bus semantics every adapter must have. */
export function busContract(options: BusContractOptions): void {
  let underTest: BusUnderTest;
  const subscriptions: BusSubscription[] = [];

  beforeEach(async () => {
    underTest = await options.create(`t${randomUUID().slice(0, 8)}`);
    await underTest.bus.ensureTopics([topic]);
  });

  afterEach(async () => {
    await Promise.all(subscriptions.splice(0).map((subscription) => subscription.stop()));
    await underTest.bus.close();
  });

  async function subscribe(groupId: string, handler: (delivery: Delivery) => Promise<void>): Promise<BusSubscription> {
    const subscription = await underTest.bus.subscribe({ groupId, topics: [topic], handler, retry });
    subscriptions.push(subscription);
    return subscription;
  }

  async function collectDeadLetters(): Promise<DeadLetter[]> {
    const deadLetters: DeadLetter[] = [];
    subscriptions.push(
      await underTest.bus.subscribeDeadLetters({
        groupId: `dlq-reader-${randomUUID()}`,
        topics: [topic],
        handler: async (deadLetter) => {
          deadLetters.push(deadLetter);
        },
      }),
    );
    return deadLetters;
  }

  const wait = (condition: () => boolean, describe?: () => string) =>
    eventually(condition, options.timeoutMs, describe);

  it('delivers a published event with its envelope, key and CloudEvents headers', async () => {
    const event = measurementRecorded('03459020', 1, { causationId: randomUUID() });
    await underTest.bus.publish([{ topic, event, headers: { traceparent: '00-abc-def-01' } }]);
    const received: Delivery[] = [];
    await subscribe('readers', async (delivery) => {
      received.push(delivery);
    });
    await wait(() => received.length === 1);
    const [delivery] = received;
    expect(delivery!.event).toEqual(event);
    expect(delivery!.topic).toBe(topic);
    expect(delivery!.key).toBe(event.subject);
    expect(delivery!.attempt).toBe(1);
    expect(delivery!.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_type: event.type,
      ce_source: 'monitoring',
      ce_subject: event.subject,
      ce_time: event.time,
      ce_correlationid: 'bus-contract',
      ce_causationid: event.causationId,
      'content-type': 'application/json',
      traceparent: '00-abc-def-01',
    });
  });

  it('carries the trace context as ce_traceparent, and drops one that is not a W3C traceparent', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const traced = measurementRecorded('03459020', 1, { traceparent });
    const encoded = encodeCloudEvent(measurementRecorded('03459020', 2), 'k');
    const garbled = { ...encoded, headers: { ...encoded.headers, ce_traceparent: 'not-a-trace' } };
    await underTest.bus.publish([{ topic, event: traced }]);
    await underTest.transport.produce(underTest.bus.physicalTopic(topic), [garbled]);
    const received: Delivery[] = [];
    await subscribe('tracing', async (delivery) => {
      received.push(delivery);
    });
    await wait(() => received.length === 2);
    const byValue = (value: number) => received.find((delivery) => valueOf(delivery.event) === value);
    expect(byValue(1)?.headers['ce_traceparent']).toBe(traceparent);
    expect(byValue(1)?.event.traceparent).toBe(traceparent);
    expect(byValue(2)?.event.traceparent).toBeUndefined();
  });

  it('keeps the order of each key across partitions', async () => {
    const keys = ['03459020', '03459021', '03459022', '03459023'];
    const events = Array.from({ length: 25 }, (_, sequence) =>
      keys.map((key) => ({ topic, key, event: measurementRecorded(key, sequence) })),
    ).flat();
    await underTest.bus.publish(events);
    const seen = new Map<string, number[]>();
    await subscribe('ordered', async ({ key, event }) => {
      seen.set(key, [...(seen.get(key) ?? []), valueOf(event)]);
    });
    await wait(() => [...seen.values()].reduce((sum, values) => sum + values.length, 0) >= events.length);
    for (const key of keys) expect(seen.get(key)).toEqual(Array.from({ length: 25 }, (_, sequence) => sequence));
  });

  it('handles the records of other partitions while a handler of one partition waits', async () => {
    const keys = ['03459020', '03459021', '03459022', '03459023', '03459024', '03459025'];
    await underTest.bus.publish(
      keys.map((key, sequence) => ({ topic, key, event: measurementRecorded(key, sequence) })),
    );
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let waiting: number | undefined;
    const handledMeanwhile: number[] = [];
    await subscribe('side-by-side', async ({ partition }) => {
      if (waiting === undefined) {
        waiting = partition;
        // Longer than the test waits, so a consumer that handles one partition after another fails it.
        await Promise.race([released, new Promise((resolve) => setTimeout(resolve, options.timeoutMs * 2))]);
      } else if (partition !== waiting) {
        handledMeanwhile.push(partition);
        release();
      }
    });
    await wait(
      () => handledMeanwhile.length > 0,
      () => `nothing handled while partition ${waiting} waited`,
    );
  });

  it('gives every consumer group every message', async () => {
    await underTest.bus.publish(
      [1, 2, 3].map((sequence) => ({ topic, event: measurementRecorded('03459020', sequence) })),
    );
    const byGroup: Record<string, number[]> = { planning: [], goals: [] };
    for (const group of Object.keys(byGroup)) {
      await subscribe(group, async ({ event }) => {
        byGroup[group]!.push(valueOf(event));
      });
    }
    await wait(() => byGroup['planning']!.length >= 3 && byGroup['goals']!.length >= 3);
    expect(byGroup['planning']!.sort()).toEqual([1, 2, 3]);
    expect(byGroup['goals']!.sort()).toEqual([1, 2, 3]);
  });

  it('refuses to publish a batch with an event that breaks its contract, and publishes none of it', async () => {
    const valid = measurementRecorded('03459020', 1);
    const broken = measurementRecorded('03459020', 2, { data: { value: 'a lot' } });
    await expect(
      underTest.bus.publish([
        { topic, event: valid },
        { topic, event: broken },
      ]),
    ).rejects.toThrow(InvalidIntegrationEventError);
    await expect(underTest.bus.publish([{ topic: Topics.goals, event: valid }])).rejects.toThrow(
      /belongs on bildung.monitoring.v1/,
    );
    const marker = measurementRecorded('03459020', 3);
    await underTest.bus.publish([{ topic, event: marker }]);
    const received: IntegrationEvent[] = [];
    await subscribe('readers', async ({ event }) => {
      received.push(event);
    });
    await wait(() => received.some((event) => event.id === marker.id));
    expect(received.map((event) => event.id)).toEqual([marker.id]);
  });

  it('retries a failing handler with backoff until it succeeds, then moves on', async () => {
    const key = 'same-key';
    await underTest.bus.publish(
      [1, 2].map((sequence) => ({ topic, key, event: measurementRecorded('03459020', sequence) })),
    );
    const attempts: [number, number, number][] = [];
    await subscribe('flaky', async ({ event, attempt }) => {
      attempts.push([valueOf(event), attempt, Date.now()]);
      if (valueOf(event) === 1 && attempt < 3) throw new Error('database briefly unavailable');
    });
    await wait(() => attempts.some(([value]) => value === 2));
    expect(attempts.map(([value, attempt]) => [value, attempt])).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
      [2, 1],
    ]);
    // Lower bounds only: a busy machine makes waits longer, never shorter. The second wait doubles.
    expect(attempts[1]![2] - attempts[0]![2]).toBeGreaterThanOrEqual(retry.initialBackoffMs - 1);
    expect(attempts[2]![2] - attempts[1]![2]).toBeGreaterThanOrEqual(2 * retry.initialBackoffMs - 1);
  });

  it('moves a message that keeps failing to the dead-letter topic with the error, and handles the next one', async () => {
    const key = 'same-key';
    const poison = measurementRecorded('03459020', 1);
    await underTest.bus.publish([poison, measurementRecorded('03459020', 2)].map((event) => ({ topic, key, event })));
    const handled: number[] = [];
    await subscribe('strict', async ({ event }) => {
      if (event.id === poison.id) throw new TypeError('indicator betreuungsquote-u3 is not linked');
      handled.push(valueOf(event));
    });
    const deadLetters = await collectDeadLetters();
    await wait(() => handled.includes(2) && deadLetters.length === 1);
    expect(handled).toEqual([2]);
    expect(deadLetters[0]).toMatchObject({
      topic,
      key,
      error: 'TypeError: indicator betreuungsquote-u3 is not linked',
      attempts: retry.maxAttempts,
      consumerGroup: 'strict',
    });
    expect(JSON.parse(deadLetters[0]!.value)).toEqual(poison.data);
    expect(deadLetters[0]!.headers['ce_id']).toBe(poison.id);
  });

  it('dead-letters a message that does not match its contract without calling the handler', async () => {
    const physical = underTest.bus.physicalTopic(topic);
    const key = 'same-key';
    const unknownType = encodeCloudEvent(
      measurementRecorded('03459020', 1, { type: 'bildung.monitoring.unheard-of.v1' }),
      key,
    );
    const notJson = { ...encodeCloudEvent(measurementRecorded('03459020', 2), key), value: '{"value": 2' };
    const noCloudEvent = { key, value: '{}', headers: {} };
    await underTest.transport.produce(physical, [unknownType, notJson, noCloudEvent]);
    const valid = measurementRecorded('03459020', 3);
    await underTest.bus.publish([{ topic, key, event: valid }]);
    const handled: string[] = [];
    await subscribe('validating', async ({ event }) => {
      handled.push(event.id);
    });
    const deadLetters = await collectDeadLetters();
    await wait(
      () => handled.length === 1 && deadLetters.length === 3,
      () => JSON.stringify({ handled, deadLetters }),
    );
    expect(handled).toEqual([valid.id]);
    expect(deadLetters.map((deadLetter) => [deadLetter.attempts, deadLetter.error])).toEqual([
      [0, 'rejected before handling: unknown event type bildung.monitoring.unheard-of.v1'],
      [0, expect.stringMatching(/^rejected before handling: value is not JSON/)],
      [0, 'rejected before handling: not a CloudEvents 1.0 message (ce_specversion is missing)'],
    ]);
    expect(deadLetters[1]!.value).toBe('{"value": 2');
  });

  it('reports how many messages a group has not handled yet, and none once it has', async () => {
    await underTest.bus.publish(
      [1, 2, 3].map((sequence) => ({ topic, event: measurementRecorded('03459020', sequence) })),
    );
    expect(await underTest.bus.consumerLag('lagging', [topic])).toEqual({ [topic]: 3 });
    const handled: number[] = [];
    await subscribe('lagging', async ({ event }) => {
      handled.push(valueOf(event));
    });
    await wait(() => handled.length === 3);
    await eventually(async () => (await underTest.bus.consumerLag('lagging', [topic]))[topic] === 0, options.timeoutMs);
    expect(await underTest.bus.consumerLag('another-group', [topic])).toEqual({ [topic]: 3 });
  });

  it('keeps a group of one namespace apart from the group of the same name in another', async () => {
    const other = await options.create(`t${randomUUID().slice(0, 8)}`);
    try {
      await other.bus.ensureTopics([topic]);
      await underTest.bus.publish(
        [1, 2].map((sequence) => ({ topic, event: measurementRecorded('03459020', sequence) })),
      );
      await other.bus.publish(
        [7, 8, 9].map((sequence) => ({ topic, event: measurementRecorded('03459020', sequence) })),
      );
      const here: number[] = [];
      const there: number[] = [];
      await subscribe('same-name', async ({ event }) => {
        here.push(valueOf(event));
      });
      subscriptions.push(
        await other.bus.subscribe({
          groupId: 'same-name',
          topics: [topic],
          retry,
          handler: async ({ event }) => {
            there.push(valueOf(event));
          },
        }),
      );
      await wait(
        () => here.length === 2 && there.length === 3,
        () => JSON.stringify({ here, there }),
      );
      expect([here.sort(), there.sort()]).toEqual([
        [1, 2],
        [7, 8, 9],
      ]);
      await eventually(async () => (await other.bus.consumerLag('same-name', [topic]))[topic] === 0, options.timeoutMs);
    } finally {
      await Promise.all(subscriptions.splice(0).map((subscription) => subscription.stop()));
      await other.bus.close();
    }
  });

  it('finishes the message in hand when stopped and commits it, so the group resumes after it', async () => {
    const key = 'same-key';
    await underTest.bus.publish(
      [1, 2, 3].map((sequence) => ({ topic, key, event: measurementRecorded('03459020', sequence) })),
    );
    let release!: () => void;
    const inHand = new Promise<void>((resolve) => (release = resolve));
    const first: number[] = [];
    const subscription = await subscribe('resuming', async ({ event }) => {
      if (valueOf(event) === 2) await inHand;
      first.push(valueOf(event));
    });
    await wait(() => first.includes(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopped = subscription.stop();
    release();
    await stopped;
    expect(first).toEqual([1, 2]);

    const second: number[] = [];
    await subscribe('resuming', async ({ event }) => {
      second.push(valueOf(event));
    });
    await wait(() => second.includes(3));
    expect(second).toEqual([3]);
  });

  it('leaves a message uncommitted when stopped while waiting to retry it', async () => {
    await underTest.bus.publish([{ topic, event: measurementRecorded('03459020', 1) }]);
    const attempts: number[] = [];
    const slowRetry = await underTest.bus.subscribe({
      groupId: 'patient',
      topics: [topic],
      retry: { maxAttempts: 5, initialBackoffMs: 60_000 },
      handler: async ({ attempt }) => {
        attempts.push(attempt);
        throw new Error('not yet');
      },
    });
    await wait(() => attempts.length === 1);
    await slowRetry.stop();

    const redelivered: number[] = [];
    await subscribe('patient', async ({ event, attempt }) => {
      redelivered.push(valueOf(event), attempt);
    });
    await wait(() => redelivered.length === 2);
    expect(redelivered).toEqual([1, 1]);
    expect(deadLetterTopicOf(topic)).toBe('bildung.monitoring.v1.dlq');
  });
}
