import { planAppend } from '../append-plan';
import { LiveSubscriptions } from '../catch-up-subscription';
import { NewEvent, RecordedEvent } from '../envelope';
import {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  matchesFilter,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../port';
import { readStreamSlice } from '../read-stream-slice';
import { inActiveTrace } from '../trace-context';

export interface InMemoryEventStoreOptions {
  readonly clock?: () => Date;
}

/** Keeps everything in process memory: for unit tests and throw-away demos. */
export class InMemoryEventStore implements EventStore {
  readonly gapFreePositions = true;
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly live: LiveSubscriptions;
  private readonly clock: () => Date;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.live = new LiveSubscriptions((readOptions) => this.readAll(readOptions), 1_000);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const plan = planAppend(
      streamId,
      inActiveTrace(events),
      expectedRevision,
      { findById: (id) => this.byId.get(id), lastEvent: (id) => this.streams.get(id)?.at(-1) },
      this.clock().toISOString(),
    );
    if (plan.kind === 'already-appended') return plan.result;
    const stream = this.streams.get(streamId) ?? [];
    const recorded = plan.events.map(
      (event, index) => ({ ...event, position: this.log.length + index + 1 }) as RecordedEvent,
    );
    for (const event of recorded) {
      this.log.push(event);
      stream.push(event);
      this.byId.set(event.id, event);
    }
    this.streams.set(streamId, stream);
    this.live.notifyAppended();
    const last = recorded[recorded.length - 1] as RecordedEvent;
    return { streamId, revision: last.revision, position: last.position, events: recorded };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return readStreamSlice(this.streams.get(streamId) ?? [], options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? 0;
    const result: RecordedEvent[] = [];
    for (let index = after; index < this.log.length && result.length < (options.maxCount ?? Infinity); index++) {
      const event = this.log[index] as RecordedEvent;
      if (matchesFilter(event, options.filter)) result.push(event);
    }
    return result;
  }

  subscribe(options: SubscribeOptions, handler: EventHandler): Subscription {
    return this.live.subscribe(options, handler);
  }

  async lastRevision(streamId: string): Promise<number | null> {
    return this.streams.get(streamId)?.at(-1)?.revision ?? null;
  }

  async headPosition(): Promise<number> {
    return this.log.length;
  }

  async close(): Promise<void> {
    await this.live.closeAll();
  }
}
