import { ActorRegistered, ActorRenamed, ActorRetired, DataOf, IntegrationEvent } from '@bildungsregion/contracts';
import { accept, Decider, DomainEvent } from '@bildungsregion/decider';
import { EventStore, streamCategory } from '@bildungsregion/event-store';
import {
  ProjectedDocument,
  Projection,
  ReadModelCollection,
  ReadModelStore,
  ReadModelsUnavailableError,
} from '@bildungsregion/read-models';
import { Aggregates } from './aggregates';
import { ServiceActor } from './principal';

/** An actor as planning's directory announced it: enough to show a name, nothing personal. */
export interface KnownActor {
  readonly status: 'unknown' | 'active' | 'retired';
  readonly name: string;
  readonly kind: 'organisation' | 'network';
  readonly type: string;
}

type KnownActorEvent =
  | DomainEvent<'ActorBecameKnown', { actorId: string; name: string; kind: KnownActor['kind']; type: string }>
  | DomainEvent<'KnownActorRenamed', { name: string }>
  | DomainEvent<'KnownActorRetired', Record<string, never>>;

type KnownActorCommand =
  | { readonly type: 'NoteRegistered'; readonly data: DataOf<typeof ActorRegistered> }
  | { readonly type: 'NoteRenamed'; readonly name: string }
  | { readonly type: 'NoteRetired' };

/** Notes planning's announcements; a redelivered or out-of-date one changes nothing. */
const knownActorDecider: Decider<KnownActorCommand, KnownActor, KnownActorEvent> = {
  initialState: { status: 'unknown', name: '', kind: 'organisation', type: '' },
  decide: (command, actor) => {
    switch (command.type) {
      case 'NoteRegistered': {
        if (actor.status !== 'unknown') return accept();
        const { actorId, name, kind, type } = command.data;
        return accept({ type: 'ActorBecameKnown', data: { actorId, name, kind, type } });
      }
      case 'NoteRenamed':
        return actor.status === 'unknown' || actor.name === command.name
          ? accept()
          : accept({ type: 'KnownActorRenamed', data: { name: command.name } });
      case 'NoteRetired':
        return actor.status === 'active' ? accept({ type: 'KnownActorRetired', data: {} }) : accept();
    }
  },
  evolve: (actor, event) => {
    switch (event.type) {
      case 'ActorBecameKnown':
        return { status: 'active', name: event.data.name, kind: event.data.kind, type: event.data.type };
      case 'KnownActorRenamed':
        return { ...actor, name: event.data.name };
      case 'KnownActorRetired':
        return { ...actor, status: 'retired' };
    }
  },
};

/** Stream `directory-<actor id>`: the service's own record of what planning announced of the actor. */
export const KNOWN_ACTORS = streamCategory('directory');

/** One row of the local directory. */
export interface KnownActorEntry extends ProjectedDocument {
  readonly name: string;
  readonly kind: KnownActor['kind'];
  readonly status: 'active' | 'retired';
}

export const knownActorProjection: Projection<KnownActorEntry> = {
  name: 'actor-directory',
  collection: 'actor_directory',
  filter: { categories: [KNOWN_ACTORS.name] },
  indexes: [],
  documentIds: (event) => [KNOWN_ACTORS.idOf(event.streamId)],
  evolve: (current, recorded, id) => {
    const event = { type: recorded.type, data: recorded.data } as KnownActorEvent;
    switch (event.type) {
      case 'ActorBecameKnown':
        return { id, name: event.data.name, kind: event.data.kind, status: 'active' };
      case 'KnownActorRenamed':
        return current && { ...current, name: event.data.name };
      case 'KnownActorRetired':
        return current && { ...current, status: 'retired' };
    }
  },
};

/** A note in a command's answer: the command was recorded, but something in it deserves a look. */
export interface CommandWarning {
  readonly code: 'unknown-actor' | 'retired-actor' | 'directory-unavailable';
  /** The actor the warning is about; none when the directory could not be read at all. */
  readonly actorId?: string;
  readonly message: string;
}

/**
 * The local copy of planning's actors directory that goals and ideas keep from its events, to show
 * names and to warn (never refuse) when a command names an actor the directory does not know.
 */
export class ActorDirectory {
  private readonly actors: Aggregates<KnownActorCommand, KnownActor, KnownActorEvent>;
  private readonly entries: ReadModelCollection<KnownActorEntry>;

  constructor(
    store: EventStore,
    readModels: ReadModelStore,
    private readonly consumer: ServiceActor,
  ) {
    this.actors = new Aggregates({
      store,
      decider: knownActorDecider,
      category: KNOWN_ACTORS,
      source: consumer.id,
      noun: 'known actor',
    });
    this.entries = readModels.collection<KnownActorEntry>(knownActorProjection.collection);
  }

  /** Records one of planning's directory events; idempotent, so redelivery changes nothing. */
  async note(event: IntegrationEvent): Promise<void> {
    const data = event.data as { actorId: string };
    const command: KnownActorCommand | undefined =
      event.type === ActorRegistered.type
        ? { type: 'NoteRegistered', data: event.data as DataOf<typeof ActorRegistered> }
        : event.type === ActorRenamed.type
          ? { type: 'NoteRenamed', name: (event.data as DataOf<typeof ActorRenamed>).name }
          : event.type === ActorRetired.type
            ? { type: 'NoteRetired' }
            : undefined;
    if (!command) return;
    await this.actors.execute(data.actorId, command, {
      principal: this.consumer,
      correlationId: event.correlationId,
      causationId: event.id,
    });
  }

  /** The directory's entries for the given ids; ids it does not know are left out. */
  async lookUp(actorIds: readonly string[]): Promise<Record<string, { name: string; status: string }>> {
    const ids = [...new Set(actorIds)];
    if (ids.length === 0) return {};
    const found = await this.entries.find({ filter: { id: { $in: ids } }, limit: ids.length });
    return Object.fromEntries(found.map((entry) => [entry.id, { name: entry.name, status: entry.status }]));
  }

  /** The names, or none while the read models cannot be reached: names only adorn an answer. */
  async lookUpIfReachable(actorIds: readonly string[]): Promise<Record<string, { name: string; status: string }>> {
    try {
      return await this.lookUp(actorIds);
    } catch (error) {
      if (error instanceof ReadModelsUnavailableError) return {};
      throw error;
    }
  }

  /**
   * A warning for every id the directory does not know or knows as retired. A command is never held
   * up by the directory: while its read model cannot be reached, the answer says the check was skipped.
   */
  async warningsFor(actorIds: readonly string[]): Promise<CommandWarning[]> {
    if (actorIds.length === 0) return [];
    let known: Record<string, { name: string; status: string }>;
    try {
      known = await this.lookUp(actorIds);
    } catch (error) {
      if (!(error instanceof ReadModelsUnavailableError)) throw error;
      return [
        {
          code: 'directory-unavailable',
          message: 'The actors directory could not be read just now; the named actors were not checked.',
        },
      ];
    }
    return [...new Set(actorIds)].flatMap((actorId): CommandWarning[] => {
      const entry = known[actorId];
      if (!entry)
        return [
          {
            code: 'unknown-actor',
            actorId,
            message: `${actorId} is not in the actors directory (yet); check the id or register the organisation in planning.`,
          },
        ];
      return entry.status === 'retired'
        ? [
            {
              code: 'retired-actor',
              actorId,
              message: `${entry.name} (${actorId}) is retired in the actors directory.`,
            },
          ]
        : [];
    });
  }
}
