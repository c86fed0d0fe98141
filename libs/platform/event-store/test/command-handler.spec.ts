import { join } from 'node:path';
import { useTempDir } from '@bildungsregion/testing';
import { CommandHandler, EventStore, InMemoryEventStore, SqliteEventStore } from '../src';
import { agreementDecider } from './support/agreement-decider';
import { coordinator, newEvent } from './support/events';

const context = { actor: coordinator, correlationId: 'corr-7' };

describe('CommandHandler', () => {
  let store: InMemoryEventStore;
  let handler: CommandHandler<
    Parameters<typeof agreementDecider.decide>[0],
    ReturnType<typeof agreementDecider.evolve>,
    Parameters<typeof agreementDecider.evolve>[1]
  >;

  beforeEach(() => {
    store = new InMemoryEventStore();
    handler = new CommandHandler(store, agreementDecider, { source: 'goals' });
  });

  it('appends the decided events with the context as metadata', async () => {
    const result = await handler.handle(
      'agreement-1',
      { type: 'Draft', title: 'Sprachförderung', target: 80 },
      {
        ...context,
        reason: 'Auftakt',
        authority: 'Steuergruppe 2026/1',
        effectiveAt: '2026-02-01',
      },
    );
    expect(result).toMatchObject({ outcome: 'accepted', revision: 0 });
    const [event] = await store.readStream('agreement-1');
    expect(event).toMatchObject({
      type: 'Drafted',
      data: { title: 'Sprachförderung', target: 80 },
      metadata: {
        actor: coordinator,
        reason: 'Auftakt',
        authority: 'Steuergruppe 2026/1',
        effectiveAt: '2026-02-01T00:00:00.000Z',
        correlationId: 'corr-7',
        source: 'goals',
        schemaVersion: 1,
      },
    });
    expect((await handler.load('agreement-1')).state).toMatchObject({ status: 'draft', target: 80 });
  });

  it('returns a typed rejection and appends nothing', async () => {
    await handler.handle('agreement-1', { type: 'Draft', title: 'A', target: 80 }, context);
    const invalid = await handler.handle('agreement-1', { type: 'Draft', title: 'B', target: 70 }, context);
    expect(invalid).toEqual({
      outcome: 'rejected',
      revision: 0,
      rejection: {
        kind: 'invalid-transition',
        code: 'already-drafted',
        message: 'This agreement has already been drafted.',
      },
    });
    const violation = await handler.handle('agreement-1', { type: 'Revise', target: 80 }, context);
    expect(violation).toMatchObject({
      outcome: 'rejected',
      rejection: { kind: 'rule-violation', code: 'target-unchanged' },
    });
    expect(await store.lastRevision('agreement-1')).toBe(0);
  });

  it('answers a stale expected revision with a conflict without deciding', async () => {
    await handler.handle('agreement-1', { type: 'Draft', title: 'A', target: 80 }, context);
    await handler.handle('agreement-1', { type: 'Revise', target: 85 }, context);
    const stale = await handler.handle(
      'agreement-1',
      { type: 'Revise', target: 90 },
      { ...context, expectedRevision: 0 },
    );
    expect(stale).toEqual({ outcome: 'conflict', expectedRevision: 0, actualRevision: 1 });
    const current = await handler.handle(
      'agreement-1',
      { type: 'Revise', target: 90 },
      { ...context, expectedRevision: 1 },
    );
    expect(current).toMatchObject({ outcome: 'accepted', revision: 2 });
  });

  /** Lets another writer append right before each of the handler's appends. */
  function withCompetingWriter(inner: EventStore, competingAppends: number): EventStore {
    let remaining = competingAppends;
    return Object.assign(Object.create(inner) as EventStore, {
      append: async (...args: Parameters<EventStore['append']>) => {
        if (remaining > 0) {
          remaining -= 1;
          await inner.append(args[0], [newEvent('TargetRevised', { target: 100 + remaining })], 'any');
        }
        return inner.append(...args);
      },
    });
  }

  it('decides again on the newer state when another writer got in between', async () => {
    await handler.handle('agreement-1', { type: 'Draft', title: 'A', target: 80 }, context);
    const racing = new CommandHandler(withCompetingWriter(store, 2), agreementDecider, {
      source: 'goals',
      maxAttempts: 3,
    });
    const result = await racing.handle('agreement-1', { type: 'Revise', target: 60 }, context);
    expect(result).toMatchObject({ outcome: 'accepted', revision: 3 });
    expect((await handler.load('agreement-1')).state).toMatchObject({ target: 60, revisions: 3 });
  });

  it('gives up with a conflict after the bounded number of attempts', async () => {
    await handler.handle('agreement-1', { type: 'Draft', title: 'A', target: 80 }, context);
    const racing = new CommandHandler(withCompetingWriter(store, 5), agreementDecider, {
      source: 'goals',
      maxAttempts: 2,
    });
    const result = await racing.handle('agreement-1', { type: 'Revise', target: 60 }, context);
    expect(result).toMatchObject({ outcome: 'conflict', actualRevision: 2 });
    expect((await store.readStream('agreement-1')).map((e) => (e.data as { target: number }).target)).toEqual([
      80, 104, 103,
    ]);
  });

  it('lets store errors other than conflicts through', async () => {
    const result = handler.handle('$system', { type: 'Draft', title: 'A', target: 80 }, context);
    await expect(result).rejects.toThrow(/Stream id/);
  });
});

