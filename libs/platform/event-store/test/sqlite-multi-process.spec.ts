import { join } from 'node:path';
import { RecordedEvent, SqliteEventStore, verifyAllStreams } from '../src';
import { useTempDir } from '@bildungsregion/testing';
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
});
