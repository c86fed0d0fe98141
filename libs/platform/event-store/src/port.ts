import { categoryOf, NewEvent, RecordedEvent } from './envelope';

/**
 * What an append expects the stream to look like: `'no-stream'` (the stream must not exist yet),
 * `'any'` (no check), or the exact revision of the stream's last event.
 */
export type ExpectedRevision = 'no-stream' | 'any' | number;

export interface AppendResult {
  readonly streamId: string;
  /** Revision of the stream's last event after the append. */
  readonly revision: number;
  /** Global position of the last appended event. */
  readonly position: number;
  readonly events: readonly RecordedEvent[];
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** First revision to read (inclusive); defaults to the first (forwards) or last (backwards) event. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface EventFilter {
  /** Only streams of these categories (see `categoryOf`). */
  readonly categories?: readonly string[];
  /** Only events of these types. */
  readonly types?: readonly string[];
}

export interface ReadAllOptions {
  /** A checkpoint: only events with a position greater than this are returned; 0 reads from the start. */
  readonly after?: number;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface SubscribeOptions {
  /** The checkpoint to resume from: the position of the last event already handled, 0 for none. */
  readonly after: number;
  readonly filter?: EventFilter;
}

export type EventHandler = (event: RecordedEvent) => Promise<void> | void;

/**
 * A catch-up subscription: it delivers every stored event after the checkpoint, one at a time and in
 * global order, then keeps following new appends until closed.
 */
export interface Subscription {
  /** Position of the last event the handler finished; persist it as the checkpoint. */
  readonly position: number;
  /** Resolves once every event that existed when the subscription started has been handled. */
  readonly caughtUp: Promise<void>;
  /** Settles when the subscription ends: resolves after `close()`, rejects with the handler's error. */
  readonly done: Promise<void>;
  /** Stops after the event in hand has been handled. */
  close(): Promise<void>;
}

/** The event store port. Every adapter passes the same contract suite. */
export interface EventStore {
  /** Whether global positions run 1, 2, 3, … without gaps, so a gap means events were removed. */
  readonly gapFreePositions: boolean;
  append(streamId: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribe(options: SubscribeOptions, handler: EventHandler): Subscription;
  /** Revision of the stream's last event, or null when the stream does not exist. */
  lastRevision(streamId: string): Promise<number | null>;
  /** Global position of the store's last event, 0 when the store is empty. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}

export function matchesFilter(
  event: Pick<RecordedEvent, 'streamId' | 'type'>,
  filter: EventFilter | undefined,
): boolean {
  if (!filter) return true;
  if (filter.categories && !filter.categories.includes(categoryOf(event.streamId))) return false;
  if (filter.types && !filter.types.includes(event.type)) return false;
  return true;
}

/** Where a subscriber keeps how far it got: the position of the last event it finished, 0 for none. */
export interface CheckpointStore {
  loadCheckpoint(name: string): Promise<number>;
  saveCheckpoint(name: string, position: number): Promise<void>;
}

export interface Lag {
  /** Events after the position, counted up to `LAG_COUNT_LIMIT`. */
  readonly events: number;
  /** Age of the oldest of them; 0 when there are none. */
  readonly seconds: number;
}

export const LAG_COUNT_LIMIT = 10_000;

/** How far a subscriber at `position` is behind the store. */
export async function lagBehind(
  store: Pick<EventStore, 'readAll'>,
  position: number,
  filter?: EventFilter,
): Promise<Lag> {
  const behind = await store.readAll({ after: position, filter, maxCount: LAG_COUNT_LIMIT });
  const oldest = behind[0];
  return {
    events: behind.length,
    seconds: oldest ? Math.max(0, (Date.now() - Date.parse(oldest.recordedAt)) / 1000) : 0,
  };
}
