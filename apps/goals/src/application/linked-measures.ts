import { Aggregates, ServiceActor } from '@bildungsregion/application';
import {
  DataOf,
  IntegrationEvent,
  MeasureApproved,
  MeasureDropped,
  MeasureImplemented,
  MeasurePlanned,
  MeasureRevised,
} from '@bildungsregion/contracts';
import { EventStore, streamCategory } from '@bildungsregion/event-store';
import {
  findEvery,
  ProjectedDocument,
  Projection,
  ReadModelCollection,
  ReadModelStore,
} from '@bildungsregion/read-models';
import {
  LinkedMeasure,
  LinkedMeasureCommand,
  linkedMeasureDecider,
  LinkedMeasureEvent,
  MeasureProgress,
} from '../domain/linked-measure';
import { SERVICE_NAME } from './streams';

/** Stream `linkedmeasure-<measure id>`: goals' own record of what planning announced of a measure. */
export const LINKED_MEASURES = streamCategory('linkedmeasure');

/** The actor recorded on what goals notes of planning's measures. */
export const PLANNING_CONSUMER: ServiceActor = { id: 'goals.planning-consumer', role: 'service' };

/** A measure on the page of the goals it serves. */
export interface LinkedMeasureEntry extends ProjectedDocument {
  readonly title: string;
  readonly regionKey: string;
  readonly goalIds: readonly string[];
  readonly status: MeasureProgress;
  readonly updatedAt: string;
}

export const linkedMeasureProjection: Projection<LinkedMeasureEntry> = {
  name: 'goals.linked-measures',
  collection: 'linked_measures',
  filter: { categories: [LINKED_MEASURES.name] },
  indexes: [{ fields: { goalIds: 1 } }],
  documentIds: (event) => [LINKED_MEASURES.idOf(event.streamId)],
  evolve: (current, recorded, id) => {
    const event = { type: recorded.type, data: recorded.data } as LinkedMeasureEvent;
    const updatedAt = recorded.recordedAt;
    switch (event.type) {
      case 'MeasureBecameKnown':
      case 'KnownMeasureRevised': {
        const { title, regionKey, goalIds } = event.data;
        return { id, title, regionKey, goalIds, status: current?.status ?? 'planned', updatedAt };
      }
      case 'KnownMeasureProgressed':
        return current && { ...current, status: event.data.status, updatedAt };
    }
  },
};

function commandFor(event: IntegrationEvent): LinkedMeasureCommand | undefined {
  switch (event.type) {
    case MeasurePlanned.type:
    case MeasureRevised.type: {
      const { measureId, title, regionKey, goalIds } = event.data as DataOf<typeof MeasureRevised>;
      const outline = { measureId, title, regionKey, goalIds };
      return { type: event.type === MeasurePlanned.type ? 'NotePlanned' : 'NoteRevised', outline };
    }
    case MeasureApproved.type:
      return { type: 'NoteProgress', status: 'approved', on: (event.data as DataOf<typeof MeasureApproved>).decidedOn };
    case MeasureImplemented.type: {
      const on = (event.data as DataOf<typeof MeasureImplemented>).implementedOn;
      return { type: 'NoteProgress', status: 'implemented', on };
    }
    case MeasureDropped.type:
      return { type: 'NoteProgress', status: 'dropped', on: event.time.slice(0, 10) };
    default:
      return undefined;
  }
}

/** The measures planning links to goals, kept from its events so a goal's page lists them. */
export class LinkedMeasures {
  private readonly measures: Aggregates<LinkedMeasureCommand, LinkedMeasure, LinkedMeasureEvent>;
  private readonly entries: ReadModelCollection<LinkedMeasureEntry>;

  constructor(store: EventStore, readModels: ReadModelStore) {
    this.measures = new Aggregates({
      store,
      decider: linkedMeasureDecider,
      category: LINKED_MEASURES,
      source: SERVICE_NAME,
      noun: 'linked measure',
    });
    this.entries = readModels.collection<LinkedMeasureEntry>(linkedMeasureProjection.collection);
  }

  /** Records one of planning's measure events; idempotent, so redelivery changes nothing. */
  async note(event: IntegrationEvent): Promise<'recorded' | 'unchanged'> {
    const command = commandFor(event);
    if (!command) return 'unchanged';
    const { measureId } = event.data as { measureId: string };
    const outcome = await this.measures.execute(measureId, command, {
      principal: PLANNING_CONSUMER,
      correlationId: event.correlationId,
      causationId: event.id,
    });
    return outcome.events.length > 0 ? 'recorded' : 'unchanged';
  }

  /** The measures serving a goal, dropped ones last. */
  async forGoal(goalId: string): Promise<LinkedMeasureEntry[]> {
    const found = await findEvery(this.entries, { filter: { goalIds: goalId }, sort: { title: 1 } });
    return [
      ...found.filter((entry) => entry.status !== 'dropped'),
      ...found.filter((entry) => entry.status === 'dropped'),
    ];
  }
}
