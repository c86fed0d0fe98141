import { join } from 'node:path';
import { accept, Decider, DomainEvent } from '@bildungsregion/decider';
import { CommandHandler, SqliteEventStore, Upcasters, verifyStream } from '../src';
import { coordinator } from './support/events';
import { useTempDir } from '@bildungsregion/testing';

/** Version 1 stored the target as a bare number; version 2 stores value and unit. */
type TargetSetV2 = DomainEvent<'TargetSet', { target: { value: number; unit: string } }>;
interface Target {
  value?: number;
  unit?: string;
}

const decider: Decider<{ type: 'Set'; value: number; unit: string }, Target, TargetSetV2> = {
  initialState: {},
  decide: (command) => accept({ type: 'TargetSet', data: { target: { value: command.value, unit: command.unit } } }),
  evolve: (_state, event) => ({ value: event.data.target.value, unit: event.data.target.unit }),
};

const upcasters = new Upcasters([
  {
    type: 'TargetSet',
    fromVersion: 1,
    upcast: (data) => ({ target: { value: (data as { target: number }).target, unit: '%' } }),
  },
]);

describe('upcasting', () => {
  const tempDir = useTempDir();

  it('reads an event stored in schema version 1 as version 2, while its stored form still verifies', async () => {
    const file = join(tempDir(), 'old-version.sqlite');
    const writtenByOldRelease = new SqliteEventStore({ file });
    await writtenByOldRelease.append(
      'goal-1',
      [
        {
          type: 'TargetSet',
          data: { target: 55 },
          metadata: { actor: coordinator, source: 'goals', schemaVersion: 1 },
        },
      ],
      'no-stream',
    );
    await writtenByOldRelease.close();

    const store = new SqliteEventStore({ file });
    const handler = new CommandHandler(store, decider, { source: 'goals', upcasters });
    const loaded = await handler.load('goal-1');
    expect(loaded.state).toEqual({ value: 55, unit: '%' });
    expect(upcasters.upcast((await store.readStream('goal-1'))[0]!)).toMatchObject({
      data: { target: { value: 55, unit: '%' } },
      metadata: { schemaVersion: 2 },
    });

    await handler.handle('goal-1', { type: 'Set', value: 60, unit: 'Prozentpunkte' }, { actor: coordinator });
    const raw = await store.readStream('goal-1');
    expect(raw.map((e) => [e.metadata.schemaVersion, e.data])).toEqual([
      [1, { target: 55 }],
      [2, { target: { value: 60, unit: 'Prozentpunkte' } }],
    ]);
    expect(await verifyStream(store, 'goal-1')).toMatchObject({ valid: true, eventsChecked: 2 });
    await store.close();
  });

  it('refuses a chain of upcasters with a missing step', () => {
    expect(() => new Upcasters([{ type: 'TargetSet', fromVersion: 2, upcast: (data) => data }])).toThrow(
      'No upcaster for TargetSet from version 1 to 2.',
    );
  });
});