describe('CommandHandler state cache', () => {
  it('reads only the cached head and the events after it, and sees what other writers appended', async () => {
    const store = new InMemoryEventStore();
    const handler = new CommandHandler(store, agreementDecider, { source: 'goals' });
    const otherProcess = new CommandHandler(store, agreementDecider, { source: 'goals' });
    await handler.handle('agreement-1', { type: 'Draft', title: 'Ganztag', target: 40 }, context);
    await handler.handle('agreement-1', { type: 'Revise', target: 42 }, context);
    await handler.load('agreement-1');
    await otherProcess.handle('agreement-1', { type: 'Revise', target: 45 }, context);
    const reads = jest.spyOn(store, 'readStream');
    expect(await handler.load('agreement-1')).toEqual({
      revision: 2,
      state: { status: 'draft', title: 'Ganztag', target: 45, revisions: 2 },
      integrity: { intact: true },
    });
    expect(reads).toHaveBeenCalledWith('agreement-1', { fromRevision: 1 });
    expect(await handler.handle('agreement-1', { type: 'Revise', target: 45 }, context)).toMatchObject({
      outcome: 'rejected',
    });
  });

  it('stays correct when streams are evicted, and can be turned off', async () => {
    const store = new InMemoryEventStore();
    for (const cachedStreams of [1, 0]) {
      const handler = new CommandHandler(store, agreementDecider, { source: 'goals', cachedStreams });
      for (const id of ['a', 'b', 'a', 'b']) {
        const streamId = `agreement-${cachedStreams}-${id}`;
        const { state } = await handler.load(streamId);
        await handler.handle(
          streamId,
          state.status === 'none'
            ? { type: 'Draft', title: id, target: 1 }
            : { type: 'Revise', target: state.revisions + 2 },
          context,
        );
      }
      expect((await handler.load(`agreement-${cachedStreams}-a`)).state).toMatchObject({ target: 2, revisions: 1 });
      expect((await handler.load(`agreement-${cachedStreams}-b`)).revision).toBe(1);
    }
  });

  describe('with concurrent commands on one stream', () => {
    const tempDir = useTempDir();

    it('takes them one after another, while reads of the stream overlap and verify further', async () => {
      const store = new SqliteEventStore({ file: join(tempDir(), 'events.sqlite'), synchronous: 'NORMAL' });
      const handler = new CommandHandler(store, agreementDecider, { source: 'goals' });
      await handler.handle('agreement-1', { type: 'Draft', title: 'Ganztag', target: 0 }, context);
      const targets = Array.from({ length: 40 }, (_, n) => n + 1);
      const [results, reads] = await Promise.all([
        Promise.all(targets.map((target) => handler.handle('agreement-1', { type: 'Revise', target }, context))),
        Promise.all(targets.map(() => handler.load('agreement-1'))),
      ]);
      expect(results.map((result) => result.outcome)).toEqual(targets.map(() => 'accepted'));
      expect(reads.every((read) => read.integrity.intact)).toBe(true);
      const loaded = await handler.load('agreement-1');
      expect(loaded).toMatchObject({ revision: 40, state: { target: 40, revisions: 40 }, integrity: { intact: true } });
      await store.close();
    });
  });
});
