import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore, InvalidEventError, SqliteEventStore, WrongExpectedRevisionError } from '../src';
import { eventStoreContract } from './contract/event-store.contract';
import { newEvent } from './support/events';
import { eventually, useTempDir } from '@bildungsregion/testing';

describe('SqliteEventStore', () => {
  const tempDir = useTempDir();
  const files = new WeakMap<EventStore, string>();
  const open = (file: string) => {
    const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
    files.set(store, file);
    return store;
  };

  eventStoreContract({
    create: async () => open(join(tempDir(), `${randomUUID()}.sqlite`)),
    restart: async (store) => {
      await store.close();
      return open(files.get(store)!);
    },
    gapFreePositions: true,
  });

  describe('group commit', () => {
    const APPENDERS = 50;
    const PAGE_FRAME = 4096 + 24;

    /** Every commit writes the pages it changed to the write-ahead log again. */
    const walFrames = (file: string) => Math.floor((statSync(`${file}-wal`).size - 32) / PAGE_FRAME);

    it('commits appends that arrive together in one transaction, each with its own result', async () => {
      const file = join(tempDir(), 'grouped.sqlite');
      const store = new SqliteEventStore({ file, synchronous: 'FULL' });
      await store.append('warmup-1', [newEvent('A', {})], 'no-stream');
      const before = walFrames(file);
      const results = await Promise.all(
        Array.from({ length: APPENDERS }, (_, n) => store.append(`goal-${n}`, [newEvent('A', { n })], 'no-stream')),
      );
      expect(results.map((result) => result.streamId)).toEqual(
        Array.from({ length: APPENDERS }, (_, n) => `goal-${n}`),
      );
      expect(new Set(results.map((result) => result.position)).size).toBe(APPENDERS);
      // One transaction per append rewrites the table and index pages 50 times: hundreds of frames.
      expect(walFrames(file) - before).toBeLessThan(APPENDERS / 2);
      await store.close();
    });

    it('refuses one append of a group and keeps the others', async () => {
      const store = open(join(tempDir(), `${randomUUID()}.sqlite`));
      await store.append('goal-shared', [newEvent('A', {})], 'no-stream');
      const outcomes = await Promise.allSettled([
        store.append('goal-one', [newEvent('A', {})], 'no-stream'),
        store.append('goal-shared', [newEvent('B', {})], 5),
        store.append('goal-shared', [newEvent('B', {})], 0),
        store.append('', [newEvent('A', {})], 'no-stream'),
        store.append('goal-shared', [newEvent('C', {})], 0),
        store.append('goal-two', [newEvent('A', {})], 'no-stream'),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual([
        'fulfilled',
        'rejected',
        'fulfilled',
        'rejected',
        'rejected',
        'fulfilled',
      ]);
      const reasons = outcomes.map((outcome) => (outcome.status === 'rejected' ? outcome.reason : undefined));
      expect(reasons[1]).toBeInstanceOf(WrongExpectedRevisionError);
      expect(reasons[3]).toBeInstanceOf(InvalidEventError);
      expect(reasons[4]).toBeInstanceOf(WrongExpectedRevisionError);
      expect((await store.readStream('goal-shared')).map((event) => event.type)).toEqual(['A', 'B']);
      expect(await store.headPosition()).toBe(4);
      await store.close();
    });

    it('commits what is queued when it is closed', async () => {
      const file = join(tempDir(), 'closing.sqlite');
      const store = open(file);
      const appended = store.append('goal-late', [newEvent('A', {})], 'no-stream');
      await store.close();
      await expect(appended).resolves.toMatchObject({ revision: 0 });
      const reopened = open(file);
      expect(await reopened.lastRevision('goal-late')).toBe(0);
      await reopened.close();
    });
  });

  it('wakes a subscription when another connection commits, without waiting for its poll', async () => {
    const file = join(tempDir(), 'watched.sqlite');
    const observer = new SqliteEventStore({ file, synchronous: 'NORMAL', pollIntervalMs: 60_000 });
    const writer = open(file);
    const seen: string[] = [];
    const subscription = observer.subscribe({ after: 0 }, (event) => {
      seen.push(event.streamId);
    });
    try {
      await subscription.caughtUp;
      await writer.append('goal-elsewhere', [newEvent('A', {})], 'no-stream');
      await eventually(() => seen.length > 0, 2_000);
      expect(seen).toEqual(['goal-elsewhere']);
    } finally {
      await writer.close();
      await observer.close();
    }
  });
});
