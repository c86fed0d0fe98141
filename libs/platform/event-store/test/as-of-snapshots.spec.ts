import { fold } from '@bildungsregion/decider';
import fc from 'fast-check';
import { join } from 'node:path';
import { useTempDir } from '@bildungsregion/testing';
import { AsOf, CommandHandler, EventStore, InMemoryEventStore, RecordedEvent, SqliteEventStore } from '../src';
import { AgreementEvent, agreementDecider } from './support/agreement-decider';
import { coordinator } from './support/events';

const START = Date.parse('2026-01-01T00:00:00Z');
const minutes = (offset: number) => new Date(START + offset * 60_000);

interface Step {
  /** Minutes after the start when the event is recorded; may go back, as a stepped clock would. */
  readonly recorded: number;
  /** Minutes after the start from when it takes effect. */
  readonly effective: number;
}

/** Drafts one agreement and revises its target once per step, each at its own recorded and effective time. */
async function recordSteps(store: EventStore, setClock: (at: Date) => void, steps: readonly Step[]): Promise<void> {
  const handler = new CommandHandler(store, agreementDecider, { source: 'goals' });
  setClock(minutes(0));
  await handler.handle('agreement-1', { type: 'Draft', title: 'Ganztag', target: 0 }, { actor: coordinator });
  for (const [index, step] of steps.entries()) {
    setClock(minutes(step.recorded));
    await handler.handle(
      'agreement-1',
      { type: 'Revise', target: index + 1 },
      { actor: coordinator, effectiveAt: minutes(step.effective).toISOString(), reason: 'Neue Datenlage' },
    );
  }
}

/** What an as-of read must answer: every event of the stream filtered by the bounds, folded from the start. */
function fullFold(events: readonly RecordedEvent[], asOf: AsOf) {
  const admitted = events.filter(
    (event) =>
      (asOf.revision === undefined || event.revision <= asOf.revision) &&
      (asOf.recordedAsOf === undefined || Date.parse(event.recordedAt) <= Date.parse(String(asOf.recordedAsOf))) &&
      (asOf.effectiveAsOf === undefined ||
        Date.parse(event.metadata.effectiveAt) <= Date.parse(String(asOf.effectiveAsOf))),
  );
  return {
    state: fold(
      agreementDecider,
      admitted.map((event) => ({ type: event.type, data: event.data }) as AgreementEvent),
    ),
    revision: admitted.length === 0 ? null : (admitted[admitted.length - 1] as RecordedEvent).revision,
  };
}

const steps = fc.array(fc.record({ recorded: fc.nat(600), effective: fc.nat(600) }), {
  minLength: 1,
  maxLength: 300,
  size: 'max',
});
const asOfs = fc.array(
  fc.record(
    {
      recordedAsOf: fc.nat(620).map((offset) => minutes(offset).toISOString()),
      effectiveAsOf: fc.nat(620).map((offset) => minutes(offset).toISOString()),
      revision: fc.nat(320),
    },
    { requiredKeys: [] },
  ),
  { minLength: 1, maxLength: 25 },
);

describe('as-of reads from snapshots', () => {
  it('answer every as-of read as a fold of the whole stream would, however times and bounds fall', async () => {
    await fc.assert(
      fc.asyncProperty(
        steps,
        asOfs,
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 2, max: 40 }),
        async (history, reads, interval, kept) => {
          let now = minutes(0);
          const store = new InMemoryEventStore({ clock: () => now });
          await recordSteps(store, (at) => (now = at), history);
          const events = await store.readStream('agreement-1');
          const handler = new CommandHandler(store, agreementDecider, {
            source: 'goals',
            snapshotInterval: interval,
            snapshotsKept: kept,
          });
          for (const asOf of reads) {
            const loaded = await handler.load('agreement-1', asOf);
            expect({ state: loaded.state, revision: loaded.revision }).toEqual(fullFold(events, asOf));
            expect(loaded.integrity).toEqual({ intact: true });
          }
        },
      ),
      { numRuns: 60, endOnFailure: true },
    );
  });

  it('reads only the events from the snapshot on, not the whole stream', async () => {
    let now = minutes(0);
    const store = new InMemoryEventStore({ clock: () => now });
    const history = Array.from({ length: 1_000 }, (_, index) => ({ recorded: index + 1, effective: index + 1 }));
    await recordSteps(store, (at) => (now = at), history);
    const reads: number[] = [];
    const readStream = store.readStream.bind(store);
    store.readStream = async (streamId, options) => {
      const events = await readStream(streamId, options);
      reads.push(events.length);
      return events;
    };
    const handler = new CommandHandler(store, agreementDecider, { source: 'goals', snapshotInterval: 64 });
    await handler.load('agreement-1');
    reads.length = 0;

    const loaded = await handler.load('agreement-1', { recordedAsOf: minutes(500.5).toISOString() });

    expect(loaded).toMatchObject({ revision: 500, state: { target: 500, revisions: 500 } });
    expect(reads.reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(64 + 2);
  });

  it('still notices a changed event in what it reads from a snapshot on', async () => {
    let now = minutes(0);
    const inner = new InMemoryEventStore({ clock: () => now });
    const history = Array.from({ length: 100 }, (_, index) => ({ recorded: index + 1, effective: index + 1 }));
    await recordSteps(inner, (at) => (now = at), history);
    const handler = new CommandHandler(inner, agreementDecider, { source: 'goals', snapshotInterval: 16 });
    await handler.load('agreement-1');
    const readStream = inner.readStream.bind(inner);
    inner.readStream = async (streamId, options) =>
      (await readStream(streamId, options)).map((event) =>
        event.revision === 40 ? { ...event, data: { target: 4_000 } } : event,
      );

    const loaded = await handler.load('agreement-1', { recordedAsOf: minutes(45.5).toISOString() });

    expect(loaded.integrity).toMatchObject({ intact: false, problem: { reason: 'chain-broken' } });
  });

  describe('on the SQLite store', () => {
    const tempDir = useTempDir();

    it('answers as a full fold does, also after a restart rebuilt the snapshots', async () => {
      const file = join(tempDir(), 'events.sqlite');
      let now = minutes(0);
      const store = new SqliteEventStore({ file, clock: () => now });
      const history = Array.from({ length: 700 }, (_, index) => ({
        recorded: index + 1,
        effective: (index * 37) % 700,
      }));
      await recordSteps(store, (at) => (now = at), history);
      await store.close();
      const reopened = new SqliteEventStore({ file });
      const events = await reopened.readStream('agreement-1');
      const handler = new CommandHandler(reopened, agreementDecider, { source: 'goals', snapshotInterval: 32 });
      for (const asOf of [
        { recordedAsOf: minutes(350.5).toISOString() },
        { effectiveAsOf: minutes(100).toISOString() },
        { recordedAsOf: minutes(650).toISOString(), effectiveAsOf: minutes(400).toISOString() },
        { revision: 333 },
      ])
        expect(await handler.load('agreement-1', asOf)).toMatchObject(fullFold(events, asOf));
      await reopened.close();
    });
  });
});
