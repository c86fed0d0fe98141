import { EventFilter, RecordedEvent } from '@bildungsregion/event-store';
import { IndexDefinition, ReadModelDocument } from './port';

/** Every projected document records the global position of the last event applied to it. */
export interface ProjectedDocument extends ReadModelDocument {
  readonly projectedPosition: number;
}

/**
 * A read model as a fold over events: for each event, which documents it touches and what each
 * becomes. The runner applies it idempotently: an event at or below a document's
 * `projectedPosition` is skipped, so replays after a crash change nothing.
 */
export interface Projection<T extends ProjectedDocument> {
  /** Also the start of the name of the projection's checkpoint. */
  readonly name: string;
  /**
   * Raise it when what the projection writes changes in code its functions call: a change to
   * `documentIds`, `evolve`, the collection, filter or indexes is noticed without it. Either way the
   * projection rebuilds its documents from the first event at its next start.
   */
  readonly version?: number;
  readonly collection: string;
  readonly indexes?: readonly IndexDefinition[];
  readonly filter?: EventFilter;
  documentIds(event: RecordedEvent): readonly string[];
  /** The document after the event, or null to remove it; `projectedPosition` is set by the runner. */
  evolve(current: T | null, event: RecordedEvent, id: string): Omit<T, 'projectedPosition'> | null;
}
