import { EventStoreFileAttacker, useTempDir } from '@bildungsregion/testing';
import { join } from 'node:path';
import {
  CommandHandler,
  Seal,
  SealKey,
  sealSignedBy,
  SqliteEventStore,
  StoreHeads,
  TamperedStreamError,
  verifyStoreAgainstSeal,
  chainGuardOf,
  GENESIS_HASH,
} from '../src';
import { agreementDecider } from './support/agreement-decider';
import { coordinator } from './support/events';

const context = { actor: coordinator, correlationId: 'corr-seal' };

describe('sealed audit trail', () => {
  const dir = useTempDir();
  const key = SealKey.generate();
  let file: string;

  /** Three agreements of three events each, sealed. */
  async function sealedStore(): Promise<Seal> {
    file = join(dir(), `events-${Math.random().toString(36).slice(2)}.sqlite`);
    const store = new SqliteEventStore({ file });
    const handler = new CommandHandler(store, agreementDecider, { source: 'goals' });
    for (const id of ['a', 'b', 'c']) {
      await handler.handle(`agreement-${id}`, { type: 'Draft', title: `Ziel ${id}`, target: 40 }, context);
      await handler.handle(`agreement-${id}`, { type: 'Revise', target: 41 }, context);
      await handler.handle(`agreement-${id}`, { type: 'Revise', target: 42 }, context);
    }
    const heads = new StoreHeads(store);
    await heads.catchUp();
    const seal = key.sign({
      service: 'goals',
      sequence: 1,
      sealedAt: new Date().toISOString(),
      previousSealHash: GENESIS_HASH,
      ...heads.statement(),
    });
    await store.close();
    return seal;
  }

  async function verify(seal: Seal) {
    const store = new SqliteEventStore({ file });
    try {
      return await verifyStoreAgainstSeal(store, seal, [key.publicKey]);
    } finally {
      await store.close();
    }
  }

  function attack(change: (attacker: EventStoreFileAttacker) => void): void {
    const attacker = new EventStoreFileAttacker(file);
    change(attacker);
    attacker.close();
  }

  it('states every stream’s length and head hash, signed, and an untouched store matches it', async () => {
    const seal = await sealedStore();
    expect(seal).toMatchObject({ globalPosition: 9, streamCount: 3, eventCount: 9, keyId: key.keyId });
    expect(seal.streams['agreement-b']).toEqual({ length: 3, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(sealSignedBy(seal, [key.publicKey])).toBe(true);
    expect(sealSignedBy({ ...seal, globalPosition: 8 }, [key.publicKey])).toBe(false);
    expect(sealSignedBy(seal, [SealKey.generate().publicKey])).toBe(false);
    expect(await verify(seal)).toMatchObject({ valid: true, eventsChecked: 9, streamsChecked: 3, eventsAfterSeal: 0 });
  });

  it('finds the last events of a stream deleted, and the gap they leave', async () => {
    const seal = await sealedStore();
    attack((attacker) => attacker.truncate('agreement-a', 1));
    const result = await verify(seal);
    expect(result).toMatchObject({
      valid: false,
      truncatedStreams: [{ streamId: 'agreement-a', sealedLength: 3, length: 2 }],
      brokenChains: [],
    });
    expect(result.positionGaps).toHaveLength(1);
  });

  it('reports a deleted stream as missing', async () => {
    const seal = await sealedStore();
    attack((attacker) => attacker.deleteStream('agreement-c'));
    expect(await verify(seal)).toMatchObject({ valid: false, missingStreams: ['agreement-c'], positionGaps: [] });
  });

  it('finds history rewritten before the seal even when every later hash was recomputed', async () => {
    const seal = await sealedStore();
    attack((attacker) => attacker.rewrite('agreement-b', 1, (data) => ({ ...data, target: 99 })));
    expect(await verify(seal)).toMatchObject({
      valid: false,
      brokenChains: [],
      rewrittenStreams: [{ streamId: 'agreement-b', revision: 2, sealedHash: seal.streams['agreement-b']?.headHash }],
    });
  });

  it('finds gaps in the global positions left by deleted events', async () => {
    const seal = await sealedStore();
    attack((attacker) => attacker.truncate('agreement-b', 3));
    expect((await verify(seal)).positionGaps).toEqual([{ after: 3, next: 7 }]);
  });

  it('refuses commands on a stream changed since this process verified it, re-hashing only what is new', async () => {
    await sealedStore();
    const store = new SqliteEventStore({ file });
    const handler = new CommandHandler(store, agreementDecider, { source: 'goals' });
    expect((await handler.load('agreement-a')).integrity).toEqual({ intact: true });
    expect((await handler.load('agreement-b')).integrity).toEqual({ intact: true });
    attack((attacker) => {
      attacker.truncate('agreement-a', 1);
      attacker.rewrite('agreement-b', 0, (data) => ({ ...data, title: 'Umgeschrieben' }));
    });
    await expect(handler.handle('agreement-a', { type: 'Revise', target: 50 }, context)).rejects.toThrow(
      TamperedStreamError,
    );
    const rewritten = handler.handle('agreement-b', { type: 'Revise', target: 50 }, context);
    await expect(rewritten).rejects.toMatchObject({
      streamId: 'agreement-b',
      problem: { reason: 'rewritten', revision: 2 },
    });
    expect((await handler.load('agreement-b')).integrity).toMatchObject({ intact: false });
    expect([...chainGuardOf(store).brokenStreams().keys()].sort()).toEqual(['agreement-a', 'agreement-b']);
    await store.close();
  });

  it('measures a stream against its sealed head when a new process first reads it', async () => {
    const seal = await sealedStore();
    attack((attacker) => attacker.rewrite('agreement-c', 1, (data) => ({ ...data, target: 10 })));
    const store = new SqliteEventStore({ file });
    chainGuardOf(store).trustSeal(seal.streams);
    const handler = new CommandHandler(store, agreementDecider, { source: 'goals' });
    expect((await handler.load('agreement-c')).integrity).toMatchObject({
      intact: false,
      problem: { reason: 'rewritten' },
    });
    expect((await handler.load('agreement-a')).integrity).toEqual({ intact: true });
    await store.close();
  });
});
