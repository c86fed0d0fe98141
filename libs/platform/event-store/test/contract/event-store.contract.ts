import { randomUUID } from 'node:crypto';
import {
  DuplicateEventIdError,
  EventStore,
  InvalidEventError,
  RecordedEvent,
  StreamChainVerifier,
  WrongExpectedRevisionError,
} from '../../src';
import { eventually } from '@bildungsregion/testing';
import { newEvent, uniqueCategory } from '../support/events';

export interface EventStoreUnderTest {
  create(): Promise<EventStore>;
  /** Simulates a restart: closes the store and opens the same data again. */
  restart(store: EventStore): Promise<EventStore>;
  /** Whether global positions are gap-free (1, 2, 3, …); EventStoreDB positions are log offsets. */
  readonly gapFreePositions: boolean;
}

function expectValidChain(events: readonly RecordedEvent[]): void {
  const verifier = new StreamChainVerifier(events[0]!.streamId);
  for (const event of events) expect(verifier.check(event)).toBeUndefined();
}

/** The behaviour every event store adapter must show. */
export function eventStoreContract(adapter: EventStoreUnderTest): void {
  let store: EventStore;
  let category: string;
  let stream: string;

  beforeEach(async () => {
    store = await adapter.create();
    category = uniqueCategory();
    stream = `${category}-${randomUUID()}`;
  });

  afterEach(async () => {
    await store.close();
  });

  describe('append and read a stream', () => {
    it('appends to a new stream and reads back the full envelope', async () => {
      const result = await store.append(
        stream,
        [
          newEvent(
            'ZielvereinbarungEntworfen',
            { title: 'Sprachförderung in Kitas' },
            { correlationId: 'corr-1', causationId: 'cmd-1' },
          ),
          newEvent(
            'ZielvereinbarungVorgeschlagen',
            {},
            { reason: 'Abstimmung', authority: 'Steuergruppe 2026/3', effectiveAt: '2026-03-01' },
          ),
        ],
        'no-stream',
      );
      expect(result.revision).toBe(1);
      const events = await store.readStream(stream);
      expect(events.map((e) => [e.revision, e.type])).toEqual([
        [0, 'ZielvereinbarungEntworfen'],
        [1, 'ZielvereinbarungVorgeschlagen'],
      ]);
      expect(events).toEqual(result.events);
      const [drafted, proposed] = events as [RecordedEvent, RecordedEvent];
      expect(drafted.metadata).toMatchObject({
        actor: { id: 'user-koordination-1', role: 'coordinator' },
        correlationId: 'corr-1',
        causationId: 'cmd-1',
        source: 'contract-test',
        schemaVersion: 1,
        effectiveAt: drafted.recordedAt,
      });
      expect(proposed.metadata).toMatchObject({
        reason: 'Abstimmung',
        authority: 'Steuergruppe 2026/3',
        effectiveAt: '2026-03-01T00:00:00.000Z',
      });
      expect(proposed.metadata.correlationId).toBe(proposed.id);
      expect(proposed.position).toBeGreaterThan(drafted.position);
      expect(proposed.metadata.prevHash).toBe(drafted.metadata.hash);
      expectValidChain(events);
    });

    it('reports the last revision, or null for a stream that does not exist', async () => {
      expect(await store.lastRevision(stream)).toBeNull();
      await store.append(stream, [newEvent('A', {}), newEvent('B', {}), newEvent('C', {})], 'no-stream');
      expect(await store.lastRevision(stream)).toBe(2);
      expect(await store.readStream(`${category}-missing`)).toEqual([]);
    });

    it('reads forwards and backwards within bounds', async () => {
      await store.append(
        stream,
        Array.from({ length: 10 }, (_, i) => newEvent('Counted', { i })),
        'no-stream',
      );
      const revisions = (events: RecordedEvent[]) => events.map((e) => e.revision);
      expect(revisions(await store.readStream(stream, { fromRevision: 3, maxCount: 4 }))).toEqual([3, 4, 5, 6]);
      expect(revisions(await store.readStream(stream, { direction: 'backwards', maxCount: 3 }))).toEqual([9, 8, 7]);
      expect(revisions(await store.readStream(stream, { direction: 'backwards', fromRevision: 2 }))).toEqual([2, 1, 0]);
      expect(revisions(await store.readStream(stream, { fromRevision: 8 }))).toEqual([8, 9]);
      expect(await store.readStream(stream, { fromRevision: 10 })).toEqual([]);
    });
  });

  describe('expected revision', () => {
    it('rejects no-stream on an existing stream and a stale exact revision, and writes nothing', async () => {
      await store.append(stream, [newEvent('A', {})], 'no-stream');
      await expect(store.append(stream, [newEvent('B', {})], 'no-stream')).rejects.toMatchObject({
        constructor: WrongExpectedRevisionError,
        streamId: stream,
        expected: 'no-stream',
        actual: 0,
      });
      await expect(store.append(stream, [newEvent('B', {})], 5)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.lastRevision(stream)).toBe(0);
    });

    it('accepts the exact revision and any', async () => {
      await store.append(stream, [newEvent('A', {})], 'no-stream');
      await store.append(stream, [newEvent('B', {})], 0);
      await store.append(stream, [newEvent('C', {})], 'any');
      await expect(store.append(`${category}-other`, [newEvent('D', {})], 0)).rejects.toMatchObject({ actual: null });
      expect(await store.lastRevision(stream)).toBe(2);
      expectValidChain(await store.readStream(stream));
    });

    it('lets exactly one of two writers at the same revision win; the other gets a typed conflict', async () => {
      await store.append(stream, [newEvent('A', {})], 'no-stream');
      const outcomes = await Promise.allSettled([
        store.append(stream, [newEvent('FromWriterOne', {})], 0),
        store.append(stream, [newEvent('FromWriterTwo', {})], 0),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const [rejected] = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(rejected?.reason).toBeInstanceOf(WrongExpectedRevisionError);
      const events = await store.readStream(stream);
      expect(events).toHaveLength(2);
      expectValidChain(events);
    });
  });

  describe('idempotent append', () => {
    it('returns the first result for the same event ids and never duplicates', async () => {
      const batch = [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })];
      const first = await store.append(stream, batch, 'no-stream');
      const retried = await store.append(stream, batch, 'no-stream');
      expect(retried.revision).toBe(first.revision);
      expect(retried.position).toBe(first.position);
      expect(retried.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
      await store.append(stream, [newEvent('C', {})], 1);
      const again = await store.append(stream, batch, 'any');
      expect(again.revision).toBe(1);
      expect(await store.readStream(stream)).toHaveLength(3);
      expect(await store.readAll({ filter: { categories: [category] } })).toHaveLength(3);
    });

    it('refuses a known event id carrying different content', async () => {
      const id = randomUUID();
      await store.append(stream, [newEvent('A', { n: 1 }, {}, id)], 'no-stream');
      await expect(store.append(stream, [newEvent('A', { n: 2 }, {}, id)], 'any')).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect(await store.lastRevision(stream)).toBe(0);
    });
  });

  describe('validation', () => {
    it('rejects malformed events with a message that says what is wrong, and writes nothing', async () => {
      await expect(store.append(stream, [newEvent('A', {}, {}, 'not-a-uuid')], 'any')).rejects.toThrow(/not a UUID/);
      await expect(store.append(stream, [], 'any')).rejects.toBeInstanceOf(InvalidEventError);
      await expect(store.append(stream, [newEvent('', {})], 'any')).rejects.toThrow(/needs a type/);
      await expect(store.append(stream, [newEvent('A', {}, { effectiveAt: 'yesterday' })], 'any')).rejects.toThrow(
        /effectiveAt/,
      );
      await expect(store.append(stream, [newEvent('A', {})], -3)).rejects.toThrow(/Expected revision/);
      await expect(store.append(stream, [newEvent('A', [1, 2])], 'any')).rejects.toThrow(/JSON object/);
      await expect(store.append(stream, [newEvent('A', { n: 1n })], 'any')).rejects.toThrow(/not JSON/);
      await expect(
        store.append(stream, [{ type: 'A', data: {}, metadata: { source: 'x' } } as never], 'any'),
      ).rejects.toThrow(/actor/);
      expect(await store.lastRevision(stream)).toBeNull();
    });
  });

  describe('global order', () => {
    it('reads all events in commit order from a checkpoint, filtered by category and type', async () => {
      const other = uniqueCategory('other');
      await store.append(`${category}-1`, [newEvent('Drafted', { n: 1 }), newEvent('Proposed', { n: 2 })], 'no-stream');
      await store.append(`${other}-1`, [newEvent('Drafted', { n: 3 })], 'no-stream');
      await store.append(`${category}-2`, [newEvent('Drafted', { n: 4 })], 'no-stream');

      const ours = await store.readAll({ filter: { categories: [category] } });
      expect(ours.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 4]);
      const positions = ours.map((e) => e.position);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);

      const drafted = await store.readAll({ filter: { categories: [category, other], types: ['Drafted'] } });
      expect(drafted.map((e) => (e.data as { n: number }).n)).toEqual([1, 3, 4]);

      const afterFirst = await store.readAll({ after: ours[0]!.position, filter: { categories: [category] } });
      expect(afterFirst.map((e) => (e.data as { n: number }).n)).toEqual([2, 4]);
      expect(
        await store.readAll({ after: ours[0]!.position, maxCount: 1, filter: { categories: [category] } }),
      ).toHaveLength(1);
      if (adapter.gapFreePositions) {
        const all = await store.readAll();
        expect(all.map((e) => e.position)).toEqual(all.map((_, index) => index + 1));
      }
    });
  });

  it('reports the position of its last event as the head', async () => {
    const before = await store.headPosition();
    const { position } = await store.append(stream, [newEvent('Drafted', { n: 1 })], 'no-stream');
    expect(position).toBeGreaterThan(before);
    expect(await store.headPosition()).toBe(position);
  });

  describe('catch-up subscription', () => {
    it('delivers the history, reports being caught up, then follows live appends in order', async () => {
      await store.append(
        `${category}-1`,
        Array.from({ length: 5 }, (_, i) => newEvent('Counted', { i })),
        'no-stream',
      );
      const seen: RecordedEvent[] = [];
      const subscription = store.subscribe({ after: 0, filter: { categories: [category] } }, (event) => {
        seen.push(event);
      });
      await subscription.caughtUp;
      expect(seen).toHaveLength(5);
      await store.append(`${category}-1`, [newEvent('Counted', { i: 5 })], 4);
      await store.append(`${category}-2`, [newEvent('Counted', { i: 6 }), newEvent('Counted', { i: 7 })], 'no-stream');
      await eventually(() => seen.length === 8);
      expect(seen.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(subscription.position).toBe(seen[7]!.position);
      await subscription.close();
      await subscription.done;
    });

    it('resumes after a restart from the checkpoint without repeating or skipping an event', async () => {
      await store.append(
        `${category}-1`,
        Array.from({ length: 3 }, (_, i) => newEvent('Counted', { i })),
        'no-stream',
      );
      const firstRun: number[] = [];
      const first = store.subscribe({ after: 0, filter: { categories: [category] } }, (event) => {
        firstRun.push((event.data as { i: number }).i);
      });
      await first.caughtUp;
      const checkpoint = first.position;
      await first.close();

      await store.append(`${category}-1`, [newEvent('Counted', { i: 3 }), newEvent('Counted', { i: 4 })], 2);
      store = await adapter.restart(store);
      const secondRun: number[] = [];
      const second = store.subscribe({ after: checkpoint, filter: { categories: [category] } }, (event) => {
        secondRun.push((event.data as { i: number }).i);
      });
      await second.caughtUp;
      await second.close();
      expect(firstRun).toEqual([0, 1, 2]);
      expect(secondRun).toEqual([3, 4]);
    });

    it('finishes the event in hand when closed, and stops there', async () => {
      const appended = await store.append(
        stream,
        [newEvent('A', {}), newEvent('B', {}), newEvent('C', {})],
        'no-stream',
      );
      let releaseB!: () => void;
      let startedB!: () => void;
      const bStarted = new Promise<void>((resolve) => (startedB = resolve));
      const handled: string[] = [];
      const subscription = store.subscribe({ after: 0, filter: { categories: [category] } }, async (event) => {
        if (event.type === 'B') {
          startedB();
          await new Promise<void>((resolve) => (releaseB = resolve));
        }
        handled.push(event.type);
      });
      await bStarted;
      const closing = subscription.close();
      releaseB();
      await closing;
      expect(handled).toEqual(['A', 'B']);
      expect(subscription.position).toBe(appended.events[1]!.position);
    });

    it('ends with the handler error instead of skipping the event', async () => {
      await store.append(stream, [newEvent('A', {}), newEvent('Poison', {}), newEvent('C', {})], 'no-stream');
      const handled: string[] = [];
      const subscription = store.subscribe({ after: 0, filter: { categories: [category] } }, (event) => {
        if (event.type === 'Poison') throw new Error('cannot handle');
        handled.push(event.type);
      });
      await expect(subscription.done).rejects.toThrow('cannot handle');
      expect(handled).toEqual(['A']);
      expect(subscription.position).toBeLessThan((await store.readStream(stream))[1]!.position);
    });
  });

  describe('volume and payloads', () => {
    it('keeps a 10,000-event stream complete, ordered and chained', async () => {
      for (let batch = 0; batch < 20; batch++) {
        const events = Array.from({ length: 500 }, (_, i) => newEvent('Fortschritt', { value: batch * 500 + i }));
        await store.append(stream, events, batch === 0 ? 'no-stream' : batch * 500 - 1);
      }
      const events = await store.readStream(stream);
      expect(events).toHaveLength(10_000);
      expect(
        events.every((event, index) => event.revision === index && (event.data as { value: number }).value === index),
      ).toBe(true);
      expectValidChain(events);
      const tail = await store.readStream(stream, { direction: 'backwards', maxCount: 2 });
      expect(tail.map((e) => e.revision)).toEqual([9_999, 9_998]);
    });

    it('stores unicode and a 1 MB payload unchanged', async () => {
      const text = 'Übergangsquote Grundschule → Sek I, Bad Essen, Hagen a.T.W. ✓ 😀 𝔘 ß \u0000 "quoted" \\ ';
      const large = 'Ä'.repeat(512 * 1024);
      await store.append(
        stream,
        [newEvent('Notiz', { text, large }, { reason: 'Änderung laut Beschluss – „Kreisausschuss“' })],
        'no-stream',
      );
      store = await adapter.restart(store);
      const [event] = await store.readStream(stream);
      expect((event!.data as { text: string }).text).toBe(text);
      expect((event!.data as { large: string }).large).toBe(large);
      expect(Buffer.byteLength(JSON.stringify(event!.data))).toBeGreaterThan(1024 * 1024);
      expect(event!.metadata.reason).toBe('Änderung laut Beschluss – „Kreisausschuss“');
      expectValidChain([event!]);
    });
  });
}
