import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, verifyAllStreams, verifyStream } from '../src';
import { newEvent } from './support/events';
import { changeBytesInFile, useTempDir } from '@bildungsregion/testing';

/** Changes stored events by editing the database file itself, the way an intruder would. */
describe('tamper evidence of the SQLite store', () => {
  const tempDir = useTempDir();
  let file: string;

  beforeEach(async () => {
    file = join(tempDir(), `${Date.now()}-${Math.random()}.sqlite`);
    const store = new SqliteEventStore({ file });
    await store.append(
      'goal-1',
      [
        newEvent('Drafted', { title: 'Ganztagsquote Grundschulen', target: 60 }),
        newEvent('Agreed', {}, { authority: 'Kreisausschuss, Beschluss 2026/041' }),
        newEvent('ProgressRecorded', { value: 41.5, note: 'Schuljahr 2025/26' }),
        newEvent('ProgressRecorded', { value: 44 }),
      ],
      'no-stream',
    );
    await store.append('goal-2', [newEvent('Drafted', { title: 'Betreuungsquote U3', target: 45 })], 'no-stream');
    await store.close();
  });

  it('verifies an untouched file', async () => {
    const store = new SqliteEventStore({ file });
    expect(await verifyStream(store, 'goal-1')).toMatchObject({ valid: true, eventsChecked: 4 });
    expect(await verifyAllStreams(store)).toEqual({ valid: true, streamsChecked: 2, eventsChecked: 5, broken: [] });
    await store.close();
  });

  it('reports a stream that does not exist as missing, not as valid', async () => {
    const store = new SqliteEventStore({ file });
    expect(await verifyStream(store, 'goal-gibt-es-nicht')).toMatchObject({
      valid: false,
      missing: true,
      eventsChecked: 0,
    });
    await store.close();
  });

  it('names the first event whose stored bytes were changed', async () => {
    changeBytesInFile(file, 'Beschluss 2026/041', 'Beschluss 2026/042');
    const store = new SqliteEventStore({ file });
    const result = await verifyStream(store, 'goal-1');
    expect(result).toMatchObject({
      valid: false,
      eventsChecked: 1,
      firstBroken: { streamId: 'goal-1', revision: 1, problem: { reason: 'hash-mismatch' } },
    });
    const all = await verifyAllStreams(store);
    expect(all.valid).toBe(false);
    expect(all.broken.map((link) => [link.streamId, link.revision])).toEqual([['goal-1', 1]]);
    await store.close();
  });

  it('detects a changed progress value in the data', async () => {
    changeBytesInFile(file, '"value":41.5', '"value":91.5');
    const store = new SqliteEventStore({ file });
    expect(await verifyStream(store, 'goal-1')).toMatchObject({
      valid: false,
      firstBroken: { revision: 2, problem: { reason: 'hash-mismatch' } },
    });
    await store.close();
  });

  it('detects a rewritten stored hash', async () => {
    const store = new SqliteEventStore({ file });
    const [, agreed] = await store.readStream('goal-1');
    await store.close();
    const forged = agreed!.metadata.hash.startsWith('a')
      ? `b${agreed!.metadata.hash.slice(1)}`
      : `a${agreed!.metadata.hash.slice(1)}`;
    changeBytesInFile(file, `${agreed!.metadata.hash}"}`, `${forged}"}`);
    const reopened = new SqliteEventStore({ file });
    const result = await verifyStream(reopened, 'goal-1');
    expect(result.valid).toBe(false);
    expect(result.firstBroken?.revision).toBe(1);
    await reopened.close();
  });

  it('refuses updates and deletes through SQL', () => {
    const db = new Database(file);
    expect(() => db.prepare("UPDATE events SET data = '{}' WHERE position = 1").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/never deleted/);
    db.close();
  });
});
