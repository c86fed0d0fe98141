import Database from 'better-sqlite3';
import { join } from 'node:path';
import { RecordedEvent, SqliteEventStore, verifyAllStreams } from '../src';
import { useTempDir } from '@bildungsregion/testing';
import { newEvent } from './support/events';
import { startWriter } from './support/writer-process';

const PER_WRITER = 400;

describe('SQLite event store shared by several OS processes', () => {
  const tempDir = useTempDir();

  it('loses nothing, duplicates no revision and keeps global positions gap-free while two processes append', async () => {
    const file = join(tempDir(), 'shared.sqlite');
    const observer = new SqliteEventStore({ file, pollIntervalMs: 10 });
    const seenLive: RecordedEvent[] = [];
    const subscription = observer.subscribe({ after: 0 }, (event) => {
      seenLive.push(event);
    });

    const writers = [startWriter(file, 'writer-a', PER_WRITER), startWriter(file, 'writer-b', PER_WRITER)];
    await Promise.all(writers.map((writer) => writer.ready));
    for (const writer of writers) writer.process.stdin?.end('go\n');
    await Promise.all(writers.map((writer) => writer.finished));

    const all = await observer.readAll();
    expect(all).toHaveLength(2 * PER_WRITER);
    expect(all.map((event) => event.position)).toEqual(all.map((_, index) => index + 1));
    for (const writer of ['writer-a', 'writer-b']) {
      const mine = all
        .filter((event) => (event.data as { writer: string }).writer === writer)
        .map((event) => (event.data as { i: number }).i);
      expect(mine).toEqual(Array.from({ length: PER_WRITER }, (_, i) => i));
    }
    for (const stream of ['shared-0', 'shared-1', 'shared-2']) {
      const revisions = (await observer.readStream(stream)).map((event) => event.revision);
      expect(revisions).toEqual(revisions.map((_, index) => index));
    }
    expect(await verifyAllStreams(observer)).toMatchObject({ valid: true, eventsChecked: 2 * PER_WRITER });

    const deadline = Date.now() + 10_000;
    while (seenLive.length < 2 * PER_WRITER && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seenLive.map((event) => event.position)).toEqual(all.map((event) => event.position));
    await subscription.close();
    await observer.close();
    const order = all.map((event) => (event.data as { writer: string }).writer);
    const switches = order.filter((writer, index) => index > 0 && writer !== order[index - 1]).length;
    expect(switches).toBeGreaterThan(1);
  });

  describe('while another process holds the write lock', () => {
    const event = newEvent('noted', {});

    it('waits for it without blocking this process, then commits', async () => {
      const file = join(tempDir(), 'locked.sqlite');
      const store = new SqliteEventStore({ file });
      const other = new Database(file);
      other.exec('BEGIN IMMEDIATE');
      try {
        const appended = store.append('held-1', [event], 'no-stream');
        const turns = await new Promise<number>((resolve) => {
          let count = 0;
          const tick = () => (++count === 20 ? resolve(count) : setTimeout(tick, 1));
          tick();
        });
        expect(turns).toBe(20);
        other.exec('COMMIT');
        await expect(appended).resolves.toMatchObject({ revision: 0 });
      } finally {
        if (other.inTransaction) other.exec('ROLLBACK');
        other.close();
        await store.close();
      }
    });

    it('gives up after its busy timeout with the lock error, and commits nothing', async () => {
      const file = join(tempDir(), 'never-released.sqlite');
      const store = new SqliteEventStore({ file, busyTimeoutMs: 200 });
      const other = new Database(file);
      other.exec('BEGIN IMMEDIATE');
      try {
        const started = Date.now();
        await expect(store.append('held-2', [event], 'no-stream')).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
        expect(Date.now() - started).toBeGreaterThanOrEqual(200);
        other.exec('ROLLBACK');
        expect(await store.readStream('held-2')).toEqual([]);
      } finally {
        if (other.inTransaction) other.exec('ROLLBACK');
        other.close();
        await store.close();
      }
    });
  });
});
