import { randomUUID } from 'node:crypto';
import { ANY, NO_STREAM, START } from '@eventstore/db-client';
import { sealEvents, prepareEvents } from '../src/append-plan';
import {
  fromEsdbCurrentRevision,
  fromEsdbEvent,
  toEsdbEvent,
  toEsdbExpectedRevision,
  toEsdbReadPosition,
} from '../src/adapters/eventstoredb/mapping';
import { EventStoreDbEventStore, StreamChainVerifier } from '../src';
import { eventStoreContract } from './contract/event-store.contract';
import { newEvent } from './support/events';

describe('EventStoreDB mapping', () => {
  it('maps expected revisions both ways', () => {
    expect(toEsdbExpectedRevision('any')).toBe(ANY);
    expect(toEsdbExpectedRevision('no-stream')).toBe(NO_STREAM);
    expect(toEsdbExpectedRevision(41)).toBe(BigInt(41));
    expect(fromEsdbCurrentRevision(BigInt(7))).toBe(7);
    expect(fromEsdbCurrentRevision(NO_STREAM)).toBeNull();
    expect(fromEsdbCurrentRevision(undefined)).toBeNull();
  });

  it('maps checkpoints to $all read positions', () => {
    expect(toEsdbReadPosition(0)).toBe(START);
    expect(toEsdbReadPosition(1_234_567)).toEqual({ commit: BigInt(1_234_567), prepare: BigInt(1_234_567) });
  });

  const recordedAt = '2026-11-26T10:00:00.000Z';
  const sealed = sealEvents(
    'goal-1',
    prepareEvents(
      'goal-1',
      [
        newEvent(
          'Agreed',
          { target: 60 },
          {
            authority: 'Kreisausschuss, Beschluss 2026/041',
            reason: 'Beschluss',
            effectiveAt: '2026-11-20',
            correlationId: 'corr-1',
            causationId: 'cmd-9',
            schemaVersion: 2,
          },
        ),
      ],
      recordedAt,
    ),
    undefined,
    recordedAt,
  );

  it('writes the envelope into EventStoreDB metadata, with the correlation keys its projections use', () => {
    const written = toEsdbEvent(sealed[0]!);
    expect(written).toMatchObject({
      id: sealed[0]!.id,
      type: 'Agreed',
      contentType: 'application/json',
      data: { target: 60 },
      metadata: {
        recordedAt,
        effectiveAt: '2026-11-20T00:00:00.000Z',
        authority: 'Kreisausschuss, Beschluss 2026/041',
        schemaVersion: 2,
        hash: sealed[0]!.metadata.hash,
        prevHash: sealed[0]!.metadata.prevHash,
        $correlationId: 'corr-1',
        $causationId: 'cmd-9',
      },
    });
  });

  it('reads the envelope back unchanged, so the hash still verifies', () => {
    const written = toEsdbEvent(sealed[0]!);
    const read = fromEsdbEvent({
      id: written.id,
      streamId: 'goal-1',
      type: written.type,
      revision: BigInt(0),
      data: written.data,
      metadata: JSON.parse(JSON.stringify(written.metadata)),
      isJson: true,
      position: { commit: BigInt(9_000), prepare: BigInt(9_000) },
    });
    expect(read).toEqual({ ...sealed[0], position: 9_000 });
    expect(new StreamChainVerifier('goal-1').check(read!)).toBeUndefined();
  });

  it('ignores system events and events written by other tools', () => {
    const base = { id: randomUUID(), revision: BigInt(0), data: {}, isJson: true };
    expect(
      fromEsdbEvent({ ...base, streamId: '$stats-0.0.0.0:2113', type: '$statsCollected', metadata: {} }),
    ).toBeUndefined();
    expect(
      fromEsdbEvent({ ...base, streamId: 'goal-1', type: 'Foreign', metadata: { some: 'thing' } }),
    ).toBeUndefined();
    expect(
      fromEsdbEvent({ ...base, streamId: 'goal-1', type: 'Binary', isJson: false, metadata: undefined }),
    ).toBeUndefined();
  });
});

const url = process.env.EVENTSTORE_URL;
const describeWithEventStoreDb = url ? describe : describe.skip;

describeWithEventStoreDb(
  `EventStoreDbEventStore${url ? ` at ${url}` : ' (skipped: EVENTSTORE_URL is not set; docker compose up eventstore provides one)'}`,
  () => {
    eventStoreContract({
      create: async () => new EventStoreDbEventStore({ connectionString: url as string }),
      restart: async (store) => {
        await store.close();
        return new EventStoreDbEventStore({ connectionString: url as string });
      },
      gapFreePositions: false,
    });
  },
);
