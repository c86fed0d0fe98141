import { CommandHandler, InMemoryEventStore } from '../src';
import { agreementDecider } from './support/agreement-decider';
import { coordinator } from './support/events';

describe('bitemporal reads', () => {
  let now = new Date('2026-03-01T09:00:00Z');
  const store = new InMemoryEventStore({ clock: () => now });
  const handler = new CommandHandler(store, agreementDecider, { source: 'goals' });
  const at = (iso: string) => {
    now = new Date(iso);
  };

  beforeAll(async () => {
    at('2026-03-01T09:00:00Z');
    await handler.handle('agreement-1', { type: 'Draft', title: 'Ganztag', target: 40 }, { actor: coordinator });
    // Recorded on 10 March: the committee agreed on 5 March.
    at('2026-03-10T12:00:00Z');
    await handler.handle(
      'agreement-1',
      { type: 'Agree' },
      { actor: coordinator, effectiveAt: '2026-03-05', authority: 'Kreisausschuss 2026/041' },
    );
    // Recorded on 20 March, effective from 1 April.
    at('2026-03-20T08:00:00Z');
    await handler.handle(
      'agreement-1',
      { type: 'Revise', target: 45 },
      { actor: coordinator, effectiveAt: '2026-04-01', reason: 'Neue Datenlage' },
    );
  });

  it('shows what the system knew at a past time', async () => {
    expect((await handler.load('agreement-1', { recordedAsOf: '2026-03-08' })).state).toMatchObject({
      status: 'draft',
      target: 40,
    });
    expect((await handler.load('agreement-1', { recordedAsOf: '2026-03-15' })).state).toMatchObject({
      status: 'agreed',
      target: 40,
    });
    expect((await handler.load('agreement-1', { recordedAsOf: '2026-03-15' })).revision).toBe(1);
    expect((await handler.load('agreement-1', { recordedAsOf: '2026-02-01' })).revision).toBeNull();
  });

  it('shows what was in effect at a past time, as known now', async () => {
    expect((await handler.load('agreement-1', { effectiveAsOf: '2026-03-06' })).state).toMatchObject({
      status: 'agreed',
      target: 40,
    });
    expect((await handler.load('agreement-1', { effectiveAsOf: '2026-04-02' })).state).toMatchObject({ target: 45 });
  });

  it('shows the state right after a given revision', async () => {
    expect(await handler.load('agreement-1', { revision: 0 })).toMatchObject({
      revision: 0,
      state: { status: 'draft', target: 40 },
    });
    expect(await handler.load('agreement-1', { revision: 1 })).toMatchObject({
      revision: 1,
      state: { status: 'agreed', target: 40 },
    });
    expect(await handler.load('agreement-1', { revision: 2 })).toMatchObject({ revision: 2, state: { target: 45 } });
  });

  it('combines both: what was known on 8 March to be in effect on 6 March', async () => {
    const { state } = await handler.load('agreement-1', { recordedAsOf: '2026-03-08', effectiveAsOf: '2026-03-06' });
    expect(state).toMatchObject({ status: 'draft' });
  });

  it('refuses a time it cannot read', async () => {
    await expect(handler.load('agreement-1', { recordedAsOf: 'last week' })).rejects.toThrow(
      /recordedAsOf "last week"/,
    );
  });
});
