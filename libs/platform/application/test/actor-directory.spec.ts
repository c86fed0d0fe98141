import { ActorRegistered, ActorRenamed, ActorRetired, IntegrationEvent } from '@bildungsregion/contracts';
import { InMemoryEventStore } from '@bildungsregion/event-store';
import { InMemoryReadModelStore, ProjectionRunner } from '@bildungsregion/read-models';
import { randomUUID } from 'node:crypto';
import { ActorDirectory, KNOWN_ACTORS, knownActorProjection } from '../src';

const announced = (type: string, data: Record<string, unknown>): IntegrationEvent => ({
  id: randomUUID(),
  type,
  source: 'planning',
  subject: `organisation-${String(data['actorId'])}`,
  time: new Date().toISOString(),
  correlationId: 'directory-test',
  data,
});

const registered = announced(ActorRegistered.type, {
  actorId: 'vhs-osnabruecker-land',
  name: 'VHS Osnabrücker Land',
  kind: 'organisation',
  type: 'vhs',
  regionKey: '03459019',
});

describe('the local actor directory', () => {
  let store: InMemoryEventStore;
  let runner: ProjectionRunner<never>;
  let directory: ActorDirectory;

  beforeEach(async () => {
    store = new InMemoryEventStore();
    const readModels = new InMemoryReadModelStore();
    runner = new ProjectionRunner(store, readModels, knownActorProjection as never);
    await runner.start();
    directory = new ActorDirectory(store, readModels, { id: 'goals.actor-directory', role: 'service' });
  });

  afterEach(() => runner.stop());

  const settled = () => runner.caughtUpWithStore(5_000);

  it('knows an actor planning registered, under its latest name, and records a redelivery only once', async () => {
    await directory.note(registered);
    await directory.note(registered);
    await directory.note(
      announced(ActorRenamed.type, { actorId: 'vhs-osnabruecker-land', name: 'VHS Osnabrück-Land' }),
    );
    await directory.note(
      announced(ActorRenamed.type, { actorId: 'vhs-osnabruecker-land', name: 'VHS Osnabrück-Land' }),
    );
    await settled();
    expect(await directory.lookUp(['vhs-osnabruecker-land', 'niemand'])).toEqual({
      'vhs-osnabruecker-land': { name: 'VHS Osnabrück-Land', status: 'active' },
    });
    const recorded = await store.readStream(KNOWN_ACTORS.streamId('vhs-osnabruecker-land'));
    expect(recorded.map((event) => event.type)).toEqual(['ActorBecameKnown', 'KnownActorRenamed']);
    expect(recorded[0]?.metadata.causationId).toBe(registered.id);
  });

  it('warns of unknown and retired actors, and of nothing else', async () => {
    await directory.note(registered);
    await directory.note(
      announced(ActorRegistered.type, {
        actorId: 'alter-verein',
        name: 'Alter Verein',
        kind: 'organisation',
        type: 'verein',
      }),
    );
    await directory.note(announced(ActorRetired.type, { actorId: 'alter-verein' }));
    await settled();
    const warnings = await directory.warningsFor(['vhs-osnabruecker-land', 'alter-verein', 'tippfehler', 'tippfehler']);
    expect(warnings.map(({ code, actorId }) => [code, actorId])).toEqual([
      ['retired-actor', 'alter-verein'],
      ['unknown-actor', 'tippfehler'],
    ]);
    expect(await directory.warningsFor([])).toEqual([]);
  });

  it('ignores a rename or retirement of an actor it never heard of, and other events', async () => {
    await directory.note(announced(ActorRenamed.type, { actorId: 'spaeter', name: 'Später' }));
    await directory.note(announced(ActorRetired.type, { actorId: 'spaeter' }));
    await directory.note(announced('bildung.ideas.idea-submitted.v1', { actorId: 'spaeter' }));
    await settled();
    expect(await directory.lookUp(['spaeter'])).toEqual({});
    expect(await store.readAll({})).toEqual([]);
  });
});
