import { join } from 'node:path';
import { newEvent } from './support/events';
import { SqliteEventStore, verifyAllStreams } from '../src';
import { useTempDir } from '@bildungsregion/testing';
import { startWriter } from './support/writer-process';

describe('SQLite event store when the writing process is killed', () => {
  const tempDir = useTempDir();

  it('keeps every acknowledged append, with no gap, duplicate or broken chain, and accepts appends again', async () => {
    const file = join(tempDir(), 'crash.sqlite');
    const writer = startWriter(file, 'writer-killed', 1_000_000);
    await writer.ready;
    writer.process.stdin?.end('go\n');
    const deadline = Date.now() + 60_000;
    while (writer.acknowledged().length < 300 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 5));
    writer.process.kill('SIGKILL');
    await writer.finished.catch(() => undefined);
    const acknowledged = writer.acknowledged();
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);

    const store = new SqliteEventStore({ file });
    const stored = (await store.readAll()).map((event) => (event.data as { i: number }).i);
    // Everything acknowledged is there; at most the append in flight when the process died is extra.
    expect(stored.slice(0, acknowledged.length)).toEqual(acknowledged);
    expect(stored.length - acknowledged.length).toBeLessThanOrEqual(1);
    expect(new Set(stored).size).toBe(stored.length);
    expect(await verifyAllStreams(store)).toMatchObject({ valid: true, eventsChecked: stored.length });

    const head = await store.lastRevision('shared-0');
    await store.append('shared-0', [newEvent('AfterCrash', {})], head ?? 'no-stream');
    const all = await store.readAll();
    expect(all.map((event) => event.position)).toEqual(all.map((_, index) => index + 1));
    await store.close();
  });
});
