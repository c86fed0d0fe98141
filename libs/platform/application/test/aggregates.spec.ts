import { accept, Decider, DomainEvent, invalidTransition, ruleViolation } from '@bildungsregion/decider';
import { InMemoryEventStore, streamCategory } from '@bildungsregion/event-store';
import { Aggregates, CommandRejectedError, CommandRequest, newIdFor, NotFoundError, StaleRevisionError } from '../src';

type NoteEvent = DomainEvent<'Written', { text: string }> | DomainEvent<'Edited', { text: string }>;
type NoteCommand = { type: 'Write'; text: string } | { type: 'Edit'; text: string };
interface Note {
  readonly text: string | null;
}

const notes: Decider<NoteCommand, Note, NoteEvent> = {
  initialState: { text: null },
  decide(command, note) {
    if (command.type === 'Write')
      return note.text === null
        ? accept({ type: 'Written', data: { text: command.text } })
        : invalidTransition('note-exists', 'written');
    if (note.text === null) return invalidTransition('note-not-found', 'There is no note.');
    return command.text === note.text
      ? ruleViolation('edit-without-change', 'The text is the same.')
      : accept({ type: 'Edited', data: { text: command.text } });
  },
  evolve: (_note, event) => ({ text: event.data.text }),
};

const request: CommandRequest = {
  principal: { id: 'k-1', role: 'coordinator' },
  correlationId: 'c-1',
  reason: 'Tippfehler',
};
const creates = { code: 'note-exists', message: 'There is a note n1 already.' };

describe('aggregates', () => {
  const store = new InMemoryEventStore();
  const aggregates = new Aggregates({
    store,
    decider: notes,
    category: streamCategory('note'),
    source: 'notes',
    noun: 'note',
  });

  it('records a command with the request as metadata and answers with the new revision', async () => {
    const outcome = await aggregates.execute('n1', { type: 'Write', text: 'Hallo' }, request, { creates });
    expect(outcome).toMatchObject({ id: 'n1', revision: 0, events: [{ type: 'Written', streamId: 'note-n1' }] });
    expect(outcome.events[0]?.metadata).toMatchObject({
      actor: { id: 'k-1', role: 'coordinator' },
      correlationId: 'c-1',
      reason: 'Tippfehler',
      source: 'notes',
    });
  });

  it('translates every other outcome into an application error, and records nothing', async () => {
    await expect(aggregates.execute('n1', { type: 'Write', text: 'Nochmal' }, request, { creates })).rejects.toEqual(
      new CommandRejectedError({ kind: 'invalid-transition', ...creates }),
    );
    await expect(aggregates.execute('n1', { type: 'Edit', text: 'Hallo' }, request)).rejects.toMatchObject({
      rejection: { kind: 'rule-violation', code: 'edit-without-change' },
    });
    const stale = aggregates.execute('n1', { type: 'Edit', text: 'Neu' }, { ...request, expectedRevision: 5 });
    await expect(stale).rejects.toBeInstanceOf(StaleRevisionError);
    await expect(stale).rejects.toMatchObject({
      noun: 'note',
      expected: 5,
      actual: 0,
      message: 'The note has changed since revision 5 (it is now at revision 0); reload it and decide again.',
    });
    await expect(
      aggregates.execute('n3', { type: 'Write', text: 'Neu' }, { ...request, expectedRevision: 0 }, { creates }),
    ).rejects.toMatchObject({ rejection: { kind: 'invalid-transition', code: 'if-match-on-create' } });
    await expect(aggregates.execute('n2', { type: 'Edit', text: 'x' }, request)).rejects.toEqual(
      new NotFoundError('There is no note n2.', 'note-not-found', 'Note not found'),
    );
    await expect(aggregates.load('n2', { recordedAsOf: '2020-01-01T00:00:00Z' })).rejects.toThrow(
      'There is no note n2 as recorded by 2020-01-01T00:00:00Z.',
    );
    expect(await store.lastRevision('note-n1')).toBe(0);
    expect(await store.lastRevision('note-n3')).toBeNull();
  });

  it('reads history and verifies chains of one aggregate and of the category', async () => {
    await aggregates.execute('n1', { type: 'Edit', text: 'Hallo Welt' }, { ...request, expectedRevision: 0 });
    expect((await aggregates.history('n1', { offset: 0, limit: 10 })).items.map((entry) => entry.type)).toEqual([
      'Written',
      'Edited',
    ]);
    expect(await aggregates.verify('n1')).toMatchObject({ valid: true });
    expect(await aggregates.verifyAll()).toMatchObject({ valid: true, streamsChecked: 1 });
    await expect(aggregates.history('n9', { offset: 0, limit: 10 })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('ids of what a command creates', () => {
  it('follow from the Idempotency-Key, the caller and the scope, and are random without a key', () => {
    const keyed = { ...request, idempotencyKey: 'abc' };
    expect(newIdFor(keyed, 'goal')).toBe(newIdFor(keyed, 'goal'));
    expect(newIdFor(keyed, 'goal')).not.toBe(
      newIdFor({ ...keyed, principal: { id: 'k-2', role: 'coordinator' } }, 'goal'),
    );
    expect(newIdFor(keyed, 'progress', 'g1')).not.toBe(newIdFor(keyed, 'progress', 'g2'));
    expect(newIdFor(request, 'goal')).not.toBe(newIdFor(request, 'goal'));
  });
});
